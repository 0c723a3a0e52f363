/**
 * Who pays everything they have for a project: the supporters' classes (group, weight) that cannot pay
 * the equal share π·w, where π solves Σ_classes count·min(budget, π·w) = cost.
 */
import type { GroupBudgets } from './groups.ts';

/** A project's supporters collapsed into classes: same group (same budget) and same weight. */
export interface Classes {
  readonly group: readonly number[];
  readonly weight: readonly bigint[];
  /** Ballots per class. */
  readonly mult: readonly number[];
}

// Float sort keys closer than this (relative) may be misordered: such neighbours are compared exactly.
const NEAR = 1e-9;

/**
 * Exactly: classes sorted poorest per unit of weight first (float keys, then exact order within near
 * ties), then the classic walk. Null when nobody can pay (the caller checked affordability first).
 *
 * @param need the cost over the current common denominator
 */
export function exactWaterFill(groups: GroupBudgets, cls: Classes, need: bigint, totalWeight: bigint): Uint8Array | null {
  const L = cls.group.length;
  const key = new Float64Array(L);
  for (let c = 0; c < L; c++) key[c] = groups.f[cls.group[c]!]! / Number(cls.weight[c]!);
  const order = Array.from({ length: L }, (_, c) => c);
  order.sort((x, y) => key[x]! - key[y]!);
  for (let i = 1; i < L; i++) {
    const c = order[i]!;
    let j = i;
    while (j > 0) {
      const prev = order[j - 1]!;
      if (key[c]! - key[prev]! > NEAR * Math.abs(key[c]!)) break;
      if (!(groups.A(cls.group[c]!) * cls.weight[prev]! < groups.A(cls.group[prev]!) * cls.weight[c]!)) break;
      order[j] = prev;
      j--;
    }
    order[j] = c;
  }
  const capped = new Uint8Array(L);
  let wrem = totalWeight;
  let paid = 0n;
  for (const c of order) {
    // Can one voter of the class pay the equal share (need − paid)·w / wrem of those left?
    if (groups.A(cls.group[c]!) * wrem >= (need - paid) * cls.weight[c]!) return capped;
    capped[c] = 1;
    paid += BigInt(cls.mult[c]!) * groups.A(cls.group[c]!);
    wrem -= BigInt(cls.mult[c]!) * cls.weight[c]!;
  }
  return null;
}

/**
 * The same set from doubles: raise the share π until no class changes side (π only grows), then check
 * exactly every class too close to π to trust its double. Null when unsure: use {@link exactWaterFill}.
 */
export function floatWaterFill(groups: GroupBudgets, cls: Classes, need: bigint, costF: number): Uint8Array | null {
  const L = cls.group.length;
  const key = new Float64Array(L);
  let totalWF = 0;
  for (let c = 0; c < L; c++) {
    key[c] = groups.f[cls.group[c]!]! / Number(cls.weight[c]!);
    totalWF += cls.mult[c]! * Number(cls.weight[c]!);
  }
  let pi = costF / totalWF;
  for (let round = 0; ; round++) {
    if (round === 8) return null;
    let paidF = 0;
    let wremF = 0;
    for (let c = 0; c < L; c++) {
      if (key[c]! < pi) paidF += cls.mult[c]! * groups.f[cls.group[c]!]!;
      else wremF += cls.mult[c]! * Number(cls.weight[c]!);
    }
    // Little left to share after those who pay everything: the difference is unreliable, go exact.
    if (wremF <= 0 || costF - paidF < 1e-2 * costF) return null;
    const next = (costF - paidF) / wremF;
    if (!(next > pi * (1 + 1e-12))) break;
    pi = next;
  }
  const capped = new Uint8Array(L);
  let paid = 0n;
  let wrem = 0n;
  for (let c = 0; c < L; c++) {
    if (key[c]! < pi) {
      capped[c] = 1;
      paid += BigInt(cls.mult[c]!) * groups.A(cls.group[c]!);
    } else wrem += BigInt(cls.mult[c]!) * cls.weight[c]!;
  }
  if (wrem === 0n) return null;
  const x = need - paid;
  for (let c = 0; c < L; c++) {
    if (Math.abs(key[c]! - pi) > 1e-7 * pi) continue; // the double's side is certain
    const pays = groups.A(cls.group[c]!) * wrem >= x * cls.weight[c]!;
    if (pays === (capped[c] === 1)) return null;
  }
  return capped;
}
