import { createHash } from 'node:crypto';
import type { Phase } from '@concerta/contracts';
import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit, canonicalJson } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { votedList, type VotedList } from '../voting/voting.queries.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, now } from '../shared/clock.ts';
import {
  applyAmendment, amendmentVoteRefusal, chainState, INVESTMENT_CODE, listOf, sessionRefusal,
  type Amendment, type AmendmentChange, type AmendmentKind, type AmendmentVote, type ApprovalBody, type ChainStep, type ListEnvelope, type ListProject,
  type ListSnapshot, type SessionDecision,
} from './approval.ts';
import * as repo from './approval.repository.ts';

/**
 * Use cases of the approval chain: the administrator records the CCL's and then the council's sessions on the list
 * the vote adopted (approved, or returned with observations the municipality answers before resubmitting); the
 * council's approval freezes the list (a snapshot with its SHA-256); later changes are voted amendments. Every write
 * locks the process row (`update`: two recordings of one process run one after the other), checks the phase, the vote
 * and the chain inside its transaction, and is audited in it.
 */

/** A project of a list as shown and exported: with its code in the national investment system, if any. */
export type CodedProject = ListProject & { investmentCode: string | null };
export interface CodedEnvelope extends Omit<ListEnvelope, 'funded' | 'alternates' | 'withdrawn'> {
  funded: CodedProject[];
  alternates: CodedProject[];
  withdrawn: (CodedProject & { amendment: number })[];
}

export interface AmendmentView {
  seq: number;
  kind: AmendmentKind;
  project: { proposalId: string; number: number; title: string };
  replacement: { proposalId: string; number: number; title: string } | null;
  /** For a change of amount: the cost before and after. */
  previousAmountCents: number | null;
  amountCents: number | null;
  reason: string;
  vote: AmendmentVote;
  recordedAt: string;
  recordedByName: string;
}

export interface SessionView {
  body: ApprovalBody;
  seq: number;
  heldOn: string;
  reference: string;
  decision: SessionDecision;
  observations: string | null;
  reason: string;
  recordedAt: string;
  recordedByName: string;
  /** The municipality's answer to a returned session's observations. */
  answer: null | { text: string; answeredAt: string; answeredByName: string };
}

/** The current formalized list: the council's snapshot with the amendments applied, and their history. */
export interface FormalizedList {
  formalizedOn: string;
  frozenAt: string;
  /** SHA-256 of the snapshot's canonical JSON, as stored. */
  sha256: string;
  snapshot: ListSnapshot;
  envelopes: CodedEnvelope[];
  amendments: AmendmentView[];
}

export interface ApprovalChain {
  voteClosed: boolean;
  step: ChainStep;
  nextBody: ApprovalBody | null;
  /** Sessions in the order they were recorded. */
  sessions: SessionView[];
  /** The list under approval (as the vote adopted it) before formalization; the current formalized list after. */
  envelopes: CodedEnvelope[] | null;
  formalized: null | { formalizedOn: string; frozenAt: string; sha256: string };
  amendments: AmendmentView[];
}

function coded(list: readonly ListEnvelope[], codes: ReadonlyMap<string, string>): CodedEnvelope[] {
  const code = <P extends ListProject>(p: P) => ({ ...p, investmentCode: codes.get(p.proposalId) ?? null });
  return list.map((e) => ({ ...e, funded: e.funded.map(code), alternates: e.alternates.map(code), withdrawn: e.withdrawn.map(code) }));
}

async function amendmentViews(db: Executor, snapshot: ListSnapshot, amendments: readonly Amendment[]): Promise<{ list: ListEnvelope[]; views: AmendmentView[] }> {
  const names = await userNames(db, amendments.map((a) => a.recordedBy));
  const all = new Map(snapshot.envelopes.flatMap((e) => [...e.funded, ...e.alternates]).map((p) => [p.proposalId, p]));
  const ref = (id: string) => ({ proposalId: id, number: all.get(id)?.number ?? 0, title: all.get(id)?.title ?? '' });
  let list = listOf(snapshot);
  const views: AmendmentView[] = [];
  for (const a of amendments) {
    const before = list.flatMap((e) => e.funded).find((p) => p.proposalId === a.change.proposalId);
    list = applyAmendment(list, a.seq, a.change);
    views.push({
      seq: a.seq, kind: a.change.kind, project: ref(a.change.proposalId),
      replacement: a.change.kind === 'replace' ? ref(a.change.replacementId) : null,
      previousAmountCents: a.change.kind === 'change_amount' ? before?.costCents ?? null : null,
      amountCents: a.change.kind === 'change_amount' ? a.change.amountCents : null,
      reason: a.reason, vote: a.vote, recordedAt: a.recordedAt, recordedByName: names.get(a.recordedBy) ?? '',
    });
  }
  return { list, views };
}

async function codesOf(db: Executor, municipalityId: string, processId: string): Promise<Map<string, string>> {
  return new Map((await repo.investmentCodesOf(db, municipalityId, processId)).map((c) => [c.proposalId, c.code]));
}

/** The current formalized list with its amendment history; null before the council approved the list. */
export async function formalizedList(db: Executor, municipalityId: string, processId: string): Promise<FormalizedList | null> {
  const snapshot = await repo.findSnapshot(db, municipalityId, processId);
  if (!snapshot) return null;
  const [amendments, codes] = await Promise.all([repo.amendmentsOf(db, municipalityId, processId), codesOf(db, municipalityId, processId)]);
  const { list, views } = await amendmentViews(db, snapshot.list, amendments);
  return {
    formalizedOn: snapshot.formalizedOn, frozenAt: snapshot.frozenAt, sha256: snapshot.sha256, snapshot: snapshot.list,
    envelopes: coded(list, codes), amendments: views,
  };
}

/** Where the approval chain of a process stands (for the staff's next steps). */
export async function approvalStep(db: Executor, municipalityId: string, processId: string): Promise<ChainStep> {
  const [sessions, answers] = await Promise.all([repo.sessionsOf(db, municipalityId, processId), repo.answersOf(db, municipalityId, processId)]);
  return chainState(sessions, answers).step;
}

/** The approval chain of a process: its sessions and answers, where it stands, the list and its amendments. */
export async function approvalChain(db: Executor, municipalityId: string, processId: string): Promise<ApprovalChain> {
  await requireProcess(db, municipalityId, processId);
  const [sessions, answers] = await Promise.all([repo.sessionsOf(db, municipalityId, processId), repo.answersOf(db, municipalityId, processId)]);
  const state = chainState(sessions, answers);
  const names = await userNames(db, [...sessions.map((s) => s.recordedBy), ...answers.map((a) => a.answeredBy)]);
  const views: SessionView[] = sessions.map((s) => {
    const a = answers.find((x) => x.body === s.body && x.seq === s.seq);
    return {
      body: s.body, seq: s.seq, heldOn: s.heldOn, reference: s.reference, decision: s.decision, observations: s.observations, reason: s.reason,
      recordedAt: s.recordedAt, recordedByName: names.get(s.recordedBy) ?? '',
      answer: a ? { text: a.answer, answeredAt: a.answeredAt, answeredByName: names.get(a.answeredBy) ?? '' } : null,
    };
  });
  const formal = await formalizedList(db, municipalityId, processId);
  if (formal) {
    return {
      voteClosed: true, step: state.step, nextBody: state.nextBody, sessions: views, envelopes: formal.envelopes,
      formalized: { formalizedOn: formal.formalizedOn, frozenAt: formal.frozenAt, sha256: formal.sha256 }, amendments: formal.amendments,
    };
  }
  const voted = await votedList(db, municipalityId, processId);
  const codes = await codesOf(db, municipalityId, processId);
  return {
    voteClosed: voted !== null, step: state.step, nextBody: state.nextBody, sessions: views,
    envelopes: voted ? coded(listOf(voted), codes) : null, formalized: null, amendments: [],
  };
}

/** The process locked for a write of the chain, in one of `phases`, with the list the vote adopted. */
async function openChain(trx: Executor, handle: DatabaseHandle, municipalityId: string, processId: string, phases: readonly Phase[], code: 'APPROVAL_NOT_OPEN' | 'AMENDMENT_AFTER_EXECUTION' | 'INVESTMENT_CODE_NOT_OPEN'): Promise<{ process: Process; voted: VotedList }> {
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId, 'update');
  if (!phases.includes(process.phase)) throw new AppError(code, { phase: process.phase });
  const voted = await votedList(trx, municipalityId, processId);
  if (!voted) throw new AppError('APPROVAL_VOTE_NOT_CLOSED', {});
  return { process, voted };
}

function notLater(date: string, field: string): void {
  if (date > localDate()) throw new AppError('APPROVAL_HELD_LATER', { date }, field);
}

/** Two recordings of one process at the same moment: the keys let one in; the other is told to look again. */
function meanwhile(err: unknown): never {
  if (isUniqueViolation(err)) throw new AppError('APPROVAL_RECORDED_MEANWHILE', {});
  throw err;
}

export interface SessionInput {
  body: ApprovalBody;
  heldOn: string;
  reference: string;
  decision: SessionDecision;
  observations: string | null;
  reason: string;
}

/** The canonical JSON of the list and its SHA-256: what the council approved, byte for byte. */
export function snapshotDigest(list: ListSnapshot): { content: string; sha256: string } {
  const content = canonicalJson(list);
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}

/**
 * The administrator records a session of the CCL or the council on the list: approved, or returned with
 * observations. The council's approval formalizes the list: it is frozen in the same transaction.
 */
export async function recordSession(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: SessionInput): Promise<ApprovalChain> {
  const observations = input.observations?.trim() ? input.observations.trim() : null;
  if (input.decision === 'returned' && !observations) throw new AppError('APPROVAL_OBSERVATIONS_REQUIRED', {}, 'observations');
  notLater(input.heldOn, 'heldOn');
  await handle.db.transaction().execute(async (trx) => {
    const { voted } = await openChain(trx, handle, municipalityId, processId, ['formalization'], 'APPROVAL_NOT_OPEN');
    const closed = localDate(voted.closedAt);
    if (input.heldOn < closed) throw new AppError('APPROVAL_SESSION_BEFORE_VOTE', { date: input.heldOn, closed }, 'heldOn');
    const [sessions, answers] = await Promise.all([repo.sessionsOf(trx, municipalityId, processId), repo.answersOf(trx, municipalityId, processId)]);
    const refusal = sessionRefusal(chainState(sessions, answers), input.body, input.heldOn);
    if (refusal) throw refusal;
    const seq = sessions.filter((s) => s.body === input.body).length + 1;
    const at = now();
    const session = { body: input.body, seq, heldOn: input.heldOn, reference: input.reference, decision: input.decision, observations: input.decision === 'returned' ? observations : null, reason: input.reason, recordedAt: at, recordedBy: actor.userId };
    await repo.insertSession(trx, municipalityId, processId, session);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'approval.record_session', entityType: 'process', entityId: processId, reason: input.reason,
      data: { body: input.body, seq, heldOn: input.heldOn, reference: input.reference, decision: input.decision, observations: session.observations },
    });
    if (input.body === 'council' && input.decision === 'approved') await freeze(trx, handle, actor, municipalityId, processId, voted, session);
  }).catch(meanwhile);
  return approvalChain(handle.db, municipalityId, processId);
}

async function freeze(trx: Executor, handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, list: VotedList, council: { seq: number; heldOn: string; reason: string; recordedAt: string }): Promise<void> {
  const { content, sha256 } = snapshotDigest(list);
  await repo.insertSnapshot(trx, municipalityId, processId, { councilSeq: council.seq, formalizedOn: council.heldOn, content, sha256, frozenAt: council.recordedAt, frozenBy: actor.userId });
  const funded = list.envelopes.flatMap((e) => e.funded);
  await appendAudit(trx, handle.dialect, {
    scope: municipalityId, actorId: actor.userId, action: 'approval.freeze', entityType: 'process', entityId: processId, reason: council.reason,
    data: { sha256, formalizedOn: council.heldOn, funded: funded.map((p) => ({ number: p.number, costCents: p.costCents })), totalCents: funded.reduce((s, p) => s + p.costCents, 0) },
  });
}

/** The municipality answers the observations of the session that returned the list, before resubmitting it. */
export async function answerObservations(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, answer: string): Promise<ApprovalChain> {
  await handle.db.transaction().execute(async (trx) => {
    await openChain(trx, handle, municipalityId, processId, ['formalization'], 'APPROVAL_NOT_OPEN');
    const [sessions, answers] = await Promise.all([repo.sessionsOf(trx, municipalityId, processId), repo.answersOf(trx, municipalityId, processId)]);
    const returned = chainState(sessions, answers).awaitingAnswer;
    if (!returned) throw new AppError('APPROVAL_NOTHING_TO_ANSWER', {});
    await repo.insertAnswer(trx, municipalityId, processId, { body: returned.body, seq: returned.seq, answer, answeredAt: now(), answeredBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'approval.answer', entityType: 'process', entityId: processId, reason: answer,
      data: { body: returned.body, seq: returned.seq, heldOn: returned.heldOn, observations: returned.observations },
    });
  }).catch(meanwhile);
  return approvalChain(handle.db, municipalityId, processId);
}

export interface AmendmentInput {
  change: AmendmentChange;
  reason: string;
  vote: AmendmentVote;
}

/** An amendment of the formalized list, decided by a vote (more for than against), applied on top of the snapshot. */
export async function amend(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: AmendmentInput): Promise<ApprovalChain> {
  const refusal = amendmentVoteRefusal(input.vote);
  if (refusal) throw refusal;
  notLater(input.vote.heldOn, 'vote.heldOn');
  await handle.db.transaction().execute(async (trx) => {
    await openChain(trx, handle, municipalityId, processId, ['formalization', 'execution'], 'AMENDMENT_AFTER_EXECUTION');
    const snapshot = await repo.findSnapshot(trx, municipalityId, processId);
    if (!snapshot) {
      const state = chainState(await repo.sessionsOf(trx, municipalityId, processId), await repo.answersOf(trx, municipalityId, processId));
      throw new AppError('LIST_NOT_FORMALIZED', { body: `approval.${state.step}` });
    }
    if (input.vote.heldOn < snapshot.formalizedOn) {
      throw new AppError('APPROVAL_SESSION_BEFORE_LAST', { date: input.vote.heldOn, last: snapshot.formalizedOn }, 'vote.heldOn');
    }
    const amendments = await repo.amendmentsOf(trx, municipalityId, processId);
    const { list } = await amendmentViews(trx, snapshot.list, amendments);
    const seq = amendments.length + 1;
    const before = list.flatMap((e) => e.funded).find((p) => p.proposalId === input.change.proposalId);
    const after = applyAmendment(list, seq, input.change);
    const envelope = after.find((e) => e.withdrawn.some((w) => w.amendment === seq) || e.funded.some((p) => p.proposalId === input.change.proposalId));
    await repo.insertAmendment(trx, municipalityId, processId, { seq, change: input.change, reason: input.reason, vote: input.vote, recordedAt: now(), recordedBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'approval.amend', entityType: 'process', entityId: processId, reason: input.reason,
      data: {
        seq, ...input.change, number: before?.number ?? null, previousCostCents: before?.costCents ?? null, vote: input.vote,
        envelope: envelope?.key ?? null, envelopeSpentCents: envelope?.spentCents ?? null,
      },
    });
  }).catch(meanwhile);
  return approvalChain(handle.db, municipalityId, processId);
}

/**
 * The administrator sets (or clears, with null) a project's code in the national investment system, before or after
 * formalization: the code often comes late, and is not an amendment of the list.
 */
export async function setInvestmentCode(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, proposalId: string, input: { investmentCode: string | null; reason: string }): Promise<ApprovalChain> {
  if (input.investmentCode !== null && !INVESTMENT_CODE.test(input.investmentCode)) throw new AppError('VALIDATION', { rule: 'investment_code' }, 'investmentCode');
  await handle.db.transaction().execute(async (trx) => {
    const { voted } = await openChain(trx, handle, municipalityId, processId, ['formalization', 'execution'], 'INVESTMENT_CODE_NOT_OPEN');
    const snapshot = await repo.findSnapshot(trx, municipalityId, processId);
    const project = (snapshot?.list ?? voted).envelopes.flatMap((e) => [...e.funded, ...e.alternates]).find((p) => p.proposalId === proposalId);
    if (!project) throw new AppError('APPROVAL_NOT_A_PROJECT', { value: proposalId }, 'proposalId');
    const current = (await repo.investmentCodesOf(trx, municipalityId, processId)).find((c) => c.proposalId === proposalId)?.code ?? null;
    if (current === input.investmentCode) throw new AppError('INVESTMENT_CODE_UNCHANGED', { number: project.number });
    if (input.investmentCode === null) await repo.deleteInvestmentCode(trx, municipalityId, processId, proposalId);
    else await repo.insertInvestmentCode(trx, municipalityId, processId, { proposalId, code: input.investmentCode, reason: input.reason, setAt: now(), setBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: input.investmentCode === null ? 'approval.clear_code' : 'approval.set_code', entityType: 'proposal', entityId: proposalId,
      reason: input.reason, data: { processId, number: project.number, from: current, to: input.investmentCode },
    });
  });
  return approvalChain(handle.db, municipalityId, processId);
}
