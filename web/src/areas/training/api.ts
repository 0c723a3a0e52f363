import { apiRequest } from '../../lib/api';
import { downloadUrl, processPath as p, query } from '../../lib/paths';
import type { SessionPlan } from '@concerta/contracts';
import type { Attendee, MyTraining, SessionInput, SessionSheet, TrainingList, TrainingSession, TrainingStatus } from '../../lib/api-types';

const session = (slug: string, processId: string, sessionId: string) => `${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}`;

/** Training sessions, their materials and attendance, and who is trained. */
export const trainingApi = {
  trainings: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<TrainingList>(`${p(slug, processId)}/trainings`, { signal }),
  previewTraining: (slug: string, processId: string, body: SessionInput) =>
    apiRequest<SessionPlan>(`${p(slug, processId)}/trainings/preview`, { method: 'POST', body }),
  createTraining: (slug: string, processId: string, body: SessionInput & { reason?: string }) =>
    apiRequest<{ session: TrainingSession; notificationsQueued: number }>(`${p(slug, processId)}/trainings`, { method: 'POST', body }),
  attachMaterial: (slug: string, processId: string, sessionId: string, fileId: string) =>
    apiRequest<TrainingSession>(`${session(slug, processId, sessionId)}/materials`, { method: 'POST', body: { fileId } }),
  detachMaterial: (slug: string, processId: string, sessionId: string, fileId: string) =>
    apiRequest<TrainingSession>(`${session(slug, processId, sessionId)}/materials/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
  sheet: (slug: string, processId: string, sessionId: string, signal?: AbortSignal) => apiRequest<SessionSheet>(`${session(slug, processId, sessionId)}/sheet`, { signal }),
  sheetPdfUrl: (slug: string, processId: string, sessionId: string, lang: string) => downloadUrl(`${session(slug, processId, sessionId)}/sheet.pdf`, lang),
  attendanceUrl: (slug: string, processId: string, sessionId: string, format: 'csv' | 'pdf', lang: string) =>
    downloadUrl(`${session(slug, processId, sessionId)}/attendance.${format}`, lang),
  attendance: (slug: string, processId: string, sessionId: string, signal?: AbortSignal) =>
    apiRequest<{ session: TrainingSession; attendees: Attendee[] }>(`${session(slug, processId, sessionId)}/attendance`, { signal }),
  recordAttendance: (slug: string, processId: string, sessionId: string, body: { agentIds: string[]; reason?: string }) =>
    apiRequest<{ added: string[]; alreadyRecorded: string[]; attendanceCount: number }>(`${session(slug, processId, sessionId)}/attendance`, {
      method: 'POST',
      body,
    }),
  removeAttendance: (slug: string, processId: string, sessionId: string, agentId: string, reason?: string) =>
    apiRequest<{ removed: boolean; attendanceCount: number }>(
      `${session(slug, processId, sessionId)}/attendance/${encodeURIComponent(agentId)}${query({ reason })}`,
      { method: 'DELETE' },
    ),
  checkIn: (slug: string, processId: string, sessionId: string, dni: string) =>
    apiRequest<{ agent: { id: string; fullName: string }; recorded: boolean; attendanceCount: number }>(`${session(slug, processId, sessionId)}/check-in`, {
      method: 'POST',
      body: { dni },
    }),
  trainingStatus: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<TrainingStatus>(`${p(slug, processId)}/training-status`, { signal }),
  /** The signed-in person's own training in the process. */
  myTraining: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<MyTraining>(`${p(slug, processId)}/training-status/mine`, { signal }),
};
