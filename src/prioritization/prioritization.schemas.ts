import { z } from 'zod';
import { PHASES, PRIORITIZATION_TIES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { requiredReason } from '../http/input.ts';

/** Request and answer shapes of the prioritization routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);

export const processParams = z.strictObject({ slug, processId: id });
export const listQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });
export const computeBody = named('ComputeProvisionalListBody', z.strictObject({ reason: requiredReason }));

const viability = z.enum(['viable', 'viable_with_changes', 'not_viable']);

const entrySchema = z.object({
  proposalId: z.string(),
  number: z.number().int(),
  title: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  status: z.enum(['funded', 'alternate', 'not_viable', 'not_evaluated']),
  rank: z.number().int().nullable().describe('Place in its envelope\'s ranking; null when it is not ranked (not viable, not evaluated)'),
  requestedCostCents: z.number().int(),
  costCents: z.number().int().nullable().describe('The technical team\'s adjusted cost: what the envelope pays'),
  technicalScore: z.number().nullable().describe('0..100, the mean of the evaluators\' weighted scores'),
  workshopVotes: z.number().int(),
  workshopScore: z.number().nullable().describe('The workshop votes on 0..100: 100 for the envelope\'s most voted proposal'),
  score: z.number().nullable().describe('The score the ranking uses, two decimals'),
  evaluators: z.array(z.object({
    evaluatorName: z.string(), viability, weightedScore: z.number(), adjustedCostCents: z.number().int(),
    scores: z.array(z.object({ criterionId: z.string(), score: z.number() })),
  })),
  explanation: z.array(z.string()).describe('Why it is in or out: the rules library\'s explanations in the request language'),
});

export const provisionalListSchema = named('ProvisionalList', z.object({
  id: z.string(),
  seq: z.number().int(),
  computedAt: z.string(),
  computedByName: z.string(),
  reason: z.string(),
  current: z.boolean().describe('Whether the list still matches today\'s evaluations, votes, costs, envelopes and settings'),
  unevaluated: z.number().int(),
  settings: z.object({ workshopShare: z.number(), ties: z.enum(PRIORITIZATION_TIES) }),
  criteria: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number(), scaleMin: z.number(), scaleMax: z.number() })),
  pools: z.array(z.object({
    key: z.string(),
    zoneName: z.string().nullable().describe('The zone of the envelope; null for the municipality-wide rest'),
    budgetCents: z.number().int(),
    spentCents: z.number().int(),
    entries: z.array(entrySchema),
    tieBreaks: z.array(z.object({ stage: z.string(), order: z.array(z.string()), by: z.string() })),
  })),
}));

export const provisionalListAnswer = named('ProvisionalListAnswer', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), phase: z.enum(PHASES) }),
  list: provisionalListSchema.nullable(),
}));
