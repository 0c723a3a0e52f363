import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { multilineText, requiredReason, text } from '../http/input.ts';
import { CONTRIBUTIONS, FUNDER_KINDS } from '../proposals/proposals.ts';
import { PARTY_KINDS, REACHES } from '../coordination/coordination.ts';
import { AMENDMENT_KINDS, APPROVAL_BODIES, CHAIN_STEPS, SESSION_DECISIONS } from './approval.ts';
import { FINANCING_COLUMNS } from './approval.export.ts';

/** Request and answer shapes of the approval routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
/** Whole céntimos; zero and negative amounts are refused by the service with their own rule. */
const cents = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
/** A count of votes; negative counts are refused by the service with their own rule. */
const count = z.number().int().min(-1_000_000).max(1_000_000);

export const processParams = z.strictObject({ slug, processId: id });
export const projectParams = processParams.extend({ proposalId: id });
export const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });

export const sessionBody = named('ApprovalSessionBody', z.strictObject({
  body: z.enum(APPROVAL_BODIES).describe('ccl: the Consejo de Coordinación Local; council: the Concejo Municipal'),
  heldOn: z.iso.date(),
  /** How the body names its session: "Sesión ordinaria N.° 12-2006". */
  reference: text(160, 3),
  decision: z.enum(SESSION_DECISIONS),
  /** The body's observations: required when it returns the list. */
  observations: multilineText(4000).nullable().optional(),
  reason: requiredReason,
}));

export const answerBody = named('ApprovalAnswerBody', z.strictObject({
  /** The municipality's answer to the observations of the session that returned the list. */
  answerText: multilineText(4000, 5),
}));

export const amendmentBody = named('AmendmentBody', z.strictObject({
  kind: z.enum(AMENDMENT_KINDS),
  proposalId: id,
  /** For `replace`: an alternate of the same envelope. */
  replacementId: id.optional(),
  /** For `change_amount`: the new cost in céntimos. */
  amountCents: cents.optional(),
  reason: requiredReason,
  vote: z.strictObject({
    heldOn: z.iso.date(),
    reference: text(160, 3),
    votesFor: count,
    votesAgainst: count,
    abstentions: count,
  }),
}));

export const investmentCodeBody = named('InvestmentCodeBody', z.strictObject({
  /** The code in Invierte.pe (formerly SNIP), digits only; null clears it. */
  investmentCode: z.string().trim().max(20).nullable(),
  reason: requiredReason,
}));

const source = z.discriminatedUnion('source', [
  z.object({ source: z.literal('participatory_budget'), contribution: z.literal('money'), amountCents: z.number().int() }),
  z.object({ source: z.literal('pledge'), funderKind: z.enum(FUNDER_KINDS), funderName: z.string(), contribution: z.enum(CONTRIBUTIONS), amountCents: z.number().int() }),
  z.object({ source: z.literal('agreement'), agreementId: z.string(), partyKind: z.enum(PARTY_KINDS), partyName: z.string(), contribution: z.enum(CONTRIBUTIONS), amountCents: z.number().int() }),
]);

const project = z.object({
  proposalId: z.string(),
  number: z.number().int(),
  title: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  envelope: z.string(),
  envelopeName: z.string().nullable(),
  priority: z.number().int().describe('Its place in its envelope: funded projects first, then the alternates'),
  costCents: z.number().int(),
  votes: z.number().int(),
  reach: z.enum(REACHES),
  investmentCode: z.string().nullable(),
  financing: z.object({
    costCents: z.number().int(),
    municipalityCents: z.number().int(),
    cofinancingCents: z.number().int(),
    sources: z.array(source),
    totalCents: z.number().int(),
    gapCents: z.number().int(),
  }),
});

const projectRef = z.object({ proposalId: z.string(), number: z.number().int(), title: z.string() });

export const chainSchema = named('ApprovalChain', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), phase: z.enum(PHASES), name: z.string() }),
  voteClosed: z.boolean(),
  step: z.enum(CHAIN_STEPS).describe('The missing step (the gate names it), or formalized'),
  stepText: z.string().describe('The missing step, in the request language (empty once formalized)'),
  nextBody: z.enum(APPROVAL_BODIES).nullable(),
  sessions: z.array(z.object({
    body: z.enum(APPROVAL_BODIES),
    seq: z.number().int(),
    heldOn: z.string(),
    reference: z.string(),
    decision: z.enum(SESSION_DECISIONS),
    observations: z.string().nullable(),
    reason: z.string(),
    recordedAt: z.string(),
    recordedByName: z.string(),
    answer: z.object({ text: z.string(), answeredAt: z.string(), answeredByName: z.string() }).nullable(),
  })),
  envelopes: z.array(z.object({
    key: z.string(),
    zoneName: z.string().nullable(),
    budgetCents: z.number().int(),
    spentCents: z.number().int(),
    funded: z.array(project),
    alternates: z.array(project),
    withdrawn: z.array(project.extend({ amendment: z.number().int() })),
  })).nullable().describe('The list under approval (as the vote adopted it), or the current formalized list; null before the vote is closed'),
  formalized: z.object({ formalizedOn: z.string(), frozenAt: z.string(), sha256: z.string() }).nullable(),
  amendments: z.array(z.object({
    seq: z.number().int(),
    kind: z.enum(AMENDMENT_KINDS),
    project: projectRef,
    replacement: projectRef.nullable(),
    previousAmountCents: z.number().int().nullable(),
    amountCents: z.number().int().nullable(),
    reason: z.string(),
    vote: z.object({ heldOn: z.string(), reference: z.string(), votesFor: z.number().int(), votesAgainst: z.number().int(), abstentions: z.number().int() }),
    recordedAt: z.string(),
    recordedByName: z.string(),
  })),
  exports: z.object({ csv: z.string(), json: z.string() }).nullable().describe('Where to download the MEF export, once formalized'),
}));

export const mefExportSchema = named('MefExport', z.object({
  schema: z.object({
    name: z.string(), version: z.number().int(), amounts: z.string(),
    fields: z.array(z.object({ key: z.string(), money: z.boolean(), es: z.string(), en: z.string() })),
  }),
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), name: z.string() }),
  municipality: z.object({ name: z.string(), slug: z.string(), ubigeo: z.string().nullable() }),
  formalizedOn: z.string(),
  snapshotSha256: z.string(),
  amendments: z.number().int(),
  projects: z.array(z.object({
    envelope: z.string(),
    priority: z.number().int(),
    projectNumber: z.number().int(),
    investmentCode: z.string().nullable(),
    title: z.string(),
    zone: z.string(),
    costCents: z.number().int(),
    financingCents: z.object(Object.fromEntries(FINANCING_COLUMNS.map((c) => [c, z.number().int()])) as Record<(typeof FINANCING_COLUMNS)[number], z.ZodNumber>),
    totalCents: z.number().int(),
    reach: z.string(),
  })),
}));
