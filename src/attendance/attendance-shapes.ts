import { z } from 'zod';
import { named } from '../http/schemas.ts';
import { dniSchema } from '../accounts/identity.ts';
import { multilineText } from '../http/input.ts';

/** Request and answer shapes of attendance, the same for every kind of session (training sessions, workshops). */

const id = z.string().min(1).max(80);
const reason = multilineText(2000, 1);

export const recordAttendanceBody = z.strictObject({ agentIds: z.array(id).min(1).max(500), reason: reason.optional() });
export const removeAttendanceQuery = z.strictObject({ reason: reason.optional(), lang: z.enum(['es', 'en']).optional() });
export const checkInBody = z.strictObject({ dni: dniSchema });
export const removedAttendanceSchema = z.object({ removed: z.boolean(), attendanceCount: z.number() });

export const attendanceChangeSchema = z.object({ added: z.array(z.string()), alreadyRecorded: z.array(z.string()), attendanceCount: z.number() });

export const checkInAnswerSchema = z.object({
  agent: z.object({ id: z.string(), fullName: z.string() }),
  recorded: z.boolean().describe('false when this person was already recorded'),
  attendanceCount: z.number(),
});

export const zoneRefSchema = z.object({ id: z.string(), name: z.string() });

/** One person recorded as present (staff only: it carries the DNI). */
export const attendeeSchema = z.object({
  agentId: z.string(), fullName: z.string(), dni: z.string(), zone: zoneRefSchema, organizationName: z.string().nullable(),
  method: z.enum(['facilitator', 'dni_check_in']), recordedAt: z.string(), recordedByName: z.string(),
});

named('AttendanceChange', attendanceChangeSchema);
named('CheckInAnswer', checkInAnswerSchema);
named('Attendee', attendeeSchema);
