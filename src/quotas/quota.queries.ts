import type { Dialect, Executor } from '../db/database.ts';
import { BODY_KINDS, quotaState, type BodyKind, type ElectedBodyKind, type QuotaState } from '../processes/quota-rules.ts';
import { assertAdmission, listBodies, lockProcessRegistrations, requireBody } from '../processes/process.queries.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { bodyCounts, insertMember, listMembers, type BodyMember } from './quota.repository.ts';

export { quotaState };
export type { BodyKind, QuotaState };

export interface BodyQuota {
  kind: BodyKind;
  seats: number;
  filled: number;
  women: number;
  men: number;
  minWomen: number;
  status: QuotaState;
}

/** Where each body of the process stands against its women quota. Delegates are the accredited, approved ones. */
export async function quotaStatus(db: Executor, municipalityId: string, processId: string): Promise<BodyQuota[]> {
  const bodies = await listBodies(db, municipalityId, processId);
  const result: BodyQuota[] = [];
  for (const b of bodies) {
    const { women, men } = await bodyCounts(db, municipalityId, processId, b);
    result.push({ kind: b.kind, seats: b.seats, filled: women + men, women, men, minWomen: b.minWomen, status: quotaState(b.seats, b.minWomen, women, men) });
  }
  return result.sort((x, y) => BODY_KINDS.indexOf(x.kind) - BODY_KINDS.indexOf(y.kind));
}

/** The members of an elected committee of the process (name, sex, organization, when elected). */
export async function committeeMembers(db: Executor, municipalityId: string, processId: string, kind: ElectedBodyKind): Promise<BodyMember[]> {
  const body = await requireBody(db, municipalityId, processId, kind);
  return listMembers(db, municipalityId, body.id);
}

/**
 * Seats the members an election chose (the oversight committee's, typed in from the formalization session), inside
 * the caller's transaction: the whole group is checked against the body's seats and women quota as one admission
 * (BODY_FULL, QUOTA_BROKEN), then each member is inserted and audited as `body.elect`.
 */
export async function seatElectedMembers(trx: Executor, dialect: Dialect, input: {
  municipalityId: string; processId: string; kind: ElectedBodyKind; actorId: string; electedAt: string; reason: string;
  members: readonly { agentId: string; name: string; female: boolean }[];
}): Promise<void> {
  await lockProcessRegistrations(trx, dialect, input.processId);
  const body = await requireBody(trx, input.municipalityId, input.processId, input.kind);
  const women = input.members.filter((m) => m.female).length;
  assertAdmission(body, await bodyCounts(trx, input.municipalityId, input.processId, body), { women, men: input.members.length - women });
  for (const m of input.members) {
    await insertMember(trx, input.municipalityId, { bodyId: body.id, agentId: m.agentId, electedAt: input.electedAt, electedBy: input.actorId });
    await appendAudit(trx, dialect, {
      scope: input.municipalityId, actorId: input.actorId, action: 'body.elect', entityType: 'body', entityId: body.id,
      reason: input.reason, data: { processId: input.processId, kind: input.kind, agentId: m.agentId, name: m.name, female: m.female },
    });
  }
}
