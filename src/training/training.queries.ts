import type { Executor } from '../db/database.ts';
import type { ProcessRules } from '@concerta/contracts';
import { findProcess } from '../processes/process.queries.ts';
import { agentProfiles, approvedAgentIds } from '../registration/registration.queries.ts';

/**
 * Who is trained, for the modules that depend on it (voting, participation figures).
 *
 * An agent is trained when they attended at least `rules.minTrainingSessions` sessions of the process. Attendance is
 * only ever recorded for approved agents of the process; the queries also require approval, so a rule change can
 * never count anyone else.
 */

async function processRules(db: Executor, municipalityId: string, processId: string): Promise<ProcessRules | null> {
  return (await findProcess(db, municipalityId, processId))?.rules ?? null;
}

/** The ids of approved agents of the process who attended at least `minSessions` of its sessions (a subquery). */
export function trainedAgentsQuery(db: Executor, municipalityId: string, processId: string, minSessions: number) {
  return db.selectFrom('training_attendance as ta')
    .innerJoin('training_sessions as s', (j) => j.onRef('s.municipality_id', '=', 'ta.municipality_id').onRef('s.id', '=', 'ta.session_id'))
    .select('ta.agent_id')
    .where('ta.municipality_id', '=', municipalityId).where('s.process_id', '=', processId)
    .where('ta.agent_id', 'in', approvedAgentIds(db, municipalityId, processId))
    .groupBy('ta.agent_id')
    .having((eb) => eb.fn.countAll(), '>=', minSessions);
}

export async function trainedAgentIds(db: Executor, municipalityId: string, processId: string): Promise<Set<string>> {
  const rules = await processRules(db, municipalityId, processId);
  if (!rules) return new Set();
  const rows = await trainedAgentsQuery(db, municipalityId, processId, rules.minTrainingSessions).execute();
  return new Set(rows.map((r) => r.agent_id));
}

export async function isTrained(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<boolean> {
  const rules = await processRules(db, municipalityId, processId);
  if (!rules) return false;
  const row = await trainedAgentsQuery(db, municipalityId, processId, rules.minTrainingSessions).where('ta.agent_id', '=', agentId).executeTakeFirst();
  return row !== undefined;
}

/** Sessions of the process that had ended by `asOf` (an ISO instant) and have at least one attendee. */
export async function countSessionsHeld(db: Executor, municipalityId: string, processId: string, asOf: string): Promise<number> {
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime())) throw new TypeError(`countSessionsHeld: not an instant: ${asOf}`);
  const r = await db.selectFrom('training_sessions as s').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.municipality_id', '=', municipalityId).where('s.process_id', '=', processId).where('s.ends_at', '<=', at.toISOString())
    .where((eb) => eb.exists(eb.selectFrom('training_attendance as ta').select('ta.agent_id')
      .whereRef('ta.municipality_id', '=', 's.municipality_id').whereRef('ta.session_id', '=', 's.id')))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface EligibleVoter {
  agentId: string;
  dni: string;
  fullName: string;
  sex: 'female' | 'male';
  zoneId: string;
  organizationId: string | null;
  /** The account linked to the registration, when the agent has one (online voting); null for paper-only agents. */
  userId: string | null;
  trained: boolean;
}

/**
 * Who may vote in the process: its approved agents, and only the trained ones when the process requires training
 * (`rules.trainingRequiredToVote`). Ordered by name.
 */
export async function eligibleVoters(db: Executor, municipalityId: string, processId: string): Promise<EligibleVoter[]> {
  const rules = await processRules(db, municipalityId, processId);
  if (!rules) return [];
  const trained = new Set((await trainedAgentsQuery(db, municipalityId, processId, rules.minTrainingSessions).execute()).map((r) => r.agent_id));
  const agents = await agentProfiles(db, municipalityId, { processId, approvedOnly: true });
  return agents
    .map((a) => ({
      agentId: a.id, dni: a.dni, fullName: a.fullName, sex: a.sex, zoneId: a.zoneId, organizationId: a.organizationId,
      userId: a.userId, trained: trained.has(a.id),
    }))
    .filter((v) => !rules.trainingRequiredToVote || v.trained);
}

/** The sessions of the process an agent attended, by start time (read only: their own training record). */
export async function sessionsAttendedBy(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<{ id: string; topic: string; place: string; startsAt: string; endsAt: string }[]> {
  const rows = await db.selectFrom('training_attendance as ta')
    .innerJoin('training_sessions as s', (j) => j.onRef('s.municipality_id', '=', 'ta.municipality_id').onRef('s.id', '=', 'ta.session_id'))
    .select(['s.id', 's.topic', 's.place', 's.starts_at', 's.ends_at'])
    .where('ta.municipality_id', '=', municipalityId).where('s.process_id', '=', processId).where('ta.agent_id', '=', agentId)
    .orderBy('s.starts_at').orderBy('s.id').execute();
  return rows.map((r) => ({ id: r.id, topic: r.topic, place: r.place, startsAt: r.starts_at, endsAt: r.ends_at }));
}

/** Sessions of the process scheduled and already ended by `asOf`, and how many attendances they recorded. */
export async function trainingFigures(db: Executor, municipalityId: string, processId: string, asOf: string): Promise<{ scheduled: number; upcoming: number; ended: number; attendances: number; agentsAttending: number }> {
  const at = new Date(asOf).toISOString();
  const sessions = await db.selectFrom('training_sessions').select(['starts_at', 'ends_at'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  const attendance = await db.selectFrom('training_attendance as ta')
    .innerJoin('training_sessions as s', (j) => j.onRef('s.municipality_id', '=', 'ta.municipality_id').onRef('s.id', '=', 'ta.session_id'))
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('ta.agent_id').distinct().as('agents')])
    .where('ta.municipality_id', '=', municipalityId).where('s.process_id', '=', processId).executeTakeFirstOrThrow();
  return {
    scheduled: sessions.length,
    upcoming: sessions.filter((s) => s.starts_at > at).length,
    ended: sessions.filter((s) => s.ends_at <= at).length,
    attendances: Number(attendance.n),
    agentsAttending: Number(attendance.agents),
  };
}

/** Whether the file is a material of a training session: session materials are public, like the sessions. */
export async function isTrainingMaterial(db: Executor, municipalityId: string, fileId: string): Promise<boolean> {
  const row = await db.selectFrom('training_materials').select('file_id')
    .where('municipality_id', '=', municipalityId).where('file_id', '=', fileId).limit(1).executeTakeFirst();
  return row !== undefined;
}
