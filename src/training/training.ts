import { AppError } from '../shared/errors.ts';
import { LOCAL_TIME_ZONE } from '../shared/clock.ts';
import { greeting } from '../shared/letters.ts';
import {
  attendanceOpen, checkInOpen, checkSessionTimes, localStamp, localTime, MAX_SESSION_HOURS, sessionDays, sessionStatus, toUtc, type SessionStatus,
} from '../attendance/session-times.ts';
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

/**
 * Training is part of Preparation; sessions and attendance may still be completed in Concertation and Coordination,
 * but not once Formalization starts: the voter roll (trained agents) must not move while the vote may be open.
 */
export const TRAINING_WRITABLE_PHASES: readonly Phase[] = ['preparation', 'concertation', 'coordination'];

export function assertTrainingWritable(phase: Phase): void {
  if (!TRAINING_WRITABLE_PHASES.includes(phase)) throw new AppError('TRAINING_FROZEN', { phase });
}

export { attendanceOpen, checkInOpen, localStamp, localTime, MAX_SESSION_HOURS, sessionDays, sessionStatus, toUtc, type SessionStatus };

/** Text as people would retype it: no accents, case or extra spaces. */
function comparable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Sessions a new one seems to repeat: on the same local day, the same topic, or the same place at overlapping times
 * (a room holds one session at a time). Scheduling one of these anyway takes an explicit confirmation.
 */
export function duplicatesOf(candidate: { topic: string; place: string; startsAt: string; endsAt: string },
  sessions: readonly Pick<TrainingSession, 'id' | 'topic' | 'place' | 'startsAt' | 'endsAt'>[]): Pick<TrainingSession, 'id' | 'topic' | 'place' | 'startsAt' | 'endsAt'>[] {
  const day = sessionDays(candidate).from;
  const topic = comparable(candidate.topic);
  const place = comparable(candidate.place);
  const start = new Date(candidate.startsAt).getTime();
  const end = new Date(candidate.endsAt).getTime();
  return sessions.filter((s) => sessionDays(s).from === day && (
    comparable(s.topic) === topic
    || (comparable(s.place) === place && new Date(s.startsAt).getTime() < end && start < new Date(s.endsAt).getTime())));
}

const longDateEs = new Intl.DateTimeFormat('es-PE', { timeZone: LOCAL_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A session's times against the rules every session shares (attendance/session-times.ts), with training's own code. */
export function checkTimes(startsAt: string, endsAt: string, calendar?: readonly { startsOn: string; endsOn: string }[]): AppError | null {
  return checkSessionTimes(startsAt, endsAt, calendar, 'TRAINING_ENDS_BEFORE_START');
}

/** The invitation queued to each approved agent when a session is scheduled (Spanish: messages to citizens). */
export function invitationMessage(p: {
  agentName: string; agentSex: 'female' | 'male'; municipalityName: string; fiscalYear: number; topic: string; place: string; startsAt: string; endsAt: string;
  facilitatorName: string; zoneName: string | null; minTrainingSessions: number; trainingRequiredToVote: boolean;
}): { subject: string; body: string } {
  const day = longDateEs.format(new Date(p.startsAt));
  const lines = [
    greeting(p.agentName, p.agentSex),
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
