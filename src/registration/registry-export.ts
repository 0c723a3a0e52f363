import type { Column } from '../shared/export.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate } from '../shared/clock.ts';
import type { AgeBand, Agent, Organization, OrganizationType, RegistrationSource, RegistrationStatus, Sex } from './registration.ts';
import type { RegistryEntry } from './registry.service.ts';

/**
 * The registry as staff take it away (every agent and organization of a process, with DNI and contact: personal data,
 * so each download is audited as `registration.export`) and as anyone may (the public registry's fields only: no DNI,
 * phone or email). Dates are Peru's local days (YYYY-MM-DD).
 *
 * Agents CSV (`agents.csv`): full name, DNI, sex, age band, zone, organization, delegate role, phone, email, status,
 * reason of the decision, decided on, source, registered on.
 * Organizations CSV (`organizations.csv`): name, type, registry number, zone, phone, email, status, reason, decided on,
 * source, registered on.
 * Public CSV (`registry.csv`): kind, name, organization type, registry number, delegate of, zone, status, reason,
 * decided on, registered on.
 */
type Label = Record<Lang, string>;

const SEX: Record<Sex, Label> = { female: { es: 'Mujer', en: 'Woman' }, male: { es: 'Hombre', en: 'Man' } };
const AGE: Record<AgeBand, Label> = {
  '18-29': { es: '18 a 29', en: '18 to 29' }, '30-44': { es: '30 a 44', en: '30 to 44' },
  '45-59': { es: '45 a 59', en: '45 to 59' }, '60+': { es: '60 o más', en: '60 or more' },
};
const STATUS: Record<RegistrationStatus, Label> = {
  pending: { es: 'Pendiente', en: 'Pending' }, approved: { es: 'Aprobada', en: 'Approved' }, rejected: { es: 'Rechazada', en: 'Rejected' },
};
const SOURCE: Record<RegistrationSource, Label> = {
  online: { es: 'En línea', en: 'Online' }, in_person: { es: 'Presencial', en: 'Face to face' }, import: { es: 'Importada', en: 'Imported' },
};
export const ORGANIZATION_TYPE: Record<OrganizationType, Label> = {
  neighbourhood_committee: { es: 'Comité vecinal', en: 'Neighbourhood committee' }, ngo: { es: 'ONG', en: 'NGO' },
  union: { es: 'Sindicato o gremio', en: 'Union or guild' }, womens_group: { es: 'Organización de mujeres', en: "Women's organization" },
  business: { es: 'Empresa o asociación de comerciantes', en: 'Business or traders\' association' }, other: { es: 'Otra organización', en: 'Other organization' },
};
const DELEGATE_ROLE: Record<string, Label> = { titular: { es: 'Titular', en: 'Titular' }, substitute: { es: 'Suplente', en: 'Substitute' } };
const KIND: Record<RegistryEntry['kind'], Label> = { individual: { es: 'Persona', en: 'Person' }, organization: { es: 'Organización', en: 'Organization' } };

const day = (iso: string | null) => (iso ? localDate(iso) : null);

export const AGENT_COLUMNS: readonly Column<Agent>[] = [
  { es: 'Nombres y apellidos', en: 'Full name', width: 5, value: (a) => a.fullName },
  { es: 'DNI', en: 'DNI', width: 2, value: (a) => a.dni },
  { es: 'Sexo', en: 'Sex', width: 1.5, value: (a, l) => SEX[a.sex][l] },
  { es: 'Rango de edad', en: 'Age band', width: 1.5, value: (a, l) => AGE[a.ageBand][l] },
  { es: 'Zona', en: 'Zone', width: 2.5, value: (a) => a.zone.name },
  { es: 'Organización', en: 'Organization', width: 3.5, value: (a) => a.organization?.name ?? null },
  { es: 'Delegado', en: 'Delegate', width: 1.5, value: (a, l) => (a.delegateRole ? DELEGATE_ROLE[a.delegateRole]?.[l] ?? a.delegateRole : null) },
  { es: 'Teléfono', en: 'Phone', width: 2, value: (a) => a.phone },
  { es: 'Correo', en: 'Email', width: 3, value: (a) => a.email },
  { es: 'Estado', en: 'Status', width: 1.8, value: (a, l) => STATUS[a.status][l] },
  { es: 'Motivo de la decisión', en: 'Reason of the decision', width: 3, value: (a) => a.decisionReason },
  { es: 'Decidida el', en: 'Decided on', width: 2, value: (a) => day(a.decidedAt) },
  { es: 'Origen', en: 'Source', width: 1.8, value: (a, l) => SOURCE[a.source][l] },
  { es: 'Inscrita el', en: 'Registered on', width: 2, value: (a) => day(a.createdAt) },
];

/** The agents' table of the PDF: what fits across an A4 page. */
export const AGENT_PDF_COLUMNS: readonly Column<Agent & { n: number }>[] = [
  { es: 'N.º', en: 'No.', width: 0.8, value: (a) => a.n },
  ...AGENT_COLUMNS.filter((c) => ['Nombres y apellidos', 'DNI', 'Sexo', 'Zona', 'Organización', 'Teléfono', 'Estado'].includes(c.es)),
];

export const ORGANIZATION_COLUMNS: readonly Column<Organization>[] = [
  { es: 'Nombre', en: 'Name', width: 5, value: (o) => o.name },
  { es: 'Tipo', en: 'Type', width: 3, value: (o, l) => ORGANIZATION_TYPE[o.type][l] },
  { es: 'Partida registral', en: 'Registry number', width: 2.5, value: (o) => o.registryNumber },
  { es: 'Zona', en: 'Zone', width: 2.5, value: (o) => o.zone.name },
  { es: 'Teléfono', en: 'Phone', width: 2, value: (o) => o.contactPhone },
  { es: 'Correo', en: 'Email', width: 3, value: (o) => o.contactEmail },
  { es: 'Estado', en: 'Status', width: 1.8, value: (o, l) => STATUS[o.status][l] },
  { es: 'Motivo de la decisión', en: 'Reason of the decision', width: 3, value: (o) => o.decisionReason },
  { es: 'Decidida el', en: 'Decided on', width: 2, value: (o) => day(o.decidedAt) },
  { es: 'Origen', en: 'Source', width: 1.8, value: (o, l) => SOURCE[o.source][l] },
  { es: 'Inscrita el', en: 'Registered on', width: 2, value: (o) => day(o.createdAt) },
];

export const ORGANIZATION_PDF_COLUMNS: readonly Column<Organization & { n: number }>[] = [
  { es: 'N.º', en: 'No.', width: 0.8, value: (o) => o.n },
  ...ORGANIZATION_COLUMNS.filter((c) => ['Nombre', 'Tipo', 'Partida registral', 'Zona', 'Teléfono', 'Estado'].includes(c.es)),
];

export const PUBLIC_REGISTRY_COLUMNS: readonly Column<RegistryEntry>[] = [
  { es: 'Tipo de inscripción', en: 'Kind', width: 2, value: (e, l) => KIND[e.kind][l] },
  { es: 'Nombre', en: 'Name', width: 5, value: (e) => e.name },
  { es: 'Tipo de organización', en: 'Organization type', width: 3, value: (e, l) => (e.organizationType ? ORGANIZATION_TYPE[e.organizationType][l] : null) },
  { es: 'Partida registral', en: 'Registry number', width: 2.5, value: (e) => e.registryNumber },
  { es: 'Delegado de', en: 'Delegate of', width: 3.5, value: (e) => e.delegateOf?.name ?? null },
  { es: 'Zona', en: 'Zone', width: 2.5, value: (e) => e.zone.name },
  { es: 'Estado', en: 'Status', width: 1.8, value: (e, l) => STATUS[e.status][l] },
  { es: 'Motivo de la decisión', en: 'Reason of the decision', width: 3, value: (e) => e.decisionReason },
  { es: 'Decidida el', en: 'Decided on', width: 2, value: (e) => day(e.decidedAt) },
  { es: 'Inscrita el', en: 'Registered on', width: 2, value: (e) => day(e.registeredAt) },
];
