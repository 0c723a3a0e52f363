import { z } from 'zod';
import { named } from '../http/schemas.ts';
import { CHALLENGE_DECISIONS, CHALLENGE_GROUNDS, CHALLENGE_STATUSES, CHALLENGE_TARGETS, LIST_STAGES, ORGANIZATION_TYPES, listStagesSchema } from '@concerta/contracts';
import { multilineText } from '../http/input.ts';
import { processParams } from './registration.schemas.ts';

/** Request and answer shapes of the lists and challenges: nothing here carries a DNI or a contact. */
const id = z.string().min(1).max(80);

export const challengeParams = processParams.extend({ challengeId: id });

export const challengeBody = z.strictObject({
  targetType: z.enum(CHALLENGE_TARGETS),
  targetId: id,
  grounds: z.enum(CHALLENGE_GROUNDS),
  reason: multilineText(2000, 10).describe('Why the registration should be withdrawn: 10 to 2000 characters, public'),
  evidenceFileId: id.nullable().optional().describe('A document uploaded with POST /api/municipalities/:slug/files/evidence; seen by staff only'),
});

export const answerBody = z.strictObject({ answer: multilineText(2000, 10).describe('The challenged party’s answer, once: public') });

export const challengeDecisionBody = z.strictObject({
  decision: z.enum(CHALLENGE_DECISIONS),
  reason: multilineText(2000).nullable().optional().describe('Required: the decision’s reason, public'),
});

export const publicChallengeSchema = named('RegistrationChallenge', z.object({
  id: z.string(),
  target: z.object({ type: z.enum(CHALLENGE_TARGETS), id: z.string(), name: z.string() }),
  challengerName: z.string(),
  grounds: z.enum(CHALLENGE_GROUNDS),
  reason: z.string(),
  hasEvidence: z.boolean(),
  evidenceFileId: z.string().nullable().describe('Staff only: the evidence document'),
  filedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  status: z.enum(CHALLENGE_STATUSES),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  mine: z.enum(['challenger', 'challenged']).nullable(),
}));

export const listsViewSchema = named('RegistrationLists', z.object({
  stages: listStagesSchema.nullable(),
  today: z.string(),
  published: z.array(z.object({ stage: z.enum(LIST_STAGES), publishedAt: z.string(), actSha256: z.string().nullable() })),
  registrations: z.array(z.object({
    type: z.enum(CHALLENGE_TARGETS),
    id: z.string(),
    name: z.string(),
    zone: z.string(),
    delegateOf: z.string().nullable(),
    organizationType: z.enum(ORGANIZATION_TYPES).nullable(),
    registryNumber: z.string().nullable(),
    onPreliminary: z.boolean(),
    listed: z.boolean(),
    change: z.object({ kind: z.enum(['withdrawn', 'added']), at: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  })),
  challenges: z.array(publicChallengeSchema),
  myAgentId: z.string().nullable(),
  commission: z.array(z.object({ userId: z.string(), name: z.string() })),
  mayDecide: z.boolean(),
}));

export const commissionBody = z.strictObject({
  userIds: z.array(id).max(20).describe('Accounts holding an administrator, technical team or facilitator role here'),
  reason: multilineText(2000, 5).describe('Why (the municipal resolution that names the commission ...)'),
});
named('AccreditationCommissionBody', commissionBody);

named('ChallengeBody', challengeBody);
named('ChallengeAnswerBody', answerBody);
named('ChallengeDecisionBody', challengeDecisionBody);
