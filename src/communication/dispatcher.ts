import type { Db } from '../db/database.ts';
import { now } from '../shared/clock.ts';
import type { DeliveryAdapter } from './adapters.ts';
import type { OutboxItem } from './outbox.ts';

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending messages, oldest first. A failure is recorded and retried on the next run, up to
 * MAX_ATTEMPTS, then marked failed for a person to look at. Returns how many were sent and failed.
 */
export async function dispatchPending(db: Db, adapter: DeliveryAdapter, batch = 100): Promise<{ sent: number; failed: number }> {
  const rows = await db.selectFrom('notifications').selectAll().where('status', '=', 'pending').orderBy('created_at').limit(batch).execute();
  let sent = 0;
  let failed = 0;
  for (const r of rows) {
    const item: OutboxItem = {
      id: r.id, channel: r.channel, recipient: r.recipient, subject: r.subject, body: r.body, topic: r.topic,
      relatedType: r.related_type, relatedId: r.related_id, status: r.status, attempts: Number(r.attempts),
      lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at, sentVia: r.sent_via,
    };
    try {
      await adapter.deliver(item);
      await db.updateTable('notifications').set({ status: 'sent', sent_at: now(), sent_via: adapter.name, attempts: item.attempts + 1, last_error: null })
        .where('municipality_id', '=', r.municipality_id).where('id', '=', r.id).execute();
      sent += 1;
    } catch (err) {
      const attempts = item.attempts + 1;
      await db.updateTable('notifications').set({
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', attempts, last_error: err instanceof Error ? err.message : String(err),
      }).where('municipality_id', '=', r.municipality_id).where('id', '=', r.id).execute();
      failed += 1;
    }
  }
  return { sent, failed };
}
