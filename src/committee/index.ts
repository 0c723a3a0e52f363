import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './committee.policy.ts';
import { MESSAGES } from './committee.messages.ts';
import { COMMITTEE_GATES } from './committee.gates.ts';
import { COMMITTEE_DEMO } from './committee.demo.ts';
import './committee.tables.ts';
import { committeeRoutes } from './committee.routes.ts';

/**
 * The oversight committee's election (Comité de Vigilancia): the approved agents who stand, the votes of the
 * formalization session, and the members chosen under the women quota, seated in the quotas area's oversight body.
 */
export const committeeArea = defineArea({
  name: 'committee',
  tables: ['committee_candidates', 'committee_elections', 'committee_votes'],
  routes: committeeRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: COMMITTEE_DEMO,
  phaseGates: COMMITTEE_GATES,
});
