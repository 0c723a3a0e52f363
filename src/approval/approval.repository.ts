import type { Executor } from '../db/database.ts';
import type { Amendment, ApprovalSession, ListSnapshot, ObservationAnswer } from './approval.ts';

/** The only place that reads and writes the approval chain's sessions, answers, snapshot, amendments and codes. */

export async function sessionsOf(db: Executor, municipalityId: string, processId: string): Promise<ApprovalSession[]> {
  const rows = await db.selectFrom('approval_sessions')
    .select(['body', 'seq', 'held_on', 'reference', 'decision', 'observations', 'reason', 'recorded_at', 'recorded_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
    .orderBy('recorded_at').orderBy('body').orderBy('seq').execute();
  return rows.map((r) => ({
    body: r.body, seq: Number(r.seq), heldOn: r.held_on, reference: r.reference, decision: r.decision, observations: r.observations,
    reason: r.reason, recordedAt: r.recorded_at, recordedBy: r.recorded_by,
  }));
}

export async function insertSession(db: Executor, municipalityId: string, processId: string, s: ApprovalSession): Promise<void> {
  await db.insertInto('approval_sessions').values({
    municipality_id: municipalityId, process_id: processId, body: s.body, seq: s.seq, held_on: s.heldOn, reference: s.reference,
    decision: s.decision, observations: s.observations, reason: s.reason, recorded_at: s.recordedAt, recorded_by: s.recordedBy,
  }).execute();
}

export async function answersOf(db: Executor, municipalityId: string, processId: string): Promise<ObservationAnswer[]> {
  const rows = await db.selectFrom('approval_answers').select(['body', 'seq', 'answer', 'answered_at', 'answered_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('answered_at').execute();
  return rows.map((r) => ({ body: r.body, seq: Number(r.seq), answer: r.answer, answeredAt: r.answered_at, answeredBy: r.answered_by }));
}

export async function insertAnswer(db: Executor, municipalityId: string, processId: string, a: ObservationAnswer): Promise<void> {
  await db.insertInto('approval_answers').values({
    municipality_id: municipalityId, process_id: processId, body: a.body, seq: a.seq, answer: a.answer, answered_at: a.answeredAt, answered_by: a.answeredBy,
  }).execute();
}

export interface Snapshot {
  councilSeq: number;
  formalizedOn: string;
  list: ListSnapshot;
  /** The SHA-256 of the stored canonical JSON. */
  sha256: string;
  /** The stored canonical JSON, as hashed. */
  content: string;
  frozenAt: string;
  frozenBy: string;
}

export async function findSnapshot(db: Executor, municipalityId: string, processId: string): Promise<Snapshot | null> {
  const r = await db.selectFrom('approval_snapshots').select(['council_seq', 'formalized_on', 'content', 'sha256', 'frozen_at', 'frozen_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  return r ? {
    councilSeq: Number(r.council_seq), formalizedOn: r.formalized_on, list: JSON.parse(r.content) as ListSnapshot, sha256: r.sha256, content: r.content,
    frozenAt: r.frozen_at, frozenBy: r.frozen_by,
  } : null;
}

export async function insertSnapshot(db: Executor, municipalityId: string, processId: string, s: Omit<Snapshot, 'list'>): Promise<void> {
  await db.insertInto('approval_snapshots').values({
    municipality_id: municipalityId, process_id: processId, council_seq: s.councilSeq, formalized_on: s.formalizedOn, content: s.content,
    sha256: s.sha256, frozen_at: s.frozenAt, frozen_by: s.frozenBy,
  }).execute();
}

export async function amendmentsOf(db: Executor, municipalityId: string, processId: string): Promise<Amendment[]> {
  const rows = await db.selectFrom('approval_amendments')
    .select(['seq', 'kind', 'proposal_id', 'replacement_id', 'amount_cents', 'reason', 'vote_held_on', 'vote_reference', 'votes_for', 'votes_against', 'abstentions', 'recorded_at', 'recorded_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('seq').execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    change: r.kind === 'withdraw' ? { kind: 'withdraw' as const, proposalId: r.proposal_id }
      : r.kind === 'replace' ? { kind: 'replace' as const, proposalId: r.proposal_id, replacementId: r.replacement_id! }
        : { kind: 'change_amount' as const, proposalId: r.proposal_id, amountCents: Number(r.amount_cents) },
    reason: r.reason,
    vote: { heldOn: r.vote_held_on, reference: r.vote_reference, votesFor: Number(r.votes_for), votesAgainst: Number(r.votes_against), abstentions: Number(r.abstentions) },
    recordedAt: r.recorded_at, recordedBy: r.recorded_by,
  }));
}

export async function insertAmendment(db: Executor, municipalityId: string, processId: string, a: Amendment): Promise<void> {
  await db.insertInto('approval_amendments').values({
    municipality_id: municipalityId, process_id: processId, seq: a.seq, kind: a.change.kind, proposal_id: a.change.proposalId,
    replacement_id: a.change.kind === 'replace' ? a.change.replacementId : null, amount_cents: a.change.kind === 'change_amount' ? a.change.amountCents : null,
    reason: a.reason, vote_held_on: a.vote.heldOn, vote_reference: a.vote.reference, votes_for: a.vote.votesFor, votes_against: a.vote.votesAgainst,
    abstentions: a.vote.abstentions, recorded_at: a.recordedAt, recorded_by: a.recordedBy,
  }).execute();
}

export interface InvestmentCode { proposalId: string; code: string; reason: string; setAt: string; setBy: string }

export async function investmentCodesOf(db: Executor, municipalityId: string, processId: string): Promise<InvestmentCode[]> {
  const rows = await db.selectFrom('approval_investment_codes').select(['proposal_id', 'code', 'reason', 'set_at', 'set_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, code: r.code, reason: r.reason, setAt: r.set_at, setBy: r.set_by }));
}

/** Sets a project's code, replacing the one it had. */
export async function insertInvestmentCode(db: Executor, municipalityId: string, processId: string, c: InvestmentCode): Promise<void> {
  await db.insertInto('approval_investment_codes').values({
    municipality_id: municipalityId, process_id: processId, proposal_id: c.proposalId, code: c.code, reason: c.reason, set_at: c.setAt, set_by: c.setBy,
  }).onConflict((oc) => oc.columns(['municipality_id', 'process_id', 'proposal_id']).doUpdateSet({ code: c.code, reason: c.reason, set_at: c.setAt, set_by: c.setBy })).execute();
}

export async function deleteInvestmentCode(db: Executor, municipalityId: string, processId: string, proposalId: string): Promise<void> {
  await db.deleteFrom('approval_investment_codes')
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('proposal_id', '=', proposalId).execute();
}

