import type { Phase } from '@concerta/contracts';
import { AppError } from '../shared/errors.ts';
import { checkSessionTimes } from '../attendance/session-times.ts';

/**
 * Workshops (talleres) of the Concertation phase, and the pure rules about them. A workshop is held for a zone, for a
 * thematic axis of the plan, or both; its minutes are signed versions (a correction is a new version with its reason,
 * every version kept); the votes each proposal got in the room are one count per workshop and proposal.
 */
export interface Ref { id: string; name: string }

export interface Workshop {
  id: string;
  processId: string;
  title: string;
  agenda: string;
  place: string;
  startsAt: string;
  endsAt: string;
  zone: Ref | null;
  axis: Ref | null;
  attendanceCount: number;
  /** The number of the minutes' current (latest) version; null while unsigned. */
  minutesVersion: number | null;
  createdAt: string;
}

export interface MinutesVersion {
  version: number;
  summary: string;
  agreements: string[];
  /** Named attendees who signed (names only: the public reads them). */
  signers: { agentId: string; fullName: string }[];
  signedAt: string;
  signedByName: string;
  reason: string | null;
}

export interface WorkshopVote {
  proposalId: string;
  number: number;
  title: string;
  votes: number;
  recordedAt: string;
  reason: string | null;
}

/** Workshops, their attendance, minutes and votes change during Concertation only. */
export const WORKSHOP_PHASE: Phase = 'concertation';

export function assertWorkshopsOpen(phase: Phase): void {
  if (phase !== WORKSHOP_PHASE) throw new AppError('WORKSHOPS_NOT_OPEN', { phase });
}

/** A workshop's times: the rules every session shares, with the workshops' own code. */
export function checkWorkshopTimes(startsAt: string, endsAt: string, calendar?: readonly { startsOn: string; endsOn: string }[]): AppError | null {
  return checkSessionTimes(startsAt, endsAt, calendar, 'WORKSHOP_ENDS_BEFORE_START');
}

/** A workshop is for a zone, an axis, or both: never neither. */
export function checkScope(zoneId: string | null, axisId: string | null): AppError | null {
  return zoneId === null && axisId === null ? new AppError('WORKSHOP_NEEDS_ZONE_OR_AXIS', {}, 'zoneId') : null;
}

/** Whether a workshop's time has passed by `at`: then its minutes are due. */
export function held(w: Pick<Workshop, 'endsAt'>, at: Date | string): boolean {
  return new Date(w.endsAt).getTime() <= new Date(at).getTime();
}
