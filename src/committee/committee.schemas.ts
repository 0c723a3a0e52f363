import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { requiredReason, text } from '../http/input.ts';
import { SEXES } from '../registration/registration.ts';

/** Request and answer shapes of the committee routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);

export const processParams = z.strictObject({ slug, processId: id });
export const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });

export const candidateBody = named('CommitteeCandidateBody', z.strictObject({
  agentId: id,
  /** How the agent gave consent to stand: "aceptó postular en la sesión, firma en el acta". */
  consent: requiredReason,
}));

export const electionBody = named('CommitteeElectionBody', z.strictObject({
  heldOn: z.iso.date(),
  place: text(200, 3),
  reason: requiredReason,
  /** Every candidate's votes in the session's count; negative counts are refused by the service with their own rule. */
  counts: z.array(z.strictObject({ agentId: id, votes: z.number().int().min(-1_000_000).max(1_000_000) })).min(1).max(200),
}));

export const committeeSchema = named('OversightCommittee', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), phase: z.enum(PHASES) }),
  seats: z.number().int(),
  minWomen: z.number().int(),
  rule: z.string().describe('The election rule in the request language'),
  election: z.object({ heldOn: z.string(), place: z.string(), reason: z.string(), recordedAt: z.string(), recordedByName: z.string() }).nullable(),
  candidates: z.array(z.object({
    agentId: z.string(), name: z.string(), sex: z.enum(SEXES), organizationName: z.string().nullable(), stoodAt: z.string(),
    votes: z.number().int().nullable(), elected: z.boolean().nullable(), rank: z.number().int().nullable(),
  })),
  members: z.array(z.object({ agentId: z.string(), name: z.string(), sex: z.enum(SEXES), organizationName: z.string().nullable(), electedAt: z.string() })),
}));
