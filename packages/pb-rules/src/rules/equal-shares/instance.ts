/**
 * Equal Shares input in integer form. Money is scaled by a power of ten so every cost and the budget
 * are integers; utilities are `factor[p] × weight` with small integer weights, so the engine compares
 * money and shares with BigInt products and never rounds.
 *
 * Ballots that support exactly the same projects with the same weights are merged into one "voter"
 * with a multiplicity: they always hold the same budget, so the engine handles them once.
 */
import { lcm, Rational } from '../../arith/rational.ts';
import { Float64Buf, Int32Buf } from '../../util/growable.ts';
import type { RuleContext } from '../context.ts';

export interface MesInstance {
  readonly nProjects: number;
  /** Costs × moneyScale. */
  readonly cost: readonly bigint[];
  /** Utility of a supporter = factor[p] × weight (factor = scaled cost for cost utilities, else 1). */
  readonly factor: readonly bigint[];
  /** Budget × moneyScale. */
  readonly budget: bigint;
  /** Power of ten making every cost and the budget an integer; one currency unit = moneyScale. */
  readonly moneyScale: bigint;
  /** Number of ballots, empty ones included: the budget is split among all of them. */
  readonly nBallots: bigint;
  /** Distinct supporting ballots ("voters" below) and how many ballots each stands for. */
  readonly nVoters: number;
  readonly mult: Float64Array;
  /** Supporters of project p: suppVoter[suppStart[p] .. suppStart[p+1]-1], weight index suppW. */
  readonly suppStart: Int32Array;
  readonly suppVoter: Int32Array;
  readonly suppW: Int32Array;
  /** Distinct weights of each project's supporters (suppW indexes into it). */
  readonly weights: readonly (readonly bigint[])[];
  /** Σ multiplicity × weight over the supporters of p. */
  readonly totalWeight: readonly bigint[];
  /** Ballots supporting p. */
  readonly supporterCount: readonly number[];
  /** Supported projects with a positive cost, in election order. */
  readonly candidates: readonly number[];
  /** Supported projects that cost nothing: selected before any round. */
  readonly free: readonly number[];
  /** Tie order: lower rank wins. */
  readonly rank: Int32Array;
}

function decimalScale(values: Iterable<Rational>): bigint {
  let scale = 1n;
  for (const v of values) scale = lcm(scale, v.den);
  // Costs parsed from decimals have denominators 2^a 5^b; round the scale up to a power of ten anyway so
  // that "one currency unit" stays a whole number of scaled units.
  let ten = 1n;
  while (ten % scale !== 0n) ten *= 10n;
  return ten;
}

export function buildMesInstance(ctx: RuleContext): MesInstance {
  const { election, profile, utility } = ctx;
  const nProjects = election.projects.length;
  const moneyScale = decimalScale([election.budget, ...election.projects.map((p) => p.cost)]);
  const cost = election.projects.map((p) => p.cost.mulInt(moneyScale).num);
  const budget = election.budget.mulInt(moneyScale).num;
  const usesPoints = utility === 'points' || utility === 'cost-points';
  const factor = election.projects.map((_, p) => (utility === 'cost' || utility === 'cost-points' ? cost[p]! : 1n));

  // Integer weights: points scaled by one common power of ten (a global factor leaves Equal Shares unchanged).
  let pointScale = 1n;
  if (usesPoints) {
    const dens: Rational[] = [];
    for (let k = 0; k < profile.points.length; k++) {
      const v = profile.points[k]!;
      if (v > 0 && !Number.isInteger(v)) dens.push(Rational.of(v));
    }
    pointScale = decimalScale(dens);
  }
  const weightOf = (points: number): bigint => (usesPoints ? Rational.of(points).mulInt(pointScale).num : 1n);

  // Merge identical supporting ballots: hash of the sorted (project, points) list, then exact compare.
  const { start, items, points } = profile;
  const multList: number[] = [];
  // distinct voter v lists vItems[vStart[v] .. vStart[v+1]-1] (and vPoints)
  const vStart = new Int32Buf();
  const vItems = new Int32Buf();
  const vPoints = new Float64Buf();
  vStart.push(0);
  const byHash = new Map<number, number | number[]>();
  let maxLen = 0;
  for (let b = 0; b < profile.nBallots; b++) maxLen = Math.max(maxLen, start[b + 1]! - start[b]!);
  const keyItems = new Int32Array(maxLen);
  const keyPoints = new Float64Array(maxLen);
  const same = (v: number, len: number): boolean => {
    const from = vStart.data[v]!;
    if (vStart.data[v + 1]! - from !== len) return false;
    for (let k = 0; k < len; k++) if (vItems.data[from + k] !== keyItems[k] || (usesPoints && vPoints.data[from + k] !== keyPoints[k])) return false;
    return true;
  };
  for (let b = 0; b < profile.nBallots; b++) {
    // the ballot's supported projects, sorted by index (insertion sort: ballots are short)
    let len = 0;
    for (let k = start[b]!, end = start[b + 1]!; k < end; k++) {
      const v = points[k]!;
      if (!(v > 0)) continue;
      const p = items[k]!;
      let j = len++;
      while (j > 0 && keyItems[j - 1]! > p) {
        keyItems[j] = keyItems[j - 1]!;
        keyPoints[j] = keyPoints[j - 1]!;
        j--;
      }
      keyItems[j] = p;
      keyPoints[j] = usesPoints ? v : 1;
    }
    if (len === 0) continue;
    let h = 0x811c9dc5;
    for (let k = 0; k < len; k++) {
      h = Math.imul(h ^ keyItems[k]!, 0x01000193);
      if (usesPoints) h = Math.imul(h ^ (keyPoints[k]! * 1000003), 0x01000193);
    }
    const bucket = byHash.get(h);
    let voter = -1;
    if (typeof bucket === 'number') {
      if (same(bucket, len)) voter = bucket;
    } else if (bucket) {
      for (const v of bucket) {
        if (same(v, len)) {
          voter = v;
          break;
        }
      }
    }
    if (voter < 0) {
      voter = multList.length;
      multList.push(0);
      for (let k = 0; k < len; k++) {
        vItems.push(keyItems[k]!);
        vPoints.push(keyPoints[k]!);
      }
      vStart.push(vItems.length);
      if (bucket === undefined) byHash.set(h, voter);
      else if (typeof bucket === 'number') byHash.set(h, [bucket, voter]);
      else bucket.push(voter);
    }
    multList[voter]!++;
  }
  // Weights per distinct voter: small integers, kept as numbers while building (BigInt per entry is slow).
  const weightCache = new Map<number, bigint>();
  const weightBig = (points: number): bigint => {
    let w = weightCache.get(points);
    if (w === undefined) weightCache.set(points, (w = weightOf(points)));
    return w;
  };
  const counts = new Int32Array(nProjects);
  for (let k = 0; k < vItems.length; k++) counts[vItems.data[k]!]!++;
  const suppStart = new Int32Array(nProjects + 1);
  for (let p = 0; p < nProjects; p++) suppStart[p + 1] = suppStart[p]! + counts[p]!;
  const fill = suppStart.slice(0, nProjects);
  const suppVoter = new Int32Array(suppStart[nProjects]!);
  const suppW = new Int32Array(suppStart[nProjects]!);
  const weights: bigint[][] = Array.from({ length: nProjects }, () => (usesPoints ? [] : [1n]));
  const weightIndex: Map<bigint, number>[] = Array.from({ length: nProjects }, () => new Map());
  const totalWeight: bigint[] = Array.from({ length: nProjects }, () => 0n);
  const supporterCount: number[] = Array.from({ length: nProjects }, () => 0);
  const countF = new Float64Array(nProjects);
  for (let voter = 0; voter < multList.length; voter++) {
    const m = multList[voter]!;
    for (let e = vStart.data[voter]!, end = vStart.data[voter + 1]!; e < end; e++) {
      const p = vItems.data[e]!;
      let wi = 0;
      if (usesPoints) {
        const w = weightBig(vPoints.data[e]!);
        let found = weightIndex[p]!.get(w);
        if (found === undefined) {
          found = weights[p]!.length;
          weightIndex[p]!.set(w, found);
          weights[p]!.push(w);
        }
        wi = found;
        totalWeight[p] = totalWeight[p]! + BigInt(m) * w;
      }
      const k = fill[p]!++;
      suppVoter[k] = voter;
      suppW[k] = wi;
      countF[p]! += m;
    }
  }
  for (let p = 0; p < nProjects; p++) {
    supporterCount[p] = countF[p]!;
    if (!usesPoints) {
      totalWeight[p] = BigInt(countF[p]!);
      if (countF[p] === 0) weights[p] = [];
    }
  }

  const candidates: number[] = [];
  const free: number[] = [];
  for (let p = 0; p < nProjects; p++) {
    if (supporterCount[p] === 0) continue;
    if (cost[p] === 0n) free.push(p);
    else candidates.push(p);
  }
  return {
    nProjects,
    cost,
    factor,
    budget,
    moneyScale,
    nBallots: BigInt(profile.nBallots),
    nVoters: multList.length,
    mult: Float64Array.from(multList),
    suppStart,
    suppVoter,
    suppW,
    weights,
    totalWeight,
    supporterCount,
    candidates,
    free,
    rank: ctx.ties.rank,
  };
}
