import type { Executor } from '../db/database.ts';
import { newId, now } from '../shared/clock.ts';
import type { OutboxItem } from '@concerta/contracts';

export type { OutboxItem };

/**
 * The notification outbox. A message is written in the same transaction as the decision it reports, so it is
 * never lost and never sent for a change that rolled back; a dispatcher delivers it later through an adapter.
 */
export interface Contact {
  email?: string | null;
  phone?: string | null;
}

export interface Message {
  subject: string;
  body: string;
  /** What the message is about, for filtering: `registration.decision`, `training.scheduled`, ... */
  topic: string;
  relatedType?: string;
  relatedId?: string;
}

/** Queues a message to a person's contact: email when they gave one, else SMS; nothing when they gave neither. */
export async function enqueueToContact(db: Executor, municipalityId: string, contact: Contact, message: Message): Promise<string | null> {
  const channel = contact.email ? 'email' : contact.phone ? 'sms' : null;
  if (!channel) return null;
  const id = newId();
  await db.insertInto('notifications').values({
    municipality_id: municipalityId, id, channel, recipient: (channel === 'email' ? contact.email : contact.phone)!,
    subject: message.subject, body: message.body, topic: message.topic,
    related_type: message.relatedType ?? null, related_id: message.relatedId ?? null,
    status: 'pending', attempts: 0, last_error: null, created_at: now(), sent_at: null, sent_via: null,
  }).execute();
  return id;
}


export async function listOutbox(db: Executor, municipalityId: string, opts: { topic?: string; relatedId?: string; limit?: number } = {}): Promise<OutboxItem[]> {
  let q = db.selectFrom('notifications').selectAll().where('municipality_id', '=', municipalityId);
  if (opts.topic) q = q.where('topic', '=', opts.topic);
  if (opts.relatedId) q = q.where('related_id', '=', opts.relatedId);
  const rows = await q.orderBy('created_at', 'desc').limit(opts.limit ?? 200).execute();
  return rows.map((r) => ({
    id: r.id, channel: r.channel, recipient: r.recipient, subject: r.subject, body: r.body, topic: r.topic,
    relatedType: r.related_type, relatedId: r.related_id, status: r.status, attempts: Number(r.attempts),
    lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at, sentVia: r.sent_via,
  }));
}
