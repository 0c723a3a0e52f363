/**
 * Ballots turned into flat typed arrays of project indices, once, so tallies and rules run over numbers
 * instead of looking ids up in their inner loops. Building it also checks what every count relies on:
 * each ballot names existing projects, each at most once, with points aligned when the kind uses them.
 */
import { pointsScheme } from '../ballots/registry.ts';
import { codedError, fail, ok, type CodedError, type Result } from '../errors/catalogue.ts';
import type { Election, Project } from '../model/types.ts';

export interface IndexedProfile {
  readonly projects: readonly Project[];
  readonly nBallots: number;
  /** Ballot b lists entries start[b] .. start[b+1]-1. */
  readonly start: Int32Array;
  /** Project index of each entry. */
  readonly items: Int32Array;
  /** Points of each entry under the kind's scheme: 1, the points written, or the Borda score. */
  readonly points: Float64Array;
}

const MAX_REPORTED = 20;

/**
 * Ballots already indexed by whoever built the election (the .pb reader): project indices in election
 * order, points as written, every id known and named once per ballot.
 */
export interface PreindexedBallots {
  readonly count: number;
  readonly start: Int32Array;
  readonly items: Int32Array;
  /** Points as written (null when the source has none). */
  readonly points: Float64Array | null;
}

const PREINDEXED = new WeakMap<Election, PreindexedBallots>();
const PROFILES = new WeakMap<Election, Result<IndexedProfile>>();

/** Declares an election's ballots as already indexed (its `ballots` must list the same votes). */
export function attachPreindexedBallots(election: Election, ballots: PreindexedBallots): void {
  PREINDEXED.set(election, ballots);
}

/** The election's ballots as flat arrays; computed once per election (elections are immutable). */
export function indexProfile(election: Election): Result<IndexedProfile> {
  let profile = PROFILES.get(election);
  if (profile === undefined) {
    const pre = PREINDEXED.get(election);
    profile = (pre && fromPreindexed(election, pre)) ?? indexBallots(election);
    PROFILES.set(election, profile);
  }
  return profile;
}

/** The fast path; null when the generic one must run (it then reports the problem). */
function fromPreindexed(election: Election, pre: PreindexedBallots): Result<IndexedProfile> | null {
  const scheme = pointsScheme(election.settings, election.projects.length);
  const { start, items } = pre;
  let points: Float64Array;
  if (scheme.kind === 'given') {
    if (pre.points === null) return null;
    for (let k = 0; k < pre.points.length; k++) if (!Number.isFinite(pre.points[k]!)) return null;
    points = pre.points;
  } else if (scheme.kind === 'borda') {
    points = new Float64Array(items.length);
    for (let b = 0; b < pre.count; b++) for (let k = start[b]!; k < start[b + 1]!; k++) points[k] = scheme.top - (k - start[b]!);
  } else points = new Float64Array(items.length).fill(1);
  return ok({ projects: election.projects, nBallots: pre.count, start, items, points });
}

function indexBallots(election: Election): Result<IndexedProfile> {
  const { projects, ballots } = election;
  const index = new Map<string, number>();
  projects.forEach((p, i) => index.set(p.id, i));
  const scheme = pointsScheme(election.settings, projects.length);

  let total = 0;
  for (const b of ballots) total += b.projects.length;
  const start = new Int32Array(ballots.length + 1);
  const items = new Int32Array(total);
  const points = new Float64Array(total);
  // Stamp per project of the last ballot that named it: duplicate detection without a Set per ballot.
  const lastSeen = new Int32Array(projects.length).fill(-1);
  const errors: CodedError[] = [];

  let k = 0;
  for (let b = 0; b < ballots.length; b++) {
    start[b] = k;
    const ballot = ballots[b]!;
    const ids = ballot.projects;
    const given = ballot.points;
    if (scheme.kind === 'given' && (given === undefined || given.length !== ids.length)) {
      errors.push(codedError('POINTS_MISALIGNED', { points: given?.length ?? 0, projects: ids.length }, { ballot: b }));
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const p = index.get(id);
      if (p === undefined) {
        errors.push(codedError('UNKNOWN_PROJECT', { project: id }, { ballot: b }));
        continue;
      }
      if (lastSeen[p] === b) {
        errors.push(codedError('PROJECT_CHOSEN_TWICE', { project: id }, { ballot: b }));
        continue;
      }
      lastSeen[p] = b;
      let pts = 1;
      if (scheme.kind === 'given') pts = given?.[i] ?? 0;
      else if (scheme.kind === 'borda') pts = scheme.top - i;
      if (!Number.isFinite(pts)) {
        errors.push(codedError('INVALID_POINTS', { project: id, value: String(pts) }, { ballot: b }));
        pts = 0;
      }
      items[k] = p;
      points[k] = pts;
      k++;
    }
    if (errors.length >= MAX_REPORTED) break;
  }
  if (errors.length > 0) return fail(...errors.slice(0, MAX_REPORTED));
  start[ballots.length] = k;
  return ok({ projects, nBallots: ballots.length, start, items, points });
}
