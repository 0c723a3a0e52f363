import { apiRequest } from '../../lib/api';
import { downloadUrl, processPath as p, query } from '../../lib/paths';
import type {
  AttendanceSheet, CheckInAnswer, CreateWorkshopBody, MinutesBody, UpdateWorkshopBody, VotesBody, Workshop, WorkshopAttendance, WorkshopDetail,
  WorkshopList, WorkshopMinutes, WorkshopVote,
} from '../../lib/api-types';

const workshops = (slug: string, processId: string) => `${p(slug, processId)}/workshops`;
const workshop = (slug: string, processId: string, id: string) => `${workshops(slug, processId)}/${encodeURIComponent(id)}`;

/** Workshops of Concertation: the public list and page; for staff, scheduling, attendance, minutes, votes and the sheet. */
export const workshopsApi = {
  list: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<WorkshopList>(workshops(slug, processId), { signal }),
  get: (slug: string, processId: string, id: string, signal?: AbortSignal) => apiRequest<WorkshopDetail>(workshop(slug, processId, id), { signal }),
  create: (slug: string, processId: string, body: CreateWorkshopBody) => apiRequest<Workshop>(workshops(slug, processId), { method: 'POST', body }),
  update: (slug: string, processId: string, id: string, body: UpdateWorkshopBody) => apiRequest<Workshop>(workshop(slug, processId, id), { method: 'PATCH', body }),
  attendance: (slug: string, processId: string, id: string, signal?: AbortSignal) =>
    apiRequest<WorkshopAttendance>(`${workshop(slug, processId, id)}/attendance`, { signal }),
  recordAttendance: (slug: string, processId: string, id: string, agentIds: string[]) =>
    apiRequest<{ added: string[]; alreadyRecorded: string[]; attendanceCount: number }>(`${workshop(slug, processId, id)}/attendance`, { method: 'POST', body: { agentIds } }),
  removeAttendance: (slug: string, processId: string, id: string, agentId: string, reason?: string) =>
    apiRequest<{ removed: boolean; attendanceCount: number }>(`${workshop(slug, processId, id)}/attendance/${encodeURIComponent(agentId)}${query({ reason })}`, { method: 'DELETE' }),
  checkIn: (slug: string, processId: string, id: string, dni: string) =>
    apiRequest<CheckInAnswer>(`${workshop(slug, processId, id)}/check-in`, { method: 'POST', body: { dni } }),
  signMinutes: (slug: string, processId: string, id: string, body: MinutesBody) =>
    apiRequest<{ minutes: WorkshopMinutes[] }>(`${workshop(slug, processId, id)}/minutes`, { method: 'POST', body }),
  recordVotes: (slug: string, processId: string, id: string, body: VotesBody) =>
    apiRequest<{ votes: WorkshopVote[] }>(`${workshop(slug, processId, id)}/votes`, { method: 'PUT', body }),
  sheet: (slug: string, processId: string, id: string, signal?: AbortSignal) => apiRequest<AttendanceSheet>(`${workshop(slug, processId, id)}/sheet`, { signal }),
  sheetPdfUrl: (slug: string, processId: string, id: string, lang: string) => downloadUrl(`${workshop(slug, processId, id)}/sheet.pdf`, lang),
  attendanceUrl: (slug: string, processId: string, id: string, format: 'csv' | 'pdf', lang: string) => downloadUrl(`${workshop(slug, processId, id)}/attendance.${format}`, lang),
};
