import type { DatabaseHandle, Executor, Dialect } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { claimDni, grantRole } from '../accounts/accounts.queries.ts';
import { isUniqueViolation, violatesKey } from '../db/unique.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { municipalityRef } from '../territory/territory.queries.ts';
import { AppError } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';
import type { Agent } from './registration.ts';
import {
  CLAIM_CODE_DAYS, CLAIM_MAX_FAILED_ATTEMPTS, claimCodeHash, claimCodeMatches, claimCodeRefusal, isClaimCodeShape, newClaimCode,
} from './claim-codes.ts';
import * as repo from './registration.repository.ts';
import * as claims from './registration-claims.repository.ts';

/**
 * Linking a registration made without an account (face to face, import) to the account of its person. Staff issue a
 * one-time code with the paper receipt (when registering face to face, or later on request); the person, signed in with
 * an account of the same DNI, types it. The link is written once: a wrong code, a code of another person's
 * registration, a spent, expired or locked code writes no link; wrong codes are counted (and locked after
 * CLAIM_MAX_FAILED_ATTEMPTS) and every step is audited. Linked, the registration is the person's own, as if registered
 * online: approval grants the participating agent role, and a registration already approved grants it at once.
 */

const ONE_PER_ACCOUNT = { index: 'agents_one_per_account', columns: ['agents.process_id', 'agents.user_id'] } as const;

export interface IssuedClaimCode {
  agentId: string;
  /** The code itself, shown once (on the receipt): only its hash is kept. */
  code: string;
  expiresAt: string;
}

/** Issues a registration's code inside the caller's transaction (which wrote or checked the registration), audited. */
export async function issueClaimCodeIn(trx: Executor, dialect: Dialect, actor: Actor, municipalityId: string, agent: { id: string; processId: string }, reason: string | null): Promise<IssuedClaimCode> {
  const code = newClaimCode();
  const issuedAt = now();
  const expiresAt = new Date(Date.parse(issuedAt) + CLAIM_CODE_DAYS * 86_400_000).toISOString();
  await claims.replaceClaimCode(trx, { municipalityId, agentId: agent.id, codeHash: claimCodeHash(agent.id, code), expiresAt, issuedAt, issuedBy: actor.userId });
  await appendAudit(trx, dialect, {
    scope: municipalityId, actorId: actor.userId, action: 'registration.claim_code_issue', entityType: 'agent', entityId: agent.id,
    reason, data: { processId: agent.processId, expiresAt },
  });
  return { agentId: agent.id, code, expiresAt };
}

/** Staff issue a new code for a registration that has no account (the old one stops working), with the reason. */
export async function reissueClaimCode(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, agentId: string, reason: string): Promise<IssuedClaimCode> {
  await requireProcess(handle.db, municipalityId, processId);
  return handle.db.transaction().execute(async (trx) => {
    const agent = await repo.findAgent(trx, municipalityId, processId, agentId);
    if (!agent) throw new AppError('NOT_FOUND', { what: `agent ${agentId}` });
    if (agent.userId !== null) throw new AppError('CLAIM_ALREADY_LINKED', {});
    return issueClaimCodeIn(trx, handle.dialect, actor, municipalityId, agent, reason);
  });
}

export interface ClaimResult {
  municipality: { slug: string; name: string };
  process: { id: string; name: string };
  agent: Agent;
  roleGranted: boolean;
}

/** Refused claims write only their count and audit entry (in the municipality of each registration tried). */
async function refuse(handle: DatabaseHandle, actor: Actor, tried: claims.ClaimCandidate[]): Promise<never> {
  for (const c of tried) {
    await handle.db.transaction().execute(async (trx) => {
      const failedAttempts = await claims.countFailedClaim(trx, c.municipalityId, c.agentId);
      await appendAudit(trx, handle.dialect, {
        scope: c.municipalityId, actorId: actor.userId, action: 'registration.claim_refused', entityType: 'agent', entityId: c.agentId,
        data: { processId: c.processId, why: 'wrong_code', failedAttempts, locked: failedAttempts >= CLAIM_MAX_FAILED_ATTEMPTS },
      });
    });
  }
  throw new AppError('CLAIM_CODE_INVALID', {}, 'claimCode');
}

/**
 * The signed-in person links the registration of their DNI that this code was issued for. An account without a DNI
 * states it here (once, as with a first online registration). The same answer whether the DNI has no registration or
 * the code is wrong: the code is the check, the DNI only narrows where it is looked for.
 */
export async function claimRegistration(handle: DatabaseHandle, actor: Actor, body: { claimCode: string; dni?: string | undefined }): Promise<ClaimResult> {
  const stated = body.dni?.trim();
  if (actor.dni && stated && stated !== actor.dni) throw new AppError('DNI_NOT_OWN', { accountDni: actor.dni }, 'dni');
  const dni = actor.dni ?? stated;
  if (!dni) throw new AppError('VALIDATION', { rule: 'required' }, 'dni');
  if (!isClaimCodeShape(body.claimCode)) throw new AppError('CLAIM_CODE_INVALID', {}, 'claimCode');

  const candidates = await claims.claimCandidates(handle.db, dni);
  const at = now();
  const matched = candidates.find((c) => claimCodeMatches(c.agentId, body.claimCode, c.codeHash));
  if (!matched) {
    const live = candidates.filter((c) => claimCodeRefusal(c, at) === null);
    if (live.length === 0 && candidates.some((c) => claimCodeRefusal(c, at) === 'locked')) throw new AppError('CLAIM_CODE_LOCKED', {}, 'claimCode');
    return refuse(handle, actor, live);
  }
  const refusal = claimCodeRefusal(matched, at);
  if (refusal === 'used' || matched.userId !== null) throw new AppError('CLAIM_ALREADY_LINKED', {}, 'claimCode');
  if (refusal === 'locked') throw new AppError('CLAIM_CODE_LOCKED', {}, 'claimCode');
  if (refusal === 'expired') throw new AppError('CLAIM_CODE_EXPIRED', {}, 'claimCode');

  const { municipalityId, agentId, processId } = matched;
  let roleGranted = false;
  await handle.db.transaction().execute(async (trx) => {
    // Everything is checked again by the writes themselves: a claim racing this one finds the code spent or the link made.
    if (!actor.dni) {
      const own = await claimDni(trx, actor.userId, dni);
      if (own !== dni) throw new AppError('DNI_NOT_OWN', { accountDni: own }, 'dni');
    }
    if (!(await claims.spendClaimCode(trx, municipalityId, agentId, matched.codeHash, at, actor.userId))) throw new AppError('CLAIM_ALREADY_LINKED', {}, 'claimCode');
    if (!(await claims.linkAgentToUser(trx, municipalityId, agentId, actor.userId, at))) throw new AppError('CLAIM_ALREADY_LINKED', {}, 'claimCode');
    const agent = await repo.findAgent(trx, municipalityId, processId, agentId);
    if (!agent || agent.dni !== dni) throw new AppError('CLAIM_CODE_INVALID', {}, 'claimCode');
    roleGranted = agent.status === 'approved'
      && await grantRole(trx, { municipalityId, userId: actor.userId, role: 'participating_agent', grantedAt: at, grantedBy: null });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.claim', entityType: 'agent', entityId: agentId,
      data: { processId, status: agent.status, roleGranted },
    });
  }).catch((err: unknown) => {
    // The account has its own registration in that process already (one per account and process: a unique key).
    if (violatesKey(err, ONE_PER_ACCOUNT)) throw new AppError('ALREADY_REGISTERED');
    if (isUniqueViolation(err)) throw new AppError('DNI_NOT_AVAILABLE', {}, 'dni');
    throw err;
  });
  const process = await requireProcess(handle.db, municipalityId, processId);
  const municipality = await municipalityRef(handle.db, municipalityId);
  const agent = await repo.findAgent(handle.db, municipalityId, processId, agentId);
  return { municipality: municipality!, process: { id: process.id, name: process.name }, agent: agent!, roleGranted };
}
