import type { Lang } from '../shared/i18n.ts';

/**
 * Participation figures: pure aggregation over rows the database already grouped (GROUP BY). No I/O here.
 *
 * Definitions (stable: they feed a public table and chart):
 * - `registered`: every registration submitted for the process, whatever its state (pending, approved or rejected),
 *   online, in person (paper) or imported alike.
 * - `approved`: registrations the municipality validated. `pending` and `rejected` are given in the totals.
 * - `trained`: approved agents who attended at least `rules.minTrainingSessions` sessions of the process.
 * - `inWorkshops`: approved agents who attended at least one workshop of the process (Concertation).
 * - By organization type: agents count under the type of the organization they are a delegate of; agents who
 *   registered on their own count under `individual`. Organizations themselves are counted by type beside them.
 * - History: `women` and `men` are APPROVED agents; `womenShareOfApproved` = women / approved (0..1, 4 decimals),
 *   null when nobody is approved yet.
 */

export const SEXES = ['female', 'male'] as const;
export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export const ORGANIZATION_TYPES = ['neighbourhood_committee', 'ngo', 'union', 'womens_group', 'business', 'other'] as const;
export const INDIVIDUAL = 'individual';

export type Sex = (typeof SEXES)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export type RegistrationStatus = 'pending' | 'approved' | 'rejected';

/** Agents of one process, counted per combination of the dimensions. */
export interface AgentGroup {
  status: RegistrationStatus;
  sex: Sex;
  ageBand: AgeBand;
  zoneId: string;
  /** The type of the organization the agent is a delegate of; null for an individual. */
  organizationType: OrganizationType | null;
  count: number;
}

/** Trained agents (approved by definition), counted per combination of the dimensions. */
export type TrainedGroup = Omit<AgentGroup, 'status'>;

export interface OrganizationGroup {
  status: RegistrationStatus;
  type: OrganizationType;
  count: number;
}

export interface Counts {
  registered: number;
  approved: number;
  trained: number;
  inWorkshops: number;
}

export interface Row extends Counts {
  key: string;
  label: string;
}

export interface OrganizationTypeRow extends Row {
  organizationsRegistered: number;
  organizationsApproved: number;
}

export interface ParticipationFigures {
  totals: Counts & { pending: number; rejected: number; organizationsRegistered: number; organizationsApproved: number };
  bySex: Row[];
  byAgeBand: Row[];
  byZone: Row[];
  byOrganizationType: OrganizationTypeRow[];
}

const LABELS: Record<Lang, Record<string, string>> = {
  es: {
    female: 'Mujeres', male: 'Hombres',
    '18-29': '18 a 29 años', '30-44': '30 a 44 años', '45-59': '45 a 59 años', '60+': '60 años o más',
    neighbourhood_committee: 'Comité vecinal', ngo: 'ONG', union: 'Sindicato', womens_group: 'Organización de mujeres',
    business: 'Empresa o gremio', other: 'Otra organización', individual: 'A título individual',
  },
  en: {
    female: 'Women', male: 'Men',
    '18-29': '18 to 29', '30-44': '30 to 44', '45-59': '45 to 59', '60+': '60 and over',
    neighbourhood_committee: 'Neighbourhood committee', ngo: 'NGO', union: 'Union', womens_group: "Women's organization",
    business: 'Business', other: 'Other organization', individual: 'Individual',
  },
};

export function label(key: string, lang: Lang): string {
  return LABELS[lang][key] ?? key;
}

function emptyCounts(): Counts {
  return { registered: 0, approved: 0, trained: 0, inWorkshops: 0 };
}

/** Sums rows into fixed keys (every key present, zero when empty), in the keys' order; unexpected keys follow. */
function breakdown<T extends { count: number }>(
  keys: readonly { key: string; label: string }[], agents: readonly (T & { status: RegistrationStatus })[], trained: readonly T[], keyOf: (r: T) => string,
  inWorkshops: readonly T[] = [],
): Row[] {
  const rows = new Map<string, Row>(keys.map((k) => [k.key, { key: k.key, label: k.label, ...emptyCounts() }]));
  const row = (key: string): Row => {
    let r = rows.get(key);
    if (!r) { r = { key, label: key, ...emptyCounts() }; rows.set(key, r); }
    return r;
  };
  for (const a of agents) {
    const r = row(keyOf(a));
    r.registered += a.count;
    if (a.status === 'approved') r.approved += a.count;
  }
  for (const t of trained) row(keyOf(t)).trained += t.count;
  for (const w of inWorkshops) row(keyOf(w)).inWorkshops += w.count;
  return [...rows.values()];
}

export function aggregateParticipation(input: {
  agents: readonly AgentGroup[];
  trained: readonly TrainedGroup[];
  /** Approved agents who attended a workshop, grouped like the trained ones (none when omitted). */
  inWorkshops?: readonly TrainedGroup[];
  organizations: readonly OrganizationGroup[];
  zones: readonly { id: string; name: string }[];
  lang: Lang;
}): ParticipationFigures {
  const { agents, trained, organizations, zones, lang } = input;
  const inWorkshops = input.inWorkshops ?? [];
  const sum = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  const fixed = (keys: readonly string[]) => keys.map((key) => ({ key, label: label(key, lang) }));

  const orgTypeKey = (r: { organizationType: OrganizationType | null }) => r.organizationType ?? INDIVIDUAL;
  const byOrganizationType: OrganizationTypeRow[] = breakdown(fixed([...ORGANIZATION_TYPES, INDIVIDUAL]), agents, trained, orgTypeKey, inWorkshops)
    .map((r) => ({ ...r, organizationsRegistered: 0, organizationsApproved: 0 }));
  for (const o of organizations) {
    let r = byOrganizationType.find((x) => x.key === o.type);
    if (!r) { r = { key: o.type, label: o.type, ...emptyCounts(), organizationsRegistered: 0, organizationsApproved: 0 }; byOrganizationType.push(r); }
    r.organizationsRegistered += o.count;
    if (o.status === 'approved') r.organizationsApproved += o.count;
  }

  return {
    totals: {
      registered: sum(agents),
      pending: sum(agents.filter((a) => a.status === 'pending')),
      approved: sum(agents.filter((a) => a.status === 'approved')),
      rejected: sum(agents.filter((a) => a.status === 'rejected')),
      trained: sum(trained),
      inWorkshops: sum(inWorkshops),
      organizationsRegistered: sum(organizations),
      organizationsApproved: sum(organizations.filter((o) => o.status === 'approved')),
    },
    bySex: breakdown(fixed(SEXES), agents, trained, (r) => r.sex, inWorkshops),
    byAgeBand: breakdown(fixed(AGE_BANDS), agents, trained, (r) => r.ageBand, inWorkshops),
    byZone: breakdown(zones.map((z) => ({ key: z.id, label: z.name })), agents, trained, (r) => r.zoneId, inWorkshops),
    byOrganizationType,
  };
}

export interface HistoryYear {
  processId: string;
  fiscalYear: number;
  registered: number;
  approved: number;
  /** Approved women. */
  women: number;
  /** Approved men. */
  men: number;
  /** women / approved, 0..1 rounded to 4 decimals; null when nobody is approved. */
  womenShareOfApproved: number | null;
  organizationsApproved: number;
  trained: number;
  /** Approved agents who attended at least one workshop. */
  inWorkshops: number;
}

/** One line per process (fiscal year), oldest first: the series of a chart of participation over the years. */
export function aggregateHistory(input: {
  processes: readonly { id: string; fiscalYear: number }[];
  agents: readonly { processId: string; status: RegistrationStatus; sex: Sex; count: number }[];
  organizationsApproved: readonly { processId: string; count: number }[];
  trained: ReadonlyMap<string, number>;
  inWorkshops?: ReadonlyMap<string, number>;
}): HistoryYear[] {
  return [...input.processes]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((p) => {
      const rows = input.agents.filter((a) => a.processId === p.id);
      const approved = rows.filter((a) => a.status === 'approved');
      const count = (xs: readonly { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
      const women = count(approved.filter((a) => a.sex === 'female'));
      const approvedTotal = count(approved);
      return {
        processId: p.id,
        fiscalYear: p.fiscalYear,
        registered: count(rows),
        approved: approvedTotal,
        women,
        men: count(approved.filter((a) => a.sex === 'male')),
        womenShareOfApproved: approvedTotal > 0 ? Math.round((women / approvedTotal) * 10_000) / 10_000 : null,
        organizationsApproved: count(input.organizationsApproved.filter((o) => o.processId === p.id)),
        trained: input.trained.get(p.id) ?? 0,
        inWorkshops: input.inWorkshops?.get(p.id) ?? 0,
      };
    });
}
