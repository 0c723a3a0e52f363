import { z } from 'zod';
import { named } from '../http/schemas.ts';
import { PHASES } from '@concerta/contracts';
import { text, multilineText } from '../http/input.ts';
import { attendeeSchema, zoneRefSchema } from '../attendance/attendance-shapes.ts';

/** Request and answer shapes of the training routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);
/** An ISO-8601 instant with its offset: `2027-03-10T18:00:00-05:00` or `2027-03-10T23:00:00Z`. */
const instant = z.iso.datetime({ offset: true });

export const processParams = z.strictObject({ slug, processId: id });
export const sessionParams = z.strictObject({ slug, processId: id, sessionId: id });
export const materialParams = z.strictObject({ slug, processId: id, sessionId: id, fileId: id });
export const attendeeParams = z.strictObject({ slug, processId: id, sessionId: id, agentId: id });

const reason = multilineText(2000, 1);

export const createSessionBody = z.strictObject({
  topic: text(200, 3),
  place: text(200, 2),
  startsAt: instant,
  endsAt: instant,
  /** A user of the municipality with the facilitator or administrator role... */
  facilitatorUserId: id.optional(),
  /** ...or the free-text name of an NGO volunteer (give exactly one of the two). */
  facilitatorName: text(120, 2).optional(),
  zoneId: id.nullable().optional(),
  materialFileIds: z.array(id).max(20).optional(),
  reason: reason.optional(),
  /** Schedule it even though it seems to repeat a session of the same day (the form's warning was seen). */
  allowDuplicate: z.boolean().optional(),
});

export const updateSessionBody = z.strictObject({
  topic: text(200, 3).optional(),
  place: text(200, 2).optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  facilitatorUserId: id.optional(),
  facilitatorName: text(120, 2).optional(),
  zoneId: id.nullable().optional(),
  reason: reason.optional(),
});

export const attachMaterialBody = z.strictObject({ fileId: id });

const materialSchema = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), url: z.string() });

export const sessionSchema = z.object({
  id: z.string(),
  processId: z.string(),
  topic: z.string(),
  place: z.string(),
  startsAt: z.string().describe('ISO instant, UTC'),
  endsAt: z.string().describe('ISO instant, UTC'),
  localDate: z.string().describe('The session day in Peru (YYYY-MM-DD)'),
  localStartTime: z.string().describe('HH:MM, Peru time'),
  localEndTime: z.string().describe('HH:MM, Peru time'),
  status: z.enum(['upcoming', 'in_progress', 'ended']),
  checkInOpen: z.boolean().describe('Whether check-in by DNI is open now (the session day, Peru time)'),
  facilitator: z.object({ userId: z.string().nullable(), name: z.string() }),
  zone: z.object({ id: z.string(), name: z.string() }).nullable(),
  materials: z.array(materialSchema),
  attendanceCount: z.number(),
});

export const sessionListSchema = z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) }),
  rules: z.object({ trainingRequiredToVote: z.boolean(), minTrainingSessions: z.number() }),
  sessions: z.array(sessionSchema),
});

export const sessionPlanSchema = z.object({
  invitations: z.number().describe('Invitations scheduling it would queue'),
  alreadyOver: z.boolean().describe('The session is over: recorded as held, nobody invited'),
  duplicates: z.array(z.object({ id: z.string(), topic: z.string(), place: z.string(), startsAt: z.string(), endsAt: z.string() })),
});
export const createdSessionSchema = z.object({ session: sessionSchema, notificationsQueued: z.number() });

const zoneRef = zoneRefSchema;

export const attendanceListSchema = z.object({
  session: sessionSchema,
  attendees: z.array(attendeeSchema.extend({ trained: z.boolean() })),
});

export const trainingStatusSchema = z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) }),
  rules: z.object({ trainingRequiredToVote: z.boolean(), minTrainingSessions: z.number() }),
  totals: z.object({ approved: z.number(), trained: z.number() }),
  agents: z.array(z.object({
    agentId: z.string(), fullName: z.string(), dni: z.string(), sex: z.enum(['female', 'male']), zone: zoneRef,
    organizationName: z.string().nullable(), sessionsAttended: z.number(), trained: z.boolean(),
  })),
});

export const myTrainingSchema = z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) }),
  rules: z.object({ trainingRequiredToVote: z.boolean(), minTrainingSessions: z.number() }),
  registration: z.object({ id: z.string(), status: z.enum(['pending', 'approved', 'rejected']) }).nullable()
    .describe('Your registration in the process (online, or linked with its code); null when you have none'),
  attended: z.array(z.object({ id: z.string(), topic: z.string(), place: z.string(), startsAt: z.string(), localDate: z.string(), localStartTime: z.string() })),
  trained: z.boolean().describe('Whether you attended the sessions the process requires (rules.minTrainingSessions)'),
  nextSession: sessionSchema.nullable().describe('The next session you may attend: the whole process\'s, or your zone\'s'),
});

/** The printable attendance sheet of a session: its heading and every approved agent expected. */
export const sessionSheetSchema = z.object({
  municipalityName: z.string(),
  process: z.object({ id: z.string(), fiscalYear: z.number(), name: z.string() }),
  session: sessionSchema,
  agents: z.array(z.object({ agentId: z.string(), fullName: z.string(), dni: z.string(), zone: z.object({ id: z.string(), name: z.string() }), organizationName: z.string().nullable() })),
});
export const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });

named('TrainingSession', sessionSchema);
named('SessionSheet', sessionSheetSchema);
named('MyTraining', myTrainingSchema);
named('TrainingList', sessionListSchema);
named('CreatedSession', createdSessionSchema);
named('SessionPlan', sessionPlanSchema);
named('AttendanceList', attendanceListSchema);
named('TrainingStatus', trainingStatusSchema);
named('CreateSessionBody', createSessionBody);
named('UpdateSessionBody', updateSessionBody);
