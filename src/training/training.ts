import { AppError } from '../shared/errors.ts';
import { LOCAL_TIME_ZONE, addDays, localDate } from '../shared/clock.ts';
import type { Phase } from '@concerta/contracts';
import type { FileSummary } from '../files/files.queries.ts';

/**
 * Training sessions (capacitación) of a process, and the pure rules about them. Instants are stored as ISO UTC text;
 * the day of a session, and every date shown to people, is read in Peru's time zone.
 */
export interface TrainingSession {
  id: string;
  processId: string;
  topic: string;
  place: string;
  startsAt: string;
  endsAt: string;
  facilitator: { userId: string | null; name: string };
  zone: { id: string; name: string } | null;
  materials: FileSummary[];
  attendanceCount: number;
  createdAt: string;
}

export type SessionStatus = 'upcoming' | 'in_progress' | 'ended';

/**
 * Training is part of Preparation; sessions and attendance may still be completed in Concertation and Coordination,
 * but not once Formalization starts: the voter roll (trained agents) must not move while the vote may be open.
 */
export const TRAINING_WRITABLE_PHASES: readonly Phase[] = ['preparation', 'concertation', 'coordination'];

export function assertTrainingWritable(phase: Phase): void {
  if (!TRAINING_WRITABLE_PHASES.includes(phase)) throw new AppError('TRAINING_FROZEN', { phase });
}

/** An instant as ISO UTC text, the one form stored and compared. */
export function toUtc(instant: string): string {
  return new Date(instant).toISOString();
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: LOCAL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const longDateEs = new Intl.DateTimeFormat('es-PE', { timeZone: LOCAL_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** The local (Peru) wall-clock time of an instant, HH:MM. */
export function localTime(instant: string): string {
  return timeFormat.format(new Date(instant));
}

/** "2027-03-10 18:00", Peru time: how instants are named in error messages. */
export function localStamp(instant: string): string {
  return `${localDate(instant)} ${localTime(instant)}`;
}

/** The longest a session may last: a day of workshops. */
export const MAX_SESSION_HOURS = 24;

/**
 * A session ends after it starts, lasts a day at most, and falls within its process's cycle: from two months before
 * Preparation starts to the end of Execution (a date like 9999-12-31 is a typing error, and would invite every agent).
 */
export function checkTimes(startsAt: string, endsAt: string, calendar?: readonly { startsOn: string; endsOn: string }[]): AppError | null {
  const start = new Date(startsAt).getTime();
  const end = new Date(endsAt).getTime();
  if (end <= start) {
    return new AppError('TRAINING_ENDS_BEFORE_START', { startsAt: localStamp(startsAt), endsAt: localStamp(endsAt) }, 'endsAt');
  }
  if (end - start > MAX_SESSION_HOURS * 3_600_000) return new AppError('VALIDATION', { rule: 'max_hours', max: MAX_SESSION_HOURS }, 'endsAt');
  if (calendar && calendar.length > 0) {
    const from = addDays(calendar.map((c) => c.startsOn).sort()[0]!, -61);
    const to = calendar.map((c) => c.endsOn).sort().at(-1)!;
    if (localDate(startsAt) < from || localDate(startsAt) > to) return new AppError('VALIDATION', { rule: 'date_range', from, to }, 'startsAt');
  }
  return null;
}

/** The local days a session covers (usually one). */
export function sessionDays(s: Pick<TrainingSession, 'startsAt' | 'endsAt'>): { from: string; to: string } {
  return { from: localDate(s.startsAt), to: localDate(s.endsAt) };
}

/** Check-in by DNI is open only on the session's local day(s). */
export function checkInOpen(s: Pick<TrainingSession, 'startsAt' | 'endsAt'>, at: Date | string): boolean {
  const today = localDate(at);
  const { from, to } = sessionDays(s);
  return today >= from && today <= to;
}

/** A facilitator may type attendance in from the session's local day on (paper sheets are often typed in later). */
export function attendanceOpen(s: Pick<TrainingSession, 'startsAt'>, at: Date | string): boolean {
  return localDate(at) >= localDate(s.startsAt);
}

export function sessionStatus(s: Pick<TrainingSession, 'startsAt' | 'endsAt'>, at: Date | string): SessionStatus {
  const t = new Date(at).getTime();
  if (t < new Date(s.startsAt).getTime()) return 'upcoming';
  if (t < new Date(s.endsAt).getTime()) return 'in_progress';
  return 'ended';
}

/** The invitation queued to each approved agent when a session is scheduled (Spanish: messages to citizens). */
export function invitationMessage(p: {
  agentName: string; municipalityName: string; fiscalYear: number; topic: string; place: string; startsAt: string; endsAt: string;
  facilitatorName: string; zoneName: string | null; minTrainingSessions: number; trainingRequiredToVote: boolean;
}): { subject: string; body: string } {
  const day = longDateEs.format(new Date(p.startsAt));
  const lines = [
    `Estimado(a) ${p.agentName}:`,
    '',
    `La ${p.municipalityName} le invita a la sesión de capacitación del Presupuesto Participativo ${p.fiscalYear}:`,
    '',
    `Tema: ${p.topic}`,
    `Fecha: ${day}`,
    `Hora: de ${localTime(p.startsAt)} a ${localTime(p.endsAt)} (hora de Perú)`,
    `Lugar: ${p.place}`,
    `Facilita: ${p.facilitatorName}`,
    ...(p.zoneName ? [`Zona: ${p.zoneName}`] : []),
    '',
    p.trainingRequiredToVote
      ? `Para votar en la formalización debe asistir al menos a ${p.minTrainingSessions === 1 ? 'una sesión' : `${p.minTrainingSessions} sesiones`} de capacitación. Lleve su DNI para registrar su asistencia.`
      : 'Lleve su DNI para registrar su asistencia.',
  ];
  return { subject: `Capacitación del Presupuesto Participativo: ${p.topic}`, body: lines.join('\n') };
}
