/**
 * Certifying that a run's outcome stays the same on [b, b + U] (b: the run's per-voter budget).
 *
 * Along [b, b + U], as long as the same projects are bought in the same order, each voter's budget in
 * each round is a continuous function of the extra money u. A level keeps, per group, an affine lower
 * bound L(u) and upper bound H(u) of that budget on [0, U], stored as their values at U (at u = 0 both
 * equal the run's exact budget). A round is certified for U when the winner w beats every other project
 * at every u:
 * - the winner's ρ(u) is at most the chord of ρ_L (ρ computed with the budgets L: a convex function of u
 *   since L is affine; more money, cheaper shares) between its values at 0 and U;
 * - any other project's ρ(u) is at least ρ_C(u) = (cost − Σ_C H)/(utility outside C), C the classes
 *   that paid all they had at u = 0: for any C, Σ min(b_i, ρ·u_i) ≤ Σ_C b_i + ρ·Σ_rest u_i; a skipped
 *   project keeps such a bound from the round it was last evaluated;
 * - a project unaffordable at u = 0 stays so: Σ H < cost at U too.
 * All bounds are affine in u, so checking both ends suffices (u = 0 is the run's own decision).
 * Payments then bound the next budgets: L' = L − π_hi·w (0 for classes that paid everything at u = 0),
 * H' = the chord of max(0, H − π_lo·w). Values at U are doubles rounded outward by a margin far above
 * any rounding error: that only weakens the bounds, so a certificate is always true; the converse need
 * not be (add1 then tries a smaller U).
 */
import type { MesInstance } from './instance.ts';
import type { Classes } from './water-fill.ts';
import { ratio } from './groups.ts';

const SAFE = 1e-9;
export const roundDown = (x: number, magnitude: number): number => x - SAFE * (Math.abs(x) + magnitude);
export const roundUp = (x: number, magnitude: number): number => x + SAFE * (Math.abs(x) + magnitude);

export interface Level {
  readonly U: bigint;
  alive: boolean;
  /** Bounds of each group's budget at u = U (scaled money), indexed by group. */
  readonly LU: number[];
  readonly HU: number[];
  /** Lower bound at u = U of each project's ρ, from the last round it was evaluated. */
  readonly staleLow: Float64Array;
}

export function createLevels(inst: MesInstance, t: bigint, amounts: readonly bigint[]): Level[] {
  const n = inst.nBallots;
  const M = inst.moneyScale;
  return amounts.map((U) => {
    const b = ratio(inst.budget + n * M * (t + U), n);
    const level: Level = { U, alive: true, LU: [0, roundDown(b, 0)], HU: [0, roundUp(b, 0)], staleLow: new Float64Array(inst.nProjects) };
    for (const p of inst.candidates) {
      level.staleLow[p] = roundDown(Number(inst.cost[p]!) / (Number(inst.totalWeight[p]!) * Number(inst.factor[p]!)), 0);
    }
    return level;
  });
}

/** A project unaffordable at u = 0 is still unaffordable at U (hence on all of [0, U]). */
export function staysUnaffordable(level: Level, cls: Classes, costF: number): boolean {
  let sumH = 0;
  for (let c = 0; c < cls.group.length; c++) sumH += cls.mult[c]! * level.HU[cls.group[c]!]!;
  return roundUp(sumH, 0) < costF;
}

/** π_C at U with budgets H, C = the classes paying everything at u = 0: a lower bound, rounded down. */
export function lowerPi(level: Level, cls: Classes, cappedList: readonly number[], wrem: bigint, costF: number): number {
  let paidH = 0;
  for (const c of cappedList) paidH += cls.mult[c]! * level.HU[cls.group[c]!]!;
  return roundDown(costF - roundUp(paidH, 0), costF) / Number(wrem);
}

/** An upper bound of the winner's payment per unit of weight at U (water-filling on L), or null. */
export function upperPi(level: Level, cls: Classes, costF: number): number | null {
  const L = cls.group.length;
  const val = new Float64Array(L);
  const w = new Float64Array(L);
  let total = 0;
  let totalW = 0;
  for (let c = 0; c < L; c++) {
    val[c] = level.LU[cls.group[c]!]!;
    w[c] = Number(cls.weight[c]!);
    total += cls.mult[c]! * val[c]!;
    totalW += cls.mult[c]! * w[c]!;
  }
  if (!(roundDown(total, 0) >= costF)) return null;
  const order = Array.from({ length: L }, (_, c) => c).sort((x, y) => val[x]! / w[x]! - val[y]! / w[y]!);
  let paid = 0;
  let wrem = totalW;
  let pi = costF / wrem;
  for (const c of order) {
    pi = (costF - paid) / wrem;
    if (val[c]! >= pi * w[c]!) break;
    paid += cls.mult[c]! * val[c]!;
    wrem -= cls.mult[c]! * w[c]!;
  }
  // Verify a value a little above: paying min(L, π·w) each must collect the cost with room to spare
  // (more room than the verification margin, itself far above rounding errors).
  let scale = 0;
  for (let c = 0; c < L; c++) scale += cls.mult[c]! * Math.abs(val[c]!);
  const candidate = pi + Math.max(SAFE * Math.abs(pi), (4 * SAFE * (scale + costF)) / Math.max(wrem, 1));
  let collected = 0;
  let magnitude = 0;
  for (let c = 0; c < L; c++) {
    const x = cls.mult[c]! * Math.min(val[c]!, candidate * w[c]!);
    collected += x;
    magnitude += Math.abs(x);
  }
  return roundDown(collected, magnitude) >= costF ? candidate : null;
}

/** Bounds at U of a group created by a payment (piHigh, piLow: bounds of the payment per unit of weight). */
export function pushChild(level: Level, parent: number, weight: number, paidEverything: boolean, piHigh: number, piLow: number): void {
  const lu = level.LU[parent]!;
  const hu = level.HU[parent]!;
  level.LU.push(paidEverything ? 0 : roundDown(lu - piHigh * weight, Math.abs(lu) + piHigh * weight));
  level.HU.push(Math.max(0, roundUp(hu - piLow * weight, Math.abs(hu) + Math.abs(piLow) * weight)));
}
