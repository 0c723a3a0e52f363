/**
 * Tie-breaking as one total order of the projects, fixed before a rule runs: "is p preferred to q?" is a
 * comparison of two integers in the inner loops, and the same tie is always broken the same way.
 */
import type { Project } from '../model/types.ts';
import type { TieBreak, TieCriterion, TieRule } from './types.ts';

/** Compares strings by Unicode code points, as Python does (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * Seeded generator for the lottery: a 128-bit state from the seed text (cyrb128 hash), then sfc32.
 * Small, fast, the same on every machine; the seed is published with the result so anyone can redraw it.
 */
function seededRandom(seed: string): () => number {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0,
    b = (h2 ^ h1) >>> 0,
    c = (h3 ^ h1) >>> 0,
    d = (h4 ^ h1) >>> 0;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}

/** The lottery order: projects sorted by id, then shuffled (Fisher-Yates) with the seeded generator. */
export function lotteryOrder(ids: readonly string[], seed: string): string[] {
  const order = [...ids].sort(compareCodePoints);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface TieBreaker {
  readonly rule: TieRule;
  /** rank[p]: position of project p in the tie order; the lower rank wins a tie. */
  readonly rank: Int32Array;
  /** Records a tie among project indices (any order) as the rule resolved it. */
  record(stage: string, tied: readonly number[]): TieBreak;
}

/**
 * @param supporters number of ballots supporting each project, the "votes" of the declared rule
 */
export function makeTieBreaker(rule: TieRule, projects: readonly Project[], supporters: ArrayLike<number>): TieBreaker {
  const n = projects.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const byId = (a: number, b: number) => compareCodePoints(projects[a]!.id, projects[b]!.id);
  if (rule.kind === 'declared') {
    idx.sort((a, b) => supporters[b]! - supporters[a]! || projects[a]!.cost.cmp(projects[b]!.cost) || byId(a, b));
  } else if (rule.kind === 'id') {
    idx.sort(byId);
  } else {
    const position = new Map(lotteryOrder(projects.map((p) => p.id), rule.seed).map((id, i) => [id, i]));
    idx.sort((a, b) => position.get(projects[a]!.id)! - position.get(projects[b]!.id)!);
  }
  const rank = new Int32Array(n);
  idx.forEach((p, r) => (rank[p] = r));

  const criterion = (tied: readonly number[]): TieCriterion => {
    if (rule.kind === 'id') return 'id';
    if (rule.kind === 'lottery') return 'lottery';
    const first = tied[0]!;
    if (tied.some((p) => supporters[p] !== supporters[first])) return 'votes';
    if (tied.some((p) => !projects[p]!.cost.eq(projects[first]!.cost))) return 'cost';
    return 'id';
  };
  return {
    rule,
    rank,
    record: (stage, tied) => ({
      stage,
      order: [...tied].sort((a, b) => rank[a]! - rank[b]!).map((p) => projects[p]!.id),
      by: criterion(tied),
    }),
  };
}
