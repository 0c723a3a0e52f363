import type { Executor } from '../db/database.ts';
import type { PreconditionCode } from '../shared/errors.ts';
import { localDate } from '../shared/clock.ts';
import { countPendingRegistrations } from '../registration/registration.queries.ts';
import { quotaStatus } from '../quotas/quota.queries.ts';
import { countSessionsHeld } from '../training/training.queries.ts';
import type { Phase } from './phases.ts';
import type { Process } from './process.ts';
import { womenNeeded } from './process-rules.ts';

export interface FailedPrecondition {
  code: PreconditionCode;
  params: Record<string, unknown>;
}

type Check = (db: Executor, process: Process, at: Date) => Promise<FailedPrecondition | null>;

/** Registration must be over: the deadline (a local date, inclusive) has passed. */
const registrationClosed: Check = async (_db, p, at) =>
  localDate(at) > p.rules.registrationDeadline ? null : { code: 'REGISTRATION_STILL_OPEN', params: { deadline: p.rules.registrationDeadline } };

/** Every registration has its decision: nobody is left waiting when Concertation starts. */
const noPendingRegistrations: Check = async (db, p) => {
  const pending = await countPendingRegistrations(db, p.municipalityId, p.id);
  return pending.agents + pending.organizations === 0 ? null : { code: 'REGISTRATIONS_PENDING', params: pending };
};

const someoneApproved: Check = async (db, p) => {
  const row = await db.selectFrom('agents').select('id').where('municipality_id', '=', p.municipalityId)
    .where('process_id', '=', p.id).where('status', '=', 'approved').limit(1).executeTakeFirst();
  return row ? null : { code: 'NO_APPROVED_AGENTS', params: {} };
};

/** Where training is required to vote, at least one session must have been held with attendance. */
const trainingHeld: Check = async (db, p, at) => {
  if (!p.rules.trainingRequiredToVote) return null;
  return (await countSessionsHeld(db, p.municipalityId, p.id, at.toISOString())) > 0 ? null : { code: 'NO_TRAINING_HELD', params: {} };
};

/** The accredited delegates hold the women's share of the seats filled so far. */
const delegatesQuota: Check = async (db, p) => {
  const bodies = await quotaStatus(db, p.municipalityId, p.id);
  const delegates = bodies.find((b) => b.kind === 'delegates');
  if (!delegates || delegates.filled === 0) return null;
  const required = womenNeeded(delegates.filled, p.rules.quotas.delegatesMinWomenShare);
  return delegates.women >= required ? null
    : { code: 'QUOTA_NOT_MET', params: { body: 'delegates', women: delegates.women, filled: delegates.filled, required } };
};

/**
 * What must be true before a process leaves each phase. Later phases gain their checks with the issues that
 * build them (proposals evaluated, the vote closed, the Acta signed).
 */
const CHECKS: Partial<Record<Phase, Check[]>> = {
  preparation: [registrationClosed, noPendingRegistrations, someoneApproved, trainingHeld, delegatesQuota],
};

/** Runs every check for leaving the current phase and returns all that fail, not only the first. */
export async function failedPreconditions(db: Executor, process: Process, at = new Date()): Promise<FailedPrecondition[]> {
  const results = await Promise.all((CHECKS[process.phase] ?? []).map((check) => check(db, process, at)));
  return results.filter((r): r is FailedPrecondition => r !== null);
}
