import { defineCatalogue } from '../shared/errors.ts';

/** The voting area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    VOTE_ALREADY_OPENED: { status: 409, es: 'La votación de este proceso ya fue abierta el {openedAt}; hay una sola votación por proceso.', en: 'The vote of this process was already opened on {openedAt}; a process has one vote.' },
    VOTE_NO_LIST: { status: 409, es: 'No hay lista priorizada con proyectos financiables o alternos: la cédula no tendría proyectos.', en: 'There is no ranked list with funded or alternate projects: the ballot would have no projects.' },
    VOTE_CLOSE_IN_PAST: { status: 400, es: 'La hora de cierre ({closesAt}) debe ser posterior a la apertura.', en: 'The closing time ({closesAt}) must be after the opening.' },
    VOTE_NOT_OPENED: { status: 409, es: 'La votación de este proceso aún no se ha abierto.', en: 'The vote of this process has not opened yet.' },
    VOTE_CLOSED: { status: 409, es: 'La votación cerró el {closesAt}: ya no se reciben votos.', en: 'The vote closed at {closesAt}: no more ballots are taken.' },
    VOTE_ALREADY_CLOSED: { status: 409, es: 'La votación ya fue cerrada y contada el {closedAt}.', en: 'The vote was already closed and counted on {closedAt}.' },
    VOTE_NOT_DUE: { status: 409, es: 'La votación cierra el {closesAt}; no puede cerrarse antes de la hora anunciada.', en: 'The vote closes at {closesAt}; it cannot be closed before the announced time.' },
    VOTE_PAPER_PENDING: { status: 409, es: 'Quedan {count} cédulas en papel sin doble digitación coincidente; resuélvelas en su mesa antes de cerrar.', en: '{count} paper ballots are still without two matching entries; resolve them at their table before closing.' },
    VOTE_CHANGES_NOT_ALLOWED: { status: 409, es: 'En esta votación una cédula emitida no puede cambiarse.', en: 'In this vote a cast ballot cannot be changed.' },
    VOTE_RECEIPT_UNKNOWN: { status: 404, es: 'No hay una cédula en línea con ese código de comprobante en esta votación.', en: 'There is no online ballot with that receipt code in this vote.' },
    VOTER_NOT_REGISTERED: { status: 403, es: 'Solo votan los agentes participantes aprobados de este proceso; tu cuenta no tiene una inscripción aprobada.', en: 'Only approved participating agents of this process vote; your account has no approved registration.' },
    VOTER_NOT_TRAINED: { status: 403, es: '{name} no completó la capacitación exigida para votar ({attended} de {required} sesiones).', en: '{name} has not completed the training required to vote ({attended} of {required} sessions).' },
    VOTER_NOT_ON_LIST: { status: 409, es: 'El DNI {dni} no es de un agente participante aprobado de este proceso.', en: 'DNI {dni} is not that of an approved participating agent of this process.' },
    ALREADY_VOTED: { status: 409, es: '{name} ya votó {how_es}: un agente, un voto.', en: '{name} has already voted {how_en}: one agent, one ballot.' },
    BALLOT_BREAKS_RULES: { status: 400, es: 'La cédula no cumple las reglas de la votación ({envelope_es}): {detail_es}.', en: 'The ballot breaks the rules of the vote ({envelope_en}): {detail_en}.' },
    BALLOT_ENVELOPE_NOT_OFFERED: { status: 400, es: 'La cédula elige proyectos de una bolsa en la que no vota: {envelope}.', en: 'The ballot chooses projects of an envelope it does not vote in: {envelope}.' },
    BALLOT_ENVELOPE_TWICE: { status: 400, es: 'La cédula tiene dos partes para la misma bolsa ({envelope_es}).', en: 'The ballot has two parts for one envelope ({envelope_en}).' },
    BALLOT_TWO_ZONES: { status: 400, es: 'La cédula marca proyectos de dos zonas: es una cédula nula.', en: 'The ballot marks projects of two zones: it is a spoiled ballot.' },
    BALLOT_EMPTY: { status: 400, es: 'La cédula no elige ningún proyecto.', en: 'The ballot chooses no project.' },
    NOT_TABLE_FACILITATOR: { status: 403, es: 'Solo los facilitadores de la mesa «{table}» registran sus votantes y sus cédulas.', en: 'Only the facilitators of polling table "{table}" record its voters and ballots.' },
    TABLE_NEEDS_TWO_FACILITATORS: { status: 400, es: 'Una mesa necesita al menos dos facilitadores: cada cédula se digita dos veces por personas distintas.', en: 'A polling table needs at least two facilitators: each ballot is typed twice by different people.' },
    TABLE_NAME_TAKEN: { status: 409, es: 'Ya hay una mesa llamada «{name}» en esta votación.', en: 'There is already a polling table named "{name}" in this vote.' },
    PAPER_SAME_TYPIST: { status: 409, es: 'La cédula N.° {serial} ya la digitaste tú: la segunda digitación la hace otro facilitador de la mesa.', en: 'You already typed ballot no. {serial}: the second entry is made by another facilitator of the table.' },
    PAPER_ALREADY_COUNTED: { status: 409, es: 'La cédula N.° {serial} ya tiene sus dos digitaciones.', en: 'Ballot no. {serial} already has its two entries.' },
    PAPER_NOT_IN_MISMATCH: { status: 409, es: 'La cédula N.° {serial} no tiene digitaciones discrepantes que resolver.', en: 'Ballot no. {serial} has no mismatching entries to resolve.' },
    PAPER_MORE_BALLOTS_THAN_VOTERS: { status: 409, es: 'La mesa «{table}» registró {voters} votantes: no puede tener más cédulas ({ballots}).', en: 'Polling table "{table}" recorded {voters} voters: it cannot hold more ballots ({ballots}).' },
    VOTE_SETTINGS_FROZEN: { status: 409, es: 'La votación se abrió el {openedAt}: sus reglas (tipo de cédula, regla de resultados, umbral, capacitación exigida) ya no cambian.', en: 'The vote opened on {openedAt}: its rules (ballot kind, outcome rule, threshold, training required) can no longer change.' },
    IDEMPOTENCY_KEY_REUSED: { status: 422, es: 'Esta clave de idempotencia (Idempotency-Key) ya se usó para otra solicitud: una clave nueva por cada voto distinto.', en: 'This idempotency key (Idempotency-Key) was already used for another request: use a new key for each different ballot.' },
    VOTE_NO_BALLOT_LOG: { status: 409, es: 'Esta votación se cerró sin registro de cédulas encadenado: no hay descarga verificable.', en: 'This vote was closed without a chained ballot log: there is no verifiable download.' },
    RESULTS_NOT_YET: { status: 409, es: 'Los resultados se publican al cierre de la votación ({closesAt}).', en: 'The results are published when the vote closes ({closesAt}).' },
  },
  preconditions: {
    VOTE_NOT_CLOSED: { es: 'la votación no se ha cerrado y contado', en: 'the vote has not been closed and counted' },
  },
  names: {
    vote: { es: 'la votación', en: 'the vote' },
    polling_table: { es: 'una mesa de votación', en: 'a polling table' },
  },
  fields: {
    closesAt: { es: 'hora de cierre', en: 'closing time' },
    allowChanges: { es: 'permitir cambiar la cédula', en: 'allow changing the ballot' },
    parts: { es: 'cédula', en: 'ballot' },
    receipt: { es: 'código de comprobante', en: 'receipt code' },
    'idempotency-key': { es: 'clave de idempotencia (Idempotency-Key)', en: 'idempotency key (Idempotency-Key)' },
    serial: { es: 'número de cédula', en: 'ballot number' },
    content: { es: 'contenido de la cédula', en: 'ballot content' },
    facilitatorUserIds: { es: 'facilitadores', en: 'facilitators' },
    place: { es: 'lugar', en: 'place' },
  },
  /** What the audit log calls each action this area records. */
  audit: {
    'vote.open': { es: 'Votación abierta', en: 'Vote opened' },
    'vote.close': { es: 'Votación cerrada y contada', en: 'Vote closed and counted' },
    'vote.table_create': { es: 'Mesa de votación instalada', en: 'Polling table set up' },
    'vote.cast_online': { es: 'Voto emitido en línea', en: 'Ballot cast online' },
    'vote.change_online': { es: 'Voto en línea cambiado', en: 'Online ballot changed' },
    'vote.mark_paper': { es: 'Votante marcado en una mesa', en: 'Voter marked at a polling table' },
    'vote.paper_entry': { es: 'Cédula en papel digitada', en: 'Paper ballot typed' },
    'vote.paper_resolve': { es: 'Discrepancia de cédula resuelta', en: 'Paper ballot mismatch resolved' },
  },
  /** What the audit log calls each kind of thing this area records actions on. */
  entities: {
    vote: { es: 'Votación', en: 'Vote' },
    polling_table: { es: 'Mesa de votación', en: 'Polling table' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
