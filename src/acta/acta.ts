/**
 * The Acta de Acuerdos y Compromisos, as pure rules (no I/O): what an issued Acta holds (the content frozen at its
 * issue), how it is built from what the vote adopted, Coordination agreed and the committee election chose, its
 * SHA-256 over the canonical JSON, and what is still missing before it can be issued.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/audit-log.ts';
import type { Committee } from '../committee/committee.queries.ts';
import type { AgreementView } from '../coordination/coordination.queries.ts';
import type { VotedList, VotedProject, VoteResults } from '../voting/voting.queries.ts';

/** The capacity in which someone signs the Acta. */
export const SIGNATORY_CAPACITIES = ['mayor', 'participating_agent', 'technical_team', 'oversight_committee', 'other'] as const;
export type SignatoryCapacity = (typeof SIGNATORY_CAPACITIES)[number];

/** The formalization session the Acta records: a local date, the place, and local start and end times (HH:MM). */
export interface ActaSession {
  heldOn: string;
  place: string;
  startTime: string;
  endTime: string;
}

export interface Signatory {
  name: string;
  /** Kept with the draft for staff; the published Acta, like the accreditation act's public copy, carries no DNI. */
  dni: string | null;
  capacity: SignatoryCapacity;
  /** Free text: the office, the organization, or what "other" means. Required for `other`. */
  detail: string | null;
}

/** One source of a project's financing, as the Acta prints it: who pays, money or in kind, how much, on what terms. */
export interface ActaSource {
  source: 'participatory_budget' | 'pledge' | 'agreement';
  /** Who: the municipality, the funder of a pledge, the party of an agreement. */
  party: string;
  /** The funder's or party's kind (FunderKind or PartyKind); null for the participatory budget. */
  partyKind: string | null;
  contribution: 'money' | 'in_kind';
  amountCents: number;
  /** An agreement's conditions; null otherwise. */
  conditions: string | null;
}

export interface ActaProject {
  number: number;
  title: string;
  zoneName: string;
  priority: number;
  votes: number;
  costCents: number;
  reach: string;
  financing: { municipalityCents: number; cofinancingCents: number; totalCents: number; gapCents: number; sources: ActaSource[] };
}

export interface ActaEnvelope {
  key: string;
  /** The zone's name; null for the district-wide rest. */
  zoneName: string | null;
  budgetCents: number;
  spentCents: number;
  funded: ActaProject[];
  alternates: ActaProject[];
}

/** Everything an issued Acta says: frozen at its issue, hashed, and the only input of its PDF and public page. */
export interface ActaContent {
  version: number;
  issuedAt: string;
  /** Why this version corrects the previous one; null for the first. */
  correction: string | null;
  municipality: string;
  process: { id: string; name: string; fiscalYear: number };
  session: ActaSession;
  vote: { closedAt: string; outcomeRule: string; turnout: VoteResults['turnout'] };
  envelopes: ActaEnvelope[];
  committee: { heldOn: string; place: string; members: { name: string; sex: string; organization: string | null }[] };
  signatories: { name: string; capacity: SignatoryCapacity; detail: string | null }[];
}

/** What the Acta is built from, read from the areas that own it. */
export interface ActaSources {
  municipality: string;
  process: { id: string; name: string; fiscalYear: number };
  session: ActaSession | null;
  signatories: Signatory[];
  voted: VotedList | null;
  turnout: VoteResults['turnout'] | null;
  committee: Committee;
  /** The agreements of Coordination (for their conditions), by id. */
  agreements: ReadonlyMap<string, AgreementView>;
}

export interface MissingForIssue {
  code: 'ACTA_VOTE_NOT_CLOSED' | 'ACTA_COMMITTEE_NOT_ELECTED' | 'ACTA_SESSION_NOT_RECORDED' | 'ACTA_NO_SIGNATORIES';
  params: Record<string, unknown>;
}

/** Every reason the Acta cannot be issued yet, in the order the session goes: vote, committee, session, signatures. */
export function missingForIssue(s: Pick<ActaSources, 'session' | 'signatories' | 'voted' | 'committee'>): MissingForIssue[] {
  const missing: MissingForIssue[] = [];
  if (!s.voted) missing.push({ code: 'ACTA_VOTE_NOT_CLOSED', params: {} });
  if (!s.committee.election || s.committee.members.length < s.committee.seats) {
    missing.push({ code: 'ACTA_COMMITTEE_NOT_ELECTED', params: { filled: s.committee.members.length, seats: s.committee.seats } });
  }
  if (!s.session) missing.push({ code: 'ACTA_SESSION_NOT_RECORDED', params: {} });
  if (s.signatories.length === 0) missing.push({ code: 'ACTA_NO_SIGNATORIES', params: {} });
  return missing;
}

function project(p: VotedProject, municipality: string, agreements: ReadonlyMap<string, AgreementView>): ActaProject {
  const sources: ActaSource[] = p.financing.sources.map((s) => {
    if (s.source === 'participatory_budget') return { source: s.source, party: municipality, partyKind: null, contribution: 'money', amountCents: s.amountCents, conditions: null };
    if (s.source === 'pledge') return { source: s.source, party: s.funderName, partyKind: s.funderKind, contribution: s.contribution, amountCents: s.amountCents, conditions: null };
    return { source: s.source, party: s.partyName, partyKind: s.partyKind, contribution: s.contribution, amountCents: s.amountCents, conditions: agreements.get(s.agreementId)?.conditions ?? null };
  });
  const f = p.financing;
  return {
    number: p.number, title: p.title, zoneName: p.zoneName, priority: p.priority, votes: p.votes, costCents: p.costCents, reach: p.reach,
    financing: { municipalityCents: f.municipalityCents, cofinancingCents: f.cofinancingCents, totalCents: f.totalCents, gapCents: f.gapCents, sources },
  };
}

/**
 * The content of a version of the Acta, from its sources; null when something is missing (see `missingForIssue`).
 * The signatories' DNI stays out of it: the Acta is public.
 */
export function buildActa(s: ActaSources, meta: { version: number; issuedAt: string; correction: string | null }): ActaContent | null {
  if (missingForIssue(s).length > 0 || !s.voted || !s.session || !s.committee.election || !s.turnout) return null;
  return {
    version: meta.version, issuedAt: meta.issuedAt, correction: meta.correction,
    municipality: s.municipality, process: { id: s.process.id, name: s.process.name, fiscalYear: s.process.fiscalYear },
    session: { heldOn: s.session.heldOn, place: s.session.place, startTime: s.session.startTime, endTime: s.session.endTime },
    vote: { closedAt: s.voted.closedAt, outcomeRule: s.voted.outcomeRule, turnout: s.turnout },
    envelopes: s.voted.envelopes.map((e) => ({
      key: e.key, zoneName: e.zoneName, budgetCents: e.budgetCents, spentCents: e.spentCents,
      funded: e.funded.map((p) => project(p, s.municipality, s.agreements)),
      alternates: e.alternates.map((p) => project(p, s.municipality, s.agreements)),
    })),
    committee: {
      heldOn: s.committee.election.heldOn, place: s.committee.election.place,
      members: s.committee.members.map((m) => ({ name: m.name, sex: m.sex, organization: m.organizationName })),
    },
    signatories: s.signatories.map((x) => ({ name: x.name, capacity: x.capacity, detail: x.detail })),
  };
}

/** The canonical JSON of an Acta's content (keys sorted at every depth): what is stored and what the hash covers. */
export function actaCanonical(content: ActaContent): string {
  return canonicalJson(content);
}

/** The SHA-256 (hex) of the Acta's canonical JSON: printed on it and recorded in the audit log. */
export function actaHash(content: ActaContent): string {
  return createHash('sha256').update(actaCanonical(content)).digest('hex');
}
