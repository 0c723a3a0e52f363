/**
 * Certifying that Equal Shares buys the same projects, in the same order, at every budget of a range.
 *
 * Take a run at t (currency units added per voter) and a larger budget t + U. While the same projects are
 * bought in the same order, every voter's money is a nondecreasing function of the budget: more money
 * before a round means a lower (or equal) share π for the project bought, so max(0, money − π·w) is larger
 * too, round after round. Hence, for every u in [0, U], the money before round j lies between the run's
 * at t and the money of the forced run at t + U (the same purchases, taken at t + U whatever the rivals).
 * That gives, at round j and any u:
 * - the winner's ρ(u) is at most its ρ at t (more money, cheaper shares);
 * - any other project's ρ(u) is at least its ρ computed with the forced run's money at t + U, and a
 *   project the forced run cannot afford cannot be afforded at u either.
 * So if, at every round of the forced run, every rival's ρ exceeds the winner's ρ at t (or equals it and
 * the winner comes first in the tie order), and at the end nothing left is affordable, then every budget
 * in [t, t + U] gives the same run, hence the same outcome. One forced run certifies a whole range,
 * however often the supporters who pay everything change inside it (those changes end the exact
 * breakpoints of fast.ts, which is why they are complementary).
 *
 * Decisions are proven with the error bounds of fast.ts; what cannot be proven fails the certificate,
 * which is never wrong, only sometimes too cautious (add1 then tries a smaller range).
 */
import { evaluate, floatInstance, initialStale, newContext, pay, type FastRound, type FastRun } from './fast.ts';
import type { MesInstance } from './instance.ts';

/** True when ρ_q (cost_q / (factor_q × wq)) ≥ ρ_w (cost_w / (factor_w × ww)): both exact. */
function simpleAtLeast(inst: MesInstance, q: number, wq: number, w: number, ww: number): number {
  const l = inst.cost[q]! * inst.factor[w]! * BigInt(ww);
  const r = inst.cost[w]! * inst.factor[q]! * BigInt(wq);
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * The run at base.t + U when it provably buys what `base` buys, in the same order, at every budget from
 * base.t to base.t + U; null when that cannot be proven. The run returned is untracked (no breakpoints).
 */
export function certifyRange(inst: MesInstance, base: FastRun, U: number): FastRun | null {
  if (!base.certain || U < 1) return null;
  const fi = floatInstance(inst);
  const t = base.t + U;
  const ctx = newContext(inst, fi, t, false);
  const stale = initialStale(inst, fi, t);
  const rank = inst.rank;
  const selected: number[] = [...inst.free];
  let cost = 0n;
  for (const p of inst.free) cost += inst.cost[p]!;
  const rounds: FastRound[] = [];
  let running: number[] = inst.candidates.slice();
  for (const round of base.rounds) {
    const w = round.project;
    const bound = round.rho + round.err;
    stale.status[w] = 1;
    for (const q of running) {
      if (stale.status[q] !== 0) continue;
      // Money only shrinks from round to round of the forced run: an earlier ρ is a lower bound.
      if (stale.rho[q]! - stale.err[q]! > bound) continue;
      const ev = evaluate(ctx, q);
      if (ev === null) return null;
      if (!ev.affordable) {
        stale.status[q] = 2;
        continue;
      }
      stale.rho[q] = ev.rho;
      stale.err[q] = ev.err;
      if (ev.rho - ev.err > bound) continue;
      // Too close for the doubles: exact when both shares are split among payers only.
      if (!ev.simple || !round.simple) return null;
      const cmp = simpleAtLeast(inst, q, ev.wrem, w, round.wrem);
      if (cmp < 0 || (cmp === 0 && rank[q]! < rank[w]!)) return null;
    }
    running = running.filter((q) => stale.status[q] === 0);
    const win = evaluate(ctx, w);
    if (win === null || !win.affordable) return null;
    pay(ctx, win);
    selected.push(w);
    cost += inst.cost[w]!;
    rounds.push({ project: w, tied: round.tied, until: t, rho: win.rho, err: win.err, wrem: win.wrem, simple: win.simple });
  }
  // The run ends: nothing left may be affordable with the forced run's money.
  for (const q of running) {
    if (stale.status[q] !== 0) continue;
    const ev = evaluate(ctx, q);
    if (ev === null || ev.affordable) return null;
  }
  return { t, certain: true, selected, rounds, cost, until: t, endUntil: t, log: [], tracked: false };
}
