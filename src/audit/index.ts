import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './audit.policy.ts';
import './audit.tables.ts';
import { auditRoutes } from './audit.routes.ts';

/** Audit log: the hash-chained record of every decision, and its reading by oversight. */
export const auditArea = defineArea({
  name: 'audit',
  tables: ['audit_log', 'audit_checkpoints'],
  routes: auditRoutes,
  actions: ACTIONS,
});
