import type { Executor } from '../db/database.ts';

/** The only place that reads and writes the oversight committee's candidates, election and votes. */

export interface Candidate { agentId: string; stoodAt: string; registeredBy: string; consent: string }
export interface Election { heldOn: string; place: string; reason: string; recordedAt: string; recordedBy: string }

export async function candidatesOf(db: Executor, municipalityId: string, processId: string): Promise<Candidate[]> {
  const rows = await db.selectFrom('committee_candidates').select(['agent_id', 'stood_at', 'registered_by', 'consent'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('stood_at').orderBy('agent_id').execute();
  return rows.map((r) => ({ agentId: r.agent_id, stoodAt: r.stood_at, registeredBy: r.registered_by, consent: r.consent }));
}

export async function insertCandidate(db: Executor, municipalityId: string, processId: string, c: Candidate): Promise<void> {
  await db.insertInto('committee_candidates').values({
    municipality_id: municipalityId, process_id: processId, agent_id: c.agentId, stood_at: c.stoodAt, registered_by: c.registeredBy, consent: c.consent,
  }).execute();
}

export async function findElection(db: Executor, municipalityId: string, processId: string): Promise<Election | null> {
  const r = await db.selectFrom('committee_elections').select(['held_on', 'place', 'reason', 'recorded_at', 'recorded_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  return r ? { heldOn: r.held_on, place: r.place, reason: r.reason, recordedAt: r.recorded_at, recordedBy: r.recorded_by } : null;
}

export async function insertElection(db: Executor, municipalityId: string, processId: string, e: Election, votes: readonly { agentId: string; votes: number; elected: boolean }[]): Promise<void> {
  await db.insertInto('committee_elections').values({
    municipality_id: municipalityId, process_id: processId, held_on: e.heldOn, place: e.place, reason: e.reason, recorded_at: e.recordedAt, recorded_by: e.recordedBy,
  }).execute();
  if (votes.length === 0) return;
  await db.insertInto('committee_votes').values(votes.map((v) => ({
    municipality_id: municipalityId, process_id: processId, agent_id: v.agentId, votes: v.votes, elected: v.elected ? 1 : 0,
  }))).execute();
}

export async function votesOf(db: Executor, municipalityId: string, processId: string): Promise<Map<string, { votes: number; elected: boolean }>> {
  const rows = await db.selectFrom('committee_votes').select(['agent_id', 'votes', 'elected'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return new Map(rows.map((r) => [r.agent_id, { votes: Number(r.votes), elected: Number(r.elected) === 1 }]));
}
