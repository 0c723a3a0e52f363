import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { requiredReason, text } from '../http/input.ts';
import { dniSchema } from '../accounts/identity.ts';
import { SIGNATORY_CAPACITIES } from './acta.ts';

/** Request and answer shapes of the acta routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).describe('HH:MM, Peru time');

export const processParams = z.strictObject({ slug, processId: id });
export const versionParams = z.strictObject({ slug, processId: id, version: z.coerce.number().int().min(1).max(10_000) });

const signatory = z.strictObject({
  name: text(160, 3),
  dni: dniSchema.nullable().describe('Optional: kept for staff, never published'),
  capacity: z.enum(SIGNATORY_CAPACITIES),
  /** The office or organization; what "other" means (required then). */
  detail: text(200).nullable().transform((s) => (s ? s : null)),
});

export const draftBody = named('ActaDraftBody', z.strictObject({
  heldOn: z.iso.date(),
  place: text(200, 3),
  startTime: time,
  endTime: time,
  signatories: z.array(signatory).max(200),
  /** Required once the Acta is issued: the change goes into a correction. */
  reason: requiredReason.optional(),
}));

export const issueBody = named('ActaIssueBody', z.strictObject({
  /** Required for a correction (any issue after the first). */
  reason: requiredReason.optional(),
}));

export const scanBody = named('ActaScanBody', z.strictObject({
  /** A file of the municipality uploaded through POST /api/municipalities/:slug/files. */
  fileId: id,
  /** Required to replace a scan already attached. */
  reason: requiredReason.optional(),
}));

const missingSchema = z.object({ code: z.string(), message: z.string().describe('In the request language'), messages: z.object({ es: z.string(), en: z.string() }) });

const versionSchema = z.object({
  version: z.number().int(), contentHash: z.string(), issuedAt: z.string(), issuedByName: z.string(), reason: z.string().nullable(),
  scan: z.object({ fileId: z.string(), filename: z.string(), contentType: z.string(), attachedAt: z.string(), url: z.string() }).nullable()
    .describe('The scan of the signed paper Acta, once attached (public)'),
});

export const draftSchema = named('ActaDraft', z.object({
  process: z.object({ id: z.string(), name: z.string(), fiscalYear: z.number().int(), phase: z.enum(PHASES) }),
  session: z.object({ heldOn: z.string(), place: z.string(), startTime: z.string(), endTime: z.string() }).nullable(),
  signatories: z.array(z.object({ name: z.string(), dni: z.string().nullable(), capacity: z.enum(SIGNATORY_CAPACITIES), detail: z.string().nullable() })),
  missing: z.array(missingSchema),
  versions: z.array(versionSchema),
}));

const sourceSchema = z.object({
  source: z.enum(['participatory_budget', 'pledge', 'agreement']), party: z.string(), partyKind: z.string().nullable(),
  contribution: z.enum(['money', 'in_kind']), amountCents: z.number().int(), conditions: z.string().nullable(),
});

const projectSchema = named('ActaProject', z.object({
  number: z.number().int(), title: z.string(), zoneName: z.string(), priority: z.number().int(), votes: z.number(), costCents: z.number().int(), reach: z.string(),
  financing: z.object({ municipalityCents: z.number().int(), cofinancingCents: z.number().int(), totalCents: z.number().int(), gapCents: z.number().int(), sources: z.array(sourceSchema) }),
}));

export const contentSchema = named('ActaContent', z.object({
  version: z.number().int(),
  issuedAt: z.string(),
  correction: z.string().nullable(),
  municipality: z.string(),
  process: z.object({ id: z.string(), name: z.string(), fiscalYear: z.number().int() }),
  session: z.object({ heldOn: z.string(), place: z.string(), startTime: z.string(), endTime: z.string() }),
  vote: z.object({
    closedAt: z.string(), outcomeRule: z.string(),
    turnout: z.object({ eligible: z.number().int(), voted: z.number().int(), online: z.number().int(), paper: z.number().int(), blank: z.number().int(), spoiled: z.number().int() }),
  }),
  envelopes: z.array(z.object({
    key: z.string(), zoneName: z.string().nullable(), budgetCents: z.number().int(), spentCents: z.number().int(), funded: z.array(projectSchema), alternates: z.array(projectSchema),
  })),
  committee: z.object({ heldOn: z.string(), place: z.string(), members: z.array(z.object({ name: z.string(), sex: z.string(), organization: z.string().nullable() })) }),
  signatories: z.array(z.object({ name: z.string(), capacity: z.enum(SIGNATORY_CAPACITIES), detail: z.string().nullable() })),
}));

export const issuedSchema = named('IssuedActa', versionSchema.extend({
  content: contentSchema,
  pdfUrl: z.string(),
  versions: z.array(versionSchema.extend({ pdfUrl: z.string() })),
}));
