/**
 * The details of a run whose purchases are known (from the floating-point engine), computed exactly:
 * each purchase replayed with exact group budgets (groups.ts) and the exact water-filling, without
 * looking at the rivals again. Gives what explanations need: supporters, payers, smallest and largest
 * payment of each round, and the supporters' money left for each project not bought.
 */
import { gcd, Rational } from '../../arith/rational.ts';
import type { MesRound, MesRun } from './engine.ts';
import { GroupBudgets, ratio } from './groups.ts';
import type { MesInstance } from './instance.ts';
import { exactWaterFill, type Classes } from './water-fill.ts';

export interface KnownRound {
  readonly project: number;
  readonly tied: readonly number[];
}

/** Equal Shares at budget/n + t per voter, replaying the given rounds (after the free projects). */
export function replayEqualShares(inst: MesInstance, t: bigint, known: readonly KnownRound[]): MesRun {
  const n = inst.nBallots;
  const M = inst.moneyScale;
  const groups = new GroupBudgets(inst.budget + n * M * t, n * M, n);
  const groupOf = new Int32Array(inst.nVoters).fill(1);
  const selected: number[] = [...inst.free];
  let cost = 0n;
  for (const p of inst.free) cost += inst.cost[p]!;
  const rounds: MesRound[] = [];
  const slotOf = new Map<number, number>();

  for (const { project: p, tied } of known) {
    // The winner's supporters as classes: same group and same weight.
    const weights = inst.weights[p]!;
    const K = weights.length;
    const start = inst.suppStart[p]!;
    const end = inst.suppStart[p + 1]!;
    const classOfEntry = new Int32Array(end - start);
    const cls = { group: [] as number[], weight: [] as bigint[], mult: [] as number[] };
    slotOf.clear();
    for (let k = start; k < end; k++) {
      const v = inst.suppVoter[k]!;
      const key = groupOf[v]! * K + inst.suppW[k]!;
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = cls.group.length;
        slotOf.set(key, slot);
        cls.group.push(groupOf[v]!);
        cls.weight.push(weights[inst.suppW[k]!]!);
        cls.mult.push(0);
      }
      cls.mult[slot]! += inst.mult[v]!;
      classOfEntry[k - start] = slot;
    }
    const classes: Classes = cls;
    const need = inst.cost[p]! * groups.D;
    const capped = exactWaterFill(groups, classes, need, inst.totalWeight[p]!);
    if (capped === null) throw new Error(`replay: project ${p} is not affordable`);
    let paid = 0n;
    let wrem = inst.totalWeight[p]!;
    for (let c = 0; c < cls.group.length; c++) {
      if (capped[c] !== 1) continue;
      const m = BigInt(cls.mult[c]!);
      paid += m * groups.A(cls.group[c]!);
      wrem -= m * cls.weight[c]!;
    }
    // Pay: π = (need − paid)/(D·wrem) per unit of weight; D grows by wrem/g so payments stay integers.
    const xa = need - paid;
    const g0 = gcd(xa, wrem);
    const xg = xa / g0;
    for (const g of cls.group) groups.A(g);
    groups.rescale(wrem / g0);
    const piF = ratio(xg, groups.D);
    const childOf = new Array<number>(cls.group.length).fill(0);
    let supporters = 0;
    let payers = 0;
    let minPay: bigint | null = null;
    let maxPay: bigint | null = null;
    for (let c = 0; c < cls.group.length; c++) {
      const g = cls.group[c]!;
      const w = cls.weight[c]!;
      const all = capped[c] === 1;
      const payment = all ? groups.A(g) : xg * w;
      childOf[c] = all ? 0 : groups.addAfterPayment(g, groups.A(g) - payment, 0n, piF * Number(w), 0);
      supporters += cls.mult[c]!;
      if (payment > 0n) payers += cls.mult[c]!;
      if (minPay === null || payment < minPay) minPay = payment;
      if (maxPay === null || payment > maxPay) maxPay = payment;
    }
    for (let k = start; k < end; k++) groupOf[inst.suppVoter[k]!] = childOf[classOfEntry[k - start]!]!;
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
  }

  // Money left with the supporters of each project not bought: counts per (project, group), then sums.
  const available = new Map<number, Rational>();
  const chosen = new Set(selected);
  const countOf = new Map<number, number>();
  for (const p of inst.candidates) {
    if (chosen.has(p)) continue;
    countOf.clear();
    for (let k = inst.suppStart[p]!, end = inst.suppStart[p + 1]!; k < end; k++) {
      const g = groupOf[inst.suppVoter[k]!]!;
      if (g !== 0) countOf.set(g, (countOf.get(g) ?? 0) + inst.mult[inst.suppVoter[k]!]!);
    }
    let sum = 0n;
    for (const [g, count] of countOf) sum += BigInt(count) * groups.A(g);
    available.set(p, Rational.fraction(sum, groups.D * M));
  }
  return {
    selected,
    rounds,
    cost,
    voterBudget: Rational.fraction(inst.budget + n * M * t, n * M),
    certified: 0n,
    breakpoint: null,
    available,
  };
}
