import { defineCatalogue } from '../shared/errors.ts';

/** The evaluation area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    MATRIX_WEIGHTS_NOT_100: { status: 400, es: 'Los pesos de los criterios deben sumar 100; suman {total}.', en: 'The criteria weights must add up to 100; they add up to {total}.' },
    MATRIX_DUPLICATE_CRITERION: { status: 400, es: 'El criterio «{name}» figura dos veces en la matriz.', en: 'Criterion "{name}" appears twice in the matrix.' },
    MATRIX_SCALE_INVALID: { status: 400, es: 'La escala del criterio «{name}» ({min} a {max}) no es válida: el máximo supera al mínimo, con {steps} pasos como máximo.', en: 'The scale of criterion "{name}" ({min} to {max}) is not valid: the maximum is above the minimum, by at most {steps} steps.' },
    MATRIX_LEVELS_INCOMPLETE: { status: 400, es: 'El criterio «{name}» debe explicar cada nivel de su escala, del {min} al {max}, una vez cada uno.', en: 'Criterion "{name}" must explain each level of its scale, {min} to {max}, once each.' },
    MATRIX_FROZEN: { status: 409, es: 'La matriz de priorización ya no puede cambiar: la evaluación empezó ({count} asignaciones).', en: 'The prioritization matrix can no longer change: evaluation has started ({count} assignments).' },
    MATRIX_NOT_OPEN: { status: 409, es: 'La matriz de priorización se fija durante la Preparación o la Concertación (fase actual: {phase}).', en: 'The prioritization matrix is set during Preparation or Concertation (current phase: {phase}).' },
    EVALUATION_NO_MATRIX: { status: 409, es: 'Fija primero la matriz de priorización del proceso: sin ella no se puede evaluar.', en: 'Set the process\'s prioritization matrix first: without it nothing can be evaluated.' },
    EVALUATION_NOT_OPEN: { status: 409, es: 'La evaluación técnica se hace durante la Concertación (fase actual: {phase}).', en: 'Technical evaluation takes place during Concertation (current phase: {phase}).' },
    EVALUATOR_NOT_TECHNICAL_TEAM: { status: 400, es: '{name} no es miembro del equipo técnico de este municipio.', en: '{name} is not a member of this municipality\'s technical team.' },
    EVALUATOR_IS_AUTHOR: { status: 409, es: '{name} no puede evaluar la propuesta N.° {number}: es su autor.', en: '{name} may not evaluate proposal no. {number}: they are its author.' },
    EVALUATOR_IS_DELEGATE: { status: 409, es: '{name} no puede evaluar la propuesta N.° {number}: es delegado de la organización que la presenta.', en: '{name} may not evaluate proposal no. {number}: they are a delegate of the organization proposing it.' },
    EVALUATOR_IS_REGISTRANT: { status: 409, es: '{name} no puede evaluar la propuesta N.° {number}: inscribió a la organización que la presenta.', en: '{name} may not evaluate proposal no. {number}: they registered the organization proposing it.' },
    EVALUATION_PROPOSAL_WITHDRAWN: { status: 409, es: 'La propuesta N.° {number} fue retirada: no se evalúa.', en: 'Proposal no. {number} was withdrawn: it is not evaluated.' },
    EVALUATION_ALREADY_ASSIGNED: { status: 409, es: 'La propuesta N.° {number} ya está asignada a {name}.', en: 'Proposal no. {number} is already assigned to {name}.' },
    EVALUATION_ALREADY_PUBLISHED: { status: 409, es: 'La evaluación de la propuesta N.° {number} ya se publicó: sus asignaciones no cambian.', en: 'The evaluation of proposal no. {number} is published: its assignments do not change.' },
    EVALUATION_ALREADY_STARTED: { status: 409, es: '{name} ya empezó a evaluar la propuesta N.° {number}: la asignación se mantiene.', en: '{name} has started evaluating proposal no. {number}: the assignment stays.' },
    EVALUATION_NOT_ASSIGNED: { status: 403, es: 'La propuesta N.° {number} no le fue asignada para evaluar.', en: 'Proposal no. {number} was not assigned to you for evaluation.' },
    EVALUATION_FINISHED: { status: 409, es: 'Tu evaluación de la propuesta N.° {number} ya está terminada y no cambia.', en: 'Your evaluation of proposal no. {number} is finished and does not change.' },
    EVALUATION_SCORE_OUT_OF_SCALE: { status: 400, es: 'El puntaje {score} del criterio «{name}» está fuera de su escala ({min} a {max}).', en: 'Score {score} for criterion "{name}" is outside its scale ({min} to {max}).' },
    EVALUATION_COST_NOT_POSITIVE: { status: 400, es: 'El costo ajustado debe ser mayor que cero.', en: 'The adjusted cost must be greater than zero.' },
    EVALUATION_SCORE_MISSING: { status: 400, es: 'Para terminar la evaluación falta el puntaje del criterio «{name}».', en: 'To finish the evaluation, the score for criterion "{name}" is missing.' },
    EVALUATION_INCOMPLETE: { status: 400, es: 'Para terminar la evaluación falta: {field}.', en: 'To finish the evaluation, this is missing: {field}.' },
    OBSERVATION_NOT_AUTHOR: { status: 403, es: 'Solo los autores de la propuesta N.° {number} pueden responder a su evaluación.', en: 'Only the authors of proposal no. {number} may answer its evaluation.' },
    OBSERVATION_NOT_PUBLISHED: { status: 409, es: 'La evaluación de la propuesta N.° {number} aún no se publica: no hay nada que responder.', en: 'The evaluation of proposal no. {number} is not published yet: there is nothing to answer.' },
    OBSERVATION_ALREADY_GIVEN: { status: 409, es: 'Los autores ya respondieron a la evaluación de la propuesta N.° {number}: se responde una sola vez.', en: 'The authors have already answered the evaluation of proposal no. {number}: it is answered once.' },
  },
  preconditions: {
    PROPOSALS_NOT_EVALUATED: { es: '{count} propuestas aún no tienen su evaluación técnica publicada ({unassigned} sin asignar)', en: '{count} proposals do not have their technical evaluation published yet ({unassigned} unassigned)' },
    EVALUATORS_NOT_FINISHED: { es: 'evaluadores con evaluaciones pendientes: {names}', en: 'evaluators with evaluations pending: {names}' },
  },
  names: {
    evaluation: { es: 'una evaluación', en: 'an evaluation' },
  },
  fields: {
    criteria: { es: 'criterios', en: 'criteria' },
    assignments: { es: 'asignaciones', en: 'assignments' },
    evaluatorId: { es: 'evaluador', en: 'evaluator' },
    proposalId: { es: 'propuesta', en: 'proposal' },
    viability: { es: 'viabilidad', en: 'viability' },
    reasons: { es: 'sustento', en: 'reasons' },
    adjustedCostCents: { es: 'costo ajustado', en: 'adjusted cost' },
    scores: { es: 'puntajes', en: 'scores' },
    text: { es: 'observación', en: 'observation' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'evaluation.set_matrix': { es: 'Matriz de priorización fijada', en: 'Prioritization matrix set' },
    'evaluation.assign': { es: 'Propuesta asignada para evaluación', en: 'Proposal assigned for evaluation' },
    'evaluation.unassign': { es: 'Asignación de evaluación retirada', en: 'Evaluation assignment removed' },
    'evaluation.save_draft': { es: 'Evaluación guardada como borrador', en: 'Evaluation saved as draft' },
    'evaluation.finish': { es: 'Evaluación terminada', en: 'Evaluation finished' },
    'evaluation.publish': { es: 'Evaluaciones publicadas', en: 'Evaluations published' },
    'evaluation.observe': { es: 'Observación de los autores a la evaluación', en: 'Authors\' observation on the evaluation' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
