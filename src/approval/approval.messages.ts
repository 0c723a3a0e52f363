import { defineCatalogue } from '../shared/errors.ts';

/** The approval area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    APPROVAL_NOT_OPEN: { status: 409, es: 'Las sesiones del CCL y del concejo sobre la lista se registran durante la Formalización (fase actual: {phase}).', en: 'The CCL\'s and the council\'s sessions on the list are recorded during Formalization (current phase: {phase}).' },
    APPROVAL_VOTE_NOT_CLOSED: { status: 409, es: 'La lista aún no existe: la votación de la Formalización no está cerrada.', en: 'There is no list yet: the vote of Formalization is not closed.' },
    APPROVAL_CCL_FIRST: { status: 409, es: 'El concejo municipal decide después del Consejo de Coordinación Local (CCL): registre primero la aprobación del CCL.', en: 'The municipal council decides after the Local Coordination Council (CCL): record the CCL\'s approval first.' },
    APPROVAL_CCL_ALREADY_APPROVED: { status: 409, es: 'El Consejo de Coordinación Local ya aprobó la lista el {date}: la siguiente sesión es la del concejo municipal.', en: 'The Local Coordination Council already approved the list on {date}: the next session is the municipal council\'s.' },
    APPROVAL_ALREADY_FORMALIZED: { status: 409, es: 'El concejo municipal aprobó la lista el {date}: está formalizada y ya no se registran sesiones; los cambios son modificaciones votadas.', en: 'The municipal council approved the list on {date}: it is formalized and no more sessions are recorded; changes are voted amendments.' },
    APPROVAL_ANSWER_PENDING: { status: 409, es: '{body} devolvió la lista con observaciones en su sesión del {date}: registre la respuesta de la municipalidad antes de volver a presentarla.', en: '{body} returned the list with observations in its session of {date}: record the municipality\'s answer before submitting it again.' },
    APPROVAL_NOTHING_TO_ANSWER: { status: 409, es: 'No hay observaciones pendientes de respuesta: ninguna sesión devolvió la lista sin que la municipalidad respondiera.', en: 'There are no observations awaiting an answer: no session returned the list without the municipality answering.' },
    APPROVAL_SESSION_BEFORE_LAST: { status: 400, es: 'La fecha de la sesión ({date}) no puede ser anterior a la de la última sesión registrada ({last}).', en: 'The session date ({date}) cannot be earlier than the last session recorded ({last}).' },
    APPROVAL_SESSION_BEFORE_VOTE: { status: 400, es: 'La fecha de la sesión ({date}) no puede ser anterior al cierre de la votación ({closed}).', en: 'The session date ({date}) cannot be earlier than the close of the vote ({closed}).' },
    APPROVAL_HELD_LATER: { status: 400, es: 'La fecha ({date}) no puede ser posterior a hoy.', en: 'The date ({date}) cannot be later than today.' },
    APPROVAL_OBSERVATIONS_REQUIRED: { status: 400, es: 'Una lista devuelta lleva las observaciones del órgano: escríbalas en «observaciones».', en: 'A returned list carries the body\'s observations: write them in "observations".' },
    APPROVAL_RECORDED_MEANWHILE: { status: 409, es: 'Otra persona registró una sesión u otra modificación de esta lista al mismo tiempo: recargue la página y revise el estado de la cadena.', en: 'Someone else recorded a session or another amendment of this list at the same moment: reload the page and check where the chain stands.' },
    LIST_NOT_FORMALIZED: { status: 409, es: 'La lista aún no está formalizada: {body}.', en: 'The list is not formalized yet: {body}.' },
    APPROVAL_NOT_A_PROJECT: { status: 400, es: 'El proyecto {value} no está en la lista que adoptó la votación.', en: 'Project {value} is not on the list the vote adopted.' },
    INVESTMENT_CODE_NOT_OPEN: { status: 409, es: 'Los códigos de inversión de la lista se registran durante la Formalización o la Ejecución (fase actual: {phase}).', en: 'The list\'s investment codes are recorded during Formalization or Execution (current phase: {phase}).' },
    INVESTMENT_CODE_UNCHANGED: { status: 409, es: 'El proyecto N.° {number} ya tiene ese código de inversión (o ya no tiene ninguno).', en: 'Project No. {number} already has that investment code (or already has none).' },
    AMENDMENT_NOT_ADOPTED: { status: 409, es: 'La modificación no fue aprobada: {for} votos a favor y {against} en contra (se requieren más votos a favor que en contra).', en: 'The amendment was not adopted: {for} votes for and {against} against (more votes for than against are required).' },
    AMENDMENT_NOT_FUNDED: { status: 409, es: 'El proyecto {value} no está entre los proyectos financiados de la lista vigente: solo estos se retiran, reemplazan o cambian de monto.', en: 'Project {value} is not among the funded projects of the current list: only those are withdrawn, replaced or given a new amount.' },
    AMENDMENT_NOT_AN_ALTERNATE: { status: 409, es: 'El proyecto {value} no es un proyecto alterno de la misma bolsa ({envelope}): un proyecto solo se reemplaza por un alterno de su bolsa.', en: 'Project {value} is not an alternate of the same envelope ({envelope}): a project is replaced only by an alternate of its envelope.' },
    AMENDMENT_SAME_AMOUNT: { status: 400, es: 'El proyecto ya cuesta {amount}: indique un monto distinto.', en: 'The project already costs {amount}: give a different amount.' },
    AMENDMENT_BELOW_COFINANCING: { status: 409, es: 'El nuevo monto ({amount}) es menor que el cofinanciamiento ya comprometido ({cofinancing}).', en: 'The new amount ({amount}) is less than the co-financing already committed ({cofinancing}).' },
    AMENDMENT_AFTER_EXECUTION: { status: 409, es: 'La lista se modifica durante la Formalización o la Ejecución (fase actual: {phase}).', en: 'The list is amended during Formalization or Execution (current phase: {phase}).' },
  },
  preconditions: {
    LIST_NOT_FORMALIZED: { es: 'la lista no está formalizada: {body}', en: 'the list is not formalized: {body}' },
  },
  names: {
    ccl: { es: 'El Consejo de Coordinación Local', en: 'The Local Coordination Council' },
    council: { es: 'El concejo municipal', en: 'The municipal council' },
    'approval.ccl_pending': { es: 'falta la aprobación del Consejo de Coordinación Local (CCL)', en: 'the Local Coordination Council (CCL) has not approved it yet' },
    'approval.ccl_returned': { es: 'el Consejo de Coordinación Local (CCL) la devolvió con observaciones que la municipalidad aún no responde', en: 'the Local Coordination Council (CCL) returned it with observations the municipality has not answered yet' },
    'approval.council_pending': { es: 'falta la aprobación del concejo municipal', en: 'the municipal council has not approved it yet' },
    'approval.council_returned': { es: 'el concejo municipal la devolvió con observaciones que la municipalidad aún no responde', en: 'the municipal council returned it with observations the municipality has not answered yet' },
  },
  rules: {
    not_negative_count: { es: 'debe ser un número entero de votos, 0 o más', en: 'must be a whole number of votes, 0 or more' },
    investment_code: { es: 'el código de inversión tiene solo dígitos, de 4 a 10 (el CUI de Invierte.pe tiene 7)', en: 'an investment code has digits only, 4 to 10 of them (an Invierte.pe CUI has 7)' },
  },
  fields: {
    heldOn: { es: 'fecha de la sesión', en: 'session date' },
    reference: { es: 'referencia de la sesión', en: 'session reference' },
    observations: { es: 'observaciones', en: 'observations' },
    answerText: { es: 'respuesta a las observaciones', en: 'answer to the observations' },
    decision: { es: 'decisión', en: 'decision' },
    replacementId: { es: 'proyecto alterno', en: 'alternate project' },
    amountCents: { es: 'monto', en: 'amount' },
    votesFor: { es: 'votos a favor', en: 'votes for' },
    votesAgainst: { es: 'votos en contra', en: 'votes against' },
    abstentions: { es: 'abstenciones', en: 'abstentions' },
    investmentCode: { es: 'código de inversión', en: 'investment code' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
