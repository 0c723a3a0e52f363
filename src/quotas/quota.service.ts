import type { DatabaseHandle, Executor } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { assertAdmission, listBodies, lockProcessRegistrations, requireBody, requireProcess } from '../processes/process.queries.ts';
import { findAgentSummary } from '../registration/registration.queries.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';
import { BODY_KINDS, quotaState, type BodyKind, type ElectedBodyKind, type QuotaState } from '../processes/quota-rules.ts';
import * as repo from './quota.repository.ts';
import type { BodyQuota } from './quota.queries.ts';

/** The body named in a message: its kind, which the catalogue turns into a name in the request language. */
function bodyNames(kind: BodyKind) {
  return { body: kind };
}

/** An administrator elects an approved agent to the directive or the oversight committee. */
export async function electMember(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, kind: ElectedBodyKind, input: { agentId: string; reason?: string | undefined }): Promise<QuotaPageBody> {
  await requireProcess(handle.db, municipalityId, processId);
  await handle.db.transaction().execute(async (trx) => {
    await lockProcessRegistrations(trx, handle.dialect, processId);
    const body = await requireBody(trx, municipalityId, processId, kind);
    const agent = await findAgentSummary(trx, municipalityId, processId, input.agentId);
    if (!agent) throw new AppError('NOT_FOUND', { what: `agent ${input.agentId}` });
    if (agent.status !== 'approved') throw new AppError('NOT_AN_APPROVED_AGENT', { name: agent.fullName, status: agent.status }, 'agentId');
    if (await repo.isMember(trx, municipalityId, body.id, agent.id)) throw new AppError('ALREADY_A_MEMBER', { name: agent.fullName, ...bodyNames(kind) }, 'agentId');
    assertAdmission(body, await repo.bodyCounts(trx, municipalityId, processId, body), agent.sex === 'female' ? { women: 1, men: 0 } : { women: 0, men: 1 });
    await repo.insertMember(trx, municipalityId, { bodyId: body.id, agentId: agent.id, electedAt: now(), electedBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'body.elect', entityType: 'body', entityId: body.id,
      reason: input.reason ?? null, data: { processId, kind, agentId: agent.id, name: agent.fullName, sex: agent.sex },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_A_MEMBER', { name: input.agentId, ...bodyNames(kind) }, 'agentId');
    throw err;
  });
  return bodyPage(handle.db, municipalityId, processId, kind);
}

/** An administrator removes a member from a committee, saying why. Removing never makes a quota unreachable. */
export async function removeMember(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, kind: ElectedBodyKind, agentId: string, reason: string): Promise<QuotaPageBody> {
  if (!reason.trim()) throw invalid('reason', 'reason_required');
  await requireProcess(handle.db, municipalityId, processId);
  await handle.db.transaction().execute(async (trx) => {
    await lockProcessRegistrations(trx, handle.dialect, processId);
    const body = await requireBody(trx, municipalityId, processId, kind);
    const agent = await findAgentSummary(trx, municipalityId, processId, agentId);
    if (!agent || !(await repo.isMember(trx, municipalityId, body.id, agentId))) {
      throw new AppError('NOT_A_MEMBER', { name: agent?.fullName ?? agentId, ...bodyNames(kind) }, 'agentId');
    }
    await repo.deleteMember(trx, municipalityId, body.id, agentId);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'body.remove', entityType: 'body', entityId: body.id,
      reason: reason.trim(), data: { processId, kind, agentId, name: agent.fullName, sex: agent.sex },
    });
  });
  return bodyPage(handle.db, municipalityId, processId, kind);
}

export interface QuotaPageBody extends BodyQuota {
  /** The elected committees' members (public); null for the delegates, who are listed in the public registry. */
  members: repo.BodyMember[] | null;
}

async function bodyPage(db: Executor, municipalityId: string, processId: string, kind: BodyKind): Promise<QuotaPageBody> {
  const body = await requireBody(db, municipalityId, processId, kind);
  const { women, men } = await repo.bodyCounts(db, municipalityId, processId, body);
  return {
    kind, seats: body.seats, filled: women + men, women, men, minWomen: body.minWomen,
    status: quotaState(body.seats, body.minWomen, women, men),
    members: kind === 'delegates' ? null : await repo.listMembers(db, municipalityId, body.id),
  };
}

/** The public quota page: every body of the process, where it stands, and who sits on the elected committees. */
export async function quotaPage(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<{ processId: string; bodies: QuotaPageBody[] }> {
  await requireProcess(handle.db, municipalityId, processId);
  const kinds = (await listBodies(handle.db, municipalityId, processId)).map((b) => b.kind)
    .sort((a, b) => BODY_KINDS.indexOf(a) - BODY_KINDS.indexOf(b));
  const bodies: QuotaPageBody[] = [];
  for (const kind of kinds) bodies.push(await bodyPage(handle.db, municipalityId, processId, kind));
  return { processId, bodies };
}
