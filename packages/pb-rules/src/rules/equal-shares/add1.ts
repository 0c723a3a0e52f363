/**
 * The add1 completion of Equal Shares, computed by jumping.
 *
 * Definition (pabutools `voter_budget_increment=1`, equalshares.net "Add1"): run Equal Shares with the
 * per-voter budget B/n, then B/n + 1, B/n + 2, ... currency units; stop at the first outcome that is
 * exhaustive (no supported project left out fits in the money not spent), or, as soon as an outcome
 * costs more than B, return the outcome of the previous step.
 *
 * Trying every unit means hundreds of runs on a city-wide vote (22,001 for Budapest 2024, counted in
 * forints), yet the outcome changes at far fewer budgets. So a run at step t also says how far its
 * outcome provably stays the same, in two complementary ways (engine.ts): exact tracking gives a
 * breakpoint u (same outcome on [t, t + u)), and a ladder of amounts U = 2^k around the last jump gives
 * the largest U certified (same outcome on [t, t + U]). Every step in those ranges gives the naive loop
 * the same verdict (neither exhaustive nor over budget), so the loop continues at the first step past
 * them. This is the idea of "add-opt" (Kraiczy, Robinson and Elkind, "Streamlining Equal Shares",
 * arXiv 2502.11797): go straight to where the outcome can change. Certificates are never wrong, only
 * sometimes too cautious, so the result is the naive loop's, step for step; `equalSharesAdd1Naive`
 * (reference.ts) is kept to check exactly that.
 */
import { runEqualShares, type MesRun } from './engine.ts';
import { fastRun, resumeFastRun, type FastRun } from './fast.ts';
import { replayEqualShares } from './replay.ts';
import type { MesInstance } from './instance.ts';

export interface Add1Result {
  /** The kept run, recomputed with details at its own budget. */
  readonly run: MesRun;
  /** Whole currency units added to each voter's budget in the kept run. */
  readonly increments: bigint;
  /** Equal Shares runs performed (the naive loop needs about one per unit added). */
  readonly runs: number;
}

/** Exhaustive: no supported project left out fits in the money not spent (pabutools' `is_exhaustive`). */
export function isExhaustiveRun(inst: MesInstance, run: MesRun): boolean {
  const left = inst.budget - run.cost;
  const chosen = new Set(run.selected);
  return inst.candidates.every((p) => chosen.has(p) || inst.cost[p]! > left);
}

/**
 * The jumping loop on the floating-point engine (fast.ts): each run, resumed from the first round that
 * may have changed, says until which budget its outcome holds; the loop goes straight there. Where the
 * doubles cannot prove a decision it uses the exact engine for that budget (its exact breakpoint).
 */
export function equalSharesAdd1(inst: MesInstance): Add1Result {
  let t = 0;
  let runs = 0;
  let fast: FastRun | null = null;
  let kept: number;
  const budget = inst.budget;
  for (;;) {
    fast = fast ? resumeFastRun(inst, fast, t) : fastRun(inst, t, { track: true });
    runs++;
    let cost: bigint;
    let exhaustive: boolean;
    let until: number;
    if (fast.certain) {
      cost = fast.cost;
      exhaustive = isExhaustiveSelection(inst, fast.selected, cost);
      until = fast.until;
    } else {
      const run = runEqualShares(inst, BigInt(t), { track: true });
      runs++;
      fast = null;
      cost = run.cost;
      exhaustive = isExhaustiveRun(inst, run);
      until = run.breakpoint === null ? Infinity : t + run.breakpoint.toNumber() * (1 - 1e-12);
    }
    if (cost > budget) {
      // Over budget: keep the previous step (t > 0: at B/n Equal Shares never overspends); it lies in
      // the range the last run vouched for, so its outcome is that run's outcome.
      kept = t > 0 ? t - 1 : 0;
      break;
    }
    if (exhaustive || until === Infinity) {
      // Nothing can ever change (it cannot happen: with enough money every supported project is bought)
      // would mean the naive loop never stops; it ends the loop anyway.
      kept = t;
      break;
    }
    t = Math.max(t + 1, Math.ceil(until));
  }
  return { run: equalSharesDetails(inst, kept), increments: BigInt(kept), runs: runs + 1 };
}

/**
 * The run at t with the details explanations need, exactly: the floating-point engine finds the
 * purchases, the exact replay computes the payments (the exact engine when the doubles cannot decide).
 */
export function equalSharesDetails(inst: MesInstance, t: number): MesRun {
  const fast = fastRun(inst, t);
  if (!fast.certain) return runEqualShares(inst, BigInt(t), { details: true });
  return replayEqualShares(inst, BigInt(t), fast.rounds);
}

function isExhaustiveSelection(inst: MesInstance, selected: readonly number[], cost: bigint): boolean {
  const left = inst.budget - cost;
  const chosen = new Set(selected);
  return inst.candidates.every((p) => chosen.has(p) || inst.cost[p]! > left);
}
