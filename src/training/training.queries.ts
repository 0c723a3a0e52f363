import type { Executor } from '../db/database.ts';

/** Sessions that already ended and had at least one attendee. */
export async function countSessionsHeld(db: Executor, municipalityId: string, processId: string, asOf: string): Promise<number> {
  const r = await db.selectFrom('training_sessions as s')
    .select((eb) => eb.fn.count<number>('s.id').distinct().as('n'))
    .where('s.municipality_id', '=', municipalityId).where('s.process_id', '=', processId).where('s.ends_at', '<=', asOf)
    .where((eb) => eb.exists(eb.selectFrom('training_attendance as t').select('t.agent_id')
      .whereRef('t.municipality_id', '=', 's.municipality_id').whereRef('t.session_id', '=', 's.id')))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Agents who attended at least the sessions the process asks for. */
export async function trainedAgentIds(db: Executor, municipalityId: string, processId: string): Promise<Set<string>> {
  const process = await db.selectFrom('processes').select('rules').where('municipality_id', '=', municipalityId).where('id', '=', processId).executeTakeFirst();
  const min = process ? Number((JSON.parse(process.rules) as { minTrainingSessions?: number }).minTrainingSessions ?? 1) : 1;
  const rows = await db.selectFrom('training_attendance as t')
    .innerJoin('training_sessions as s', (j) => j.onRef('s.id', '=', 't.session_id').onRef('s.municipality_id', '=', 't.municipality_id'))
    .select(['t.agent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.municipality_id', '=', municipalityId).where('s.process_id', '=', processId)
    .groupBy('t.agent_id').execute();
  return new Set(rows.filter((r) => Number(r.n) >= min).map((r) => r.agent_id));
}

export async function isTrained(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<boolean> {
  return (await trainedAgentIds(db, municipalityId, processId)).has(agentId);
}
