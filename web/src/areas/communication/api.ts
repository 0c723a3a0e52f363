import { apiRequest } from '../../lib/api';
import { municipalityPath as m, processPath as p, query } from '../../lib/paths';
import type { Announcement, AnnouncementInput, Notification } from '../../lib/api-types';

/** Announcements of a process, and the notification outbox of the municipality. */
export const communicationApi = {
  announcements: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<{ announcements: Announcement[] }>(`${p(slug, processId)}/announcements`, { signal }),
  createAnnouncement: (slug: string, processId: string, body: AnnouncementInput) =>
    apiRequest<Announcement>(`${p(slug, processId)}/announcements`, { method: 'POST', body }),
  updateAnnouncement: (slug: string, processId: string, id: string, body: AnnouncementInput) =>
    apiRequest<Announcement>(`${p(slug, processId)}/announcements/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  notifications: (slug: string, filters: { topic?: string; limit?: number }, signal?: AbortSignal) =>
    apiRequest<{ notifications: Notification[] }>(`${m(slug)}/notifications${query(filters)}`, { signal }),
};
