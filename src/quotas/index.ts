import { defineArea } from '../kernel/area.ts';
import { QUOTAS_DEMO } from './quotas.demo.ts';
import { ACTIONS } from './quotas.policy.ts';
import { MESSAGES } from './quotas.messages.ts';
import { QUOTA_GATES } from './quota.gates.ts';
import './quotas.tables.ts';
import { quotaRoutes } from './quota.routes.ts';

/** Quotas: the representative bodies, their elected members and their women quotas. */
export const quotasArea = defineArea({
  name: 'quotas',
  tables: ['body_members'],
  routes: quotaRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: QUOTA_GATES,
  demo: QUOTAS_DEMO,
});
