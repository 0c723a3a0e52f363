import { defineCatalogue } from '../shared/errors.ts';

/** The processes area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    QUOTA_BROKEN: { status: 409, es: 'Cuota de género en {body}: con este cambio, a lo sumo {women} de {seats} puestos podrían ser de mujeres; se necesitan al menos {required}.', en: 'Gender quota in {body}: after this change at most {women} of {seats} seats could be held by women; at least {required} needed.' },
    BODY_FULL: { status: 409, es: 'No hay puestos libres suficientes en {body}: {filled} de {seats} ocupados, {requested} por ocupar.', en: 'Not enough free seats in {body}: {filled} of {seats} filled, {requested} to add.' },
    PROCESS_YEAR_TAKEN: { status: 409, es: 'Ya existe un proceso para el año fiscal {year}.', en: 'A process for fiscal year {year} already exists.' },
    ENVELOPE_OVER_INVESTMENT: { status: 400, es: 'La asignación ({envelope}) supera el presupuesto de inversión ({investment}).', en: 'The envelope ({envelope}) exceeds the investment budget ({investment}).' },
    ZONE_SPLIT_OVER_ENVELOPE: { status: 400, es: 'El reparto por zonas suma {total}, más que la asignación de {envelope}.', en: 'The split by zone adds up to {total}, more than the envelope of {envelope}.' },
    CALENDAR_ORDER: { status: 400, es: 'El calendario no está en orden: {phase} empieza antes de que termine {previous}.', en: 'The calendar is out of order: {phase} starts before {previous} ends.' },
    PHASE_NOT_NEXT: { status: 409, es: 'El proceso está en {from}; solo puede pasar a {next}.', en: 'The process is in {from}; it can only move to {next}.' },
    PHASE_PRECONDITIONS_FAILED: { status: 409, es: 'No se puede pasar a {to}: {failures}', en: 'Cannot move to {to}: {failures}' },
    PROCESS_SETTINGS_FROZEN: { status: 409, es: 'Las reglas del proceso quedan fijas fuera de la fase de preparación (fase actual: {phase}).', en: 'The process rules are frozen outside the Preparation phase (current phase: {phase}).' },
  },
  fields: {
    'rules.threshold': { es: 'mínimo de votos', en: 'least votes' },
    fiscalYear: { es: 'año fiscal', en: 'fiscal year' },
    envelopeCents: { es: 'asignación', en: 'envelope' },
    investmentBudgetCents: { es: 'presupuesto de inversión', en: 'investment budget' },
    calendar: { es: 'calendario', en: 'calendar' },
    zoneEnvelopes: { es: 'reparto por zonas', en: 'split by zone' },
    'rules.registrationDeadline': { es: 'fecha límite de inscripción', en: 'registration deadline' },
    'rules.listStages.preliminaryListOn': { es: 'fecha de la lista preliminar', en: 'preliminary list date' },
    'rules.listStages.challengesFrom': { es: 'inicio de las tachas', en: 'challenge window start' },
    'rules.listStages.challengesUntil': { es: 'fin de las tachas', en: 'challenge window end' },
    'rules.listStages.definitiveListOn': { es: 'fecha de la lista definitiva', en: 'definitive list date' },
    'rules.proposalDeadline': { es: 'fecha límite de propuestas', en: 'proposal deadline' },
    'rules.prioritization.workshopShare': { es: 'peso de los votos de los talleres', en: "weight of the workshops' votes" },
    'rules.prioritization.ties': { es: 'desempate de puntajes', en: 'tie rule for scores' },
    'rules.ballotKind': { es: 'tipo de cédula', en: 'ballot kind' },
    'rules.outcomeRule': { es: 'regla de resultados', en: 'outcome rule' },
    'rules.maxChoices': { es: 'máximo de proyectos por cédula', en: 'most projects per ballot' },
    'rules.minTrainingSessions': { es: 'capacitaciones requeridas', en: 'training sessions required' },
    'rules.quotas.delegateSeats': { es: 'puestos de delegados', en: 'delegate seats' },
    'rules.quotas.delegatesMinWomenShare': { es: 'cuota de mujeres entre delegados', en: "women's share of delegates" },
    'rules.quotas.directiveSeats': { es: 'puestos del comité directivo', en: 'directive committee seats' },
    'rules.quotas.directiveMinWomen': { es: 'mujeres mínimas en el comité directivo', en: 'minimum women on the directive committee' },
    'rules.quotas.oversightSeats': { es: 'puestos del comité de vigilancia', en: 'oversight committee seats' },
    'rules.quotas.oversightMinWomenShare': { es: 'cuota de mujeres en el comité de vigilancia', en: "women's share of the oversight committee" },
    'calendar.preparation': { es: 'fechas de Preparación', en: 'Preparation dates' },
    'calendar.concertation': { es: 'fechas de Concertación', en: 'Concertation dates' },
    'calendar.coordination': { es: 'fechas de Coordinación', en: 'Coordination dates' },
    'calendar.formalization': { es: 'fechas de Formalización', en: 'Formalization dates' },
    'calendar.execution': { es: 'fechas de Ejecución', en: 'Execution dates' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'process.create': { es: 'Proceso creado', en: 'Process created' },
    'process.copy': { es: 'Proceso copiado de otro año', en: 'Process copied from another year' },
    'process.update': { es: 'Configuración del proceso modificada', en: 'Process settings changed' },
    'process.phase_move': { es: 'Cambio de fase', en: 'Phase moved' },
    'demo.seed': { es: 'Datos de demostración cargados', en: 'Demo data loaded' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    process: { es: 'Proceso', en: 'Process' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
}
