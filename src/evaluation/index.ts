import { defineArea } from '../kernel/area.ts';
import { EVALUATION_DEMO } from './evaluation.demo.ts';
import { EVALUATION_GATES } from './evaluation.gates.ts';
import { MESSAGES } from './evaluation.messages.ts';
import { ACTIONS } from './evaluation.policy.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import './evaluation.tables.ts';

/**
 * Technical evaluation of Concertation: the process's prioritization matrix, proposals assigned to the technical team,
 * each evaluator's viability, reasons, adjusted cost and scores, the published evaluation and its authors' answer.
 */
export const evaluationArea = defineArea({
  name: 'evaluation',
  tables: ['evaluation_criteria', 'evaluation_criterion_levels', 'evaluation_assignments', 'evaluations', 'evaluation_scores', 'evaluation_observations'],
  routes: evaluationRoutes,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: EVALUATION_GATES,
  demo: EVALUATION_DEMO,
});
