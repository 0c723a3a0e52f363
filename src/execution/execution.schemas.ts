import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { errorResponse, named } from '../http/schemas.ts';
import { multilineText, requiredReason, text } from '../http/input.ts';
import { EXECUTION_STATUSES } from './execution.ts';
import { EXECUTION_IMPORT_MODES } from './execution-import.service.ts';

/** Request and answer shapes of the execution routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
const lang = z.enum(['es', 'en']).optional();

export const processParams = z.strictObject({ slug, processId: id });
export const projectParams = processParams.extend({ projectId: id });
export const milestoneParams = projectParams.extend({ milestoneId: id });
export const jobParams = processParams.extend({ jobId: id });
export const langQuery = z.strictObject({ lang });

export const listQuery = z.strictObject({
  status: z.enum(EXECUTION_STATUSES).optional(),
  zoneId: id.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  lang,
});

export const importQuery = z.strictObject({ mode: z.enum(EXECUTION_IMPORT_MODES).default('dry-run'), lang });

export const reportBody = named('ExecutionReportBody', z.strictObject({
  reportedOn: z.iso.date().describe('The date the report speaks of (not later than today)'),
  status: z.enum(EXECUTION_STATUSES).optional(),
  reason: multilineText(2000).optional().describe('Why; required (5 characters or more) when the status moves to suspended or cancelled'),
  physicalPercent: z.number().min(-1000).max(1000).optional().describe('0 to 100, one decimal at most'),
  executed: z.array(z.strictObject({ code: text(40, 1), executedCents: z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000) })).max(50).optional()
    .describe('What has been executed so far of each source (its code: pp, aporte1, convenio1 ...), in céntimos; replaces the amount before'),
  investmentCode: text(40).nullable().optional().describe('The investment code (Invierte.pe); empty or null removes it'),
}));

export const milestoneBody = named('ExecutionMilestoneBody', z.strictObject({
  name: text(200, 3),
  plannedOn: z.iso.date(),
  actualOn: z.iso.date().nullable().default(null),
}));

export const milestoneUpdateBody = named('ExecutionMilestoneUpdateBody', z.strictObject({
  name: text(200, 3),
  plannedOn: z.iso.date(),
  actualOn: z.iso.date().nullable(),
  reason: requiredReason,
}));

export const documentBody = named('ExecutionDocumentBody', z.strictObject({
  fileId: id.describe('A file uploaded through the files area; public once attached'),
  kind: z.enum(['photo', 'document']),
  caption: text(300, 3),
}));

const status = z.enum(EXECUTION_STATUSES);

const milestoneDates = z.object({ name: z.string(), plannedOn: z.string(), actualOn: z.string().nullable() });

/** What a report changed (a history entry, or a row of an import). */
export const changesSchema = named('ExecutionChanges', z.object({
  status: z.object({ from: status.optional(), to: status }).optional(),
  physicalPercent: z.object({ from: z.number().optional(), to: z.number() }).optional(),
  executed: z.array(z.object({ code: z.string(), fromCents: z.number().int(), toCents: z.number().int() })).optional(),
  investmentCode: z.object({ from: z.string().nullable(), to: z.string().nullable() }).optional(),
  budget: z.array(z.object({ code: z.string(), kind: z.string(), name: z.string(), budgetedCents: z.number().int() })).optional()
    .describe('The budget lines a project started with (when it became tracked)'),
  milestone: milestoneDates.partial().extend({ id: z.string(), from: milestoneDates.optional(), to: milestoneDates.optional() }).optional(),
  document: z.object({ id: z.string(), fileId: z.string(), kind: z.enum(['photo', 'document']), caption: z.string() }).optional(),
}));
export type HistoryChanges = z.infer<typeof changesSchema>;

const summary = z.object({
  id: z.string(),
  proposalId: z.string(),
  number: z.number().int(),
  title: z.string(),
  zoneId: z.string(),
  zoneName: z.string(),
  investmentCode: z.string().nullable(),
  status,
  statusReason: z.string().nullable(),
  physicalPercent: z.number(),
  reportedOn: z.string().nullable(),
  costCents: z.number().int(),
  budgetedCents: z.number().int(),
  executedCents: z.number().int(),
  financialPercent: z.number().describe('Executed against budgeted, in percent with one decimal; above 100 when overspent'),
  behindSchedule: z.boolean().describe('A milestone is past its planned date without an actual date (open projects only)'),
});

export const trackedListSchema = named('ExecutionList', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number().int(), phase: z.enum(PHASES) }),
  tracking: z.boolean().describe('Whether the process is in Execution or closed: only then are its funded projects tracked'),
  total: z.number().int().describe('Projects matching the filters'),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(status, z.number().int()).describe('Projects of the process per status, whatever the filters'),
  zones: z.array(z.object({ id: z.string(), name: z.string() })),
  projects: z.array(summary),
}));

const line = z.object({
  code: z.string(),
  kind: z.enum(['participatory_budget', 'pledge', 'agreement']),
  name: z.string(),
  partyKind: z.string().nullable(),
  contribution: z.enum(['money', 'in_kind']),
  budgetedCents: z.number().int(),
  executedCents: z.number().int(),
});

export const projectSchema = named('ExecutionProject', summary.extend({
  processId: z.string(),
  fiscalYear: z.number().int(),
  priority: z.number().int(),
  lines: z.array(line),
  milestones: z.array(z.object({ id: z.string(), name: z.string(), plannedOn: z.string(), actualOn: z.string().nullable(), overdue: z.boolean() })),
  documents: z.array(z.object({ id: z.string(), fileId: z.string(), kind: z.enum(['photo', 'document']), caption: z.string(), filename: z.string(), contentType: z.string(), url: z.string(), addedAt: z.string() })),
  reports: z.array(z.object({
    id: z.string(), seq: z.number().int(), kind: z.enum(['track', 'progress', 'milestone', 'document']), reportedOn: z.string(),
    changes: changesSchema,
    reason: z.string().nullable(), fromImport: z.boolean(), at: z.string(), byName: z.string().nullable(),
  })),
}));

export const reportAnswerSchema = named('ExecutionReportAnswer', z.object({
  project: projectSchema,
  warnings: z.array(z.string()).describe('Told, not refused: a source executed above its budget'),
}));

export const importReportSchema = named('ExecutionImportReport', z.object({
  mode: z.enum(EXECUTION_IMPORT_MODES),
  sha256: z.string(),
  total: z.number().int(), valid: z.number().int(), invalid: z.number().int(), written: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string(), message: z.string() })),
  changes: z.array(z.object({
    line: z.number().int(), projectId: z.string(), number: z.number().int(), title: z.string(), reportedOn: z.string(),
    changes: changesSchema, warnings: z.array(z.string()),
  })),
}));

const progressSchema = z.object({
  stage: z.enum(['parsing', 'validating', 'writing', 'finished']),
  chars: z.number(), charsParsed: z.number(), total: z.number().nullable(), parsed: z.number(), validated: z.number(),
  toWrite: z.number().nullable(), written: z.number(),
});

export const importJobSchema = named('ExecutionImportJob', z.object({
  id: z.string(), mode: z.enum(EXECUTION_IMPORT_MODES), status: z.enum(['running', 'done', 'failed']),
  progress: progressSchema, report: importReportSchema.nullable(), error: errorResponse.shape.error.nullable(),
  createdAt: z.string(), finishedAt: z.string().nullable(),
}));
