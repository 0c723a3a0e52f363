import type { Executor } from '../db/database.ts';
import type { Prioritization } from './prioritization.ts';

/** The only place that reads and writes the provisional lists. */

export interface ProvisionalListRecord {
  id: string;
  processId: string;
  seq: number;
  computedAt: string;
  computedBy: string;
  reason: string;
  inputsDigest: string;
  result: Prioritization;
}

export async function latestList(db: Executor, municipalityId: string, processId: string): Promise<ProvisionalListRecord | null> {
  const row = await db.selectFrom('provisional_lists')
    .select(['id', 'process_id', 'seq', 'computed_at', 'computed_by', 'reason', 'inputs_digest', 'result'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id, processId: row.process_id, seq: Number(row.seq), computedAt: row.computed_at, computedBy: row.computed_by,
    reason: row.reason, inputsDigest: row.inputs_digest, result: JSON.parse(row.result) as Prioritization,
  };
}

export async function nextSeq(db: Executor, municipalityId: string, processId: string): Promise<number> {
  const row = await db.selectFrom('provisional_lists').select((eb) => eb.fn.max('seq').as('seq'))
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertList(db: Executor, municipalityId: string, list: ProvisionalListRecord): Promise<void> {
  await db.insertInto('provisional_lists').values({
    municipality_id: municipalityId, id: list.id, process_id: list.processId, seq: list.seq, computed_at: list.computedAt,
    computed_by: list.computedBy, reason: list.reason, inputs_digest: list.inputsDigest, result: JSON.stringify(list.result),
  }).execute();
}
