import { stringify } from 'csv-stringify/sync';
import type { FinancingSource } from '../coordination/coordination.queries.ts';
import type { CodedProject, FormalizedList } from './approval.service.ts';

/**
 * The export of the formalized list for the Ministry of Economy and Finance (MEF): one row per funded project of the
 * current list (the council's snapshot with its amendments), with what a budget office keys into the national
 * participatory budget application. The JSON carries `schema` (name, version and every field's meaning, es/en); the CSV
 * has the same fields, one header row, amounts in soles with two decimals and a dot.
 */

export const MEF_SCHEMA_NAME = 'concerta/mef-formalized-list';
export const MEF_SCHEMA_VERSION = 1;

/** The columns a project's financing is split into. */
export const FINANCING_COLUMNS = [
  'participatory_budget', 'regional_government', 'provincial_municipality', 'national_programme', 'ngo', 'company',
  'community_money', 'community_in_kind', 'other',
] as const;
export type FinancingColumn = (typeof FINANCING_COLUMNS)[number];

/**
 * Where a source of financing goes: the participatory budget's share; pledges and agreements by who gives (a pledge
 * by a municipality other than the participatory budget goes to `other`); the community's money apart from its work
 * and materials in kind.
 */
export function financingColumn(s: FinancingSource): FinancingColumn {
  if (s.source === 'participatory_budget') return 'participatory_budget';
  const who = s.source === 'pledge' ? s.funderKind : s.partyKind;
  switch (who) {
    case 'community': return s.contribution === 'money' ? 'community_money' : 'community_in_kind';
    case 'regional_government': case 'provincial_municipality': case 'national_programme': case 'ngo': case 'company': return who;
    default: return 'other';
  }
}

export function financingByColumn(sources: readonly FinancingSource[]): Record<FinancingColumn, number> {
  const out = Object.fromEntries(FINANCING_COLUMNS.map((c) => [c, 0])) as Record<FinancingColumn, number>;
  for (const s of sources) out[financingColumn(s)] += s.amountCents;
  return out;
}

const FIELD_TEXTS: Record<string, { es: string; en: string }> = {
  process_id: { es: 'identificador del proceso en Concerta', en: 'the process\'s id in Concerta' },
  fiscal_year: { es: 'año fiscal del presupuesto participativo', en: 'fiscal year of the participatory budget' },
  municipality: { es: 'municipalidad', en: 'municipality' },
  ubigeo: { es: 'código de ubigeo INEI de la jurisdicción de la municipalidad', en: 'INEI ubigeo code of the municipality\'s jurisdiction' },
  formalized_on: { es: 'fecha en que el concejo municipal aprobó la lista (AAAA-MM-DD)', en: 'date the municipal council approved the list (YYYY-MM-DD)' },
  snapshot_sha256: { es: 'SHA-256 del JSON canónico de la lista aprobada por el concejo', en: 'SHA-256 of the canonical JSON of the list the council approved' },
  amendments: { es: 'número de modificaciones votadas aplicadas a la lista', en: 'number of voted amendments applied to the list' },
  envelope: { es: 'bolsa: zona, o «distrital» para el resto del municipio', en: 'envelope: a zone, or "district-wide" for the rest of the municipality' },
  priority: { es: 'orden de prioridad del proyecto en su bolsa (1 = primero)', en: 'priority of the project in its envelope (1 = first)' },
  project_number: { es: 'número de la propuesta en el proceso', en: 'number of the proposal in the process' },
  investment_code: { es: 'código único de inversión (Invierte.pe, antes SNIP), vacío si aún no lo tiene', en: 'unique investment code (Invierte.pe, formerly SNIP), empty if it has none yet' },
  title: { es: 'nombre del proyecto', en: 'project title' },
  zone: { es: 'zona del proyecto', en: 'zone of the project' },
  cost: { es: 'costo del proyecto', en: 'cost of the project' },
  participatory_budget: { es: 'financiamiento del presupuesto participativo de la municipalidad', en: 'financing from the municipality\'s participatory budget' },
  regional_government: { es: 'aporte del gobierno regional', en: 'contribution of the regional government' },
  provincial_municipality: { es: 'aporte de la municipalidad provincial', en: 'contribution of the provincial municipality' },
  national_programme: { es: 'aporte de programas nacionales', en: 'contribution of national programmes' },
  ngo: { es: 'aporte de ONG', en: 'contribution of NGOs' },
  company: { es: 'aporte de empresas', en: 'contribution of companies' },
  community_money: { es: 'aporte de la comunidad en dinero', en: 'contribution of the community in money' },
  community_in_kind: { es: 'aporte de la comunidad en especie (mano de obra, materiales), valorizado', en: 'contribution of the community in kind (labour, materials), valued' },
  other: { es: 'otros aportes', en: 'other contributions' },
  total: { es: 'total del financiamiento (suma de las fuentes)', en: 'total financing (sum of the sources)' },
  reach: { es: 'alcance: district, provincial o regional', en: 'reach: district, provincial or regional' },
};

const MONEY = new Set(['cost', ...FINANCING_COLUMNS, 'total']);

/** The fields of a row, in column order. */
export const MEF_FIELDS = [
  'process_id', 'fiscal_year', 'municipality', 'ubigeo', 'formalized_on', 'snapshot_sha256', 'amendments', 'envelope', 'priority',
  'project_number', 'investment_code', 'title', 'zone', 'cost', ...FINANCING_COLUMNS, 'total', 'reach',
] as const;

export interface MefHeader {
  process: { id: string; fiscalYear: number; name: string };
  municipality: { name: string; slug: string; ubigeo: string | null };
}

export interface MefProjectRow {
  envelope: string;
  priority: number;
  projectNumber: number;
  investmentCode: string | null;
  title: string;
  zone: string;
  costCents: number;
  financingCents: Record<FinancingColumn, number>;
  totalCents: number;
  reach: string;
}

export interface MefExport {
  schema: { name: string; version: number; amounts: string; fields: { key: string; money: boolean; es: string; en: string }[] };
  process: MefHeader['process'];
  municipality: MefHeader['municipality'];
  formalizedOn: string;
  snapshotSha256: string;
  amendments: number;
  projects: MefProjectRow[];
}

function row(p: CodedProject, envelope: string): MefProjectRow {
  return {
    envelope, priority: p.priority, projectNumber: p.number, investmentCode: p.investmentCode, title: p.title, zone: p.zoneName, costCents: p.costCents,
    financingCents: financingByColumn(p.financing.sources), totalCents: p.financing.totalCents, reach: p.reach,
  };
}

/** The JSON export: amounts in céntimos (integers). */
export function mefExport(header: MefHeader, list: FormalizedList): MefExport {
  return {
    schema: {
      name: MEF_SCHEMA_NAME, version: MEF_SCHEMA_VERSION, amounts: 'JSON: integer céntimos (…Cents); CSV: soles with two decimals',
      fields: MEF_FIELDS.map((key) => ({ key, money: MONEY.has(key), ...FIELD_TEXTS[key]! })),
    },
    process: header.process, municipality: header.municipality, formalizedOn: list.formalizedOn, snapshotSha256: list.sha256,
    amendments: list.amendments.length,
    projects: list.envelopes.flatMap((e) => e.funded.map((p) => row(p, e.zoneName ?? 'distrital'))),
  };
}

const soles = (cents: number) => (cents / 100).toFixed(2);

/** The CSV export: the same rows, flat, amounts in soles. */
export function mefCsv(data: MefExport): string {
  const records = data.projects.map((p) => [
    data.process.id, data.process.fiscalYear, data.municipality.name, data.municipality.ubigeo ?? '', data.formalizedOn, data.snapshotSha256, data.amendments,
    p.envelope, p.priority, p.projectNumber, p.investmentCode ?? '', p.title, p.zone, soles(p.costCents),
    ...FINANCING_COLUMNS.map((c) => soles(p.financingCents[c])), soles(p.totalCents), p.reach,
  ]);
  return stringify([[...MEF_FIELDS], ...records]);
}
