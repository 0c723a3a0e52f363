import { defineArea } from '../kernel/area.ts';
import { REGISTRATION_DEMO } from './registration.demo.ts';
import { ACTIONS } from './registration.policy.ts';
import { MESSAGES } from './registration.messages.ts';
import { REGISTRATION_GATES } from './registration.gates.ts';
import './registration.tables.ts';
import { registrationRoutes } from './registration.routes.ts';

/**
 * Registration: participating agents and organizations, their decisions, the CSV import, the public registry, and the
 * one-time codes that link a registration made without an account to its person's account.
 */
export const registrationArea = defineArea({
  name: 'registration',
  tables: ['organizations', 'agents', 'agent_imports', 'registration_lists', 'registration_list_entries', 'registration_challenges', 'accreditation_commission_members', 'registration_claim_codes'],
  routes: registrationRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: REGISTRATION_GATES,
  demo: REGISTRATION_DEMO,
});
