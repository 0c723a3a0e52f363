import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { multilineText, text } from '../http/input.ts';
import { CONTRIBUTIONS, FUNDER_KINDS, PROPOSAL_STATUSES } from './proposals.ts';

/** Request and answer shapes of the proposals routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
/** Whole céntimos; zero, negative and too large amounts are refused by the service with their own codes. */
const cents = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
const lang = z.enum(['es', 'en']).optional();

export const processParams = z.strictObject({ slug, processId: id });
export const proposalParams = z.strictObject({ slug, processId: id, proposalId: id });

export const pledgeSchema = z.strictObject({
  funderKind: z.enum(FUNDER_KINDS),
  /** Who exactly: "Gobierno Regional de Moquegua", "CEOP Ilo", "vecinos del sector 3". */
  funderName: text(160, 2),
  contribution: z.enum(CONTRIBUTIONS),
  /** What is given: "mano de obra no calificada, 60 jornales", "cemento y fierro". */
  description: text(300).default(''),
  amountCents: cents,
});

const contentFields = {
  title: text(160, 5),
  description: multilineText(4000, 20),
  zoneId: id,
  axisId: id,
  objectiveId: id,
  problem: multilineText(2000, 10),
  beneficiariesCount: z.number().int().min(1).max(10_000_000),
  beneficiaryGroups: text(300, 3),
  costCents: cents,
  location: text(300, 3),
  pledges: z.array(pledgeSchema).max(20).default([]),
  attachmentFileIds: z.array(id).max(10).default([]),
  reason: multilineText(2000, 1).optional(),
};

export const submitProposalBody = z.strictObject({
  ...contentFields,
  /** Propose in the name of the approved organization the agent is a delegate of. */
  onBehalfOfOrganization: z.boolean().optional(),
});

export const paperProposalBody = z.strictObject({
  ...contentFields,
  /** The approved agent who brought the proposal on paper (its author). */
  agentId: id,
  onBehalfOfOrganization: z.boolean().optional(),
});

/** An edit is a whole new version: every field, as the author now wants it. */
export const editProposalBody = z.strictObject(contentFields);

export const withdrawProposalBody = z.strictObject({ reason: multilineText(2000, 3) });

export const listProposalsQuery = z.strictObject({
  zoneId: id.optional(),
  axisId: id.optional(),
  objectiveId: id.optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  q: text(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  lang,
});

const ref = z.object({ id: z.string(), name: z.string() });
const pledgeOut = z.object({
  funderKind: z.enum(FUNDER_KINDS), funderName: z.string(), contribution: z.enum(CONTRIBUTIONS), description: z.string(), amountCents: z.number(),
});
const attachmentOut = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), url: z.string() });

const versionHead = {
  version: z.number(),
  title: z.string(),
  zone: ref,
  axis: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  objective: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  beneficiariesCount: z.number(),
  costCents: z.number(),
  createdAt: z.string(),
  createdByName: z.string(),
  reason: z.string().nullable(),
};

export const proposalVersionSchema = z.object({
  ...versionHead,
  description: z.string(),
  problem: z.string(),
  beneficiaryGroups: z.string(),
  location: z.string(),
  pledges: z.array(pledgeOut),
  cofinancingCents: z.number(),
  attachments: z.array(attachmentOut),
});

const recordFields = {
  id: z.string(),
  processId: z.string(),
  number: z.number(),
  status: z.enum(PROPOSAL_STATUSES),
  source: z.enum(['online', 'paper']),
  author: z.object({ agent: z.object({ id: z.string(), fullName: z.string() }), organization: ref.nullable() }),
  submittedAt: z.string(),
  updatedAt: z.string(),
  currentVersion: z.number(),
};

export const proposalSummarySchema = z.object({
  ...recordFields,
  current: z.object(versionHead),
  cofinancingCents: z.number(),
});

export const proposalSchema = z.object({
  ...recordFields,
  current: proposalVersionSchema,
  versions: z.array(proposalVersionSchema).describe('Every version, newest first (the current one included)'),
  proposalDeadline: z.string().describe('Last day (Peru) on which it may be edited'),
  editable: z.boolean().describe('Whether the signed-in person may edit it now'),
});

const processOut = z.object({ id: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES), envelopeCents: z.number() });

export const proposalListSchema = z.object({
  process: processOut,
  proposalDeadline: z.string(),
  open: z.boolean().describe('Whether proposals may be submitted now (Concertation, before the deadline)'),
  total: z.number(),
  proposals: z.array(proposalSummarySchema),
});

export const myProposalsSchema = z.object({
  process: processOut,
  proposalDeadline: z.string(),
  open: z.boolean(),
  agent: z.object({ id: z.string(), fullName: z.string() }).nullable().describe('Your approved registration in this process; null: you may not propose'),
  organization: ref.nullable().describe('The approved organization you may propose for, as its delegate'),
  proposals: z.array(proposalSummarySchema),
});

named('Pledge', pledgeOut);
named('ProposalVersion', proposalVersionSchema);
named('ProposalSummary', proposalSummarySchema);
named('Proposal', proposalSchema);
named('ProposalList', proposalListSchema);
named('MyProposals', myProposalsSchema);
named('SubmitProposalBody', submitProposalBody);
named('PaperProposalBody', paperProposalBody);
named('EditProposalBody', editProposalBody);
named('WithdrawProposalBody', withdrawProposalBody);
