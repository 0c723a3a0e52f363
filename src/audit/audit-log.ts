import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Db, Dialect } from '../db/database.ts';
import { now } from '../shared/clock.ts';
import type { AuditCheckpointTable, AuditLogTable } from './audit.tables.ts';
import { signatureValid, type AuditKey, type SignedHead } from './audit-signing.ts';

/** The scope of actions that belong to no municipality (sign-up, jurisdiction changes). */
export const PLATFORM_SCOPE = 'platform';
/** The previous hash of a chain's first entry. */
export const GENESIS = '0'.repeat(64);

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

export type ChainProblem =
  | 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'unreadable_data'
  // Against the signed checkpoints of the chain's head:
  | 'tail_cut' | 'entry_rewritten' | 'bad_signature' | 'checkpoint_missing';

export interface ChainBreak {
  scope: string;
  /** The broken entry; for tail_cut the first missing one; for checkpoint problems the checkpoint's entry. */
  seq: number;
  problem: ChainProblem;
  /** tail_cut: the last missing entry (the newest checkpoint's). */
  through?: number;
  /** entry_rewritten: the first entry the change may lie in (the one after the last checkpoint that still matches). */
  from?: number;
  /** Checkpoint problems: when the checkpoint was signed, by which key, and whether it was read from the table or a published copy. */
  checkpoint?: { at: string; keyId: string; source: CheckpointSource };
}

export type CheckpointSource = 'table' | 'published';

export interface VerifyReport {
  scopes: number;
  entries: number;
  /** Signed checkpoints checked (the table's, and published copies the table lacks or holds differently). */
  checkpoints: number;
  /** Per broken chain: its first broken entry, then what its checkpoints say, in scope order. */
  breaks: ChainBreak[];
}

export interface VerifyOptions {
  /** The installation's key (its public part is enough); needed when there are checkpoints to check. */
  key?: Pick<AuditKey, 'publicKey' | 'id'> | null;
  /** An externally kept copy of published checkpoints: a rewrite of the checkpoint table itself is caught too. */
  published?: readonly SignedHead[];
  pageSize?: number;
}

interface ChainWalk {
  entries: number;
  broken: ChainBreak | null;
}

/**
 * Recomputes a chain's entries from `start` (the first seq, and the hash the entry before it has) through `through`
 * (default: the end), reading in pages; stops at the first broken entry.
 */
export async function walkChain(db: Executor, scope: string, start: { seq: number; prevHash: string }, opts: { through?: number; pageSize?: number } = {}): Promise<ChainWalk> {
  const pageSize = opts.pageSize ?? 5000;
  let prevHash = start.prevHash;
  let expectedSeq = start.seq;
  const walk: ChainWalk = { entries: 0, broken: null };
  for (let after = start.seq - 1; walk.broken === null; ) {
    let q = db.selectFrom('audit_log').selectAll().where('scope', '=', scope).where('seq', '>', after);
    if (opts.through !== undefined) q = q.where('seq', '<=', opts.through);
    const rows = await q.orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      walk.entries += 1;
      const seq = Number(row.seq);
      const problem = entryProblem(row, scope, seq, expectedSeq, prevHash);
      if (problem) { walk.broken = { scope, seq, problem }; break; }
      prevHash = row.hash;
      expectedSeq += 1;
      after = seq;
    }
  }
  return walk;
}

function entryProblem(row: AuditLogTable, scope: string, seq: number, expectedSeq: number, prevHash: string): ChainProblem | null {
  if (seq !== expectedSeq) return 'sequence_gap';
  if (row.prev_hash !== prevHash) return 'prev_hash_mismatch';
  let data: Record<string, unknown>;
  try { data = JSON.parse(row.data) as Record<string, unknown>; } catch { return 'unreadable_data'; }
  const recomputed = entryHash({
    scope, seq, at: row.at, actorId: row.actor_id, action: row.action, entityType: row.entity_type,
    entityId: row.entity_id, reason: row.reason, data, prevHash: row.prev_hash,
  });
  return recomputed === row.hash ? null : 'hash_mismatch';
}

/**
 * Recomputes every chain from its first entry and names the first broken entry of each; then compares each chain
 * with its signed checkpoints (and a published copy, if given): a checkpoint past the chain's end is a cut tail, one
 * whose hash differs from its entry's is a rewrite, one whose signature fails is forged or altered.
 */
export async function verifyAuditChains(db: Db, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const scopes = new Set<string>();
  for (const table of ['audit_log', 'audit_checkpoints'] as const) {
    for (const r of await db.selectFrom(table).select('scope').distinct().execute()) scopes.add(r.scope);
  }
  for (const p of opts.published ?? []) scopes.add(p.scope);
  const report: VerifyReport = { scopes: scopes.size, entries: 0, checkpoints: 0, breaks: [] };
  for (const scope of [...scopes].sort()) {
    const walk = await walkChain(db, scope, { seq: 1, prevHash: GENESIS }, { pageSize: opts.pageSize });
    report.entries += walk.entries;
    if (walk.broken) report.breaks.push(walk.broken);
    const published = (opts.published ?? []).filter((p) => p.scope === scope);
    const checked = await checkAgainstCheckpoints(db, scope, published, opts.key ?? null);
    report.checkpoints += checked.count;
    report.breaks.push(...checked.breaks);
  }
  return report;
}

async function checkAgainstCheckpoints(db: Db, scope: string, published: readonly SignedHead[], key: VerifyOptions['key'] | null): Promise<{ count: number; breaks: ChainBreak[] }> {
  const stored = (await db.selectFrom('audit_checkpoints').selectAll().where('scope', '=', scope).orderBy('seq').execute()).map(headOf);
  const candidates: { head: SignedHead; source: CheckpointSource }[] = stored.map((head) => ({ head, source: 'table' }));
  const breaks: ChainBreak[] = [];
  const mark = (head: SignedHead, source: CheckpointSource) => ({ at: head.at, keyId: head.keyId, source });
  const bySeq = new Map(stored.map((h) => [h.seq, h]));
  const seen = new Set<string>();
  for (const head of published) {
    const id = `${head.seq}:${head.hash}:${head.at}:${head.signature}`;
    if (seen.has(id)) continue; // the same checkpoint in several copies
    seen.add(id);
    const same = bySeq.get(head.seq);
    if (same && same.hash === head.hash && same.at === head.at && same.signature === head.signature) continue;
    if (!same) breaks.push({ scope, seq: head.seq, problem: 'checkpoint_missing', checkpoint: mark(head, 'published') });
    candidates.push({ head, source: 'published' });
  }
  if (candidates.length === 0) return { count: 0, breaks };
  if (!key) throw new Error('the audit log has signed checkpoints: its key is needed to check them (AUDIT_SIGNING_KEY or AUDIT_KEY_FILE)');

  const trusted: typeof candidates = [];
  for (const c of candidates) {
    if (signatureValid(key, c.head)) trusted.push(c);
    else if (!breaks.some((b) => b.problem === 'bad_signature')) breaks.push({ scope, seq: c.head.seq, problem: 'bad_signature', checkpoint: mark(c.head, c.source) });
  }
  const last = await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).where('scope', '=', scope).executeTakeFirst();
  const endSeq = Number(last?.seq ?? 0);
  const seqs = [...new Set(trusted.map((c) => c.head.seq).filter((s) => s <= endSeq))];
  const hashes = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await db.selectFrom('audit_log').select(['seq', 'hash']).where('scope', '=', scope).where('seq', 'in', seqs.slice(i, i + 500)).execute();
    for (const r of rows) hashes.set(Number(r.seq), r.hash);
  }
  trusted.sort((a, b) => a.head.seq - b.head.seq);
  let matchedThrough = 0;
  let rewrite: ChainBreak | null = null;
  let beyondEnd: { head: SignedHead; source: CheckpointSource } | null = null;
  for (const c of trusted) {
    if (c.head.seq > endSeq) { beyondEnd = c; continue; }
    const hash = hashes.get(c.head.seq);
    if (hash === undefined) continue; // a hole inside the chain: the walk names it as a sequence gap
    if (hash === c.head.hash) { if (!rewrite) matchedThrough = c.head.seq; continue; }
    rewrite ??= { scope, seq: c.head.seq, problem: 'entry_rewritten', from: matchedThrough + 1, checkpoint: mark(c.head, c.source) };
  }
  if (beyondEnd) breaks.unshift({ scope, seq: endSeq + 1, problem: 'tail_cut', through: beyondEnd.head.seq, checkpoint: mark(beyondEnd.head, beyondEnd.source) });
  if (rewrite) breaks.unshift(rewrite);
  return { count: candidates.length, breaks };
}

function headOf(row: AuditCheckpointTable): SignedHead {
  return { scope: row.scope, seq: Number(row.seq), hash: row.hash, at: row.at, keyId: row.key_id, signature: row.signature };
}

/** One line naming a break, as `concerta audit verify` prints it. */
export function describeBreak(b: ChainBreak): string {
  const where = `BROKEN chain ${b.scope} at entry ${b.seq}`;
  const cp = b.checkpoint;
  const signed = cp ? ` (${cp.source === 'published' ? 'published ' : ''}checkpoint signed at ${cp.at})` : '';
  switch (b.problem) {
    case 'tail_cut':
      return `${where}: tail cut: entries ${b.seq}..${b.through} missing${signed}`;
    case 'entry_rewritten':
      return `${where}: entry ${b.seq} rewritten: its hash differs from the signed one${signed}`
        + (b.from !== undefined && b.from < b.seq ? `; the change lies in entries ${b.from}..${b.seq}` : '');
    case 'bad_signature':
      return `${where}: bad signature on the checkpoint of entry ${b.seq}${signed}, key ${cp?.keyId ?? '?'}`;
    case 'checkpoint_missing':
      return `${where}: the published checkpoint of entry ${b.seq} is missing from the checkpoint table${signed}`;
    default:
      return `${where}: ${b.problem}`;
  }
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

/** The latest entry of a scope recording this action on this entity, as chained (with its hashes), or null. */
export async function findAuditEntry(db: Executor, scope: string, action: string, entityId: string): Promise<AuditEntry | null> {
  const r = await db.selectFrom('audit_log').selectAll().where('scope', '=', scope).where('action', '=', action).where('entity_id', '=', entityId)
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!r) return null;
  return {
    scope: r.scope, seq: Number(r.seq), at: r.at, actorId: r.actor_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id,
    reason: r.reason, data: JSON.parse(r.data) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
  };
}
