/** An announcement of the call, with its attachments. */
export interface Announcement {
  id: string;
  processId: string;
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  publishedAt: string | null;
  createdAt: string;
  attachments: { id: string; filename: string; contentType: string; sizeBytes: number }[];
}

/** A message of the notification outbox, as the server keeps it. */
export interface OutboxItem {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  topic: string;
  relatedType: string | null;
  relatedId: string | null;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  sentVia: string | null;
}
