/**
 * Equal Shares input in integer form. Money is scaled by a power of ten so every cost and the budget
 * are integers; utilities are `factor[p] × weight` with small integer weights, so the engine compares
 * money and shares with BigInt products and never rounds.
 *
 * Ballots that support exactly the same projects with the same weights are merged into one "voter"
 * with a multiplicity: they always hold the same budget, so the engine handles them once.
 */
import { lcm, Rational } from '../../arith/rational.ts';
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

/** A short string identifying a ballot's (project, weight) list: one UTF-16 unit per number when small. */
function ballotKey(entries: readonly [number, bigint][], withWeights: boolean): string {
  const small = entries.every(([p, w]) => p < 0xffff && (!withWeights || w < 0xffffn));
  if (!small) return entries.map(([p, w]) => (withWeights ? `${p}:${w}` : `${p}`)).join(',');
  let key = '';
  for (const [p, w] of entries) key += withWeights ? String.fromCharCode(p, Number(w)) : String.fromCharCode(p);
  return key;
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

  // Merge identical supporting ballots.
  const voterOfKey = new Map<string, number>();
  const multList: number[] = [];
  const voterEntries: [number, bigint][][] = [];
  for (let b = 0; b < profile.nBallots; b++) {
    const entries: [number, bigint][] = [];
    for (let k = profile.start[b]!, end = profile.start[b + 1]!; k < end; k++) {
      const v = profile.points[k]!;
      if (v > 0) entries.push([profile.items[k]!, weightOf(v)]);
    }
    if (entries.length === 0) continue;
    entries.sort((x, y) => x[0] - y[0]);
    const key = ballotKey(entries, usesPoints);
    let voter = voterOfKey.get(key);
    if (voter === undefined) {
      voter = multList.length;
      voterOfKey.set(key, voter);
      multList.push(0);
      voterEntries.push(entries);
    }
    multList[voter]!++;
  }

  const counts = new Int32Array(nProjects);
  for (const entries of voterEntries) for (const [p] of entries) counts[p]!++;
  const suppStart = new Int32Array(nProjects + 1);
  for (let p = 0; p < nProjects; p++) suppStart[p + 1] = suppStart[p]! + counts[p]!;
  const fill = suppStart.slice(0, nProjects);
  const suppVoter = new Int32Array(suppStart[nProjects]!);
  const suppW = new Int32Array(suppStart[nProjects]!);
  const weights: bigint[][] = Array.from({ length: nProjects }, () => []);
  const weightIndex: Map<bigint, number>[] = Array.from({ length: nProjects }, () => new Map());
  const totalWeight: bigint[] = Array.from({ length: nProjects }, () => 0n);
  const supporterCount: number[] = Array.from({ length: nProjects }, () => 0);
  voterEntries.forEach((entries, voter) => {
    const m = multList[voter]!;
    for (const [p, w] of entries) {
      let wi = weightIndex[p]!.get(w);
      if (wi === undefined) {
        wi = weights[p]!.length;
        weightIndex[p]!.set(w, wi);
        weights[p]!.push(w);
      }
      const k = fill[p]!++;
      suppVoter[k] = voter;
      suppW[k] = wi;
      totalWeight[p] = totalWeight[p]! + BigInt(m) * w;
      supporterCount[p]! += m;
    }
  });

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
