/**
 * The Method of Equal Shares, exact and fast.
 *
 * Definition (as in pabutools `method_of_equal_shares` and equalshares.net): every ballot gets the same
 * budget b. Each round, for every remaining project p whose supporters still hold at least its cost,
 * find the smallest ρ such that Σ_i min(budget_i, ρ·u_i(p)) = cost(p) (supporters pay in proportion to
 * their utility; those who cannot pay their share pay all they have). Buy the project with the smallest
 * ρ (ties: the tie order), charge each supporter min(budget_i, ρ·u_i), and repeat until nothing is
 * affordable. Projects nobody supports are never bought; supported free projects are bought first.
 *
 * How it stays exact and fast:
 * - voters with the same history hold the same budget, so they are kept in groups (groups.ts); a
 *   project's supporters collapse into a few (group, weight) classes;
 * - group budgets are integers over one common denominator, so sums are BigInt additions and every
 *   decision is a comparison of BigInt products; doubles only sort and pre-screen, and anything too
 *   close to call is decided exactly (water-fill.ts);
 * - each project keeps its last ρ, a lower bound of its current ρ (budgets only shrink), and a round
 *   stops evaluating projects once that bound exceeds the best ρ found (as pabutools does).
 *
 * For add1, a run can also say how much more money per voter leaves its outcome unchanged, in two ways:
 * exact tracking (`track`, breakpoints.ts) and a ladder of certified intervals (`certify`, ladder.ts).
 */
import { gcd, Rational } from '../../arith/rational.ts';
import { Breakpoints } from './breakpoints.ts';
import { GroupBudgets, ratio } from './groups.ts';
import type { MesInstance } from './instance.ts';
import { createLevels, lowerPi, pushChild, roundDown, roundUp, staysUnaffordable, upperPi, type Level } from './ladder.ts';
import { exactWaterFill, floatWaterFill, type Classes } from './water-fill.ts';

export interface MesRound {
  readonly project: number;
  /** Projects tied with the winner for the smallest ρ, the winner included (length 1 when no tie). */
  readonly tied: readonly number[];
  readonly supporters: number;
  /** Supporters who paid something (the others had nothing left). */
  readonly payers: number;
  readonly minPayment: Rational;
  readonly maxPayment: Rational;
}

export interface MesRun {
  /** Free projects first, then one per round. */
  readonly selected: readonly number[];
  readonly rounds: readonly MesRound[];
  /** Scaled total cost of the selection. */
  readonly cost: bigint;
  /** Per-voter budget used, in currency units. */
  readonly voterBudget: Rational;
  /** The largest of the `certify` amounts for which the outcome provably stays the same (0 if none). */
  readonly certified: bigint;
  /**
   * With `track`: the smallest u ≥ 0 (currency units per voter added to this run's budget) at which a
   * decision of this run could turn; the outcome is the same for every budget in [b, b + u). Null when
   * nothing can change or when not tracked.
   */
  readonly breakpoint: Rational | null;
  /** With `details`: supporters' remaining money per candidate not selected. */
  readonly available?: ReadonlyMap<number, Rational>;
}

export interface MesRunOptions {
  /** Amounts U (currency units per voter) for which to certify that the outcome is the same up to b + U. */
  readonly certify?: readonly bigint[];
  /** Compute the exact breakpoint. */
  readonly track?: boolean;
  /** Compute the supporters' remaining money for unselected projects (for explanations). */
  readonly details?: boolean;
}

interface Evaluation {
  readonly project: number;
  /** ρ_C(u) = (xa + xs·u) / den for the classes C paying everything at u = 0 (exact at u = 0). */
  readonly xa: bigint;
  readonly xs: bigint;
  readonly den: bigint;
  readonly cls: Classes;
  /** capped[c] = 1 when class c pays all it has; cappedList lists those classes. */
  readonly capped: Uint8Array;
  readonly cappedList: readonly number[];
  /** Weight of the classes paying the full share. */
  readonly wrem: bigint;
  /** Class of each supporter entry of the project (same order as suppVoter). */
  readonly classOfEntry: Int32Array;
}

/** Sign of a1/d1 − a2/d2 (positive denominators). */
function cmpFrac(a1: bigint, d1: bigint, a2: bigint, d2: bigint): number {
  const l = a1 * d2;
  const r = a2 * d1;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Runs Equal Shares with a per-voter budget of budget/nBallots + t currency units. */
export function runEqualShares(inst: MesInstance, t: bigint, options: MesRunOptions = {}): MesRun {
  const n = inst.nBallots;
  const M = inst.moneyScale;
  const rank = inst.rank;
  const P = inst.nProjects;
  const track = options.track ?? false;
  const groups = new GroupBudgets(inst.budget + n * M * t, n * M, n);
  const groupOf = new Int32Array(inst.nVoters).fill(1);
  const breakpoints = new Breakpoints();
  const levels: Level[] = createLevels(inst, t, options.certify ?? []);
  const aliveLevels = () => levels.filter((l) => l.alive);

  // Last ρ_C(u) of each project (a lower bound of its current ρ); at first, everyone paying equally.
  const staleA: bigint[] = new Array<bigint>(P).fill(0n);
  const staleS: bigint[] = new Array<bigint>(P).fill(0n);
  const staleDen: bigint[] = new Array<bigint>(P).fill(1n);
  for (const p of inst.candidates) {
    staleA[p] = inst.cost[p]!;
    staleDen[p] = inst.totalWeight[p]! * inst.factor[p]!;
  }

  const selected: number[] = [...inst.free];
  let cost = 0n;
  for (const p of inst.free) cost += inst.cost[p]!;
  const rounds: MesRound[] = [];
  let remaining: number[] = [...inst.candidates];

  // Collapsing supporters into classes: typed-array slots stamped per call, instead of a Map, when the
  // project's supporters all have the same weight (a class is then a group).
  let slotOfGroup = new Int32Array(64);
  let stampOfGroup = new Int32Array(64).fill(-1);
  let stamp = 0;
  const classesOf = (p: number): { cls: Classes; classOfEntry: Int32Array } => {
    const weights = inst.weights[p]!;
    const K = weights.length;
    const start = inst.suppStart[p]!;
    const end = inst.suppStart[p + 1]!;
    const classOfEntry = new Int32Array(end - start);
    const group: number[] = [];
    const weightIndex: number[] = [];
    const mult: number[] = [];
    if (K === 1) {
      if (slotOfGroup.length < groups.count) {
        slotOfGroup = new Int32Array(groups.count * 2);
        stampOfGroup = new Int32Array(groups.count * 2).fill(-1);
      }
      stamp++;
      for (let k = start; k < end; k++) {
        const v = inst.suppVoter[k]!;
        const g = groupOf[v]!;
        let slot: number;
        if (stampOfGroup[g] === stamp) slot = slotOfGroup[g]!;
        else {
          slot = group.length;
          stampOfGroup[g] = stamp;
          slotOfGroup[g] = slot;
          group.push(g);
          weightIndex.push(0);
          mult.push(0);
        }
        mult[slot]! += inst.mult[v]!;
        classOfEntry[k - start] = slot;
      }
    } else {
      const slotOf = new Map<number, number>();
      for (let k = start; k < end; k++) {
        const v = inst.suppVoter[k]!;
        const g = groupOf[v]!;
        const key = g * K + inst.suppW[k]!;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = group.length;
          slotOf.set(key, slot);
          group.push(g);
          weightIndex.push(inst.suppW[k]!);
          mult.push(0);
        }
        mult[slot]! += inst.mult[v]!;
        classOfEntry[k - start] = slot;
      }
    }
    return { cls: { group, weight: weightIndex.map((wi) => weights[wi]!), mult }, classOfEntry };
  };

  const evaluate = (p: number): Evaluation | null => {
    const { cls, classOfEntry } = classesOf(p);
    const L = cls.group.length;
    const need = inst.cost[p]! * groups.D;
    const costF = Number(inst.cost[p]!);
    // Affordable? In doubles first, exactly when too close to call. Budgets never shrink as u grows
    // (slopes ≥ 0), so only an unaffordable project has a breakpoint here: where the money reaches the cost.
    let sumF = 0;
    let sumSF = 0;
    for (let c = 0; c < L; c++) {
      sumF += cls.mult[c]! * groups.f[cls.group[c]!]!;
      if (track) sumSF += cls.mult[c]! * groups.sf[cls.group[c]!]!;
    }
    let affordable: boolean;
    if (Math.abs(sumF - costF) > 1e-7 * (sumF + costF)) {
      affordable = sumF > costF;
      if (track && !affordable && sumSF > 0) breakpoints.observeAtLeast((costF - sumF - 1e-9 * (sumF + costF)) / (sumSF * (1 + 1e-9)));
    } else {
      let sum = 0n;
      let sumS = 0n;
      for (let c = 0; c < L; c++) {
        sum += BigInt(cls.mult[c]!) * groups.A(cls.group[c]!);
        if (track) sumS += BigInt(cls.mult[c]!) * groups.S(cls.group[c]!);
      }
      affordable = sum >= need;
      if (track) breakpoints.observeGe(sum - need, sumS);
    }
    if (!affordable) {
      for (const level of aliveLevels()) if (!staysUnaffordable(level, cls, costF)) level.alive = false;
      return null;
    }
    const totalWeight = inst.totalWeight[p]!;
    const capped = floatWaterFill(groups, cls, need, costF) ?? exactWaterFill(groups, cls, need, totalWeight);
    if (capped === null) return null; // unreachable once affordable; a guard
    let paid = 0n;
    let paidS = 0n;
    let wrem = totalWeight;
    const cappedList: number[] = [];
    for (let c = 0; c < L; c++) {
      if (capped[c] !== 1) continue;
      cappedList.push(c);
      const m = BigInt(cls.mult[c]!);
      paid += m * groups.A(cls.group[c]!);
      if (track) paidS += m * groups.S(cls.group[c]!);
      wrem -= m * cls.weight[c]!;
    }
    for (const level of aliveLevels()) {
      level.staleLow[p] = roundDown(lowerPi(level, cls, cappedList, wrem, costF) / Number(inst.factor[p]!), 0);
    }
    return { project: p, xa: need - paid, xs: -paidS, den: groups.D * wrem * inst.factor[p]!, cls, capped, cappedList, wrem, classOfEntry };
  };

  /** Tracking: the winner stays ahead of every rival's lower bound and keeps its payment structure. */
  const trackRound = (best: Evaluation, evaluated: readonly Evaluation[], skipped: readonly number[]): void => {
    for (const ev of evaluated) if (ev !== best) breakpoints.observeGe(ev.xa * best.den - best.xa * ev.den, ev.xs * best.den - best.xs * ev.den);
    for (const q of skipped) breakpoints.observeGe(staleA[q]! * best.den - best.xa * staleDen[q]!, staleS[q]! * best.den - best.xs * staleDen[q]!);
    // For each class, the sign of budget − π·w (slope: budget slope − π slope·w) must stay. Doubles
    // first, with a generous error bound and every root rounded down; exactly when too close to call.
    const piF = ratio(best.xa, groups.D * best.wrem);
    const piSF = ratio(best.xs, groups.D * best.wrem);
    const current = breakpoints.approx();
    const { group, weight } = best.cls;
    for (let c = 0; c < group.length; c++) {
      const g = group[c]!;
      const w = Number(weight[c]!);
      const sign = best.capped[c] === 1 ? -1 : 1;
      const v = sign * (groups.f[g]! - piF * w);
      const sv = sign * (groups.sf[g]! - piSF * w);
      const err = 1e-9 * (groups.f[g]! + Math.abs(piF) * w);
      const errS = 1e-9 * (Math.abs(groups.sf[g]!) + Math.abs(piSF) * w) + 1e-300;
      if (v > err) {
        if (sv >= errS) continue; // moving away from the boundary
        const root = (v - err) / (Math.abs(sv) + errS);
        if (root < current) breakpoints.observeAtLeast(root);
        continue;
      }
      const da = groups.A(g) * best.wrem - best.xa * weight[c]!;
      const ds = groups.S(g) * best.wrem - best.xs * weight[c]!;
      if (sign < 0) breakpoints.observeGe(-da, -ds);
      else breakpoints.observeGe(da, ds);
    }
  };

  /** Ladder: per level, the winner's payment bounds if the round is certified (the level dies otherwise). */
  const certifyRound = (best: Evaluation, evaluated: readonly Evaluation[], skipped: readonly number[]): Map<Level, [number, number]> => {
    const p = best.project;
    const costF = Number(inst.cost[p]!);
    const bounds = new Map<Level, [number, number]>();
    for (const level of aliveLevels()) {
      const high = upperPi(level, best.cls, costF);
      if (high === null) {
        level.alive = false;
        continue;
      }
      const rhoHigh = roundUp(high / Number(inst.factor[p]!), 0);
      const beaten = (q: number) => level.staleLow[q]! > rhoHigh || (level.staleLow[q]! >= rhoHigh && rank[p]! < rank[q]!);
      if (evaluated.every((ev) => ev === best || beaten(ev.project)) && skipped.every(beaten)) {
        bounds.set(level, [high, lowerPi(level, best.cls, best.cappedList, best.wrem, costF)]);
      } else level.alive = false;
    }
    return bounds;
  };

  for (;;) {
    remaining.sort((x, y) => cmpFrac(staleA[x]!, staleDen[x]!, staleA[y]!, staleDen[y]!) || rank[x]! - rank[y]!);
    let best: Evaluation | null = null;
    const evaluated: Evaluation[] = [];
    const removed = new Set<number>();
    let skippedFrom = remaining.length;
    for (let i = 0; i < remaining.length; i++) {
      const p = remaining[i]!;
      if (best !== null && cmpFrac(staleA[p]!, staleDen[p]!, best.xa, best.den) > 0) {
        // Its lower bound already exceeds the best ρ: neither it nor any later project can win.
        skippedFrom = i;
        break;
      }
      const ev = evaluate(p);
      if (ev === null) {
        removed.add(p);
        continue;
      }
      staleA[p] = ev.xa;
      staleS[p] = ev.xs;
      staleDen[p] = ev.den;
      evaluated.push(ev);
      const c = best === null ? -1 : cmpFrac(ev.xa, ev.den, best.xa, best.den);
      if (best === null || c < 0 || (c === 0 && rank[p]! < rank[best.project]!)) best = ev;
    }
    if (best === null) break;
    const skipped = remaining.slice(skippedFrom);
    const tied = [best.project, ...evaluated.filter((ev) => ev !== best && cmpFrac(ev.xa, ev.den, best!.xa, best!.den) === 0).map((ev) => ev.project)];
    if (track) trackRound(best, evaluated, skipped);
    const bounds = certifyRound(best, evaluated, skipped);
    if (removed.size > 0) remaining = remaining.filter((x) => !removed.has(x));

    // Pay. ρ·u = π·w with π = xa / (D·wrem); divide by the gcd first so that D grows as little as possible.
    const p = best.project;
    const g0 = gcd(gcd(best.xa, best.xs), best.wrem);
    const xg = best.xa / g0;
    const xgs = best.xs / g0;
    for (const g of best.cls.group) groups.A(g); // bring the payers' groups up to date
    groups.rescale(best.wrem / g0);
    const piF = ratio(xg, groups.D);
    const piSF = track ? ratio(xgs, groups.D) : 0;
    // While certifying, voters who paid everything keep their own group: their budget is 0 now, but
    // not necessarily with more money.
    const keepCapped = aliveLevels().length > 0;
    const { group, weight, mult } = best.cls;
    const childOf = new Array<number>(group.length).fill(0);
    let supporters = 0;
    let payers = 0;
    let minPay: bigint | null = null;
    let maxPay: bigint | null = null;
    for (let c = 0; c < group.length; c++) {
      const g = group[c]!;
      const w = weight[c]!;
      const paidEverything = best.capped[c] === 1;
      // What one voter of the class pays, over the new denominator D.
      const pay = paidEverything ? groups.A(g) : xg * w;
      if (paidEverything) childOf[c] = keepCapped ? groups.addBroke() : 0;
      else childOf[c] = groups.addAfterPayment(g, groups.A(g) - pay, track ? groups.S(g) - xgs * w : 0n, piF * Number(w), piSF * Number(w));
      if (childOf[c] !== 0) {
        for (const level of levels) {
          const b = bounds.get(level);
          if (b && level.alive) pushChild(level, g, Number(w), paidEverything, b[0], b[1]);
          else {
            // A failed level: placeholders keep its arrays indexed by group.
            level.LU.push(0);
            level.HU.push(0);
          }
        }
      }
      supporters += mult[c]!;
      if (pay > 0n) payers += mult[c]!;
      if (minPay === null || pay < minPay) minPay = pay;
      if (maxPay === null || pay > maxPay) maxPay = pay;
    }
    for (const level of levels) if (!bounds.has(level)) level.alive = false;
    const start = inst.suppStart[p]!;
    for (let k = start, end = inst.suppStart[p + 1]!; k < end; k++) groupOf[inst.suppVoter[k]!] = childOf[best.classOfEntry[k - start]!]!;
    selected.push(p);
    cost += inst.cost[p]!;
    rounds.push({
      project: p,
      tied,
      supporters,
      payers,
      minPayment: Rational.fraction(minPay ?? 0n, groups.D * M),
      maxPayment: Rational.fraction(maxPay ?? 0n, groups.D * M),
    });
    remaining = remaining.filter((x) => x !== p);
  }

  let available: Map<number, Rational> | undefined;
  if (options.details) {
    available = new Map();
    const chosen = new Set(selected);
    for (const p of inst.candidates) {
      if (chosen.has(p)) continue;
      let sum = 0n;
      for (let k = inst.suppStart[p]!, end = inst.suppStart[p + 1]!; k < end; k++) {
        const v = inst.suppVoter[k]!;
        sum += BigInt(inst.mult[v]!) * groups.A(groupOf[v]!);
      }
      available.set(p, Rational.fraction(sum, groups.D * M));
    }
  }
  let certified = 0n;
  for (const level of levels) if (level.alive && level.U > certified) certified = level.U;
  return {
    selected,
    rounds,
    cost,
    voterBudget: Rational.fraction(inst.budget + n * M * t, n * M),
    certified,
    breakpoint: track ? breakpoints.value() : null,
    ...(available ? { available } : {}),
  };
}
