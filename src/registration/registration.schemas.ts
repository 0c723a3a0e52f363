import { z } from 'zod';
import { DELEGATE_ROLES, STANDING_KINDS } from '@concerta/contracts';
import { errorResponse, named } from '../http/schemas.ts';
import {
  AGE_BANDS, DECISIONS, ORGANIZATION_TYPES, REGISTRATION_SOURCES, REGISTRATION_STATUSES, SEXES, type Agent, type Organization,
} from './registration.ts';
import { IMPORT_MODES } from './registration-import.service.ts';
import { text, multilineText, requiredReason } from '../http/input.ts';
import { dniSchema } from '../accounts/identity.ts';

/**
 * Request and answer shapes of the registration API. Bodies check types and sizes; the rules themselves (DNI of 8
 * digits, phone, email, zone of this municipality, organization approved, DNI registered once) are checked by
 * `validateAgent` / `validateOrganization`, the same functions the CSV import uses.
 */
const id = z.string().min(1).max(80);

export const processParams = z.strictObject({ slug: z.string().min(1).max(80), processId: id });
export const agentParams = processParams.extend({ agentId: id });
export const organizationParams = processParams.extend({ organizationId: id });

const lang = z.enum(['es', 'en']).optional();
const limit = z.coerce.number().int().min(1).max(500).default(100);
const offset = z.coerce.number().int().min(0).default(0);

export const agentBody = z.strictObject({
  dni: text(20).describe('DNI: exactly 8 digits'),
  fullName: text(200).describe('Full name (nombres y apellidos), 3 to 120 characters'),
  sex: z.enum(SEXES),
  ageBand: z.enum(AGE_BANDS),
  zoneId: id.describe('A zone of this municipality'),
  phone: text(30).nullable().optional().describe('9-digit mobile or 6-7 digit landline; a phone or an email is required'),
  email: text(254).nullable().optional(),
  organizationId: id.nullable().optional().describe('Accredited delegate of this organization: it must be registered in this process and approved'),
  delegateRole: z.enum(DELEGATE_ROLES).nullable().optional().describe('With organizationId: titular or substitute delegate, one of each per organization'),
});

export const agentPatchBody = agentBody.partial();

export const organizationBody = z.strictObject({
  name: text(200).describe('3 to 160 characters'),
  type: z.enum(ORGANIZATION_TYPES),
  registryNumber: text(60).describe('SUNARP registry number (partida registral); unique in the process'),
  zoneId: id,
  contactPhone: text(30).nullable().optional().describe('9-digit mobile or 6-7 digit landline; a phone or an email is required'),
  contactEmail: text(254).nullable().optional(),
  standingKind: z.enum(STANDING_KINDS).nullable().optional().describe('How it proves its standing: municipal registry, SUNARP entry or minute book'),
  standingFileId: id.nullable().optional().describe('The document, uploaded first (POST .../files, or .../files/evidence); seen by staff only'),
});

export const organizationPatchBody = organizationBody.partial();

const reason = multilineText(2000).nullable().optional().describe('Required to reject; the applicant and the public registry see it');

export const decisionBody = z.strictObject({ decision: z.enum(DECISIONS), reason });
export const revertBody = z.strictObject({ reason: multilineText(2000).describe('Why the decision is reverted (required): the applicant and the audit log see it') });
export const agentDecisionsBody = z.strictObject({ agentIds: z.array(id).min(1).max(500), decision: z.enum(DECISIONS), reason });
export const organizationDecisionsBody = z.strictObject({ organizationIds: z.array(id).min(1).max(500), decision: z.enum(DECISIONS), reason });

export const agentListQuery = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  zoneId: id.optional(),
  organizationId: id.optional(),
  source: z.enum(REGISTRATION_SOURCES).optional(),
  q: text(120).optional().describe('Part of the name, or the start of the DNI'),
  limit, offset, lang,
});

export const organizationListQuery = z.strictObject({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  zoneId: id.optional(),
  type: z.enum(ORGANIZATION_TYPES).optional(),
  q: text(120).optional().describe('Part of the name or of the registry number'),
  limit, offset, lang,
});

export const registryQuery = z.strictObject({
  kind: z.enum(['individual', 'organization']).optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  zoneId: id.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset, lang,
});

export const importQuery = z.strictObject({ mode: z.enum(IMPORT_MODES).default('dry-run'), lang });
export const langQuery = z.strictObject({ lang });

const zoneSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
const orgRefSchema = z.object({ id: z.string(), name: z.string(), type: z.enum(ORGANIZATION_TYPES) });

export const agentSchema = z.object({
  id: z.string(), processId: z.string(), dni: z.string(), fullName: z.string(), sex: z.enum(SEXES), ageBand: z.enum(AGE_BANDS),
  zone: zoneSchema, phone: z.string().nullable(), email: z.string().nullable(), organization: orgRefSchema.nullable(), delegateRole: z.enum(DELEGATE_ROLES).nullable(),
  status: z.enum(REGISTRATION_STATUSES), decisionReason: z.string().nullable(), decidedAt: z.string().nullable(),
  source: z.enum(REGISTRATION_SOURCES), mine: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});

export const organizationSchema = z.object({
  id: z.string(), processId: z.string(), name: z.string(), type: z.enum(ORGANIZATION_TYPES), registryNumber: z.string(),
  standing: z.object({ kind: z.enum(STANDING_KINDS).nullable(), fileId: z.string().nullable() }),
  zone: zoneSchema, contactPhone: z.string().nullable(), contactEmail: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES), decisionReason: z.string().nullable(), decidedAt: z.string().nullable(),
  source: z.enum(REGISTRATION_SOURCES), mine: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});

const counts = z.object({ pending: z.number(), approved: z.number(), rejected: z.number() });

export const registrySchema = z.object({
  processId: z.string(),
  registrationDeadline: z.string(),
  open: z.boolean().describe('Whether registration is open today (Preparation phase, deadline not passed)'),
  counts: z.object({ individuals: counts, organizations: counts }),
  total: z.number(),
  entries: z.array(z.object({
    id: z.string(), kind: z.enum(['individual', 'organization']), name: z.string(),
    organizationType: z.enum(ORGANIZATION_TYPES).nullable(), registryNumber: z.string().nullable(), delegateOf: orgRefSchema.nullable(),
    zone: zoneSchema, status: z.enum(REGISTRATION_STATUSES), decisionReason: z.string().nullable(), decidedAt: z.string().nullable(),
    registeredAt: z.string(),
  })),
});

export const importReportSchema = z.object({
  mode: z.enum(IMPORT_MODES), total: z.number(), valid: z.number(), invalid: z.number(), written: z.number(),
  errors: z.array(z.object({ line: z.number(), field: z.string().nullable(), code: z.string(), message: z.string() })),
});

export const importJobParams = processParams.extend({ jobId: id });

export const importProgressSchema = z.object({
  stage: z.enum(['parsing', 'validating', 'writing', 'finished']),
  chars: z.number().describe('Characters of the file (as decoded)'),
  charsParsed: z.number(),
  total: z.number().nullable().describe('Rows in the file, once parsed'),
  parsed: z.number(), validated: z.number(),
  toWrite: z.number().nullable().describe('Rows to write, once validated (all-or-nothing, valid-rows)'),
  written: z.number(),
});

export const importJobSchema = z.object({
  id: z.string(), mode: z.enum(IMPORT_MODES),
  status: z.enum(['running', 'done', 'failed', 'interrupted']).describe('interrupted: the server restarted before the import committed; nothing was written'),
  progress: importProgressSchema,
  report: importReportSchema.nullable().describe('Once done'),
  error: errorResponse.shape.error.nullable().describe('Once failed or interrupted: the error the plain import would answer'),
  createdAt: z.string(), finishedAt: z.string().nullable(),
});

export const claimCodeSchema = z.object({
  code: z.string().describe('The one-time code, shown once (on the paper receipt): only its hash is kept'),
  expiresAt: z.string(),
});

/** A face-to-face registration, with the code for its paper receipt. */
export const inPersonAgentSchema = agentSchema.extend({ claimCode: claimCodeSchema.nullable() });

export const claimCodeIssueBody = z.strictObject({ reason: requiredReason.describe('Why a new code (lost receipt, expired or locked code...)') });

export const claimBody = z.strictObject({
  claimCode: text(20, 1).describe('The code of the paper receipt; case, spaces and dashes do not matter'),
  dni: dniSchema.optional().describe('Only for an account without a DNI: it states it now, once'),
});

export const claimAnswerSchema = z.object({
  municipality: z.object({ slug: z.string(), name: z.string() }),
  process: z.object({ id: z.string(), name: z.string() }),
  agent: agentSchema,
  roleGranted: z.boolean().describe('Whether linking gave the account the participating agent role (the registration was approved)'),
});

/** What a client sees of an agent's registration: never who submitted it, only whether it is the caller's own. */
export function presentAgent(a: Agent, actorId: string | null) {
  return {
    id: a.id, processId: a.processId, dni: a.dni, fullName: a.fullName, sex: a.sex, ageBand: a.ageBand, zone: a.zone,
    phone: a.phone, email: a.email, organization: a.organization, delegateRole: a.delegateRole, status: a.status, decisionReason: a.decisionReason,
    decidedAt: a.decidedAt, source: a.source, mine: actorId !== null && a.userId === actorId, createdAt: a.createdAt, updatedAt: a.updatedAt,
  };
}

export function presentOrganization(o: Organization, actorId: string | null) {
  return {
    id: o.id, processId: o.processId, name: o.name, type: o.type, registryNumber: o.registryNumber, zone: o.zone,
    contactPhone: o.contactPhone, contactEmail: o.contactEmail, standing: o.standing, status: o.status, decisionReason: o.decisionReason,
    decidedAt: o.decidedAt, source: o.source, mine: actorId !== null && o.source === 'online' && o.submittedBy === actorId,
    createdAt: o.createdAt, updatedAt: o.updatedAt,
  };
}

named('Agent', agentSchema);
named('Organization', organizationSchema);
named('Registry', registrySchema);
named('ImportReport', importReportSchema);
named('ImportProgress', importProgressSchema);
named('ImportJob', importJobSchema);
named('AgentBody', agentBody);
named('ClaimCode', claimCodeSchema);
named('InPersonAgent', inPersonAgentSchema);
named('ClaimAnswer', claimAnswerSchema);
named('OrganizationBody', organizationBody);
