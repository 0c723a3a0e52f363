import { z } from 'zod';
import { BALLOT_KINDS, OUTCOME_RULES, THRESHOLD_RULE } from './voting.ts';

/**
 * The rules in force for one yearly process, configurable per process (the defaults are Ilo's: 50% of delegate
 * seats and 3 directive-committee seats to women; plurality voting).
 */
/**
 * The list stages of Preparation after registration closes (local dates, inclusive): the preliminary list of agents
 * and organizations, the window for challenging a registration, then the definitive list.
 */
export const listStagesSchema = z.strictObject({
  preliminaryListOn: z.iso.date(),
  challengesFrom: z.iso.date(),
  challengesUntil: z.iso.date(),
  definitiveListOn: z.iso.date(),
});
export type ListStages = z.infer<typeof listStagesSchema>;

/** The tie rules of the provisional list: lower cost then earlier proposal, or a lottery seeded by the process id. */
export const PRIORITIZATION_TIES = ['declared', 'lottery'] as const;

/**
 * How the provisional list is ranked: a proposal's score is the technical team's weighted score, combined, where the
 * process says so, with the workshops' own prioritization votes in the share `workshopShare` (0 = technical only).
 */
export const prioritizationSettingsSchema = z.strictObject({
  workshopShare: z.number().min(0).max(1),
  ties: z.enum(PRIORITIZATION_TIES),
});
export type PrioritizationSettings = z.infer<typeof prioritizationSettingsSchema>;

/** The settings of a process that says nothing: the technical score alone, ties by the declared rule. */
export const DEFAULT_PRIORITIZATION: PrioritizationSettings = { workshopShare: 0, ties: 'declared' };

export const processRulesSchema = z.strictObject({
  /** Last day (inclusive, local date) on which agents and organizations may register. */
  registrationDeadline: z.iso.date(),
  /** The list stages; a process without them cannot publish its lists (and so cannot leave Preparation). */
  listStages: listStagesSchema.nullable().optional(),
  /**
   * Last day (inclusive, local date) on which project proposals may be submitted and edited; within Concertation.
   * Absent: the last day of Concertation.
   */
  proposalDeadline: z.iso.date().optional(),
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
  /** The least number of votes a project needs to be funded; set with the greedy-threshold rule, and only with it. */
  threshold: z.number().int().min(1).max(1_000_000).nullable().optional(),
  /** How Concertation ranks the viable proposals into the provisional list. Absent: technical score only, declared ties. */
  prioritization: prioritizationSettingsSchema.optional(),
}).refine((r) => (r.outcomeRule === THRESHOLD_RULE) === (r.threshold != null), {
  path: ['threshold'], message: 'threshold_with_rule',
});

export type ProcessRules = z.infer<typeof processRulesSchema>;
