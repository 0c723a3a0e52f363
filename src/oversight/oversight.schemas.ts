import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { multilineText, requiredReason } from '../http/input.ts';
import { EXECUTION_STATUSES } from '../execution/execution.queries.ts';
import { ACCOUNT_STATES, PIA_FLAGS } from './oversight.ts';

/** Request and answer shapes of the oversight routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);

export const processParams = z.strictObject({ slug, processId: id });
export const requestParams = z.strictObject({ slug, processId: id, requestId: id });
export const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });
export const reportQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100),
  half: z.coerce.number().int().min(1).max(2).describe('1: January to June; 2: July to December'),
  lang: z.enum(['es', 'en']).optional(),
});

export const piaBody = named('OversightPiaBody', z.strictObject({
  amounts: z.array(z.strictObject({
    projectId: id,
    piaCents: z.number().int().min(0).max(1e13).nullable().describe('What the opening budget (PIA) assigns the project, in céntimos; 0: not included; null: clear the record'),
  })).min(1).max(500),
  reason: requiredReason,
}));

const fileIds = z.array(id).max(10);

export const observationBody = named('OversightObservationBody', z.strictObject({
  projectId: id,
  observation: multilineText(4000, 10),
  photoFileIds: fileIds.default([]).describe('Photos the member uploaded through the files area (PNG, JPEG, WebP); public once attached'),
}));

export const requestBody = named('OversightRequestBody', z.strictObject({
  projectId: id.nullable().describe('The project the request is about; null: the whole process'),
  question: multilineText(4000, 10),
  deadline: z.iso.date().optional().describe('At least 7 working days after today; that day when left out'),
}));

export const answerBody = named('OversightAnswerBody', z.strictObject({
  response: multilineText(8000, 10),
  documentFileIds: fileIds.default([]).describe('Documents the answering staff uploaded through the files area; public once attached'),
}));

const fileSchema = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), url: z.string() });

export const workspaceSchema = named('OversightWorkspace', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), name: z.string(), phase: z.enum(PHASES) }),
  open: z.boolean(),
  today: z.string(),
  earliestDeadline: z.string(),
  minWorkingDays: z.number().int(),
  projects: z.array(z.object({
    id: z.string(), number: z.number().int(), title: z.string(), zoneName: z.string(), investmentCode: z.string().nullable(),
    status: z.enum(EXECUTION_STATUSES), statusReason: z.string().nullable(), physicalPercent: z.number(), financialPercent: z.number(), behindSchedule: z.boolean(),
    costCents: z.number().int(), agreedCents: z.number().int().describe("The participatory budget's share: what the municipality must budget"),
    piaCents: z.number().int().nullable(), piaFlag: z.enum(PIA_FLAGS), observations: z.number().int(),
  })),
  pia: z.object({ included: z.number().int(), included_less: z.number().int(), missing: z.number().int() }),
  observations: z.array(z.object({
    id: z.string(), projectId: z.string(), projectNumber: z.number().int(), projectTitle: z.string(), text: z.string(), filedAt: z.string(), authorName: z.string(), photos: z.array(fileSchema),
  })),
  requests: z.array(z.object({
    id: z.string(), projectId: z.string().nullable(), projectNumber: z.number().int().nullable(), projectTitle: z.string().nullable(), question: z.string(),
    deadline: z.string(), sentAt: z.string(), authorName: z.string(), overdue: z.boolean(),
    answer: z.object({ text: z.string(), answeredAt: z.string(), answeredByName: z.string(), documents: z.array(fileSchema) }).nullable(),
  })),
  requestCounts: z.object({ total: z.number().int(), answered: z.number().int(), pending: z.number().int(), overdue: z.number().int() }),
  reports: z.array(z.object({ year: z.number().int(), half: z.number().int(), url: z.string() })).describe('The vigilance reports of the semesters so far, newest first'),
}));

export const createdSchema = named('OversightCreated', z.object({ id: z.string(), workspace: workspaceSchema }));

export const accountabilitySchema = named('OversightAccountability', z.object({
  municipality: z.object({ slug: z.string(), name: z.string() }),
  years: z.array(z.object({
    processId: z.string(), fiscalYear: z.number().int(), name: z.string(), phase: z.enum(PHASES),
    counts: z.object({ done: z.number().int(), in_progress: z.number().int(), not_started: z.number().int(), cancelled: z.number().int() }),
    projects: z.array(z.object({
      id: z.string(), number: z.number().int(), title: z.string(), zoneName: z.string(), status: z.enum(EXECUTION_STATUSES), state: z.enum(ACCOUNT_STATES),
      reason: z.string().nullable(), physicalPercent: z.number(), financialPercent: z.number(), costCents: z.number().int(),
    })),
  })),
  pdfUrl: z.string(),
}));
