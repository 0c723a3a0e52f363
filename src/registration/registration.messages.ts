import { defineCatalogue } from '../shared/errors.ts';

/** The registration area's error codes, precondition texts, names and field labels, in Spanish and English. */
export const MESSAGES = defineCatalogue({
  errors: {
    NOT_AN_APPROVED_AGENT: { status: 409, es: '{name} no es un agente participante aprobado de este proceso.', en: '{name} is not an approved participating agent of this process.' },
    REGISTRATION_CLOSED: { status: 409, es: 'La inscripción cerró el {deadline}.', en: 'Registration closed on {deadline}.' },
    DNI_ALREADY_REGISTERED: { status: 409, es: 'El DNI {dni} ya está inscrito en este proceso.', en: 'DNI {dni} is already registered in this process.' },
    REGISTRY_NUMBER_TAKEN: { status: 409, es: 'La partida registral {registryNumber} ya está inscrita en este proceso.', en: 'Registry number {registryNumber} is already registered in this process.' },
    ORGANIZATION_NOT_APPROVED: { status: 409, es: 'La organización «{name}» no está aprobada: aún no puede acreditar delegados.', en: 'Organization "{name}" is not approved: it cannot accredit delegates yet.' },
    REGISTRATION_NOT_PENDING: { status: 409, es: 'Esta inscripción ya fue resuelta ({status}); no puede cambiarse.', en: 'This registration was already decided ({status}); it cannot change.' },
    CSV_ENCODING: { status: 400, es: 'El archivo no está en UTF-8 (línea {line}). Guárdelo como «CSV UTF-8» y vuelva a intentarlo.', en: 'The file is not UTF-8 (line {line}). Save it as "CSV UTF-8" and try again.' },
    CSV_COLUMNS: { status: 400, es: 'Columnas incorrectas. Se esperan: {expected}. Faltan: {missing}. Sobran: {unexpected}.', en: 'Wrong columns. Expected: {expected}. Missing: {missing}. Unexpected: {unexpected}.' },
    CSV_EMPTY: { status: 400, es: 'El archivo no tiene filas de datos.', en: 'The file has no data rows.' },
    CSV_INVALID_ROWS: { status: 422, es: 'Filas con errores: {count}. No se importó nada.', en: 'Rows with errors: {count}. Nothing was imported.' },
    ALREADY_REGISTERED: { status: 409, es: 'Su cuenta ya tiene una inscripción en este proceso; puede verla y corregirla mientras esté pendiente.', en: 'Your account already has a registration in this process; you can see and correct it while it is pending.' },
    DNI_NOT_OWN: { status: 403, es: 'La inscripción en línea es personal: use el DNI de su cuenta ({accountDni}). Para inscribir a otra persona, acuda a una jornada de inscripción presencial.', en: 'Online registration is personal: use the DNI of your account ({accountDni}). To register someone else, go to a face-to-face registration day.' },
    CONTACT_REQUIRED: { status: 400, es: 'Indique un teléfono o un correo, para poder avisarle de la decisión sobre la inscripción.', en: 'Give a phone or an email, so the decision on the registration can reach you.' },
    CSV_MALFORMED: { status: 400, es: 'El archivo CSV está mal formado cerca de la línea {line} ({reason}): revise las comillas.', en: 'The CSV file is malformed near line {line} ({reason}): check the quotes.' },
    CSV_ROW_COLUMNS: { status: 400, es: 'La fila tiene {found} valores; se esperan {expected}, uno por columna.', en: 'The row has {found} values; {expected} expected, one per column.' },
    IMPORT_INTERRUPTED: { status: 409, es: 'La importación se interrumpió (el servidor se reinició) antes de guardar nada. Envíe el archivo de nuevo.', en: 'The import was interrupted (the server restarted) before anything was saved. Send the file again.' },
    CSV_DUPLICATE_DNI: { status: 409, es: 'El DNI {dni} se repite en el archivo (ya está en la línea {firstLine}).', en: 'DNI {dni} appears twice in the file (already on line {firstLine}).' },
    DELEGATE_ROLE_TAKEN: { status: 409, es: 'La organización ya tiene un delegado {role} inscrito.', en: 'The organization already has a {role} delegate registered.' },
    DELEGATE_ROLE_NEEDS_ORGANIZATION: { status: 400, es: 'Solo el delegado de una organización es titular o suplente: elija la organización.', en: 'Only an organization’s delegate is titular or substitute: choose the organization.' },
    LIST_STAGES_NOT_SET: { status: 409, es: 'El calendario del proceso no tiene las fechas de las listas (lista preliminar, tachas, lista definitiva): complételas en la configuración.', en: "The process calendar has no list dates (preliminary list, challenges, definitive list): set them in the settings." },
    LIST_NOT_YET: { status: 409, es: 'La lista se publica desde el {date}.', en: 'The list is published from {date}.' },
    LIST_ALREADY_PUBLISHED: { status: 409, es: 'Esta lista ya fue publicada el {at}.', en: 'This list was already published on {at}.' },
    PRELIMINARY_LIST_MISSING: { status: 409, es: 'Aún no se publica la lista preliminar.', en: 'The preliminary list is not published yet.' },
    DEFINITIVE_LIST_PUBLISHED: { status: 409, es: 'La lista definitiva ya fue publicada: las inscripciones y tachas quedaron cerradas.', en: 'The definitive list is published: registrations and challenges are closed.' },
    CHALLENGE_WINDOW_CLOSED: { status: 409, es: 'Las tachas se presentan del {from} al {until}.', en: 'Challenges are filed from {from} to {until}.' },
    CHALLENGE_WINDOW_NOT_OVER: { status: 409, es: 'El plazo de tachas sigue abierto hasta el {until}.', en: 'The challenge window is open until {until}.' },
    CHALLENGES_OPEN: { status: 409, es: 'Quedan {count} tachas sin resolver.', en: '{count} challenges are still undecided.' },
    NOT_A_REGISTERED_AGENT: { status: 403, es: 'Solo un agente participante aprobado de este proceso puede presentar una tacha.', en: 'Only an approved participating agent of this process may file a challenge.' },
    CHALLENGE_AGAINST_SELF: { status: 409, es: 'No puede tachar su propia inscripción ni la de su organización.', en: 'You cannot challenge your own registration or your organization’s.' },
    CHALLENGE_DUPLICATE: { status: 409, es: 'Ya presentó una tacha contra esta inscripción.', en: 'You already challenged this registration.' },
    CHALLENGE_TARGET_NOT_LISTED: { status: 409, es: 'Solo se tachan inscripciones aprobadas que figuran en la lista.', en: 'Only approved registrations on the list can be challenged.' },
    NOT_THE_CHALLENGED_PARTY: { status: 403, es: 'Solo la persona u organización tachada puede presentar su descargo.', en: 'Only the challenged person or organization may answer.' },
    ALREADY_ANSWERED: { status: 409, es: 'El descargo ya fue presentado; se presenta una sola vez.', en: 'The answer was already given; it is given once.' },
    ANSWER_WINDOW_CLOSED: { status: 409, es: 'El descargo se presentaba hasta el {until}, cierre del plazo de tachas.', en: 'Answers were due by {until}, when the challenge window closed.' },
    CHALLENGE_AWAITING_ANSWER: { status: 409, es: 'La parte tachada puede presentar su descargo hasta el {until}: decida después de su descargo o de esa fecha.', en: 'The challenged party may answer until {until}: decide after its answer or that date.' },
    REGISTRATIONS_UNDECIDED: { status: 409, es: 'Quedan {agents} inscripciones de agentes y {organizations} de organizaciones sin resolver.', en: '{agents} agent and {organizations} organization registrations are still undecided.' },
    NOT_ON_COMMISSION: { status: 403, es: 'Solo el administrador o un miembro de la comisión de acreditación de este proceso resuelve las tachas.', en: 'Only the administrator or a member of this process’s accreditation commission decides challenges.' },
    COMMISSION_MEMBER_ROLE: { status: 409, es: '{name} no tiene un rol de la municipalidad que le permita integrar la comisión (administrador, equipo técnico o facilitador).', en: '{name} holds no municipal role that allows sitting on the commission (administrator, technical team or facilitator).' },
    CHALLENGE_PARTY_DECIDES: { status: 409, es: 'Quien es parte de una tacha no puede resolverla.', en: 'A party to a challenge cannot decide it.' },
    CHALLENGE_DECIDED: { status: 409, es: 'Esta tacha ya fue resuelta ({status}).', en: 'This challenge was already decided ({status}).' },
  },
  preconditions: {
    REGISTRATION_STILL_OPEN: { es: 'la inscripción sigue abierta hasta el {deadline}', en: 'registration is open until {deadline}' },
    REGISTRATIONS_PENDING: { es: 'hay {agents} inscripciones de agentes y {organizations} de organizaciones sin resolver', en: '{agents} agent and {organizations} organization registrations are still pending' },
    DEFINITIVE_LIST_MISSING: { es: 'no se ha publicado la lista definitiva de agentes participantes', en: 'the definitive list of participating agents is not published' },
    NO_APPROVED_AGENTS: { es: 'no hay ningún agente participante aprobado', en: 'there is no approved participating agent' },
  },
  names: {
    organization: { es: 'una organización', en: 'an organization' },
    agent: { es: 'un agente participante', en: 'a participating agent' },
  },
  fields: {
    ageBand: { es: 'rango de edad', en: 'age band' },
    organizationId: { es: 'organización', en: 'organization' },
    registryNumber: { es: 'partida registral', en: 'registry number' },
    organizationIds: { es: 'organizaciones', en: 'organizations' },
    agentIds: { es: 'agentes', en: 'agents' },
    contactPhone: { es: 'teléfono de contacto', en: 'contact phone' },
    contactEmail: { es: 'correo de contacto', en: 'contact email' },
    decision: { es: 'decisión', en: 'decision' },
    grounds: { es: 'causal', en: 'grounds' },
    delegateRole: { es: 'delegado titular o suplente', en: 'titular or substitute delegate' },
    targetId: { es: 'inscripción tachada', en: 'challenged registration' },
    evidenceFileId: { es: 'prueba', en: 'evidence' },
    answer: { es: 'descargo', en: 'answer' },
    userIds: { es: 'miembros de la comisión', en: 'commission members' },
  },
});

type Messages = typeof MESSAGES;
declare module '../shared/errors.ts' {
  interface ErrorCatalogue extends Record<keyof Messages['errors'], true> {}
  interface PreconditionCatalogue extends Record<keyof Messages['preconditions'], true> {}
}
