import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './coordination.policy.ts';
import { MESSAGES } from './coordination.messages.ts';
import { COORDINATION_GATES } from './coordination.gates.ts';
import { isAgreementDocument } from './coordination.repository.ts';
import { COORDINATION_DEMO } from './coordination.demo.ts';
import './coordination.tables.ts';
import { coordinationRoutes } from './coordination.routes.ts';

/**
 * Coordination: agreements with other levels of government and programmes that co-finance the projects of the
 * provisional list, each project's reach, and the financing table that shows every source and the gap.
 */
export const coordinationArea = defineArea({
  name: 'coordination',
  tables: ['coordination_agreements', 'coordination_reach'],
  routes: coordinationRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: COORDINATION_DEMO,
  phaseGates: COORDINATION_GATES,
  publicFiles: isAgreementDocument,
});
