import { z } from 'zod';

/**
 * The rules in force for one yearly process. Configurable per process; the defaults are Ilo's
 * (domain.md: 50% of delegate seats and 3 directive-committee seats to women; plurality voting).
 */
export const BALLOT_KINDS = ['single_choice', 'approval', 'knapsack', 'cumulative', 'ranked', 'scoring'] as const;
export const OUTCOME_RULES = ['greedy', 'greedy-no-skip', 'mes', 'mes-add1', 'mes-greedy', 'mes-add1-greedy', 'phragmen'] as const;

export const processRulesSchema = z.strictObject({
  /** Last day (inclusive, local date) on which agents and organizations may register. */
  registrationDeadline: z.iso.date(),
  /** Whether only agents who attended training may vote at formalization. */
  trainingRequiredToVote: z.boolean(),
  /** How many training sessions an agent must attend to count as trained. */
  minTrainingSessions: z.number().int().min(1).max(20),
  quotas: z.strictObject({
    delegateSeats: z.number().int().min(1).max(1000),
    /** Share of delegate seats reserved to women, 0..1. */
    delegatesMinWomenShare: z.number().min(0).max(1),
    directiveSeats: z.number().int().min(1).max(50),
    directiveMinWomen: z.number().int().min(0).max(50),
    oversightSeats: z.number().int().min(4).max(50),
    oversightMinWomenShare: z.number().min(0).max(1),
  }),
  ballotKind: z.enum(BALLOT_KINDS),
  /** For approval and ranked ballots: how many projects a ballot may name. */
  maxChoices: z.number().int().min(1).max(100).nullable(),
  outcomeRule: z.enum(OUTCOME_RULES),
});

export type ProcessRules = z.infer<typeof processRulesSchema>;

export function iloDefaultRules(registrationDeadline: string): ProcessRules {
  return {
    registrationDeadline,
    trainingRequiredToVote: true,
    minTrainingSessions: 1,
    quotas: {
      delegateSeats: 40,
      delegatesMinWomenShare: 0.5,
      directiveSeats: 7,
      directiveMinWomen: 3,
      oversightSeats: 6,
      oversightMinWomenShare: 0.5,
    },
    ballotKind: 'single_choice',
    maxChoices: null,
    outcomeRule: 'greedy',
  };
}

/** Women needed in a body: a share of its seats rounded up (50% of 15 seats is 8 women). */
export function womenNeeded(seats: number, share: number): number {
  return Math.ceil(seats * share - 1e-9);
}
