import { defineArea } from '../kernel/area.ts';
import { PLAN_DEMO } from './plan.demo.ts';
import { ACTIONS } from './plan.policy.ts';
import { MESSAGES } from './plan.messages.ts';
import './plan.tables.ts';
import { planRoutes } from './plan.routes.ts';

/** Plan: the development plan (axes, objectives) and the zones of the municipality. */
export const planArea = defineArea({
  name: 'plan',
  tables: ['thematic_axes', 'plan_objectives', 'zones'],
  routes: planRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  demo: PLAN_DEMO,
});
