import { ok, type Result } from '../errors/catalogue.ts';
import { indexProfile, type IndexedProfile } from '../election/profile.ts';
import type { Election, ProjectId } from '../model/types.ts';

export interface TallyRow {
  readonly projectId: ProjectId;
  /** Ballots that support the project (list it; with points above zero for cumulative and scoring). */
  readonly votes: number;
  /**
   * Points: votes for single/approval/knapsack, the sum of points for cumulative and scoring (unlisted
   * projects counting `defaultScore`), the Borda-style score for ranked ballots.
   */
  readonly points: number;
}

export interface Tally {
  readonly ballots: number;
  /** One row per project, in the election's project order. */
  readonly rows: readonly TallyRow[];
}

export interface TerritoryTally {
  /** The ballots' territory key; null for ballots that carry none. */
  readonly territory: string | null;
  readonly tally: Tally;
}

function accumulate(profile: IndexedProfile, ballotsToCount: Iterable<number> | null, defaultScore: number): Tally {
  const n = profile.projects.length;
  const votes = new Float64Array(n);
  const points = new Float64Array(n);
  const listed = new Float64Array(n);
  const { start, items, points: pts } = profile;
  let ballots = 0;
  const count = (b: number) => {
    ballots++;
    for (let k = start[b]!, end = start[b + 1]!; k < end; k++) {
      const p = items[k]!;
      const v = pts[k]!;
      listed[p]!++;
      points[p]! += v;
      if (v > 0) votes[p]!++;
    }
  };
  if (ballotsToCount === null) for (let b = 0; b < profile.nBallots; b++) count(b);
  else for (const b of ballotsToCount) count(b);
  return {
    ballots,
    rows: profile.projects.map((p, i) => ({
      projectId: p.id,
      votes: votes[i]!,
      points: points[i]! + (defaultScore !== 0 ? defaultScore * (ballots - listed[i]!) : 0),
    })),
  };
}

function defaultScoreOf(election: Election): number {
  return election.settings.kind === 'scoring' ? (election.settings.defaultScore ?? 0) : 0;
}

/** Votes and points per project over all ballots. */
export function tally(election: Election): Result<Tally> {
  const profile = indexProfile(election);
  if (!profile.ok) return profile;
  return ok(accumulate(profile.value, null, defaultScoreOf(election)));
}

/**
 * The tally per territory, for votes with several envelopes (zones): ballots are grouped by their
 * `territory` key, in order of first appearance; the overall tally is included.
 */
export function tallyByTerritory(election: Election): Result<{ readonly overall: Tally; readonly territories: readonly TerritoryTally[] }> {
  const profile = indexProfile(election);
  if (!profile.ok) return profile;
  const groups = new Map<string | null, number[]>();
  election.ballots.forEach((ballot, b) => {
    const key = ballot.territory ?? null;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(b);
  });
  const def = defaultScoreOf(election);
  return ok({
    overall: accumulate(profile.value, null, def),
    territories: [...groups].map(([territory, list]) => ({ territory, tally: accumulate(profile.value, list, def) })),
  });
}
