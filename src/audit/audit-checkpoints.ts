import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { now } from '../shared/clock.ts';
import { GENESIS, walkChain, type ChainBreak } from './audit-log.ts';
import { signHead, signatureValid, type AuditKey, type SignedHead } from './audit-signing.ts';
import { auditCheckpointsSchema } from './audit.schemas.ts';

export interface CheckpointRun {
  /** The heads signed now: one per chain whose head moved since its last checkpoint. */
  written: SignedHead[];
  /** Chains left unsigned because they do not verify from their last checkpoint (run `concerta audit verify`). */
  refused: ChainBreak[];
}

/**
 * Signs the head of every chain that moved since its last checkpoint. A head is signed only if the chain verifies
 * from that checkpoint to the head (each entry recomputed and linked), so a tampered chain is never signed over.
 */
export async function writeCheckpoints(db: Db, key: AuditKey, at: string = now()): Promise<CheckpointRun> {
  const run: CheckpointRun = { written: [], refused: [] };
  const scopes = await db.selectFrom('audit_log').select('scope').distinct().orderBy('scope').execute();
  for (const { scope } of scopes) {
    const head = await db.selectFrom('audit_log').select(['seq', 'hash']).where('scope', '=', scope).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const headSeq = Number(head.seq);
    const last = await db.selectFrom('audit_checkpoints').selectAll().where('scope', '=', scope).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let start = { seq: 1, prevHash: GENESIS };
    if (last) {
      const lastSeq = Number(last.seq);
      const signed: SignedHead = { scope, seq: lastSeq, hash: last.hash, at: last.at, keyId: last.key_id, signature: last.signature };
      const checkpoint = { at: last.at, keyId: last.key_id, source: 'table' as const };
      if (!signatureValid(key, signed)) { run.refused.push({ scope, seq: lastSeq, problem: 'bad_signature', checkpoint }); continue; }
      if (lastSeq > headSeq) { run.refused.push({ scope, seq: headSeq + 1, problem: 'tail_cut', through: lastSeq, checkpoint }); continue; }
      const entry = await db.selectFrom('audit_log').select(['hash', 'prev_hash']).where('scope', '=', scope).where('seq', '=', lastSeq).executeTakeFirst();
      if (!entry || entry.hash !== last.hash) { run.refused.push({ scope, seq: lastSeq, problem: 'entry_rewritten', checkpoint }); continue; }
      if (lastSeq === headSeq) continue; // the head has not moved
      start = { seq: lastSeq, prevHash: entry.prev_hash };
    }
    const walk = await walkChain(db, scope, start, { through: headSeq });
    if (walk.broken) { run.refused.push(walk.broken); continue; }
    const signed = signHead(key, { scope, seq: headSeq, hash: head.hash, at });
    const inserted = await db.insertInto('audit_checkpoints')
      .values({ scope, seq: headSeq, hash: head.hash, at, key_id: signed.keyId, signature: signed.signature })
      .onConflict((oc) => oc.columns(['scope', 'seq']).doNothing()) // another server signed this head just now
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) run.written.push(signed);
  }
  return run;
}

/** The newest signed heads of one chain, newest first, as published. */
export async function listCheckpoints(db: Db, scope: string, limit: number): Promise<SignedHead[]> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().where('scope', '=', scope).orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((r) => ({ scope: r.scope, seq: Number(r.seq), hash: r.hash, at: r.at, keyId: r.key_id, signature: r.signature }));
}

/**
 * Reads an externally kept copy of published checkpoints: one answer of GET /api/municipalities/:slug/audit/checkpoints,
 * or an array of them (several municipalities, or several days' copies).
 */
export function parsePublishedCheckpoints(text: string): SignedHead[] {
  const parsed = z.union([auditCheckpointsSchema, z.array(auditCheckpointsSchema)]).safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`not a copy of published audit checkpoints: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`);
  return [parsed.data].flat().flatMap((p) => p.checkpoints.map((c) => ({ scope: p.scope, ...c })));
}
