import { defineArea } from '../kernel/area.ts';
import { isTrainingMaterial } from './training.queries.ts';
import { TRAINING_DEMO } from './training.demo.ts';
import { ACTIONS } from './training.policy.ts';
import { MESSAGES } from './training.messages.ts';
import { TRAINING_GATES } from './training.gates.ts';
import './training.tables.ts';
import { trainingRoutes } from './training.routes.ts';

/** Training: sessions, materials and attendance of the participating agents. */
export const trainingArea = defineArea({
  name: 'training',
  tables: ['training_sessions', 'training_materials', 'training_attendance'],
  routes: trainingRoutes,
  publicFiles: isTrainingMaterial,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: TRAINING_GATES,
  demo: TRAINING_DEMO,
});
