/**
 * The vote of Formalization, as pure functions: the ballot paper taken from the provisional list, the settings the
 * rules library is given for the process's ballot kind, the check of one ballot, and the count at the close. Every
 * rule is the library's (validateBallot, computeOutcome, tally, electionToPabulib); nothing here reads or writes the
 * database.
 *
 * How a ballot maps to the envelopes: the ballot paper has one part per envelope (a zone's envelope, or the
 * district-wide rest for the zones without one). An agent is offered their zone's envelope, when it has one, and the
 * district-wide rest; their ballot holds at most one part per offered envelope (a part left out is an abstention in
 * that envelope), and each part is a ballot of the process's kind in that envelope's own election. A paper ballot is
 * read the same way; a paper ballot that marks projects of two zone envelopes is spoiled.
 */
import {
  computeOutcome,
  createElection,
  electionToPabulib,
  tally,
  validateBallot,
  type Ballot,
  type CodedError,
  type Election,
  type Explanation,
  type TieBreak,
  type VoteSettings as LibrarySettings,
} from '@concerta/pb-rules';
import type { ProcessRules } from '@concerta/contracts';
import { AppError } from '../shared/errors.ts';

/** The voting settings of a process, copied into the vote when it opens; the process cannot change them afterwards. */
export type VotingSettings = Pick<ProcessRules, 'ballotKind' | 'maxChoices' | 'outcomeRule' | 'trainingRequiredToVote'> & { threshold: number | null };

/** The process rules that are voting settings: frozen once the vote opens. */
export const VOTING_SETTING_KEYS = ['ballotKind', 'maxChoices', 'outcomeRule', 'threshold', 'trainingRequiredToVote'] as const;

export function votingSettingsOf(rules: ProcessRules): VotingSettings {
  return {
    ballotKind: rules.ballotKind, maxChoices: rules.maxChoices, outcomeRule: rules.outcomeRule,
    threshold: rules.threshold ?? null, trainingRequiredToVote: rules.trainingRequiredToVote,
  };
}

/** Points a cumulative ballot spreads, and the top of a scoring ballot's scale, when the process sets no maximum. */
export const DEFAULT_POINTS = 10;

/**
 * What the rules library is told about the ballot kind. `maxChoices` bounds approval, knapsack and ranked ballots; for
 * cumulative ballots it is the points to spread, for scoring ballots the top of the 0..n scale (default 10 each).
 */
export function librarySettings(s: VotingSettings): LibrarySettings {
  const max = s.maxChoices ?? undefined;
  switch (s.ballotKind) {
    case 'single': return { kind: 'single' };
    case 'approval': return max === undefined ? { kind: 'approval', minChoices: 1 } : { kind: 'approval', minChoices: 1, maxChoices: max };
    case 'knapsack': return { kind: 'knapsack', minChoices: 1 };
    case 'ranked': return max === undefined ? { kind: 'ranked', minRanks: 1 } : { kind: 'ranked', minRanks: 1, maxRanks: max };
    case 'cumulative': return { kind: 'cumulative', totalPoints: max ?? DEFAULT_POINTS, minChoices: 1 };
    case 'scoring': return { kind: 'scoring', minScore: 0, maxScore: max ?? DEFAULT_POINTS, minChoices: 1 };
  }
}

/** Whether ballots of this kind carry points (cumulative, scoring). */
export function carriesPoints(kind: VotingSettings['ballotKind']): boolean {
  return kind === 'cumulative' || kind === 'scoring';
}

/** A project on the ballot paper: a funded or alternate entry of the provisional list, at its adjusted cost. */
export interface PaperProject {
  /** The library's id: the proposal number, zero-padded (as in the provisional list). */
  projectId: string;
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  costCents: number;
}

/** One envelope of the ballot paper. */
export interface PaperPool {
  key: string;
  zoneName: string | null;
  budgetCents: number;
  projects: PaperProject[];
}

/** The district-wide rest (as the provisional list names it). */
export const DISTRICT_POOL = 'municipality';

/** The envelopes an agent of this zone votes in: their zone's own, when it has one, and the district-wide rest. */
export function poolsOffered(paper: readonly PaperPool[], zoneId: string | null): PaperPool[] {
  return paper.filter((p) => p.key === DISTRICT_POOL || (zoneId !== null && p.key === zoneId));
}

/** One part of a ballot: the choices in one envelope (points aligned with projects for cumulative and scoring). */
export interface BallotPart {
  pool: string;
  projects: string[];
  points?: number[] | undefined;
}

/** What a paper ballot says, as typed: valid choices, blank, or spoiled (unreadable, or marks outside the rules). */
export type PaperContent = { kind: 'valid'; parts: BallotPart[] } | { kind: 'blank' } | { kind: 'spoiled' };

function decimal(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

/** The election of one envelope, with the ballots given. */
export function electionOf(pool: PaperPool, settings: VotingSettings, ballots: readonly Ballot[]): Election {
  const e = createElection({
    budget: decimal(pool.budgetCents),
    projects: pool.projects.map((p) => ({ id: p.projectId, cost: decimal(p.costCents), name: p.title, territory: pool.key })),
    ballots,
    settings: librarySettings(settings),
  });
  if (!e.ok) throw new Error(`vote election ${pool.key}: ${JSON.stringify(e.errors)}`);
  return e.value;
}

/** An envelope's name for a message, in each language: its zone, or the district-wide rest. */
export function envelopeWords(pool: Pick<PaperPool, 'zoneName'>): { envelope_es: string; envelope_en: string } {
  return pool.zoneName === null ? { envelope_es: 'bolsa distrital', envelope_en: 'district-wide envelope' } : { envelope_es: pool.zoneName, envelope_en: pool.zoneName };
}

function ballotError(e: CodedError, pool: PaperPool): AppError {
  return new AppError('BALLOT_BREAKS_RULES', { rule: e.code, ...envelopeWords(pool), detail_es: e.message.es, detail_en: e.message.en }, 'parts');
}

/**
 * Checks a ballot against the paper and the kind's limits; returns the parts that count (without empty ones), or
 * throws a coded error naming the first broken rule.
 */
export function checkBallot(offered: readonly PaperPool[], settings: VotingSettings, parts: readonly BallotPart[]): BallotPart[] {
  const seen = new Set<string>();
  const kept: BallotPart[] = [];
  for (const part of parts) {
    const pool = offered.find((p) => p.key === part.pool);
    if (!pool) throw new AppError('BALLOT_ENVELOPE_NOT_OFFERED', { envelope: part.pool }, 'parts');
    if (seen.has(part.pool)) throw new AppError('BALLOT_ENVELOPE_TWICE', envelopeWords(pool), 'parts');
    seen.add(part.pool);
    if (part.projects.length === 0) continue;
    const ballot = toLibraryBallot(part, settings);
    const checked = validateBallot(electionOf(pool, settings, []), ballot);
    if (!checked.ok) throw ballotError(checked.errors[0]!, pool);
    kept.push(carriesPoints(settings.ballotKind) ? { pool: part.pool, projects: part.projects, points: part.points } : { pool: part.pool, projects: part.projects });
  }
  if (kept.length === 0) throw new AppError('BALLOT_EMPTY', {}, 'parts');
  return kept;
}

function toLibraryBallot(part: BallotPart, settings: VotingSettings, voterId?: string): Ballot {
  return {
    ...(voterId ? { voterId } : {}),
    territory: part.pool,
    projects: part.projects,
    ...(carriesPoints(settings.ballotKind) && part.points ? { points: part.points } : {}),
  };
}

/** One project's line in an envelope's result. */
export interface ResultProject extends PaperProject {
  votes: number;
  points: number;
  funded: boolean;
  /** Place in the order the rule funded projects (funded ones only). */
  fundedOrder: number | null;
  reasons: Explanation[];
}

export interface PoolResult {
  key: string;
  zoneName: string | null;
  budgetCents: number;
  spentCents: number;
  /** Ballots that chose something in this envelope. */
  ballots: number;
  /** Funded projects first, in the order the rule funded them; then the rest by votes. */
  projects: ResultProject[];
  tieBreaks: TieBreak[];
}

export interface VoteResult {
  rule: VotingSettings['outcomeRule'];
  ballotKind: VotingSettings['ballotKind'];
  pools: PoolResult[];
}

/** Each envelope's ballots, as the library reads them: one per part that names this envelope, anonymous. */
export function ballotsOfPool(pool: PaperPool, settings: VotingSettings, parts: readonly BallotPart[][]): Ballot[] {
  const out: Ballot[] = [];
  for (const ballot of parts) {
    const part = ballot.find((p) => p.pool === pool.key);
    if (part && part.projects.length > 0) out.push(toLibraryBallot(part, settings, `v${out.length + 1}`));
  }
  return out;
}

/**
 * The count at the close: each envelope's election run by the process's outcome rule (ties broken by the library's
 * declared rule), with the tally of votes.
 */
export function computeResult(paper: readonly PaperPool[], settings: VotingSettings, ballots: readonly BallotPart[][]): VoteResult {
  return {
    rule: settings.outcomeRule,
    ballotKind: settings.ballotKind,
    pools: paper.map((pool) => {
      const election = electionOf(pool, settings, ballotsOfPool(pool, settings, ballots));
      const outcome = computeOutcome(election, settings.outcomeRule, {
        ties: { kind: 'declared' },
        ...(settings.threshold !== null ? { threshold: settings.threshold } : {}),
      });
      if (!outcome.ok) throw new Error(`vote outcome ${pool.key}: ${JSON.stringify(outcome.errors)}`);
      const counted = tally(election);
      if (!counted.ok) throw new Error(`vote tally ${pool.key}: ${JSON.stringify(counted.errors)}`);
      const rows = new Map(counted.value.rows.map((r) => [r.projectId, r]));
      const verdicts = new Map(outcome.value.verdicts.map((v) => [v.projectId, v]));
      const order = outcome.value.selected;
      const projects: ResultProject[] = pool.projects.map((p) => {
        const v = verdicts.get(p.projectId);
        const row = rows.get(p.projectId);
        const at = order.indexOf(p.projectId);
        return {
          ...p, votes: row?.votes ?? 0, points: row?.points ?? 0, funded: v?.funded ?? false,
          fundedOrder: at >= 0 ? at + 1 : null, reasons: [...(v?.reasons ?? [])],
        };
      });
      projects.sort((a, b) => (a.fundedOrder ?? Infinity) - (b.fundedOrder ?? Infinity) || b.points - a.points || a.number - b.number);
      return {
        key: pool.key, zoneName: pool.zoneName, budgetCents: pool.budgetCents,
        spentCents: projects.filter((p) => p.funded).reduce((s, p) => s + p.costCents, 0),
        ballots: election.ballots.length, projects, tieBreaks: [...outcome.value.tieBreaks],
      };
    }),
  };
}

/** One envelope's anonymous ballots as a Pabulib instance, with what another tool needs to recompute the result. */
export function pabulibOf(pool: PaperPool, settings: VotingSettings, ballots: readonly BallotPart[][], meta: Record<string, string>) {
  const election = electionOf(pool, settings, ballotsOfPool(pool, settings, ballots));
  return electionToPabulib(election, { ...meta, subunit: pool.zoneName ?? DISTRICT_POOL, rule: settings.outcomeRule });
}

/** Votes per project in each envelope for these ballots (a polling table's tally sheet), by the library's tally. */
export function tallyOf(paper: readonly PaperPool[], settings: VotingSettings, ballots: readonly BallotPart[][]): { pool: string; projectId: string; votes: number }[] {
  return paper.flatMap((pool) => {
    const counted = tally(electionOf(pool, settings, ballotsOfPool(pool, settings, ballots)));
    if (!counted.ok) throw new Error(`vote tally ${pool.key}: ${JSON.stringify(counted.errors)}`);
    return counted.value.rows.map((r) => ({ pool: pool.key, projectId: r.projectId, votes: r.votes }));
  });
}
