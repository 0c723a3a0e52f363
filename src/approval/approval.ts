/**
 * The approval chain of the formalized list, as pure rules (no I/O): where the chain stands given its sessions and
 * the municipality's answers, what may be recorded next, and the formalized list with its amendments applied.
 */
import { financingAs, type FinancingSource } from '../coordination/coordination.queries.ts';
import type { VotedList, VotedProject } from '../voting/voting.queries.ts';
import { AppError } from '../shared/errors.ts';
import { soles } from '../processes/process-settings.ts';

/** The bodies that approve the list, in the order they decide: the Consejo de Coordinación Local, then the council. */
export const APPROVAL_BODIES = ['ccl', 'council'] as const;
export type ApprovalBody = (typeof APPROVAL_BODIES)[number];

export const SESSION_DECISIONS = ['approved', 'returned'] as const;
export type SessionDecision = (typeof SESSION_DECISIONS)[number];

export interface ApprovalSession {
  body: ApprovalBody;
  /** 1, 2 ... per body: a returned list comes back to the same body as its next session. */
  seq: number;
  heldOn: string;
  /** The session as the body names it: "Sesión ordinaria N.° 12-2006". */
  reference: string;
  decision: SessionDecision;
  /** Required when the list is returned. */
  observations: string | null;
  reason: string;
  recordedAt: string;
  recordedBy: string;
}

/** The municipality's answer to a returned session's observations, before it resubmits the list. */
export interface ObservationAnswer {
  body: ApprovalBody;
  seq: number;
  answer: string;
  answeredAt: string;
  answeredBy: string;
}

/**
 * Where the chain stands: the step that is missing (the gate names it), or `formalized` once the council approved.
 * `*_returned`: the body returned the list and the municipality has not answered its observations yet.
 */
export const CHAIN_STEPS = ['ccl_pending', 'ccl_returned', 'council_pending', 'council_returned', 'formalized'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

export interface ChainState {
  step: ChainStep;
  /** The body whose session comes next (null when formalized). */
  nextBody: ApprovalBody | null;
  /** The returned session awaiting the municipality's answer, if any. */
  awaitingAnswer: ApprovalSession | null;
  /** The latest session held, of either body: the next one may not be dated before it. */
  last: ApprovalSession | null;
  cclApproved: ApprovalSession | null;
  councilApproved: ApprovalSession | null;
}

function bodyState(sessions: readonly ApprovalSession[], answers: readonly ObservationAnswer[], body: ApprovalBody) {
  const mine = sessions.filter((s) => s.body === body).sort((a, b) => a.seq - b.seq);
  const last = mine.at(-1) ?? null;
  if (!last) return { approved: null, awaiting: null };
  if (last.decision === 'approved') return { approved: last, awaiting: null };
  const answered = answers.some((a) => a.body === body && a.seq === last.seq);
  return { approved: null, awaiting: answered ? null : last };
}

/** The chain's state from its sessions and answers (the tables are append-only; the state is derived). */
export function chainState(sessions: readonly ApprovalSession[], answers: readonly ObservationAnswer[]): ChainState {
  const ccl = bodyState(sessions, answers, 'ccl');
  const council = bodyState(sessions, answers, 'council');
  const last = [...sessions].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.recordedAt.localeCompare(b.recordedAt)).at(-1) ?? null;
  const base = { last, cclApproved: ccl.approved, councilApproved: council.approved };
  if (!ccl.approved) {
    return ccl.awaiting
      ? { ...base, step: 'ccl_returned', nextBody: 'ccl', awaitingAnswer: ccl.awaiting }
      : { ...base, step: 'ccl_pending', nextBody: 'ccl', awaitingAnswer: null };
  }
  if (council.approved) return { ...base, step: 'formalized', nextBody: null, awaitingAnswer: null };
  return council.awaiting
    ? { ...base, step: 'council_returned', nextBody: 'council', awaitingAnswer: council.awaiting }
    : { ...base, step: 'council_pending', nextBody: 'council', awaitingAnswer: null };
}

/** Why a session of `body` held on `heldOn` may not be recorded now; null when it may. */
export function sessionRefusal(state: ChainState, body: ApprovalBody, heldOn: string): AppError | null {
  if (state.step === 'formalized') return new AppError('APPROVAL_ALREADY_FORMALIZED', { date: state.councilApproved!.heldOn });
  if (body === 'ccl' && state.cclApproved) return new AppError('APPROVAL_CCL_ALREADY_APPROVED', { date: state.cclApproved.heldOn });
  if (body === 'council' && !state.cclApproved) return new AppError('APPROVAL_CCL_FIRST', {});
  if (state.awaitingAnswer) return new AppError('APPROVAL_ANSWER_PENDING', { body: state.awaitingAnswer.body, date: state.awaitingAnswer.heldOn });
  if (state.last && heldOn < state.last.heldOn) return new AppError('APPROVAL_SESSION_BEFORE_LAST', { date: heldOn, last: state.last.heldOn }, 'heldOn');
  return null;
}

// --- The formalized list -------------------------------------------------------------------------------------------

/** A project of the formalized list: as the vote adopted it with Coordination's financing (votedList's project). */
export type ListProject = VotedProject;

export interface ListEnvelope {
  key: string;
  zoneName: string | null;
  budgetCents: number;
  /** The cost of the funded projects. */
  spentCents: number;
  funded: ListProject[];
  alternates: ListProject[];
  /** Projects an amendment took off the list, with the amendment's number. */
  withdrawn: (ListProject & { amendment: number })[];
}

/** The list the council approved, frozen: votedList's answer when the council approved, nothing recomputed. */
export type ListSnapshot = VotedList;

export const AMENDMENT_KINDS = ['withdraw', 'replace', 'change_amount'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export type AmendmentChange =
  | { kind: 'withdraw'; proposalId: string }
  | { kind: 'replace'; proposalId: string; replacementId: string }
  | { kind: 'change_amount'; proposalId: string; amountCents: number };

export interface AmendmentVote {
  heldOn: string;
  reference: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

export interface Amendment {
  seq: number;
  change: AmendmentChange;
  reason: string;
  vote: AmendmentVote;
  recordedAt: string;
  recordedBy: string;
}

/** A vote that decided an amendment: more votes for than against. */
export function amendmentVoteRefusal(vote: AmendmentVote): AppError | null {
  for (const [field, n] of [['votesFor', vote.votesFor], ['votesAgainst', vote.votesAgainst], ['abstentions', vote.abstentions]] as const) {
    if (!Number.isSafeInteger(n) || n < 0) return new AppError('VALIDATION', { rule: 'not_negative_count' }, field);
  }
  if (vote.votesFor <= vote.votesAgainst) return new AppError('AMENDMENT_NOT_ADOPTED', { for: vote.votesFor, against: vote.votesAgainst }, 'votesFor');
  return null;
}

function renumber(envelope: ListEnvelope): ListEnvelope {
  const funded = envelope.funded.map((p, i) => ({ ...p, priority: i + 1 }));
  const alternates = envelope.alternates.map((p, i) => ({ ...p, priority: funded.length + i + 1 }));
  return { ...envelope, funded, alternates, spentCents: funded.reduce((s, p) => s + p.costCents, 0) };
}

/** The snapshot as a list with an empty `withdrawn` part per envelope: the starting point of the amendments. */
export function listOf(snapshot: ListSnapshot): ListEnvelope[] {
  return snapshot.envelopes.map((e) => ({ key: e.key, zoneName: e.zoneName, budgetCents: e.budgetCents, spentCents: e.spentCents, funded: e.funded, alternates: e.alternates, withdrawn: [] }));
}

function cofinancing(sources: readonly FinancingSource[]): number {
  return sources.filter((s) => s.source !== 'participatory_budget').reduce((sum, s) => sum + s.amountCents, 0);
}

/**
 * One amendment applied to the list: withdraw a funded project, replace it by an alternate of the same envelope (which
 * takes its place and is financed as funded, the participatory budget paying what its co-financing leaves), or
 * change its amount (the participatory budget's share follows; never below what co-financing already pays).
 * Refused with a coded error when the amendment does not fit the list as it stands.
 */
export function applyAmendment(list: readonly ListEnvelope[], seq: number, change: AmendmentChange): ListEnvelope[] {
  const envelope = list.find((e) => e.funded.some((p) => p.proposalId === change.proposalId));
  if (!envelope) {
    const anywhere = list.flatMap((e) => [...e.alternates, ...e.withdrawn]).find((p) => p.proposalId === change.proposalId);
    throw new AppError('AMENDMENT_NOT_FUNDED', { value: anywhere ? `N.° ${anywhere.number}` : change.proposalId }, 'proposalId');
  }
  const index = envelope.funded.findIndex((p) => p.proposalId === change.proposalId);
  const project = envelope.funded[index]!;
  let next: ListEnvelope;
  if (change.kind === 'withdraw') {
    next = { ...envelope, funded: envelope.funded.filter((_, i) => i !== index), withdrawn: [...envelope.withdrawn, { ...project, amendment: seq }] };
  } else if (change.kind === 'replace') {
    const replacement = envelope.alternates.find((p) => p.proposalId === change.replacementId);
    if (!replacement) {
      const elsewhere = list.flatMap((e) => [...e.alternates, ...e.funded]).find((p) => p.proposalId === change.replacementId);
      throw new AppError('AMENDMENT_NOT_AN_ALTERNATE', { value: elsewhere ? `N.° ${elsewhere.number}` : change.replacementId, envelope: envelope.zoneName ?? '—' }, 'replacementId');
    }
    const funded = { ...replacement, financing: financingAs('funded', replacement.costCents, replacement.financing.sources.filter((s) => s.source !== 'participatory_budget')) };
    next = {
      ...envelope,
      funded: envelope.funded.map((p, i) => (i === index ? funded : p)),
      alternates: envelope.alternates.filter((p) => p.proposalId !== replacement.proposalId),
      withdrawn: [...envelope.withdrawn, { ...project, amendment: seq }],
    };
  } else {
    if (!Number.isSafeInteger(change.amountCents) || change.amountCents <= 0) throw new AppError('VALIDATION', { rule: 'positive_amount' }, 'amountCents');
    if (change.amountCents === project.costCents) throw new AppError('AMENDMENT_SAME_AMOUNT', { amount: soles(change.amountCents) }, 'amountCents');
    const co = cofinancing(project.financing.sources);
    if (change.amountCents < co) throw new AppError('AMENDMENT_BELOW_COFINANCING', { amount: soles(change.amountCents), cofinancing: soles(co) }, 'amountCents');
    const changed = { ...project, costCents: change.amountCents, financing: financingAs('funded', change.amountCents, project.financing.sources.filter((s) => s.source !== 'participatory_budget')) };
    next = { ...envelope, funded: envelope.funded.map((p, i) => (i === index ? changed : p)) };
  }
  return list.map((e) => (e.key === envelope.key ? renumber(next) : e));
}

/** The current formalized list: the snapshot with every amendment applied in order. */
export function currentList(snapshot: ListSnapshot, amendments: readonly Pick<Amendment, 'seq' | 'change'>[]): ListEnvelope[] {
  return [...amendments].sort((a, b) => a.seq - b.seq).reduce((list, a) => applyAmendment(list, a.seq, a.change), listOf(snapshot));
}

/** A code in the national investment system: Invierte.pe's unique investment code (CUI, 7 digits) or an older SNIP code. */
export const INVESTMENT_CODE = /^\d{4,10}$/;
