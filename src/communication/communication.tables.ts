/** Row types of the tables the communication area owns, as Kysely sees them. Rows never leave the repositories unmapped. */

export interface AnnouncementsTable {
  municipality_id: string;
  id: string;
  process_id: string;
  title: string;
  body: string;
  starts_on: string;
  ends_on: string;
  published_at: string | null;
  created_at: string;
  created_by: string;
}

export interface AnnouncementAttachmentsTable {
  municipality_id: string;
  announcement_id: string;
  file_id: string;
}

export interface NotificationsTable {
  municipality_id: string;
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  topic: string;
  related_type: string | null;
  related_id: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  sent_via: string | null;
}

declare module '../db/schema.ts' {
  interface Database {
    announcements: AnnouncementsTable;
    announcement_attachments: AnnouncementAttachmentsTable;
    notifications: NotificationsTable;
  }
}
