import { defineArea } from '../kernel/area.ts';
import { REGISTRATION_DEMO } from './registration.demo.ts';
import { ACTIONS } from './registration.policy.ts';
import { MESSAGES } from './registration.messages.ts';
import { REGISTRATION_GATES } from './registration.gates.ts';
import './registration.tables.ts';
import { registrationRoutes } from './registration.routes.ts';

/** Registration: participating agents and organizations, their decisions, the CSV import, the public registry. */
export const registrationArea = defineArea({
  name: 'registration',
  tables: ['organizations', 'agents', 'agent_imports', 'registration_lists', 'registration_list_entries', 'registration_challenges', 'accreditation_commission_members'],
  routes: registrationRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: REGISTRATION_GATES,
  demo: REGISTRATION_DEMO,
});
