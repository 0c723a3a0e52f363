import { defineArea } from '../kernel/area.ts';
import { WORKSHOPS_DEMO } from './workshops.demo.ts';
import { ACTIONS } from './workshops.policy.ts';
import { MESSAGES } from './workshops.messages.ts';
import { WORKSHOPS_GATES } from './workshops.gates.ts';
import './workshops.tables.ts';
import { workshopsRoutes } from './workshops.routes.ts';

/** Workshops: the Concertation's sessions by zone and thematic axis, their attendance, signed minutes and room votes. */
export const workshopsArea = defineArea({
  name: 'workshops',
  tables: ['workshops', 'workshop_attendance', 'workshop_minutes', 'workshop_agreements', 'workshop_minutes_signers', 'workshop_votes'],
  routes: workshopsRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: WORKSHOPS_GATES,
  demo: WORKSHOPS_DEMO,
});
