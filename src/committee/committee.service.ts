import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { lockProcess, requireBody, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { committeeMembers, seatElectedMembers } from '../quotas/quota.queries.ts';
import { agentSummaries, findAgentSummary, type AgentSummary } from '../registration/registration.queries.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, now } from '../shared/clock.ts';
import { electCommittee } from './committee.ts';
import * as repo from './committee.repository.ts';

/**
 * Use cases of the oversight committee's election: staff register the approved agents who stand (with their consent),
 * then type in the votes of the formalization session; the rule (committee.ts) chooses the members, who are seated in
 * the quotas area's oversight body in the same transaction. Formalization only, under the process lock, audited.
 */

export interface CandidateView {
  agentId: string;
  name: string;
  sex: AgentSummary['sex'];
  organizationName: string | null;
  stoodAt: string;
  /** The session's votes and the outcome, once the election is recorded. */
  votes: number | null;
  elected: boolean | null;
  /** Place in the ranking by votes and the tie rule, once the election is recorded. */
  rank: number | null;
}

export interface Committee {
  seats: number;
  minWomen: number;
  election: null | { heldOn: string; place: string; reason: string; recordedAt: string; recordedByName: string };
  candidates: CandidateView[];
  /** The members seated in the oversight body (quotas area), by election. */
  members: { agentId: string; name: string; sex: AgentSummary['sex']; organizationName: string | null; electedAt: string }[];
}

/** The oversight committee of a process: seats, candidates, the election's votes and the members. */
export async function committee(db: Executor, municipalityId: string, processId: string): Promise<Committee> {
  await requireProcess(db, municipalityId, processId);
  const [body, candidates, election, votes, members] = await Promise.all([
    requireBody(db, municipalityId, processId, 'oversight_committee'),
    repo.candidatesOf(db, municipalityId, processId),
    repo.findElection(db, municipalityId, processId),
    repo.votesOf(db, municipalityId, processId),
    committeeMembers(db, municipalityId, processId, 'oversight_committee'),
  ]);
  const agents = new Map((await agentSummaries(db, municipalityId, candidates.map((c) => c.agentId))).map((a) => [a.id, a]));
  const names = await userNames(db, election ? [election.recordedBy] : []);
  const ranking = election
    ? electCommittee(candidates.map((c) => ({ agentId: c.agentId, female: agents.get(c.agentId)?.sex === 'female', votes: votes.get(c.agentId)?.votes ?? 0, stoodAt: c.stoodAt })), body.seats, body.minWomen).ranking
    : [];
  const rankOf = new Map(ranking.map((s, i) => [s.agentId, i + 1]));
  const views: CandidateView[] = candidates.map((c) => {
    const a = agents.get(c.agentId);
    const v = votes.get(c.agentId);
    return {
      agentId: c.agentId, name: a?.fullName ?? '', sex: a?.sex ?? 'female', organizationName: a?.organization?.name ?? null, stoodAt: c.stoodAt,
      votes: v?.votes ?? null, elected: v ? v.elected : null, rank: rankOf.get(c.agentId) ?? null,
    };
  }).sort((x, y) => (x.rank ?? 0) - (y.rank ?? 0) || x.stoodAt.localeCompare(y.stoodAt));
  return {
    seats: body.seats, minWomen: body.minWomen,
    election: election ? { heldOn: election.heldOn, place: election.place, reason: election.reason, recordedAt: election.recordedAt, recordedByName: names.get(election.recordedBy) ?? '' } : null,
    candidates: views,
    members: members.map((m) => ({ agentId: m.agentId, name: m.name, sex: m.sex, organizationName: m.organization?.name ?? null, electedAt: m.electedAt })),
  };
}

async function openElection(trx: Executor, handle: DatabaseHandle, municipalityId: string, processId: string): Promise<Process> {
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
  if (process.phase !== 'formalization') throw new AppError('COMMITTEE_NOT_OPEN', { phase: process.phase });
  const election = await repo.findElection(trx, municipalityId, processId);
  if (election) throw new AppError('COMMITTEE_ALREADY_ELECTED', { date: election.heldOn });
  return process;
}

/** Staff register an approved agent of the process who stands for the committee, recording their consent. */
export async function standCandidate(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { agentId: string; consent: string }): Promise<Committee> {
  await handle.db.transaction().execute(async (trx) => {
    await openElection(trx, handle, municipalityId, processId);
    const agent = await findAgentSummary(trx, municipalityId, processId, input.agentId);
    if (!agent) throw new AppError('UNKNOWN_REFERENCE', { what: 'agent', value: input.agentId }, 'agentId');
    if (agent.status !== 'approved') throw new AppError('NOT_AN_APPROVED_AGENT', { name: agent.fullName }, 'agentId');
    if ((await repo.candidatesOf(trx, municipalityId, processId)).some((c) => c.agentId === agent.id)) {
      throw new AppError('COMMITTEE_ALREADY_CANDIDATE', { name: agent.fullName }, 'agentId');
    }
    await repo.insertCandidate(trx, municipalityId, processId, { agentId: agent.id, stoodAt: now(), registeredBy: actor.userId, consent: input.consent });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'committee.stand', entityType: 'agent', entityId: agent.id,
      reason: input.consent, data: { processId, name: agent.fullName, sex: agent.sex },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('COMMITTEE_ALREADY_CANDIDATE', { name: input.agentId }, 'agentId');
    throw err;
  });
  return committee(handle.db, municipalityId, processId);
}

export interface ElectionInput {
  heldOn: string;
  place: string;
  reason: string;
  counts: { agentId: string; votes: number }[];
}

/**
 * Staff type in the votes each candidate got in the formalization session; the rule chooses the members, who are
 * seated in the oversight body. One election per process (a unique key); a wrong count is corrected on the quota page.
 */
export async function recordElection(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: ElectionInput): Promise<Committee> {
  for (const [i, c] of input.counts.entries()) {
    if (!Number.isSafeInteger(c.votes) || c.votes < 0) throw new AppError('VALIDATION', { rule: 'not_negative' }, `counts.${i}.votes`);
  }
  if (input.heldOn > localDate()) throw new AppError('COMMITTEE_HELD_LATER', { date: input.heldOn }, 'heldOn');
  await handle.db.transaction().execute(async (trx) => {
    await openElection(trx, handle, municipalityId, processId);
    const body = await requireBody(trx, municipalityId, processId, 'oversight_committee');
    const candidates = await repo.candidatesOf(trx, municipalityId, processId);
    const standing = new Set(candidates.map((c) => c.agentId));
    const typed = input.counts.map((c) => c.agentId);
    const extra = typed.filter((id, i) => !standing.has(id) || typed.indexOf(id) !== i);
    const missing = candidates.filter((c) => !typed.includes(c.agentId));
    if (extra.length > 0 || missing.length > 0) throw new AppError('COMMITTEE_COUNTS_MISMATCH', { missing: missing.length, extra: extra.length }, 'counts');
    if (candidates.length < body.seats) throw new AppError('COMMITTEE_TOO_FEW_CANDIDATES', { candidates: candidates.length, seats: body.seats });
    const agents = new Map((await agentSummaries(trx, municipalityId, [...standing])).map((a) => [a.id, a]));
    const women = candidates.filter((c) => agents.get(c.agentId)?.sex === 'female').length;
    if (women < body.minWomen) throw new AppError('COMMITTEE_TOO_FEW_WOMEN', { women, required: body.minWomen });
    const filled = (await committeeMembers(trx, municipalityId, processId, 'oversight_committee')).length;
    if (filled > 0) throw new AppError('COMMITTEE_BODY_NOT_EMPTY', { filled });
    const votes = new Map(input.counts.map((c) => [c.agentId, c.votes]));
    const result = electCommittee(candidates.map((c) => ({ agentId: c.agentId, female: agents.get(c.agentId)?.sex === 'female', votes: votes.get(c.agentId)!, stoodAt: c.stoodAt })), body.seats, body.minWomen);
    const elected = new Set(result.elected);
    const at = now();
    await repo.insertElection(trx, municipalityId, processId, { heldOn: input.heldOn, place: input.place, reason: input.reason, recordedAt: at, recordedBy: actor.userId },
      candidates.map((c) => ({ agentId: c.agentId, votes: votes.get(c.agentId)!, elected: elected.has(c.agentId) })));
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'committee.elect', entityType: 'process', entityId: processId, reason: input.reason,
      data: { heldOn: input.heldOn, place: input.place, counts: input.counts, elected: result.elected, passedOver: result.passedOver },
    });
    await seatElectedMembers(trx, handle.dialect, {
      municipalityId, processId, kind: 'oversight_committee', actorId: actor.userId, electedAt: at, reason: input.reason,
      members: result.elected.map((id) => ({ agentId: id, name: agents.get(id)?.fullName ?? '', female: agents.get(id)?.sex === 'female' })),
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('COMMITTEE_ALREADY_ELECTED', { date: input.heldOn });
    throw err;
  });
  return committee(handle.db, municipalityId, processId);
}
