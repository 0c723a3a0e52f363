import type { BallotKindName, RuleName } from '@concerta/pb-rules';

/**
 * The ballot kinds and outcome rules a process may choose, under the names the voting rules library
 * (`@concerta/pb-rules`) gives them. The lists are typed against the library, and a test checks they are the same,
 * so a name can neither be misspelt here nor go missing.
 */
export const BALLOT_KINDS = ['single', 'approval', 'knapsack', 'cumulative', 'ranked', 'scoring'] as const satisfies readonly BallotKindName[];
export type BallotKind = (typeof BALLOT_KINDS)[number];

export const OUTCOME_RULES = [
  'greedy', 'greedy-no-skip', 'greedy-threshold', 'mes', 'mes-add1', 'mes-greedy', 'mes-add1-greedy', 'mes-add1-comparison', 'phragmen',
] as const satisfies readonly RuleName[];
export type OutcomeRule = (typeof OUTCOME_RULES)[number];

/** The rule that needs a minimum score, set per process (`rules.threshold`). */
export const THRESHOLD_RULE: OutcomeRule = 'greedy-threshold';
