import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { multilineText, text } from '../http/input.ts';
import { attendeeSchema } from '../attendance/attendance-shapes.ts';

/** Request and answer shapes of the workshops routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
/** An ISO-8601 instant with its offset: `2027-04-10T18:00:00-05:00` or `2027-04-10T23:00:00Z`. */
const instant = z.iso.datetime({ offset: true });
const reason = multilineText(2000, 1);

export const processParams = z.strictObject({ slug, processId: id });
export const workshopParams = z.strictObject({ slug, processId: id, workshopId: id });
export const attendeeParams = z.strictObject({ slug, processId: id, workshopId: id, agentId: id });

export const createWorkshopBody = z.strictObject({
  title: text(200, 3),
  agenda: multilineText(4000, 3),
  place: text(200, 2),
  startsAt: instant,
  endsAt: instant,
  /** A zone of the municipality, a thematic axis of its plan, or both. */
  zoneId: id.nullable().optional(),
  axisId: id.nullable().optional(),
  reason: reason.optional(),
});

export const updateWorkshopBody = z.strictObject({
  title: text(200, 3).optional(),
  agenda: multilineText(4000, 3).optional(),
  place: text(200, 2).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  zoneId: id.nullable().optional(),
  axisId: id.nullable().optional(),
  reason: reason.optional(),
});

export const minutesBody = z.strictObject({
  summary: multilineText(8000, 10),
  agreements: z.array(multilineText(1000, 3)).max(50),
  signerAgentIds: z.array(id).min(1).max(200),
  /** Required for a correction: every version after the first. */
  reason: reason.optional(),
});

export const votesBody = z.strictObject({
  votes: z.array(z.strictObject({ proposalId: id, votes: z.number().int().min(0).max(100_000) })).min(1).max(500),
  /** Required when a count already recorded changes. */
  reason: reason.optional(),
});

const ref = z.object({ id: z.string(), name: z.string() });

export const workshopSchema = z.object({
  id: z.string(),
  processId: z.string(),
  title: z.string(),
  agenda: z.string(),
  place: z.string(),
  startsAt: z.string().describe('ISO instant, UTC'),
  endsAt: z.string().describe('ISO instant, UTC'),
  localDate: z.string().describe('The workshop day in Peru (YYYY-MM-DD)'),
  localStartTime: z.string().describe('HH:MM, Peru time'),
  localEndTime: z.string().describe('HH:MM, Peru time'),
  status: z.enum(['upcoming', 'in_progress', 'ended']),
  checkInOpen: z.boolean().describe('Whether check-in by DNI is open now (the workshop day, Peru time)'),
  zone: ref.nullable(),
  axis: ref.nullable(),
  attendanceCount: z.number(),
  minutesVersion: z.number().nullable().describe('The current version of the signed minutes; null while unsigned'),
});

const processSummary = z.object({ id: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) });

export const workshopListSchema = z.object({
  process: processSummary,
  open: z.boolean().describe('Whether workshops may be scheduled and recorded now (Concertation)'),
  workshops: z.array(workshopSchema),
});

export const minutesVersionSchema = z.object({
  version: z.number(),
  summary: z.string(),
  agreements: z.array(z.string()),
  signers: z.array(z.object({ agentId: z.string(), fullName: z.string() })).describe('Names only: never a DNI'),
  signedAt: z.string(),
  signedByName: z.string(),
  reason: z.string().nullable(),
});

export const workshopVoteSchema = z.object({
  proposalId: z.string(), number: z.number(), title: z.string(), votes: z.number(), recordedAt: z.string(), reason: z.string().nullable(),
});

export const workshopDetailSchema = z.object({
  process: processSummary,
  open: z.boolean(),
  workshop: workshopSchema,
  minutes: z.array(minutesVersionSchema).describe('Every signed version, newest first'),
  votes: z.array(workshopVoteSchema).describe('The votes each proposal got in the room, by proposal number'),
});

export const workshopAttendanceSchema = z.object({ workshop: workshopSchema, attendees: z.array(attendeeSchema) });

export const attendanceSheetSchema = z.object({
  municipalityName: z.string(),
  process: processSummary,
  workshop: workshopSchema,
  agents: z.array(z.object({ agentId: z.string(), fullName: z.string(), dni: z.string(), zone: ref, organizationName: z.string().nullable() })),
});

named('Workshop', workshopSchema);
named('WorkshopList', workshopListSchema);
named('WorkshopMinutes', minutesVersionSchema);
named('WorkshopVote', workshopVoteSchema);
named('WorkshopDetail', workshopDetailSchema);
named('WorkshopAttendance', workshopAttendanceSchema);
named('AttendanceSheet', attendanceSheetSchema);
named('CreateWorkshopBody', createWorkshopBody);
named('UpdateWorkshopBody', updateWorkshopBody);
named('MinutesBody', minutesBody);
named('VotesBody', votesBody);
