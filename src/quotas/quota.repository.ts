import type { Executor } from '../db/database.ts';
import type { Body } from '../processes/process.queries.ts';
import type { OrganizationType, Sex } from '../registration/registration.ts';
import { agentSummaries, delegateCounts } from '../registration/registration.queries.ts';

/** Storage of the elected members of the representative bodies. Every query names the municipality. */

export interface BodyMember {
  agentId: string;
  name: string;
  sex: Sex;
  organization: { id: string; name: string; type: OrganizationType } | null;
  electedAt: string;
}

/**
 * Women and men holding seats in a body: for delegates, the approved agents accredited by an organization; for the
 * elected committees, their members.
 */
export async function bodyCounts(db: Executor, municipalityId: string, processId: string, body: Pick<Body, 'id' | 'kind'>): Promise<{ women: number; men: number }> {
  if (body.kind === 'delegates') return delegateCounts(db, municipalityId, processId);
  const members = await listMembers(db, municipalityId, body.id);
  const women = members.filter((m) => m.sex === 'female').length;
  return { women, men: members.length - women };
}

export async function listMembers(db: Executor, municipalityId: string, bodyId: string): Promise<BodyMember[]> {
  const rows = await db.selectFrom('body_members').select(['agent_id', 'elected_at'])
    .where('municipality_id', '=', municipalityId).where('body_id', '=', bodyId).execute();
  const agents = new Map((await agentSummaries(db, municipalityId, rows.map((r) => r.agent_id))).map((a) => [a.id, a]));
  return rows.flatMap((r) => {
    const a = agents.get(r.agent_id);
    return a ? [{ agentId: a.id, name: a.fullName, sex: a.sex, electedAt: r.elected_at, organization: a.organization }] : [];
  }).sort((x, y) => x.electedAt.localeCompare(y.electedAt) || x.name.localeCompare(y.name));
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
