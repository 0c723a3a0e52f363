import { defineArea } from '../kernel/area.ts';
import { ACTIONS } from './prioritization.policy.ts';
import { MESSAGES } from './prioritization.messages.ts';
import { PRIORITIZATION_GATES } from './prioritization.gates.ts';
import { PRIORITIZATION_DEMO } from './prioritization.demo.ts';
import './prioritization.tables.ts';
import { prioritizationRoutes } from './prioritization.routes.ts';

/**
 * Prioritization: the provisional ranked list of Concertation. Viable proposals are scored (technical evaluation, and
 * the workshops' votes in the process's share) and fitted to each envelope by the rules library; every list is kept.
 */
export const prioritizationArea = defineArea({
  name: 'prioritization',
  tables: ['provisional_lists'],
  routes: prioritizationRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: PRIORITIZATION_GATES,
  demo: PRIORITIZATION_DEMO,
});
