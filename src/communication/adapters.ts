import type { Logger } from 'pino';
import type { OutboxItem } from './outbox.ts';

/** A way to deliver a message. Real gateways (SMTP, an SMS provider) implement the same interface. */
export interface DeliveryAdapter {
  readonly name: string;
  deliver(item: OutboxItem): Promise<void>;
}

/** The default: writes each message to the log; the outbox table keeps it, marked sent via `log`. */
export class LogAdapter implements DeliveryAdapter {
  readonly name = 'log';
  constructor(private readonly log: Pick<Logger, 'info'>) {}
  async deliver(item: OutboxItem): Promise<void> {
    this.log.info({ notification: item.id, channel: item.channel, to: item.recipient, subject: item.subject }, 'notification delivered to log');
  }
}
