/**
 * Equal Shares in floating point, with every decision proven.
 *
 * The exact engine (engine.ts) keeps budgets as BigInt numerators over one common denominator that grows
 * with every purchase; that is what makes it exact, and slow on long runs. Here budgets are doubles, and
 * each decision is taken only when the doubles prove it: every budget carries a bound of its error
 * (rounding errors of each operation, propagated through the shares), every share π its own bound, and a
 * comparison is decided when the values differ by more than twice the sum of their bounds. Decisions the doubles cannot prove are of two kinds:
 * - exact ties between projects, frequent with cost utilities (ρ = 1/number of payers when every
 *   supporter can pay the same share): when neither project has a supporter who pays everything but has
 *   money left, ρ = cost / (factor × paying weight) exactly, and the tie is decided with integers;
 * - anything else too close to call (a supporter who can pay exactly the share, a project whose
 *   supporters hold exactly its cost): the run reports `certain: false` and the caller uses the exact
 *   engine for that budget. On the whole Pabulib corpus this does not happen.
 *
 * Tracking (for the add1 completion, add1.ts): every budget is also followed as an affine function of
 * the extra money u per voter (slope s), and each round notes the smallest u at which one of its
 * decisions could turn (its breakpoint, rounded down with the error bounds): a rival catching up with
 * the winner, a project becoming affordable, a supporter of the winner moving between paying everything
 * and paying the share. Below every round's breakpoint the run, hence its outcome, is the same.
 * Rounds are independent certificates: when the loop moves to a budget past some round's breakpoint,
 * {@link resumeFastRun} keeps the rounds before it (replaying their payments) and recomputes from there.
 */
import type { MesInstance } from './instance.ts';

const U = 2 ** -53;
/** At decisions, error bounds are doubled and get a relative slack: cheap insurance, margins are far larger. */
const SAFETY = 2;
const SLACK = 1e-13;

/** The instance's numbers as doubles, computed once per instance. */
export interface FloatInstance {
  readonly cost: Float64Array;
  readonly factor: Float64Array;
  /** Weight of each supporter entry (aligned with suppVoter). */
  readonly weight: Float64Array;
  readonly maxWeight: Float64Array;
  readonly budget: number;
  readonly n: number;
  readonly scale: number;
  /** False when some number is beyond the exact range of doubles: use the exact engine. */
  readonly usable: boolean;
}

const FLOAT = new WeakMap<MesInstance, FloatInstance>();

export function floatInstance(inst: MesInstance): FloatInstance {
  let fi = FLOAT.get(inst);
  if (fi) return fi;
  const P = inst.nProjects;
  const cost = new Float64Array(P);
  const factor = new Float64Array(P);
  const maxWeight = new Float64Array(P);
  const weight = new Float64Array(inst.suppVoter.length);
  let usable = inst.budget < 2n ** 53n && inst.nBallots < 2n ** 31n;
  for (let p = 0; p < P; p++) {
    cost[p] = Number(inst.cost[p]!);
    factor[p] = Number(inst.factor[p]!);
    if (inst.cost[p]! >= 2n ** 53n || inst.factor[p]! >= 2n ** 53n || inst.totalWeight[p]! >= 2n ** 53n) usable = false;
    const ws = inst.weights[p]!;
    for (let k = inst.suppStart[p]!, end = inst.suppStart[p + 1]!; k < end; k++) {
      const w = Number(ws[inst.suppW[k]!]!);
      weight[k] = w;
      if (w > maxWeight[p]!) maxWeight[p] = w;
    }
  }
  fi = { cost, factor, weight, maxWeight, budget: Number(inst.budget), n: Number(inst.nBallots), scale: Number(inst.moneyScale), usable };
  FLOAT.set(inst, fi);
  return fi;
}

export interface FastRound {
  readonly project: number;
  /** Projects exactly tied with the winner for the smallest ρ, the winner first. */
  readonly tied: readonly number[];
  /** Absolute budget step (currency units added per voter) from which this round may turn (Infinity: never). */
  readonly until: number;
  /** The winner's ρ in this run and its error bound. */
  readonly rho: number;
  readonly err: number;
  /** The winner's paying weight, and whether ρ = cost / (factor × paying weight) exactly (see Evaluation). */
  readonly wrem: number;
  readonly simple: boolean;
}

/** Lower bounds of each project's ρ (affine in u from `base`), and the projects still in the running. */
export interface Stale {
  base: number;
  readonly rho: Float64Array;
  readonly slope: Float64Array;
  readonly err: Float64Array;
  readonly errSlope: Float64Array;
  /** 0: in the running, 1: selected, 2: found unaffordable. */
  readonly status: Uint8Array;
}

/** A project's new lower bound (or its removal, unaffordable), noted in round `round` of a run at `base`. */
interface LogEntry {
  readonly round: number;
  readonly project: number;
  readonly base: number;
  readonly rho: number;
  readonly slope: number;
  readonly err: number;
  readonly errSlope: number;
  readonly removed: boolean;
}

export interface FastRun {
  /** Currency units added per voter. */
  readonly t: number;
  /** False when a decision could not be proven: use the exact engine at this budget. */
  readonly certain: boolean;
  /** Free projects first, then one per round. */
  readonly selected: readonly number[];
  readonly rounds: readonly FastRound[];
  /** Scaled total cost of the selection (exact). */
  readonly cost: bigint;
  /** With tracking: the budget step (absolute) from which the outcome may differ; Infinity when it never can. */
  readonly until: number;
  /** Until when the last, empty round (nothing affordable) holds. */
  readonly endUntil: number;
  /** Resumption state: every change of the lower bounds, in order. */
  readonly log: readonly LogEntry[];
  readonly tracked: boolean;
}

const UNCERTAIN = (t: number, tracked: boolean): FastRun => ({
  t,
  certain: false,
  selected: [],
  rounds: [],
  cost: 0n,
  until: t,
  endUntil: t,
  log: [],
  tracked,
});

export interface Evaluation {
  readonly project: number;
  readonly affordable: boolean;
  /** Share per unit of weight, its error bound, slope and the slope's error bound. */
  readonly pi: number;
  readonly errPi: number;
  readonly spi: number;
  readonly errSpi: number;
  readonly rho: number;
  readonly err: number;
  readonly srho: number;
  readonly errS: number;
  /** Paying weight (supporters who do not pay everything); exact integer. */
  readonly wrem: number;
  /** True when every supporter who pays everything has nothing (then ρ = cost / (factor × wrem) exactly). */
  readonly simple: boolean;
}

/**
 * State of one run: budgets and their slopes, with a bound of the error of each; and each project's
 * supporters who still have money (sv, sw: voter and weight from suppStart[p], len[p] of them), the
 * others dropped as they are met, so that later passes have neither them nor a test for them.
 */
class Budgets {
  readonly f: Float64Array;
  readonly s: Float64Array;
  readonly e: Float64Array;
  readonly es: Float64Array;
  readonly broke: Uint8Array;
  readonly sv: Int32Array;
  readonly sw: Float64Array;
  readonly len: Int32Array;

  constructor(inst: MesInstance) {
    const n = inst.nVoters;
    this.f = new Float64Array(n);
    this.s = new Float64Array(n);
    this.e = new Float64Array(n);
    this.es = new Float64Array(n);
    this.broke = new Uint8Array(n);
    this.sv = new Int32Array(inst.suppVoter.length);
    this.sw = new Float64Array(inst.suppVoter.length);
    this.len = new Int32Array(inst.nProjects);
  }

  /** b0: the budget of every voter (scaled money); slope: scaled money per currency unit added. */
  reset(inst: MesInstance, fi: FloatInstance, b0: number, errB0: number, slope: number): this {
    this.f.fill(b0);
    this.s.fill(slope);
    this.e.fill(errB0);
    this.es.fill(0);
    this.broke.fill(0);
    this.sv.set(inst.suppVoter);
    this.sw.set(fi.weight);
    for (let p = 0; p < inst.nProjects; p++) this.len[p] = inst.suppStart[p + 1]! - inst.suppStart[p]!;
    return this;
  }
}

/** One set of run arrays per instance, reused run after run (runs never overlap: they are synchronous). */
const POOL = new WeakMap<MesInstance, Budgets>();

export interface Context {
  readonly inst: MesInstance;
  readonly fi: FloatInstance;
  readonly track: boolean;
  readonly t: number;
  readonly b: Budgets;
  /** Smallest breakpoint noted in the current round (relative u). */
  bp: number;
}

/** Lowest u ≥ 0 at which margin (≥ err) could reach zero while changing at `rate` (negative: shrinking). */
function crossing(margin: number, errMargin: number, rate: number, errRate: number): number {
  const lo = margin - errMargin;
  if (lo <= 0) return 0;
  const fall = -rate + errRate;
  if (fall <= 0) return Infinity;
  return (lo / fall) * (1 - 1e-12);
}

function observe(ctx: Context, u: number): void {
  if (u < ctx.bp) ctx.bp = u;
}

/** Evaluates project p with the current budgets; null when a decision cannot be proven. */
export function evaluate(ctx: Context, p: number): Evaluation | null {
  const { inst, fi, b, track } = ctx;
  const { f, s, e, es, broke, sv: voters, sw: weight } = b;
  const start = inst.suppStart[p]!;
  const mult = inst.mult;
  const c = fi.cost[p]!;
  const phi = fi.factor[p]!;
  // Sums over supporters who still have money.
  let sum = 0;
  let sumS = 0;
  let sumE = 0;
  let sumES = 0;
  let wnb = 0;
  let end = start;
  for (let k = start, old = start + b.len[p]!; k < old; k++) {
    const v = voters[k]!;
    if (broke[v] === 1) continue;
    const m = mult[v]!;
    const w = weight[k]!;
    voters[end] = v;
    weight[end] = w;
    end++;
    sum += m * f[v]!;
    sumE += m * e[v]!;
    if (track) {
      sumS += m * s[v]!;
      sumES += m * es[v]!;
    }
    wnb += m * w;
  }
  b.len[p] = end - start;
  const terms = end - start;
  const errSum = SAFETY * (sumE + (terms + 2) * U * sum) + SLACK * (sum + c);
  if (sum + errSum < c) {
    if (track) observe(ctx, crossing(c - sum, errSum, -sumS, SAFETY * (sumES + (terms + 2) * U * sumS) + SLACK * sumS));
    return { project: p, affordable: false, pi: 0, errPi: 0, spi: 0, errSpi: 0, rho: Infinity, err: 0, srho: 0, errS: 0, wrem: 0, simple: false };
  }
  if (sum - errSum < c) return null; // too close to call
  // Water-filling: raise π until no supporter changes side (π only grows); a sort when that is slow.
  let pi = c / wnb;
  let paid = 0;
  let wrem = wnb;
  let converged = false;
  for (let iter = 0; iter < 8 && !converged; iter++) {
    paid = 0;
    wrem = 0;
    for (let k = start; k < end; k++) {
      const v = voters[k]!;
      const w = weight[k]!;
      if (f[v]! < pi * w) paid += mult[v]! * f[v]!;
      else wrem += mult[v]! * w;
    }
    if (wrem <= 0) return null;
    const next = (c - paid) / wrem;
    if (next > pi) pi = next;
    else converged = true;
  }
  if (!converged) pi = sortedWaterFill(ctx, p, c, wnb);
  // The capped set at that π, its exact share, and proof that every supporter is on the right side.
  const piSet = pi;
  paid = 0;
  let paidS = 0;
  let paidE = 0;
  let paidES = 0;
  let capped = 0;
  let cappedTerms = 0;
  wrem = 0;
  for (let k = start; k < end; k++) {
    const v = voters[k]!;
    const m = mult[v]!;
    if (f[v]! < piSet * weight[k]!) {
      paid += m * f[v]!;
      paidE += m * e[v]!;
      if (track) {
        paidS += m * s[v]!;
        paidES += m * es[v]!;
      }
      capped += m;
      cappedTerms++;
    } else wrem += m * weight[k]!;
  }
  if (wrem <= 0) return null;
  pi = (c - paid) / wrem;
  const errPi = (paidE + (cappedTerms + 4) * U * (c + paid)) / wrem + 2 * U * pi;
  for (let k = start; k < end; k++) {
    const v = voters[k]!;
    const w = weight[k]!;
    const x = pi * w;
    const d = f[v]! - x;
    const tol = SAFETY * (e[v]! + errPi * w + 2 * U * (f[v]! + x)) + SLACK * (f[v]! + x);
    if (Math.abs(d) <= tol) return null; // pays exactly the share, or nearly: not provable here
    if (d < 0 !== f[v]! < piSet * w) return null; // π moved across this budget when recomputed
  }
  const rho = pi / phi;
  const err = errPi / phi + 2 * U * rho;
  let spi = 0;
  let errSpi = 0;
  if (track) {
    spi = -paidS / wrem;
    errSpi = (paidES + (cappedTerms + 4) * U * paidS) / wrem + 2 * U * Math.abs(spi);
  }
  return {
    project: p,
    affordable: true,
    pi,
    errPi,
    spi,
    errSpi,
    rho,
    err: SAFETY * err + SLACK * rho,
    srho: spi / phi,
    errS: SAFETY * (errSpi / phi + 2 * U * Math.abs(spi / phi)) + SLACK * Math.abs(spi / phi),
    wrem,
    simple: capped === 0,
  };
}

/** The share π by the classic walk over supporters sorted by budget per unit of weight. */
function sortedWaterFill(ctx: Context, p: number, c: number, wnb: number): number {
  const { inst, b } = ctx;
  const entries: number[] = [];
  for (let k = inst.suppStart[p]!, end = k + b.len[p]!; k < end; k++) entries.push(k);
  const ratio = (k: number) => b.f[b.sv[k]!]! / b.sw[k]!;
  entries.sort((x, y) => ratio(x) - ratio(y));
  let paid = 0;
  let wrem = wnb;
  let pi = c / wrem;
  for (const k of entries) {
    pi = (c - paid) / wrem;
    const v = b.sv[k]!;
    if (b.f[v]! >= pi * b.sw[k]!) break;
    paid += inst.mult[v]! * b.f[v]!;
    wrem -= inst.mult[v]! * b.sw[k]!;
  }
  return pi;
}

/** Exact comparison of ρ for two projects whose ρ is cost / (factor × paying weight); null otherwise. */
export function exactCompare(inst: MesInstance, a: Evaluation, b: Evaluation): number | null {
  if (!a.simple || !b.simple) return null;
  const l = inst.cost[a.project]! * inst.factor[b.project]! * BigInt(b.wrem);
  const r = inst.cost[b.project]! * inst.factor[a.project]! * BigInt(a.wrem);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Tracking: when could the winner lose to a rival, or its payers change? */
function trackRound(ctx: Context, best: Evaluation, evaluated: readonly Evaluation[], skipped: readonly number[], stale: Stale, tiedExactly: ReadonlySet<number>): void {
  const { inst, fi, b } = ctx;
  for (const ev of evaluated) {
    if (ev === best || !ev.affordable) continue;
    if (tiedExactly.has(ev.project)) {
      // An exact tie between two "simple" projects stays a tie (both ρ are constant) until a payer changes.
      continue;
    }
    observe(ctx, crossing(ev.rho - best.rho, ev.err + best.err, ev.srho - best.srho, ev.errS + best.errS));
  }
  for (const q of skipped) {
    const lo = stale.rho[q]! - stale.err[q]!;
    observe(ctx, crossing(lo - best.rho, best.err, stale.slope[q]! - best.srho, stale.errSlope[q]! + best.errS));
  }
  // Payers of the winner: the sign of budget − π·w must stay.
  // (Supporters with nothing were dropped from the list by the evaluation: they have nothing, and nothing
  // more while the earlier rounds hold.)
  const p = best.project;
  const { f, s, e, es, sv, sw } = b;
  for (let k = inst.suppStart[p]!, end = k + b.len[p]!; k < end; k++) {
    const v = sv[k]!;
    const w = sw[k]!;
    const x = best.pi * w;
    const d = f[v]! - x; // > 0: pays the share; < 0: pays everything
    const rate = s[v]! - best.spi * w;
    const errD = SAFETY * (e[v]! + best.errPi * w + 2 * U * (f[v]! + x)) + SLACK * (f[v]! + x);
    const errRate = SAFETY * (es[v]! + best.errSpi * w + 2 * U * (Math.abs(s[v]!) + Math.abs(best.spi) * w)) + SLACK * (Math.abs(s[v]!) + Math.abs(best.spi) * w);
    observe(ctx, d > 0 ? crossing(d, errD, rate, errRate) : crossing(-d, errD, -rate, errRate));
  }
}

const winnerFacts = (ev: Evaluation) => ({ rho: ev.rho, err: ev.err, wrem: ev.wrem, simple: ev.simple });

/** Buys the winner: supporters who pay everything are left with nothing; the others pay π·w. */
export function pay(ctx: Context, best: Evaluation): void {
  const { inst, b, track } = ctx;
  const { f, s, e, es, broke, sv, sw } = b;
  const p = best.project;
  const { pi, spi, errPi, errSpi } = best;
  for (let k = inst.suppStart[p]!, end = k + b.len[p]!; k < end; k++) {
    const v = sv[k]!;
    const w = sw[k]!;
    const x = pi * w;
    if (f[v]! < x) {
      f[v] = 0;
      s[v] = 0;
      e[v] = 0;
      es[v] = 0;
      broke[v] = 1;
    } else {
      e[v] = e[v]! + errPi * w + 3 * U * (f[v]! + x);
      f[v] = f[v]! - x;
      if (track) {
        const y = spi * w;
        es[v] = es[v]! + errSpi * w + 3 * U * (Math.abs(s[v]!) + Math.abs(y));
        s[v] = s[v]! - y;
      }
    }
  }
}

export function initialStale(inst: MesInstance, fi: FloatInstance, base: number): Stale {
  const P = inst.nProjects;
  const st: Stale = {
    base,
    rho: new Float64Array(P),
    slope: new Float64Array(P),
    err: new Float64Array(P),
    errSlope: new Float64Array(P),
    status: new Uint8Array(P).fill(2),
  };
  // At first everyone pays the same share: the lowest ρ a project can have.
  for (const p of inst.candidates) {
    const tw = Number(inst.totalWeight[p]!);
    st.rho[p] = fi.cost[p]! / (fi.factor[p]! * tw);
    st.err[p] = 4 * U * st.rho[p]!;
    st.status[p] = 0;
  }
  return st;
}

/** The lower bounds at the start of round `round`, moved to `base`: affine lower bounds stay lower bounds. */
function staleAt(inst: MesInstance, fi: FloatInstance, log: readonly LogEntry[], rounds: readonly FastRound[], round: number, base: number): Stale {
  const st = initialStale(inst, fi, base);
  for (const entry of log) {
    if (entry.round >= round) break;
    const p = entry.project;
    if (entry.removed) {
      st.status[p] = 2;
      continue;
    }
    const d = base - entry.base;
    st.rho[p] = entry.rho + entry.slope * d;
    st.slope[p] = entry.slope;
    st.err[p] = entry.err + entry.errSlope * d + 4 * U * (Math.abs(entry.rho) + Math.abs(entry.slope * d));
    st.errSlope[p] = entry.errSlope;
  }
  for (let i = 0; i < round; i++) st.status[rounds[i]!.project] = 1;
  return st;
}

function budgets(inst: MesInstance): Budgets {
  let b = POOL.get(inst);
  if (!b) POOL.set(inst, (b = new Budgets(inst)));
  return b;
}

export function newContext(inst: MesInstance, fi: FloatInstance, t: number, track: boolean): Context {
  const b0 = fi.budget / fi.n + t * fi.scale;
  return { inst, fi, track, t, b: budgets(inst).reset(inst, fi, b0, 4 * U * b0, fi.scale), bp: Infinity };
}

/**
 * Runs the rounds from the current state. `rounds` and `log` hold the rounds already done (kept from an
 * earlier run); returns the finished run, or an uncertain one.
 */
function runRounds(ctx: Context, stale: Stale, selected: number[], rounds: FastRound[], log: LogEntry[], cost: bigint): FastRun {
  const { inst, track, t } = ctx;
  const rank = inst.rank;
  const lower = new Float64Array(inst.nProjects);
  // Projects in the running by lower bound: nearly sorted from one round to the next (few change).
  let order: number[] = inst.candidates.filter((p) => stale.status[p] === 0);
  for (;;) {
    const round = rounds.length;
    ctx.bp = Infinity;
    order = order.filter((p) => stale.status[p] === 0);
    for (const p of order) lower[p] = stale.rho[p]! - stale.err[p]!;
    for (let i = 1; i < order.length; i++) {
      const x = order[i]!;
      let j = i;
      while (j > 0) {
        const y = order[j - 1]!;
        if (lower[y]! < lower[x]! || (lower[y] === lower[x] && rank[y]! < rank[x]!)) break;
        order[j] = y;
        j--;
      }
      order[j] = x;
    }
    let best: Evaluation | null = null;
    let tied: number[] = [];
    const evaluated: Evaluation[] = [];
    let skippedFrom = order.length;
    for (let i = 0; i < order.length; i++) {
      const q = order[i]!;
      if (best !== null && lower[q]! > best.rho + best.err) {
        skippedFrom = i;
        break;
      }
      const ev = evaluate(ctx, q);
      if (ev === null) return UNCERTAIN(t, track);
      evaluated.push(ev);
      if (!ev.affordable) {
        stale.status[q] = 2;
        if (track) log.push({ round, project: q, base: t, rho: 0, slope: 0, err: 0, errSlope: 0, removed: true });
        continue;
      }
      stale.rho[q] = ev.rho;
      stale.err[q] = ev.err;
      stale.slope[q] = ev.srho;
      stale.errSlope[q] = ev.errS;
      if (track) log.push({ round, project: q, base: t, rho: ev.rho, slope: ev.srho, err: ev.err, errSlope: ev.errS, removed: false });
      if (best === null) {
        best = ev;
        tied = [q];
        continue;
      }
      const diff = ev.rho - best.rho;
      const tol = ev.err + best.err;
      let cmp: number | null = diff < -tol ? -1 : diff > tol ? 1 : null;
      if (cmp === null) cmp = exactCompare(inst, ev, best);
      if (cmp === null) return UNCERTAIN(t, track);
      if (cmp < 0) {
        best = ev;
        tied = [q];
      } else if (cmp === 0) {
        tied.push(q);
        if (rank[q]! < rank[best.project]!) best = ev;
      }
    }
    if (best === null) {
      // Nothing affordable: the run ends (the empty round's observations are in ctx.bp).
      const endUntil = track ? t + ctx.bp : Infinity;
      let until = endUntil;
      for (const r of rounds) if (r.until < until) until = r.until;
      return { t, certain: true, selected, rounds, cost, until: track ? until : Infinity, endUntil, log, tracked: track };
    }
    const winner = best;
    tied.sort((x, y) => (x === winner.project ? -1 : y === winner.project ? 1 : rank[x]! - rank[y]!));
    if (track) trackRound(ctx, winner, evaluated, order.slice(skippedFrom), stale, new Set(tied));
    pay(ctx, winner);
    stale.status[winner.project] = 1;
    selected.push(winner.project);
    cost += inst.cost[winner.project]!;
    rounds.push({ project: winner.project, tied, until: track ? t + ctx.bp : Infinity, ...winnerFacts(winner) });
  }
}

/** Equal Shares with budget/n + t currency units per voter, in doubles with proven decisions. */
export function fastRun(inst: MesInstance, t: number, options: { readonly track?: boolean } = {}): FastRun {
  const fi = floatInstance(inst);
  const track = options.track ?? false;
  if (!fi.usable) return UNCERTAIN(t, track);
  const ctx = newContext(inst, fi, t, track);
  const selected: number[] = [...inst.free];
  let cost = 0n;
  for (const p of inst.free) cost += inst.cost[p]!;
  return runRounds(ctx, initialStale(inst, fi, t), selected, [], [], cost);
}

/**
 * The run at t (> run.t), reusing the rounds of `run` that still hold at t (their `until` is above t):
 * their payments are replayed at t, the lower bounds of the others moved to t, and the run continues
 * from the first round that may differ. Tracked runs only.
 */
export function resumeFastRun(inst: MesInstance, run: FastRun, t: number): FastRun {
  if (!run.certain || !run.tracked) return fastRun(inst, t, { track: true });
  let keep = 0;
  while (keep < run.rounds.length && run.rounds[keep]!.until > t) keep++;
  if (keep === 0) return fastRun(inst, t, { track: true });
  const fi = floatInstance(inst);
  const ctx = newContext(inst, fi, t, true);
  const selected: number[] = [...inst.free];
  let cost = 0n;
  for (const p of inst.free) cost += inst.cost[p]!;
  const rounds: FastRound[] = [];
  for (let i = 0; i < keep; i++) {
    const round = run.rounds[i]!;
    const ev = evaluate(ctx, round.project);
    if (ev === null || !ev.affordable) return UNCERTAIN(t, true);
    pay(ctx, ev);
    selected.push(round.project);
    cost += inst.cost[round.project]!;
    rounds.push({ ...round, ...winnerFacts(ev) });
  }
  const log = run.log.filter((entry) => entry.round < keep);
  return runRounds(ctx, staleAt(inst, fi, log, run.rounds, keep, t), selected, rounds, log, cost);
}
