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

const MAX_EXPONENT = 48;

/** Amounts to certify: powers of two around the exponent that worked last time. */
function ladder(center: number): bigint[] {
  const exponents = new Set([0]);
  for (let k = Math.max(0, center - 3); k <= Math.min(MAX_EXPONENT, center + 3); k++) exponents.add(k);
  return [...exponents].sort((a, b) => a - b).map((k) => 1n << BigInt(k));
}

export function equalSharesAdd1(inst: MesInstance): Add1Result {
  let t = 0n;
  let runs = 0;
  let center = 2;
  // Certifying roughly doubles the cost of a run. Where the outcome changes at almost every unit, as in
  // Toulouse 2024, it keeps failing: after a failure the next few steps are plain runs (a jump of one,
  // always valid), more of them after each further failure, none after a success.
  let plainLeft = 0;
  let backoff = 1;
  let kept: bigint;
  for (;;) {
    const certify = plainLeft === 0;
    const run = runEqualShares(inst, t, certify ? { certify: ladder(center), track: true } : {});
    runs++;
    if (run.cost > inst.budget) {
      // Over budget: keep the previous step (t > 0: at B/n Equal Shares never overspends); it lies in
      // the range certified by the last run, so its outcome is that run's outcome.
      kept = t > 0n ? t - 1n : 0n;
      break;
    }
    if (isExhaustiveRun(inst, run) || (certify && run.breakpoint === null)) {
      // A null breakpoint means no decision can ever turn, so the naive loop would never stop; it
      // cannot happen (with enough money every supported project is bought) and ends the loop anyway.
      kept = t;
      break;
    }
    if (!certify) {
      plainLeft--;
      t += 1n;
      continue;
    }
    // Same outcome on [t, t + certified] (ladder) and on [t, t + breakpoint) (tracking).
    const byTracking = run.breakpoint!.ceil();
    const jump = run.certified + 1n > byTracking ? run.certified + 1n : byTracking > 1n ? byTracking : 1n;
    t += jump;
    center = run.certified > 0n ? run.certified.toString(2).length : Math.max(0, center - 2);
    if (jump > 1n) backoff = 1;
    else {
      plainLeft = backoff;
      backoff = Math.min(backoff * 2, 16);
    }
  }
  return { run: runEqualShares(inst, kept, { details: true }), increments: kept, runs: runs + 1 };
}
