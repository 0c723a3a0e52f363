/**
 * From a .pb instance to the election the rules count, and back. The vote's settings come from META
 * (vote_type and its limits); the organiser's rule, threshold and official winners are passed along so
 * results can be compared with what the city published.
 */
import { Rational } from '../arith/rational.ts';
import { codedError, fail, ok, type CodedError, type Result } from '../errors/catalogue.ts';
import { createElection } from '../election/create.ts';
import { attachPreindexedBallots } from '../election/profile.ts';
import { compactVotesOf, lazyProperty } from './compact.ts';
import type { Ballot, Election, ProjectId, VoteSettings } from '../model/types.ts';
import type { PbInstance, PbProject, PbVote, PbVoteType } from './types.ts';

export interface PabulibElection {
  readonly election: Election;
  /** META `rule`: the rule the organiser used (e.g. "greedy", "equalshares/add1"). */
  readonly rule: string | null;
  /** META `min_project_score_threshold`. */
  readonly threshold: Rational | null;
  /**
   * Official winners, when PROJECTS has a `selected` column: every project whose value is not 0 (1, or
   * 2/3 for projects a city funded by exception, e.g. Poznań's reserve funds).
   */
  readonly selected: readonly ProjectId[] | null;
}

export interface ToElectionOptions {
  /** Column of VOTES (and PROJECTS) holding the territory / zone key, e.g. "district". */
  readonly territoryColumn?: string;
}

function metaNumber(meta: Readonly<Record<string, string>>, key: string, errors: CodedError[]): number | undefined {
  const text = meta[key];
  if (text === undefined || text === '' || text.toLowerCase() === 'none') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    errors.push(codedError('PB_BAD_NUMBER', { field: key, value: text }));
    return undefined;
  }
  return value;
}

function settingsFor(pb: PbInstance, errors: CodedError[]): VoteSettings {
  const meta = pb.meta;
  const num = (key: string) => metaNumber(meta, key, errors);
  const minLength = num('min_length');
  const maxLength = num('max_length');
  const lengths = { ...(minLength !== undefined ? { minChoices: minLength } : {}), ...(maxLength !== undefined ? { maxChoices: maxLength } : {}) };
  const type: PbVoteType = pb.voteType;
  switch (type) {
    case 'choose-1':
      return { kind: 'single' };
    case 'approval': {
      const maxCost = meta['max_sum_cost'] !== undefined ? Rational.parse(meta['max_sum_cost']) : null;
      const minCost = meta['min_sum_cost'] !== undefined ? Rational.parse(meta['min_sum_cost']) : null;
      if (maxCost || minCost) {
        return {
          kind: 'knapsack',
          ...lengths,
          ...(maxCost ? { maxTotalCost: maxCost } : {}),
          ...(minCost && minCost.sign() > 0 ? { minShareSpent: Math.min(1, minCost.div(pb.budget).toNumber()) } : {}),
        };
      }
      return { kind: 'approval', ...lengths };
    }
    case 'ordinal':
      return { kind: 'ranked', ...(minLength !== undefined ? { minRanks: minLength } : {}), ...(maxLength !== undefined ? { maxRanks: maxLength } : {}) };
    case 'cumulative': {
      // max_sum_points is required by the format; if a file lacks it, the largest total cast stands in.
      const declared = num('max_sum_points');
      let largest = 1;
      if (declared === undefined) forEachVotePoints(pb, (points) => (largest = Math.max(largest, points.reduce((a, b) => a + b, 0))));
      const maxPerProject = num('max_points');
      const minPerProject = num('min_points');
      const minTotal = num('min_sum_points');
      return {
        kind: 'cumulative',
        totalPoints: declared ?? largest,
        ...lengths,
        ...(maxPerProject !== undefined ? { maxPerProject } : {}),
        ...(minPerProject !== undefined ? { minPerProject } : {}),
        ...(minTotal !== undefined ? { minTotalPoints: minTotal } : {}),
      };
    }
    case 'scoring': {
      // Without declared bounds, the scores cast (and 0) bound the interval.
      let lowest = 0;
      let highest = 0;
      forEachVotePoints(pb, (points) => {
        for (const x of points) [lowest, highest] = [Math.min(lowest, x), Math.max(highest, x)];
      });
      const defaultScore = num('default_score');
      return {
        kind: 'scoring',
        minScore: num('min_points') ?? lowest,
        maxScore: num('max_points') ?? highest,
        ...lengths,
        ...(defaultScore !== undefined ? { defaultScore } : {}),
      };
    }
  }
}

/** Each vote's points (without materializing the votes of a parsed file). */
function forEachVotePoints(pb: PbInstance, visit: (points: readonly number[]) => void): void {
  const compact = compactVotesOf(pb);
  if (compact) {
    if (compact.points === null) for (let r = 0; r < compact.count; r++) visit([]);
    else for (let r = 0; r < compact.count; r++) visit(Array.from(compact.points.subarray(compact.start[r]!, compact.start[r + 1]!)));
    return;
  }
  for (const v of pb.votes) visit(v.points ?? []);
}

function ballotOf(vote: PbVote, withPoints: boolean, territoryColumn: string | undefined): Ballot {
  const territory = territoryColumn !== undefined ? vote.fields[territoryColumn] : undefined;
  return {
    voterId: vote.voterId,
    projects: vote.vote,
    ...(withPoints && vote.points !== undefined ? { points: vote.points } : {}),
    ...(territory !== undefined && territory !== '' ? { territory } : {}),
  };
}

export function pabulibToElection(pb: PbInstance, options: ToElectionOptions = {}): Result<PabulibElection> {
  const errors: CodedError[] = [];
  const settings = settingsFor(pb, errors);
  const withPoints = pb.voteType === 'cumulative' || pb.voteType === 'scoring';
  const territoryColumn = options.territoryColumn;
  const compact = compactVotesOf(pb);
  const projects = pb.projects.map((p) => {
    const territory = territoryColumn !== undefined ? p.fields[territoryColumn] : undefined;
    return {
      id: p.id,
      cost: p.cost,
      ...(p.fields['name'] !== undefined ? { name: p.fields['name'] } : {}),
      ...(territory ? { territory } : {}),
    };
  });
  const ballots = (): Ballot[] => pb.votes.map((v) => ballotOf(v, withPoints, territoryColumn));
  let built: Result<Election>;
  if (compact) {
    // Ballots from the reader's arrays: the rules index them from there; `ballots` is built on first read.
    built = createElection({ budget: pb.budget, settings, projects });
    if (built.ok) {
      const { budget, projects: checked, settings: kept } = built.value;
      const election: Election = lazyProperty({ budget, projects: checked, settings: kept }, 'ballots', ballots);
      attachPreindexedBallots(election, { count: compact.count, start: compact.start, items: compact.items, points: withPoints ? compact.points : null });
      built = ok(election);
    }
  } else built = createElection({ budget: pb.budget, settings, projects, ballots: ballots() });
  if (!built.ok) errors.push(...built.errors);
  let threshold: Rational | null = null;
  const thresholdText = pb.meta['min_project_score_threshold'];
  if (thresholdText !== undefined && thresholdText !== '') {
    threshold = Rational.parse(thresholdText);
    if (!threshold) errors.push(codedError('PB_BAD_NUMBER', { field: 'min_project_score_threshold', value: thresholdText }));
  }
  if (errors.length > 0 || !built.ok) return fail(...errors);
  const hasSelected = pb.projectColumns.includes('selected');
  return ok({
    election: built.value,
    rule: pb.meta['rule'] ?? null,
    threshold,
    selected: hasSelected ? pb.projects.filter((p) => (p.fields['selected'] ?? '0').trim() !== '0' && p.fields['selected']?.trim() !== '').map((p) => p.id) : null,
  });
}

const VOTE_TYPE_OF: Record<VoteSettings['kind'], PbVoteType> = {
  single: 'choose-1',
  approval: 'approval',
  knapsack: 'approval',
  cumulative: 'cumulative',
  ranked: 'ordinal',
  scoring: 'scoring',
};

/**
 * An election as a .pb instance, for open-data exports. `meta` adds or overrides META entries
 * (description, country, unit, instance, rule, dates...); counts, budget and vote type come from the data.
 */
export function electionToPabulib(election: Election, meta: Readonly<Record<string, string>> = {}): PbInstance {
  const s = election.settings;
  const limits: Record<string, string> = {};
  const put = (key: string, value: number | Rational | undefined) => {
    if (value !== undefined) limits[key] = value instanceof Rational ? value.toDecimalString() : String(value);
  };
  if (s.kind === 'approval' || s.kind === 'knapsack' || s.kind === 'cumulative' || s.kind === 'scoring') {
    put('min_length', s.minChoices);
    put('max_length', s.maxChoices);
  }
  if (s.kind === 'single') {
    put('min_length', 1);
    put('max_length', 1);
  }
  if (s.kind === 'ranked') {
    put('min_length', s.minRanks);
    put('max_length', s.maxRanks);
  }
  if (s.kind === 'knapsack') {
    put('max_sum_cost', s.maxTotalCost ?? election.budget);
    if (s.minShareSpent !== undefined) put('min_sum_cost', election.budget.mul(Rational.of(s.minShareSpent)));
  }
  if (s.kind === 'cumulative') {
    put('max_sum_points', s.totalPoints);
    put('min_sum_points', s.minTotalPoints);
    put('max_points', s.maxPerProject);
    put('min_points', s.minPerProject);
  }
  if (s.kind === 'scoring') {
    put('min_points', s.minScore);
    put('max_points', s.maxScore);
    put('default_score', s.defaultScore);
  }
  const voteType = VOTE_TYPE_OF[s.kind];
  const withPoints = s.kind === 'cumulative' || s.kind === 'scoring';
  const hasNames = election.projects.some((p) => p.name !== undefined);
  return {
    meta: {
      description: '',
      country: '',
      unit: '',
      instance: '',
      num_projects: String(election.projects.length),
      num_votes: String(election.ballots.length),
      budget: election.budget.toDecimalString(),
      vote_type: voteType,
      rule: 'unknown',
      date_begin: '',
      date_end: '',
      ...limits,
      ...meta,
    },
    budget: election.budget,
    voteType,
    projectColumns: hasNames ? ['project_id', 'cost', 'name'] : ['project_id', 'cost'],
    projects: election.projects.map((p): PbProject => ({ id: p.id, cost: p.cost, fields: hasNames ? { name: p.name ?? '' } : {} })),
    voteColumns: withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
    votes: election.ballots.map((b, i) => ({
      voterId: b.voterId ?? String(i + 1),
      vote: b.projects,
      ...(withPoints ? { points: b.points ?? [] } : {}),
      fields: {},
    })),
  };
}
