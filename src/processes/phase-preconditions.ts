import type { Executor } from '../db/database.ts';
import type { FailedPrecondition, PhaseGate } from '../kernel/area.ts';
import type { Process } from './process.ts';

/**
 * What must be true before a process leaves a phase. The gates are contributed by the areas that own the data they
 * check (registration, quotas, training; later proposals, the vote, the Acta), through their module objects, so this
 * area imports none of them. Every gate runs, so the administrator sees all that is missing, not only the first.
 */
export async function failedPreconditions(db: Executor, gates: readonly PhaseGate[], process: Process, at = new Date()): Promise<FailedPrecondition[]> {
  const mine = gates.filter((g) => g.leaving === process.phase);
  const results = await Promise.all(mine.map((gate) => gate.check(db, process, at)));
  return results.filter((r): r is FailedPrecondition => r !== null);
}
