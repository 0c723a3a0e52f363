import { lazyPage, type WebArea } from '../../lib/area';

/** Announcements of a process (staff writes them; the overview shows the published ones) and the notification outbox. */
export const communicationArea: WebArea = {
  name: 'communication',
  staffRoutes: [{ path: 'notifications', lazy: lazyPage(() => import('./OutboxPage'), (m) => m.OutboxPage) }],
  staffProcessRoutes: [{ path: 'announcements', lazy: lazyPage(() => import('./AnnouncementsAdminPage'), (m) => m.AnnouncementsAdminPage) }],
  staffMenu: {
    municipality: [{ path: 'notifications', label: 'staff.pages.notifications', action: 'notification.read', order: 40 }],
    process: [{ path: 'announcements', label: 'staff.pages.announcements', action: 'announcement.manage', order: 30 }],
  },
};
