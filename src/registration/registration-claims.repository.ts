import type { Executor } from '../db/database.ts';

/** The claim codes of registrations (registration_claim_codes) and the link they make. Every write names the municipality. */

export interface ClaimCodeRecord {
  municipalityId: string;
  agentId: string;
  codeHash: string;
  expiresAt: string;
  failedAttempts: number;
  usedAt: string | null;
}

/** A registration that bears this DNI and a claim code, in any municipality, with its code and whether it is linked. */
export interface ClaimCandidate extends ClaimCodeRecord {
  processId: string;
  userId: string | null;
  status: 'pending' | 'approved' | 'rejected';
}

/** Registrations of this DNI that have a claim code (spent or not), anywhere on the installation. */
export async function claimCandidates(db: Executor, dni: string): Promise<ClaimCandidate[]> {
  const rows = await db.selectFrom('registration_claim_codes as c')
    .innerJoin('agents as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.id', '=', 'c.agent_id'))
    .select(['c.municipality_id', 'c.agent_id', 'c.code_hash', 'c.expires_at', 'c.failed_attempts', 'c.used_at', 'a.process_id', 'a.user_id', 'a.status'])
    .where('a.dni', '=', dni).orderBy('c.issued_at', 'desc').execute();
  return rows.map((r) => ({
    municipalityId: r.municipality_id, agentId: r.agent_id, codeHash: r.code_hash, expiresAt: r.expires_at,
    failedAttempts: Number(r.failed_attempts), usedAt: r.used_at, processId: r.process_id, userId: r.user_id, status: r.status,
  }));
}

/** The code of one registration, if one was issued. */
export async function findClaimCode(db: Executor, municipalityId: string, agentId: string): Promise<ClaimCodeRecord | null> {
  const r = await db.selectFrom('registration_claim_codes').select(['code_hash', 'expires_at', 'failed_attempts', 'used_at'])
    .where('municipality_id', '=', municipalityId).where('agent_id', '=', agentId).executeTakeFirst();
  return r ? { municipalityId, agentId, codeHash: r.code_hash, expiresAt: r.expires_at, failedAttempts: Number(r.failed_attempts), usedAt: r.used_at } : null;
}

/** Issues a registration's code, replacing the one it had (whose attempts and expiry go with it). */
export async function replaceClaimCode(db: Executor, c: { municipalityId: string; agentId: string; codeHash: string; expiresAt: string; issuedAt: string; issuedBy: string }): Promise<void> {
  await db.deleteFrom('registration_claim_codes').where('municipality_id', '=', c.municipalityId).where('agent_id', '=', c.agentId).execute();
  await db.insertInto('registration_claim_codes').values({
    municipality_id: c.municipalityId, agent_id: c.agentId, code_hash: c.codeHash, expires_at: c.expiresAt, failed_attempts: 0,
    issued_at: c.issuedAt, issued_by: c.issuedBy, used_at: null, used_by: null,
  }).execute();
}

/** Counts a wrong code against a registration's live code; returns the count after it. */
export async function countFailedClaim(db: Executor, municipalityId: string, agentId: string): Promise<number> {
  await db.updateTable('registration_claim_codes').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('municipality_id', '=', municipalityId).where('agent_id', '=', agentId).where('used_at', 'is', null).execute();
  return (await findClaimCode(db, municipalityId, agentId))?.failedAttempts ?? 0;
}

/** Spends the code (it must be the stored one, still unused); false when another claim spent or replaced it first. */
export async function spendClaimCode(db: Executor, municipalityId: string, agentId: string, codeHash: string, at: string, by: string): Promise<boolean> {
  const r = await db.updateTable('registration_claim_codes').set({ used_at: at, used_by: by })
    .where('municipality_id', '=', municipalityId).where('agent_id', '=', agentId).where('code_hash', '=', codeHash).where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Links a registration that has no account to this one; false when it already had one. */
export async function linkAgentToUser(db: Executor, municipalityId: string, agentId: string, userId: string, at: string): Promise<boolean> {
  const r = await db.updateTable('agents').set({ user_id: userId, updated_at: at })
    .where('municipality_id', '=', municipalityId).where('id', '=', agentId).where('user_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
