/**
 * The add1 completion of Equal Shares, computed by jumping.
 *
 * Definition (pabutools `voter_budget_increment=1`, equalshares.net "Add1"): run Equal Shares with the
 * per-voter budget B/n, then B/n + 1, B/n + 2, ... currency units; stop at the first outcome that is
 * exhaustive (no supported project left out fits in the money not spent), or, as soon as an outcome
 * costs more than B, return the outcome of the previous step.
 *
 * Trying every unit means hundreds of runs on a city-wide vote (22,001 for Budapest 2024, counted in
 * forints), yet the outcome changes at far fewer budgets. So the loop skips budgets that provably give
 * the same run, in two complementary ways:
 * - breakpoints (fast.ts): each run follows its budgets as affine functions of the money added and says
 *   until which budget none of its decisions can turn; the loop resumes from the first round that may;
 * - range certificates (range.ts): one forced run at t + U proves that every budget in [t, t + U] buys
 *   the same projects in the same order, however often the supporters who pay everything change in
 *   between (which is what ends the breakpoints on Budapest 2024: there the run stays the same for
 *   99% of the units, yet a breakpoint comes every two units or so). U doubles after a success and
 *   halves after a failure; after a failure at a single unit the next few steps use breakpoints only.
 * Every step in those ranges gives the naive loop the same verdict (neither exhaustive nor over budget),
 * so the loop continues at the first step past them. This is the idea of "add-opt" (Kraiczy, Robinson
 * and Elkind, "Streamlining Equal Shares", arXiv 2502.11797): go straight to where the outcome can
 * change, here on whole units so that the result is the naive loop's, step for step. Certificates are
 * never wrong, only sometimes too cautious; `equalSharesAdd1Naive` (reference.ts) is kept to check
 * exactly that in the property tests.
 */
import { runEqualShares, type MesRun } from './engine.ts';
import { fastRun, resumeFastRun, type FastRun } from './fast.ts';
import { certifyRange } from './range.ts';
import { replayEqualShares } from './replay.ts';
import type { MesInstance } from './instance.ts';

const PAUSE_MAX = 16;

export interface Add1Result {
  /** The kept run, recomputed with details at its own budget. */
  readonly run: MesRun;
  /** Whole currency units added to each voter's budget in the kept run. */
  readonly increments: bigint;
  /** Equal Shares runs performed (the naive loop needs about one per unit added). */
  readonly runs: number;
  /** Range certificates tried (range.ts): forced runs, each vouching for a range of budgets or failing. */
  readonly certificates: number;
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
  /** The range the next certificate tries (units per voter): doubled on success, halved on failure. */
  let span = 1;
  let pause = 0;
  let certificates = 0;
  let failures = 0;
  const budget = inst.budget;
  fast = fastRun(inst, 0, { track: true });
  runs++;
  for (;;) {
    let cost: bigint;
    let exhaustive: boolean;
    let until: number;
    if (fast?.certain) {
      cost = fast.cost;
      exhaustive = isExhaustiveSelection(inst, fast.selected, cost);
      until = fast.tracked ? fast.until : t;
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
    // The exact breakpoints vouch for [t, next); a certified range may reach further. Certificates
    // cost a run each: after one fails at a single unit, the next few steps go by breakpoints only.
    const next = Math.max(t + 1, Math.ceil(until));
    let certified: FastRun | null = null;
    if (pause > 0) pause--;
    while (fast !== null && pause === 0 && certified === null && t + span >= next) {
      certified = certifyRange(inst, fast, span);
      certificates++;
      if (certified === null) span = Math.floor(span / 2);
    }
    if (certified !== null) {
      t += span;
      fast = certified;
      span *= 2;
      failures = 0;
      continue;
    }
    if (span === 0) {
      failures++;
      pause = Math.min(PAUSE_MAX, 2 ** failures);
      span = 1;
    }
    t = next;
    fast = fast?.tracked ? resumeFastRun(inst, fast, t) : fastRun(inst, t, { track: true });
    runs++;
  }
  return { run: equalSharesDetails(inst, kept), increments: BigInt(kept), runs: runs + 1, certificates };
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
