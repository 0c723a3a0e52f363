import type { Executor } from '../db/database.ts';
import { processRulesSchema } from '@concerta/contracts';
import { trainedAgentsQuery } from '../training/training.queries.ts';
import type { AgentGroup, OrganizationGroup, TrainedGroup } from './participation.ts';

/** Grouped counts for the participation figures; every query is held to one municipality. */

function agentsWithOrganization(db: Executor, municipalityId: string, processId: string) {
  return db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.municipality_id', '=', 'a.municipality_id').onRef('o.id', '=', 'a.organization_id'))
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId);
}

export async function agentGroups(db: Executor, municipalityId: string, processId: string): Promise<AgentGroup[]> {
  const rows = await agentsWithOrganization(db, municipalityId, processId)
    .select(['a.status', 'a.sex', 'a.age_band', 'a.zone_id', 'o.type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['a.status', 'a.sex', 'a.age_band', 'a.zone_id', 'o.type']).execute();
  return rows.map((r) => ({ status: r.status, sex: r.sex, ageBand: r.age_band, zoneId: r.zone_id, organizationType: r.type ?? null, count: Number(r.n) }));
}

export async function trainedGroups(db: Executor, municipalityId: string, processId: string, minSessions: number): Promise<TrainedGroup[]> {
  const rows = await agentsWithOrganization(db, municipalityId, processId)
    .where('a.status', '=', 'approved')
    .where('a.id', 'in', trainedAgentsQuery(db, municipalityId, processId, minSessions))
    .select(['a.sex', 'a.age_band', 'a.zone_id', 'o.type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['a.sex', 'a.age_band', 'a.zone_id', 'o.type']).execute();
  return rows.map((r) => ({ sex: r.sex, ageBand: r.age_band, zoneId: r.zone_id, organizationType: r.type ?? null, count: Number(r.n) }));
}

export async function organizationGroups(db: Executor, municipalityId: string, processId: string): Promise<OrganizationGroup[]> {
  const rows = await db.selectFrom('organizations').select(['status', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .groupBy(['status', 'type']).execute();
  return rows.map((r) => ({ status: r.status, type: r.type, count: Number(r.n) }));
}

export async function zonesOf(db: Executor, municipalityId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('zones').select(['id', 'name']).where('municipality_id', '=', municipalityId).orderBy('code').execute();
}

/** Every process of the municipality with the grouped counts of its history line. */
export async function historyRows(db: Executor, municipalityId: string) {
  const processRows = await db.selectFrom('processes').select(['id', 'fiscal_year', 'rules']).where('municipality_id', '=', municipalityId).execute();
  const agents = await db.selectFrom('agents').select(['process_id', 'status', 'sex', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).groupBy(['process_id', 'status', 'sex']).execute();
  const organizations = await db.selectFrom('organizations').select(['process_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('status', '=', 'approved').groupBy('process_id').execute();
  const trained = new Map<string, number>();
  for (const p of processRows) {
    const min = processRulesSchema.parse(JSON.parse(p.rules)).minTrainingSessions;
    const r = await db.selectFrom(trainedAgentsQuery(db, municipalityId, p.id, min).as('t'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    trained.set(p.id, Number(r.n));
  }
  return {
    processes: processRows.map((p) => ({ id: p.id, fiscalYear: Number(p.fiscal_year) })),
    agents: agents.map((a) => ({ processId: a.process_id, status: a.status, sex: a.sex, count: Number(a.n) })),
    organizationsApproved: organizations.map((o) => ({ processId: o.process_id, count: Number(o.n) })),
    trained,
  };
}
