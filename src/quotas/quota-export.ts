import type { Column } from '../shared/export.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate } from '../shared/clock.ts';
import type { BodyKind } from '../processes/quota-rules.ts';
import type { BodyMember } from './quota.repository.ts';
import type { QuotaPageBody } from './quota.service.ts';

/**
 * The quota page to take away: what the public page shows (each body against its seats and women quota, and who sits
 * on the elected committees), so nothing beyond it leaves and the downloads are public like the page.
 *
 * Bodies CSV (`quotas.csv`): body, seats, filled, women, men, least women required, quota status.
 * Members CSV (`quota-members.csv`): body, full name, sex, organization, elected on (Peru's local date).
 */
type Label = Record<Lang, string>;

export const BODY_NAME: Record<BodyKind, Label> = {
  delegates: { es: 'Agentes participantes acreditados', en: 'Accredited participating agents' },
  directive_committee: { es: 'Comité directivo', en: 'Directive committee' },
  oversight_committee: { es: 'Comité de vigilancia', en: 'Oversight committee' },
};
const STATUS: Record<QuotaPageBody['status'], Label> = {
  met: { es: 'Cumplida', en: 'Met' }, open: { es: 'Aún alcanzable', en: 'Still reachable' }, broken: { es: 'Ya no alcanzable', en: 'No longer reachable' },
};
const SEX: Record<BodyMember['sex'], Label> = { female: { es: 'Mujer', en: 'Woman' }, male: { es: 'Hombre', en: 'Man' } };

export const BODY_COLUMNS: readonly Column<QuotaPageBody>[] = [
  { es: 'Órgano', en: 'Body', width: 5, value: (b, l) => BODY_NAME[b.kind][l] },
  { es: 'Puestos', en: 'Seats', width: 1.5, value: (b) => b.seats },
  { es: 'Ocupados', en: 'Filled', width: 1.5, value: (b) => b.filled },
  { es: 'Mujeres', en: 'Women', width: 1.5, value: (b) => b.women },
  { es: 'Hombres', en: 'Men', width: 1.5, value: (b) => b.men },
  { es: 'Mínimo de mujeres', en: 'Least women required', width: 2, value: (b) => b.minWomen },
  { es: 'Cuota', en: 'Quota', width: 2.5, value: (b, l) => STATUS[b.status][l] },
];

export type MemberRow = BodyMember & { kind: BodyKind };

export const MEMBER_COLUMNS: readonly Column<MemberRow>[] = [
  { es: 'Órgano', en: 'Body', width: 3.5, value: (m, l) => BODY_NAME[m.kind][l] },
  { es: 'Nombres y apellidos', en: 'Full name', width: 5, value: (m) => m.name },
  { es: 'Sexo', en: 'Sex', width: 1.5, value: (m, l) => SEX[m.sex][l] },
  { es: 'Organización', en: 'Organization', width: 4, value: (m) => m.organization?.name ?? null },
  { es: 'Elegido el', en: 'Elected on', width: 2, value: (m) => localDate(m.electedAt) },
];

export function memberRows(bodies: readonly QuotaPageBody[]): MemberRow[] {
  return bodies.flatMap((b) => (b.members ?? []).map((m) => ({ ...m, kind: b.kind })));
}
