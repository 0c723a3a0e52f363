import type { Executor } from '../db/database.ts';
import type { OrganizationType, Sex } from './registration.ts';

/** Registrations still waiting for the municipality's decision. */
export async function countPendingRegistrations(db: Executor, municipalityId: string, processId: string): Promise<{ agents: number; organizations: number }> {
  const [a, o] = await Promise.all([
    db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
    db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'pending').executeTakeFirstOrThrow(),
  ]);
  return { agents: Number(a.n), organizations: Number(o.n) };
}

export async function findApprovedAgentByDni(db: Executor, municipalityId: string, processId: string, dni: string): Promise<{ id: string; fullName: string; sex: 'female' | 'male'; zoneId: string; organizationId: string | null } | null> {
  const r = await db.selectFrom('agents').select(['id', 'full_name', 'sex', 'zone_id', 'organization_id'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('dni', '=', dni).where('status', '=', 'approved')
    .executeTakeFirst();
  return r ? { id: r.id, fullName: r.full_name, sex: r.sex, zoneId: r.zone_id, organizationId: r.organization_id } : null;
}

/** Whether the process has at least one approved participating agent. */
export async function hasApprovedAgent(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  const row = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('status', '=', 'approved').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Women and men among the accredited delegates: approved agents registered through an organization. */
export async function delegateCounts(db: Executor, municipalityId: string, processId: string): Promise<{ women: number; men: number }> {
  const rows = await db.selectFrom('agents').select(['sex', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .where('status', '=', 'approved').where('organization_id', 'is not', null).groupBy('sex').execute();
  return { women: Number(rows.find((r) => r.sex === 'female')?.n ?? 0), men: Number(rows.find((r) => r.sex === 'male')?.n ?? 0) };
}

/** An agent as other areas see it: name, sex, status and organization; no contact data. */
export interface AgentSummary {
  id: string;
  fullName: string;
  sex: Sex;
  status: string;
  organization: { id: string; name: string; type: OrganizationType } | null;
}

/** The agents of this municipality with these ids (any process), in no particular order. */
export async function agentSummaries(db: Executor, municipalityId: string, ids: readonly string[]): Promise<AgentSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select(['a.id', 'a.full_name', 'a.sex', 'a.status', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type'])
    .where('a.municipality_id', '=', municipalityId).where('a.id', 'in', [...ids]).execute();
  return rows.map((r) => ({
    id: r.id, fullName: r.full_name, sex: r.sex, status: r.status,
    organization: r.org_id && r.org_name && r.org_type ? { id: r.org_id, name: r.org_name, type: r.org_type } : null,
  }));
}

/** One agent of a process, as other areas see it, or null. */
export async function findAgentSummary(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<AgentSummary | null> {
  const r = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId)
    .where('process_id', '=', processId).where('id', '=', agentId).executeTakeFirst();
  return r ? (await agentSummaries(db, municipalityId, [r.id]))[0] ?? null : null;
}
