import { sql } from 'kysely';
import type { Phase } from '@concerta/contracts';
import type { Executor } from '../db/database.ts';
import { processFigures, processKeysOfYear } from '../processes/national.queries.ts';
import { approvedAgentCounts } from '../registration/national.queries.ts';
import { municipalityPlaces } from '../territory/national.queries.ts';
import type { NationalFilter, NationalGroupRow, NationalMunicipalityRow, NationalYearRow } from './portal.ts';

/**
 * The national view's reads. Each is ONE statement over every municipality: the areas that own the rows hand them as
 * subqueries (territory: places; processes: figures; registration: approved agents counted per process), joined and
 * aggregated here, so the cost does not grow with a query per municipality. The portal owns no table.
 */

const num = (v: unknown): number => Number(v ?? 0);

/** A LIKE pattern for words of a name, with the wildcards escaped. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function placesFiltered(db: Executor, f: NationalFilter) {
  let q = db.selectFrom(municipalityPlaces(db).as('m'));
  if (f.regionId) q = q.where('m.region_id', '=', f.regionId);
  if (f.provinceId) q = q.where('m.province_id', '=', f.provinceId);
  if (f.q) q = q.where(sql<boolean>`lower(m.name) LIKE ${likePattern(f.q)} ESCAPE '\\'`);
  return q;
}

/** Per fiscal year, over the municipalities the filter keeps: how many ran PB, their envelopes, approved agents and women. */
export async function nationalYears(db: Executor, f: NationalFilter): Promise<NationalYearRow[]> {
  const filtered = Boolean(f.regionId || f.provinceId || f.q);
  // Narrowed to some municipalities, their agents are sought process by process; otherwise every agent is counted once.
  const among = filtered
    ? placesFiltered(db, f).innerJoin(processFigures(db).as('k'), 'k.municipality_id', 'm.municipality_id').select(['k.municipality_id', 'k.process_id'])
    : undefined;
  const rows = await placesFiltered(db, f)
    .innerJoin(processFigures(db).as('pr'), 'pr.municipality_id', 'm.municipality_id')
    .leftJoin(approvedAgentCounts(db, among).as('ag'), (j) => j.onRef('ag.municipality_id', '=', 'pr.municipality_id').onRef('ag.process_id', '=', 'pr.process_id'))
    .select([
      'pr.fiscal_year',
      (eb) => eb.fn.countAll<number>().as('running'),
      (eb) => eb.fn.sum<number>('pr.envelope_cents').as('envelope'),
      (eb) => eb.fn.sum<number>('pr.investment_budget_cents').as('investment'),
      (eb) => eb.fn.sum<number>('ag.approved').as('approved'),
      (eb) => eb.fn.sum<number>('ag.women').as('women'),
    ])
    .groupBy('pr.fiscal_year').orderBy('pr.fiscal_year').execute();
  return rows.map((r) => ({
    fiscalYear: num(r.fiscal_year), running: num(r.running), envelopeCents: num(r.envelope), investmentBudgetCents: num(r.investment),
    approved: num(r.approved), women: num(r.women),
  }));
}

/**
 * One fiscal year, grouped by region (or, within a region, by province): the municipalities there, how many ran PB
 * that year, their envelopes and investment budgets, approved agents and women.
 */
export async function nationalGroups(db: Executor, f: NationalFilter, fiscalYear: number, by: 'region' | 'province'): Promise<NationalGroupRow[]> {
  const base = placesFiltered(db, f)
    .leftJoin(processFigures(db, { fiscalYear }).as('pr'), 'pr.municipality_id', 'm.municipality_id')
    .leftJoin(approvedAgentCounts(db, processKeysOfYear(db, fiscalYear)).as('ag'), (j) => j.onRef('ag.municipality_id', '=', 'pr.municipality_id').onRef('ag.process_id', '=', 'pr.process_id'));
  const [idColumn, nameColumn] = by === 'region' ? ['m.region_id', 'm.region_name'] as const : ['m.province_id', 'm.province_name'] as const;
  const rows = await base.select((eb) => [
    eb.ref(idColumn).as('id'), eb.ref(nameColumn).as('name'),
    eb.fn.countAll<number>().as('municipalities'),
    eb.fn.count<number>('pr.process_id').as('running'),
    eb.fn.sum<number>('pr.envelope_cents').as('envelope'),
    eb.fn.sum<number>('pr.investment_budget_cents').as('investment'),
    eb.fn.sum<number>('ag.approved').as('approved'),
    eb.fn.sum<number>('ag.women').as('women'),
  ]).groupBy([idColumn, nameColumn]).orderBy(nameColumn).orderBy(idColumn).execute();
  return rows.map((r) => ({
    id: String(r.id), name: String(r.name), level: by, municipalities: num(r.municipalities), running: num(r.running),
    envelopeCents: num(r.envelope), investmentBudgetCents: num(r.investment), approved: num(r.approved), women: num(r.women),
  }));
}

/** The municipalities the filter keeps, by region, province, the provincial one first, then name: one page, and how many in all. */
export async function nationalMunicipalities(db: Executor, f: NationalFilter, fiscalYear: number | null, page: { limit: number; offset: number }): Promise<{ total: number; rows: NationalMunicipalityRow[] }> {
  const year = fiscalYear ?? -1;
  const [count, rows] = await Promise.all([
    placesFiltered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    placesFiltered(db, f)
      .leftJoin(processFigures(db, { fiscalYear: year }).as('pr'), 'pr.municipality_id', 'm.municipality_id')
      .leftJoin(approvedAgentCounts(db, processKeysOfYear(db, year)).as('ag'), (j) => j.onRef('ag.municipality_id', '=', 'pr.municipality_id').onRef('ag.process_id', '=', 'pr.process_id'))
      .select(['m.municipality_id', 'm.slug', 'm.name', 'm.kind', 'm.province_id', 'm.province_name', 'm.region_id', 'm.region_name',
        'pr.process_id', 'pr.name as process_name', 'pr.phase', 'pr.envelope_cents', 'pr.investment_budget_cents', 'ag.approved', 'ag.women'])
      .orderBy('m.region_name').orderBy('m.province_name').orderBy('m.kind', 'desc').orderBy('m.name').orderBy('m.municipality_id')
      .limit(page.limit).offset(page.offset).execute(),
  ]);
  return {
    total: num(count.n),
    rows: rows.map((r) => ({
      id: r.municipality_id, slug: r.slug, name: r.name, kind: r.kind,
      province: { id: r.province_id, name: r.province_name }, region: { id: r.region_id, name: r.region_name },
      process: r.process_id ? {
        id: r.process_id, name: r.process_name ?? '', phase: r.phase ?? 'preparation',
        envelopeCents: num(r.envelope_cents), investmentBudgetCents: num(r.investment_budget_cents), approved: num(r.approved), women: num(r.women),
      } : null,
    })),
  };
}

/** Every region on the installation, and the provinces of one region (for the filters), by name. */
export async function places(db: Executor, regionId: string | undefined): Promise<{ regions: { id: string; name: string }[]; provinces: { id: string; name: string }[] }> {
  const [regions, provinces] = await Promise.all([
    db.selectFrom(municipalityPlaces(db).as('m')).select(['m.region_id as id', 'm.region_name as name']).distinct().orderBy('m.region_name').orderBy('m.region_id').execute(),
    regionId
      ? db.selectFrom(municipalityPlaces(db).as('m')).select(['m.province_id as id', 'm.province_name as name']).distinct().where('m.region_id', '=', regionId).orderBy('m.province_name').orderBy('m.province_id').execute()
      : Promise.resolve([]),
  ]);
  return { regions, provinces };
}

/** The latest fiscal year any municipality has a process for, or null when none has. */
export async function latestYear(db: Executor): Promise<number | null> {
  const r = await db.selectFrom(processFigures(db).as('pr')).select((eb) => eb.fn.max('pr.fiscal_year').as('y')).executeTakeFirst();
  return r?.y === null || r?.y === undefined ? null : Number(r.y);
}

/** A municipality's processes, oldest first, with their envelopes and investment budgets. */
export async function municipalityProcesses(db: Executor, municipalityId: string) {
  const rows = await db.selectFrom(processFigures(db, { municipalityId }).as('pr'))
    .select(['pr.process_id', 'pr.fiscal_year', 'pr.name', 'pr.phase', 'pr.envelope_cents', 'pr.investment_budget_cents'])
    .orderBy('pr.fiscal_year').execute();
  return rows.map((r) => ({
    id: r.process_id, fiscalYear: num(r.fiscal_year), name: r.name, phase: r.phase as Phase,
    envelopeCents: num(r.envelope_cents), investmentBudgetCents: num(r.investment_budget_cents),
  }));
}
