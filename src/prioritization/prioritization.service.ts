import { createHash } from 'node:crypto';
import type { DatabaseHandle, Dialect, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit, canonicalJson } from '../audit/audit-log.ts';
import { processMatrix } from '../evaluation/evaluation.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import { gatherInputs } from './prioritization.sources.ts';
import { prioritize, type PrioritizationInput } from './prioritization.ts';
import * as repo from './prioritization.repository.ts';

/** Use cases of the provisional list: compute it (kept, numbered, audited) and read the latest one against today's data. */

/** The digest of a list's inputs: two lists with the same digest were computed from the same data and settings. */
export function inputsDigest(input: PrioritizationInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

export interface ProvisionalList extends repo.ProvisionalListRecord {
  computedByName: string;
  /** Whether the list still matches today's evaluations, votes, costs, envelopes and settings. */
  current: boolean;
  /** Proposals whose evaluation is not complete yet (listed as not evaluated). */
  unevaluated: number;
  criteria: { id: string; name: string; weight: number; scaleMin: number; scaleMax: number }[];
}

/** The latest list of a process, or null before the first is computed. */
export async function latestProvisionalList(db: Executor, municipalityId: string, processId: string): Promise<ProvisionalList | null> {
  const process = await requireProcess(db, municipalityId, processId);
  const list = await repo.latestList(db, municipalityId, processId);
  if (!list) return null;
  const [names, inputs, matrix] = await Promise.all([
    userNames(db, [list.computedBy]),
    gatherInputs(db, municipalityId, process),
    processMatrix(db, municipalityId, processId),
  ]);
  return {
    ...list,
    computedByName: names.get(list.computedBy) ?? '',
    current: inputsDigest(inputs) === list.inputsDigest,
    unevaluated: list.result.pools.reduce((n, p) => n + p.entries.filter((e) => e.status === 'not_evaluated').length, 0),
    criteria: matrix.map((c) => ({ id: c.id, name: c.name, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
  };
}

/**
 * Computes the provisional list from today's data and keeps it as the process's next list, with the reason. Only in
 * Concertation; the process row is locked so that no evaluation or vote lands between reading the inputs and storing.
 */
export async function computeProvisionalList(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, reason: string): Promise<ProvisionalList> {
  await handle.db.transaction().execute(async (trx) => {
    const process: Process = await lockProcess(trx, handle.dialect, municipalityId, processId, 'update');
    if (process.phase !== 'concertation') throw new AppError('PRIORITIZATION_NOT_OPEN', { phase: process.phase });
    const inputs = await gatherInputs(trx, municipalityId, process);
    if (inputs.candidates.length === 0) throw new AppError('PRIORITIZATION_NO_PROPOSALS', {});
    await keepList(trx, handle.dialect, municipalityId, processId, actor.userId, inputs, reason, now());
  });
  return (await latestProvisionalList(handle.db, municipalityId, processId))!;
}

/** Ranks the inputs and keeps the result as the process's next list, audited with its digest, funded and alternates. */
export async function keepList(trx: Executor, dialect: Dialect, municipalityId: string, processId: string, actorId: string,
  inputs: PrioritizationInput, reason: string, computedAt: string): Promise<string> {
  const result = prioritize(inputs);
  const seq = await repo.nextSeq(trx, municipalityId, processId);
  const id = newId();
  const digest = inputsDigest(inputs);
  await repo.insertList(trx, municipalityId, { id, processId, seq, computedAt, computedBy: actorId, reason, inputsDigest: digest, result });
  const entries = result.pools.flatMap((p) => p.entries);
  await appendAudit(trx, dialect, {
    scope: municipalityId, actorId, action: 'prioritization.compute', entityType: 'provisional_list', entityId: id, reason,
    data: {
      processId, seq, inputsDigest: digest, settings: result.settings,
      funded: entries.filter((e) => e.status === 'funded').map((e) => e.number),
      alternates: entries.filter((e) => e.status === 'alternate').map((e) => e.number),
    },
  });
  return id;
}

/** Why the process cannot leave Concertation for want of a provisional list, or null when its latest list is current. */
export async function provisionalListProblem(db: Executor, process: Process): Promise<{ code: string; params: Record<string, unknown> } | null> {
  const list = await repo.latestList(db, process.municipalityId, process.id);
  if (!list) return { code: 'PROVISIONAL_LIST_MISSING', params: {} };
  const inputs = await gatherInputs(db, process.municipalityId, process);
  if (inputsDigest(inputs) !== list.inputsDigest) return { code: 'PROVISIONAL_LIST_OUTDATED', params: { seq: list.seq } };
  return null;
}
