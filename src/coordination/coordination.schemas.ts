import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { multilineText, requiredReason, text } from '../http/input.ts';
import { CONTRIBUTIONS, FUNDER_KINDS } from '../proposals/proposals.ts';
import { PARTY_KINDS, REACHES } from './coordination.ts';

/** Request and answer shapes of the coordination routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
/** Whole céntimos; zero and negative amounts are refused by the service with their own code. */
const cents = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);

export const processParams = z.strictObject({ slug, processId: id });
export const projectParams = processParams.extend({ proposalId: id });
export const agreementParams = processParams.extend({ agreementId: id });
export const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });

export const agreementBody = named('AgreementBody', z.strictObject({
  partyKind: z.enum(PARTY_KINDS),
  /** Who signed: "Gobierno Regional de Moquegua", "Programa Agua Segura". */
  partyName: text(160, 2),
  amountCents: cents,
  contribution: z.enum(CONTRIBUTIONS),
  conditions: multilineText(4000, 3),
  /** The signed agreement, uploaded through the files area. */
  documentFileId: id,
  signedOn: z.iso.date(),
}));

export const withdrawalBody = named('AgreementWithdrawalBody', z.strictObject({ reason: requiredReason }));
export const reachBody = named('ReachBody', z.strictObject({ reach: z.enum(REACHES), reason: requiredReason }));

const source = z.discriminatedUnion('source', [
  z.object({ source: z.literal('participatory_budget'), contribution: z.literal('money'), amountCents: z.number().int() }),
  z.object({ source: z.literal('pledge'), funderKind: z.enum(FUNDER_KINDS), funderName: z.string(), contribution: z.enum(CONTRIBUTIONS), amountCents: z.number().int() }),
  z.object({ source: z.literal('agreement'), agreementId: z.string(), partyKind: z.enum(PARTY_KINDS), partyName: z.string(), contribution: z.enum(CONTRIBUTIONS), amountCents: z.number().int() }),
]);

const agreementSchema = z.object({
  id: z.string(),
  partyKind: z.enum(PARTY_KINDS),
  partyName: z.string(),
  amountCents: z.number().int(),
  contribution: z.enum(CONTRIBUTIONS),
  conditions: z.string(),
  documentFileId: z.string(),
  signedOn: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  withdrawal: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).nullable(),
});

export const coordinationSchema = named('Coordination', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), phase: z.enum(PHASES) }),
  thresholds: z.object({ provincialMinCents: z.number().int(), regionalMinCents: z.number().int() })
    .describe('The legal thresholds of wider reach: provincial from S/ 1,200,000 over more than one district; regional from S/ 3,000,000 over more than one province'),
  list: z.object({ id: z.string(), seq: z.number().int(), computedAt: z.string(), current: z.boolean() }).nullable()
    .describe('The provisional ranked list the projects come from; null before one is computed'),
  projects: z.array(z.object({
    proposalId: z.string(),
    number: z.number().int(),
    title: z.string(),
    zoneName: z.string(),
    status: z.enum(['funded', 'alternate']),
    rank: z.number().int().nullable(),
    reach: z.enum(REACHES),
    reachSet: z.object({ reason: z.string(), setAt: z.string(), setByName: z.string() }).nullable(),
    reachAllowedByCost: z.enum(REACHES).describe('The widest reach the adjusted cost reaches under the thresholds (a hint)'),
    agreements: z.array(agreementSchema),
    financing: z.object({
      costCents: z.number().int(),
      municipalityCents: z.number().int().describe("The participatory budget's share: for a funded project the cost less the co-financing (never below 0); 0 for an alternate"),
      cofinancingCents: z.number().int(),
      sources: z.array(source),
      totalCents: z.number().int(),
      gapCents: z.number().int().describe('Cost minus every source: positive, missing; negative, over-financed'),
    }),
  })),
}));
