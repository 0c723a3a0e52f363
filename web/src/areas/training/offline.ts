import { api, isApiError, setCsrfToken, type ApiError } from '../../lib/api';
import { offlineStore, type OfflineAction, type OfflineRoll, type RefusalText } from '../../lib/offline/store';
import { trainingApi } from './api';

/**
 * Attendance at a training session without a signal. Before going offline the facilitator takes the session's roll
 * (the approved agents: name, DNI, zone; and who is already present); offline, each check-in by DNI is checked against
 * it and stored on the phone with its own id; back online, the pending check-ins are sent in the order taken. Sending
 * is idempotent (attendance is one row per session and agent: a check-in sent twice, or sent again after a connection
 * broke mid-sync, is recorded once; a second phone's check-in of the same person comes back "already recorded"); what
 * the server refuses stays on the phone with its reason until the facilitator resolves it.
 */
export const rollKey = (sessionId: string) => `training:${sessionId}`;

export async function takeRoll(slug: string, processId: string, sessionId: string): Promise<OfflineRoll> {
  const [attendance, status] = await Promise.all([trainingApi.attendance(slug, processId, sessionId), trainingApi.trainingStatus(slug, processId)]);
  const s = attendance.session;
  const roll: OfflineRoll = {
    key: rollKey(sessionId), slug, processId,
    session: { id: s.id, topic: s.topic, place: s.place, startsAt: s.startsAt, endsAt: s.endsAt },
    agents: status.agents.map((a) => ({ id: a.agentId, dni: a.dni, name: a.fullName, zone: a.zone.name })),
    present: attendance.attendees.map((a) => a.agentId),
    takenAt: new Date().toISOString(),
  };
  await offlineStore.saveRoll(roll);
  return roll;
}

export type CheckInResult =
  | { ok: true; action: OfflineAction }
  | { ok: false; reason: 'unknown_dni' | 'already_here' | 'already_present'; name?: string };

/** A check-in by DNI on the phone: checked against the roll and the phone's own actions, then stored. */
export async function checkInOffline(roll: OfflineRoll, rawDni: string): Promise<CheckInResult> {
  const dni = rawDni.replace(/\D/g, '');
  const agent = roll.agents.find((a) => a.dni === dni);
  if (!agent) return { ok: false, reason: 'unknown_dni' };
  if (roll.present.includes(agent.id)) return { ok: false, reason: 'already_present', name: agent.name };
  if ((await offlineStore.actions(roll.key)).some((a) => a.agentId === agent.id)) return { ok: false, reason: 'already_here', name: agent.name };
  const action = await offlineStore.add({
    id: crypto.randomUUID(), rollKey: roll.key, kind: 'training.checkin', agentId: agent.id, dni: agent.dni, name: agent.name,
    at: new Date().toISOString(), state: 'pending',
  });
  return { ok: true, action };
}

export interface SyncReport {
  sent: number;
  /** Already recorded on the server (another phone, the checklist, or an earlier send whose answer was lost). */
  alreadyRecorded: number;
  refused: number;
  /** The connection failed: what is left stays pending for the next sync. */
  interrupted: boolean;
}

function refusalTexts(error: ApiError): RefusalText {
  const t = error.texts;
  if (typeof t === 'object' && 'es' in t) return t;
  return { es: error.message, en: error.message };
}

/** Sends the pending check-ins in the order taken, one by one; stops at the first failure to reach the server. */
export async function syncRoll(roll: OfflineRoll, onProgress: (done: number, total: number) => void, reasonOf: (action: OfflineAction) => string): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, alreadyRecorded: 0, refused: 0, interrupted: false };
  const pending = (await offlineStore.actions(roll.key)).filter((a) => a.state === 'pending');
  try {
    // After a reload offline the page has no CSRF token: take it from the session again.
    setCsrfToken((await api.session()).csrfToken);
  } catch {
    return { ...report, interrupted: true };
  }
  for (const [i, action] of pending.entries()) {
    try {
      const answer = await trainingApi.recordAttendance(roll.slug, roll.processId, roll.session.id, {
        agentIds: [action.agentId], reason: reasonOf(action),
      });
      if (answer.added.includes(action.agentId)) report.sent += 1;
      else report.alreadyRecorded += 1;
      await offlineStore.remove(action.id);
      roll.present.push(action.agentId);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      if (cause.status === 0) {
        report.interrupted = true;
        break;
      }
      report.refused += 1;
      await offlineStore.update({ ...action, state: 'refused', refusal: { code: cause.code, messages: refusalTexts(cause) } });
    }
    onProgress(i + 1, pending.length);
  }
  await offlineStore.saveRoll(roll);
  return report;
}
