import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Db, Dialect } from '../db/database.ts';
import { now } from '../shared/clock.ts';

/** The scope of actions that belong to no municipality (sign-up, jurisdiction changes). */
export const PLATFORM_SCOPE = 'platform';
const GENESIS = '0'.repeat(64);

export interface AuditEntryInput {
  /** The municipality id the action belongs to, or PLATFORM_SCOPE. */
  scope: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'data'>> {
  seq: number;
  at: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Canonical JSON: keys sorted at every depth, so the same entry always hashes the same on every machine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const payload = canonicalJson({
    scope: e.scope, seq: e.seq, at: e.at, actorId: e.actorId, action: e.action, entityType: e.entityType,
    entityId: e.entityId, reason: e.reason, data: e.data, prevHash: e.prevHash,
  });
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * Appends one entry to its scope's chain. Call it inside the transaction that makes the change, so the change and
 * its record commit or roll back together. On PostgreSQL a transaction-scoped advisory lock per scope serializes
 * appenders; SQLite serializes write transactions already.
 */
export async function appendAudit(trx: Executor, dialect: Dialect, input: AuditEntryInput): Promise<AuditEntry> {
  if (dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + input.scope}))`.execute(trx);
  }
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('scope', '=', input.scope)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entry: Omit<AuditEntry, 'hash'> = {
    scope: input.scope,
    seq: (last?.seq ?? 0) + 1,
    at: now(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    reason: input.reason ?? null,
    data: input.data ?? {},
    prevHash: last?.hash ?? GENESIS,
  };
  const hash = entryHash(entry);
  await trx
    .insertInto('audit_log')
    .values({
      scope: entry.scope, seq: entry.seq, at: entry.at, actor_id: entry.actorId, action: entry.action,
      entity_type: entry.entityType, entity_id: entry.entityId, reason: entry.reason,
      data: canonicalJson(entry.data), prev_hash: entry.prevHash, hash,
    })
    .execute();
  return { ...entry, hash };
}

export interface ChainBreak {
  scope: string;
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'unreadable_data';
}

export interface VerifyReport {
  scopes: number;
  entries: number;
  /** The first broken entry of each broken chain, in scope order. */
  breaks: ChainBreak[];
}

/** Recomputes every chain from its first entry and names the first broken entry of each. Reads in pages. */
export async function verifyAuditChains(db: Db, pageSize = 5000): Promise<VerifyReport> {
  const scopes = await db.selectFrom('audit_log').select('scope').distinct().orderBy('scope').execute();
  const report: VerifyReport = { scopes: scopes.length, entries: 0, breaks: [] };
  for (const { scope } of scopes) {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    let broken: ChainBreak | null = null;
    for (let after = 0; broken === null; ) {
      const rows = await db.selectFrom('audit_log').selectAll().where('scope', '=', scope).where('seq', '>', after)
        .orderBy('seq').limit(pageSize).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        report.entries += 1;
        const seq = Number(row.seq);
        if (seq !== expectedSeq) { broken = { scope, seq, problem: 'sequence_gap' }; break; }
        if (row.prev_hash !== prevHash) { broken = { scope, seq, problem: 'prev_hash_mismatch' }; break; }
        let data: Record<string, unknown>;
        try { data = JSON.parse(row.data) as Record<string, unknown>; } catch { broken = { scope, seq, problem: 'unreadable_data' }; break; }
        const recomputed = entryHash({
          scope, seq, at: row.at, actorId: row.actor_id, action: row.action, entityType: row.entity_type,
          entityId: row.entity_id, reason: row.reason, data, prevHash: row.prev_hash,
        });
        if (recomputed !== row.hash) { broken = { scope, seq, problem: 'hash_mismatch' }; break; }
        prevHash = row.hash;
        expectedSeq += 1;
        after = seq;
      }
    }
    if (broken) report.breaks.push(broken);
  }
  return report;
}

export interface AuditView {
  seq: number; at: string; actorId: string | null; actorName: string | null; action: string;
  entityType: string; entityId: string | null; reason: string | null; data: Record<string, unknown>;
}

/** The newest entries of a scope, optionally for one entity, with the actor's name. */
export async function listAudit(db: Executor, scope: string, opts: { entityType?: string; entityId?: string; limit?: number } = {}): Promise<AuditView[]> {
  let q = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.seq', 'a.at', 'a.actor_id', 'u.name as actor_name', 'a.action', 'a.entity_type', 'a.entity_id', 'a.reason', 'a.data'])
    .where('a.scope', '=', scope);
  if (opts.entityType) q = q.where('a.entity_type', '=', opts.entityType);
  if (opts.entityId) q = q.where('a.entity_id', '=', opts.entityId);
  const rows = await q.orderBy('a.seq', 'desc').limit(opts.limit ?? 100).execute();
  return rows.map((r) => ({
    seq: Number(r.seq), at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action,
    entityType: r.entity_type, entityId: r.entity_id, reason: r.reason, data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}
