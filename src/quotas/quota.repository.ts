import type { Executor } from '../db/database.ts';
import type { OrganizationType, Sex } from '../registration/registration.ts';
import type { BodyKind } from './quota.ts';

/** Storage of the representative bodies and their elected members. Every query names the municipality. */

export interface Body {
  id: string;
  kind: BodyKind;
  seats: number;
  minWomen: number;
}

export interface BodyMember {
  agentId: string;
  name: string;
  sex: Sex;
  organization: { id: string; name: string; type: OrganizationType } | null;
  electedAt: string;
}

export async function listBodies(db: Executor, municipalityId: string, processId: string): Promise<Body[]> {
  const rows = await db.selectFrom('bodies').select(['id', 'kind', 'seats', 'min_women'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, seats: Number(r.seats), minWomen: Number(r.min_women) }));
}

export async function findBody(db: Executor, municipalityId: string, processId: string, kind: BodyKind): Promise<Body | null> {
  const r = await db.selectFrom('bodies').select(['id', 'kind', 'seats', 'min_women'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('kind', '=', kind).executeTakeFirst();
  return r ? { id: r.id, kind: r.kind, seats: Number(r.seats), minWomen: Number(r.min_women) } : null;
}

/**
 * Women and men holding seats in a body: for delegates, the approved agents accredited by an organization; for the
 * elected committees, their members.
 */
export async function bodyCounts(db: Executor, municipalityId: string, processId: string, body: Pick<Body, 'id' | 'kind'>): Promise<{ women: number; men: number }> {
  const rows = body.kind === 'delegates'
    ? await db.selectFrom('agents').select(['sex', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
      .where('status', '=', 'approved').where('organization_id', 'is not', null).groupBy('sex').execute()
    : await db.selectFrom('body_members as bm')
      .innerJoin('agents as a', (j) => j.onRef('a.id', '=', 'bm.agent_id').onRef('a.municipality_id', '=', 'bm.municipality_id'))
      .select(['a.sex', (eb) => eb.fn.countAll<number>().as('n')])
      .where('bm.municipality_id', '=', municipalityId).where('bm.body_id', '=', body.id).groupBy('a.sex').execute();
  return {
    women: Number(rows.find((r) => r.sex === 'female')?.n ?? 0),
    men: Number(rows.find((r) => r.sex === 'male')?.n ?? 0),
  };
}

export async function listMembers(db: Executor, municipalityId: string, bodyId: string): Promise<BodyMember[]> {
  const rows = await db.selectFrom('body_members as bm')
    .innerJoin('agents as a', (j) => j.onRef('a.id', '=', 'bm.agent_id').onRef('a.municipality_id', '=', 'bm.municipality_id'))
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select(['a.id', 'a.full_name', 'a.sex', 'bm.elected_at', 'o.id as org_id', 'o.name as org_name', 'o.type as org_type'])
    .where('bm.municipality_id', '=', municipalityId).where('bm.body_id', '=', bodyId)
    .orderBy('bm.elected_at').orderBy('a.full_name').execute();
  return rows.map((r) => ({
    agentId: r.id, name: r.full_name, sex: r.sex, electedAt: r.elected_at,
    organization: r.org_id && r.org_name && r.org_type ? { id: r.org_id, name: r.org_name, type: r.org_type } : null,
  }));
}

export async function isMember(db: Executor, municipalityId: string, bodyId: string, agentId: string): Promise<boolean> {
  const r = await db.selectFrom('body_members').select('agent_id').where('municipality_id', '=', municipalityId)
    .where('body_id', '=', bodyId).where('agent_id', '=', agentId).executeTakeFirst();
  return r !== undefined;
}

export async function insertMember(db: Executor, municipalityId: string, m: { bodyId: string; agentId: string; electedAt: string; electedBy: string }): Promise<void> {
  await db.insertInto('body_members').values({
    municipality_id: municipalityId, body_id: m.bodyId, agent_id: m.agentId, elected_at: m.electedAt, elected_by: m.electedBy,
  }).execute();
}

export async function deleteMember(db: Executor, municipalityId: string, bodyId: string, agentId: string): Promise<void> {
  await db.deleteFrom('body_members').where('municipality_id', '=', municipalityId).where('body_id', '=', bodyId).where('agent_id', '=', agentId).execute();
}

export async function findAgentForBody(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<{ id: string; fullName: string; sex: Sex; status: string } | null> {
  const r = await db.selectFrom('agents').select(['id', 'full_name', 'sex', 'status'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('id', '=', agentId).executeTakeFirst();
  return r ? { id: r.id, fullName: r.full_name, sex: r.sex, status: r.status } : null;
}
