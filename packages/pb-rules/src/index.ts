/**
 * @concerta/pb-rules: participatory budgeting voting rules, pure and exact. No I/O here (the browser
 * runs it too): Node file helpers are in `@concerta/pb-rules/pabulib-node`, the CLI command in
 * `@concerta/pb-rules/cli`.
 */

// Exact numbers and formatting
export { Rational, rat, type RationalInput } from './arith/rational.ts';
export { formatNumber, type Locale } from './arith/format.ts';

// Errors: one catalogue, returned as values
export { codedError, describeError, ERROR_MESSAGES, type CodedError, type ErrorCode, type Result } from './errors/catalogue.ts';

// The vote
export type {
  ApprovalSettings,
  Ballot,
  BallotKindName,
  CumulativeSettings,
  Election,
  KnapsackSettings,
  Project,
  ProjectId,
  RankedSettings,
  ScoringSettings,
  SingleSettings,
  VoteSettings,
} from './model/types.ts';
export { createElection, type ElectionInput, type ProjectInput } from './election/create.ts';

// Ballot kinds and validation
export { BALLOT_KINDS, kindOf } from './ballots/registry.ts';
export type { BallotKind, PointsScheme } from './ballots/kind.ts';
export { ballotValidator, validateBallot, validateBallots, type BallotsReport } from './ballots/validate.ts';

// Tallies
export { tally, tallyByTerritory, type Tally, type TallyRow, type TerritoryTally } from './tally/tally.ts';

// Outcome rules
export {
  RULE_NAMES,
  UTILITY_KINDS,
  type EqualSharesSummary,
  type Outcome,
  type OutcomeRule,
  type ProjectVerdict,
  type RuleName,
  type RuleOptions,
  type TieBreak,
  type TieCriterion,
  type TieRule,
  type UtilityKind,
} from './rules/types.ts';
export { computeOutcome, isRuleName, parseTieRule, ruleForPabulib, RULES, TIE_RULE_NAMES } from './rules/registry.ts';
export { compareCodePoints, lotteryOrder } from './rules/ties.ts';
export { prepareContext, type RuleContext } from './rules/context.ts';
export { buildMesInstance, type MesInstance } from './rules/equal-shares/instance.ts';
export { runEqualShares, type MesRun, type MesRound } from './rules/equal-shares/engine.ts';
export { equalSharesAdd1, isExhaustiveRun, type Add1Result } from './rules/equal-shares/add1.ts';
export { equalSharesAdd1Naive, equalSharesReference, isExhaustiveSelection } from './rules/equal-shares/reference.ts';

// Explanations
export type { Explanation, ExplanationCode, ScoreKind } from './explain/explanation.ts';
export { formatExplanation } from './explain/format.ts';

// Pabulib .pb format
export type { PbInstance, PbProject, PbVote, PbVoteType } from './pabulib/types.ts';
export { PB_VOTE_TYPES } from './pabulib/types.ts';
export { linesOf, PabulibByteParser, parsePabulib, parsePabulibBytes, parsePabulibChunks, parsePabulibLines } from './pabulib/parse.ts';
export { pabulibRecords, writePabulib, type WriteOptions } from './pabulib/write.ts';
export { electionToPabulib, pabulibToElection, type PabulibElection, type ToElectionOptions } from './pabulib/to-election.ts';
