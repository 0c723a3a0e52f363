import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './approval.policy.ts';
import { MESSAGES } from './approval.messages.ts';
import { APPROVAL_GATES } from './approval.gates.ts';
import { APPROVAL_DEMO } from './approval.demo.ts';
import './approval.tables.ts';
import { approvalRoutes } from './approval.routes.ts';

/**
 * The approval chain of the formalized list: the Consejo de Coordinación Local's and the municipal council's sessions
 * on the list the vote adopted, the council's approval freezing it, voted amendments after that, investment codes, and
 * the export for the Ministry of Economy and Finance.
 */
export const approvalArea = defineArea({
  name: 'approval',
  tables: ['approval_sessions', 'approval_answers', 'approval_snapshots', 'approval_amendments', 'approval_investment_codes'],
  routes: approvalRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: APPROVAL_GATES,
  demo: APPROVAL_DEMO,
});
