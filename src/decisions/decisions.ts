import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { DatabaseHandle, Executor, Trx } from '../db/database.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';

/**
 * The decision kernel: what every "the municipality decides on these" repeats (registrations now; proposal evaluation
 * and the approval chain next). One or many items, all or nothing in one transaction: the window is checked under the
 * process lock, every item must exist and still be open, the batch is checked as a whole, each item gets its new
 * status, its audit entry (who, when, why) and its notification. A kind describes only what differs.
 */
export interface DecisionInput<D extends string> {
  decision: D;
  reason?: string | null | undefined;
}

export interface Decided<D extends string> {
  decision: D;
  status: string;
  reason: string | null;
  at: string;
  by: string;
}

export interface DecisionKind<T extends { id: string }, D extends string> {
  /** The audit entity type, also the name in a NOT_FOUND message. */
  entity: string;
  /** The request field that carries the ids, named in errors. */
  field: string;
  /** The audit action of a decision (`registration.approve` ...). */
  action(decision: D): string;
  /** The status each decision gives, and whether it needs a reason. */
  outcomes: Record<D, { status: string; reasonRequired: boolean }>;
  /** Runs first inside the transaction: locks and checks that decisions are taken now (phase, window). */
  open(trx: Trx): Promise<void>;
  find(db: Executor, ids: readonly string[]): Promise<T[]>;
  /** Null when the item can still be decided, else the error to refuse the whole batch with. */
  closed(item: T): AppError | null;
  /** Checks the batch as a whole (a quota, a budget) before anything is written. */
  admit?(trx: Trx, items: readonly T[], decision: D): Promise<void>;
  /** Writes the decision; false when another request decided the item first: the batch then fails with `raced`. */
  apply(trx: Trx, item: T, decided: Decided<D>): Promise<boolean>;
  raced(item: T): AppError;
  /** What follows a decision (a role granted ...); returns extra audit data. */
  follow?(trx: Trx, item: T, decided: Decided<D>): Promise<Record<string, unknown>>;
  /** Tells the person concerned, through the outbox. */
  notify?(trx: Trx, item: T, decided: Decided<D>): Promise<void>;
  /** Audit data of every decision of this kind. */
  auditData?(item: T): Record<string, unknown>;
}

export async function decide<T extends { id: string }, D extends string>(
  handle: DatabaseHandle, actor: Actor, municipalityId: string, kind: DecisionKind<T, D>, itemIds: readonly string[], input: DecisionInput<D>,
): Promise<T[]> {
  const ids = [...new Set(itemIds)];
  const outcome = kind.outcomes[input.decision];
  const reason = (input.reason ?? '').trim() || null;
  if (outcome.reasonRequired && !reason) throw invalid('reason', 'reason_required');

  await handle.db.transaction().execute(async (trx) => {
    await kind.open(trx);
    const items = await kind.find(trx, ids);
    const missing = ids.find((id) => !items.some((i) => i.id === id));
    if (missing) throw new AppError('NOT_FOUND', { what: `${kind.entity} ${missing}` }, kind.field);
    for (const item of items) {
      const refusal = kind.closed(item);
      if (refusal) throw refusal;
    }
    await kind.admit?.(trx, items, input.decision);
    const decided: Decided<D> = { decision: input.decision, status: outcome.status, reason, at: now(), by: actor.userId };
    for (const item of items) {
      if (!(await kind.apply(trx, item, decided))) throw kind.raced(item);
      const extra = (await kind.follow?.(trx, item, decided)) ?? {};
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: kind.action(input.decision), entityType: kind.entity, entityId: item.id,
        reason, data: { ...kind.auditData?.(item), status: outcome.status, ...extra, batch: ids.length },
      });
      await kind.notify?.(trx, item, decided);
    }
  });
  const after = await kind.find(handle.db, ids);
  return ids.flatMap((id) => after.filter((i) => i.id === id));
}
