import type { Executor } from '../db/database.ts';
import { coordination, financingAs, type Financing, type Reach } from '../coordination/coordination.queries.ts';
import { findVote } from './voting.repository.ts';
import { paperFigures, turnout } from './voting.service.ts';

/** What other areas may read of the vote (the Acta, the approval chain and execution read the list it adopted). */

export interface VoteResultProject {
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  costCents: number;
  votes: number;
}

export interface VoteResults {
  closedAt: string;
  outcomeRule: string;
  ballotKind: string;
  turnout: { eligible: number; voted: number; online: number; paper: number; blank: number; spoiled: number };
  envelopes: {
    key: string;
    zoneName: string | null;
    budgetCents: number;
    spentCents: number;
    ballots: number;
    /** In the order the rule funded them. */
    funded: VoteResultProject[];
    /** The rest of the ballot's projects, by votes. */
    alternates: VoteResultProject[];
  }[];
}

/** The results of a process's vote: null until the vote is closed. */
export async function voteResults(db: Executor, municipalityId: string, processId: string): Promise<VoteResults | null> {
  const vote = await findVote(db, municipalityId, processId);
  if (!vote || vote.status !== 'closed' || !vote.result) return null;
  const t = await turnout(db, municipalityId, processId, vote);
  const paper = await paperFigures(db, municipalityId, vote);
  const project = (p: VoteResultProject) => ({ proposalId: p.proposalId, number: p.number, title: p.title, zoneId: p.zoneId, zoneName: p.zoneName, costCents: p.costCents, votes: p.votes });
  return {
    closedAt: vote.closedAt!, outcomeRule: vote.result.rule, ballotKind: vote.result.ballotKind,
    turnout: { eligible: t.eligible, voted: t.voted, online: t.online, paper: t.paper, blank: paper.blank, spoiled: paper.spoiled },
    envelopes: vote.result.pools.map((pool) => ({
      key: pool.key, zoneName: pool.zoneName, budgetCents: pool.budgetCents, spentCents: pool.spentCents, ballots: pool.ballots,
      funded: pool.projects.filter((p) => p.funded).map(project),
      alternates: pool.projects.filter((p) => !p.funded).map(project),
    })),
  };
}

/** Where a process's vote stands: not opened, open until its closing time, or closed. */
export async function voteState(db: Executor, municipalityId: string, processId: string): Promise<{ status: 'none' | 'open' | 'closed'; closesAt: string | null }> {
  const vote = await findVote(db, municipalityId, processId);
  return vote ? { status: vote.status, closesAt: vote.closesAt } : { status: 'none', closesAt: null };
}

/** Whether the vote of a process is closed (a phase may depend on it). */
export async function voteClosed(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  return (await findVote(db, municipalityId, processId))?.status === 'closed';
}

/** A project of the list the vote adopted, with what Coordination agreed for it. */
export interface VotedProject extends VoteResultProject {
  /** Its envelope's key (a zone's id, or `municipality` for the district-wide rest) and name (null: district-wide). */
  envelope: string;
  envelopeName: string | null;
  /** Its place in its envelope: funded projects first, in the order the rule funded them, then the alternates by votes. */
  priority: number;
  reach: Reach;
  /** Every source that pays for it, as funded by the vote: the participatory budget's share, pledges, agreements in force. */
  financing: Financing;
}

export interface VotedList {
  closedAt: string;
  outcomeRule: string;
  envelopes: { key: string; zoneName: string | null; budgetCents: number; spentCents: number; funded: VotedProject[]; alternates: VotedProject[] }[];
}

/**
 * The list the vote adopted, envelope by envelope, each project with its financing table: what the Acta records, the
 * councils approve and execution tracks. Null until the vote is closed.
 */
export async function votedList(db: Executor, municipalityId: string, processId: string): Promise<VotedList | null> {
  const results = await voteResults(db, municipalityId, processId);
  if (!results) return null;
  const projects = new Map((await coordination(db, municipalityId, processId)).projects.map((p) => [p.proposalId, p]));
  const voted = (envelope: { key: string; zoneName: string | null }, p: VoteResultProject, priority: number, funded: boolean): VotedProject => {
    const c = projects.get(p.proposalId);
    const sources = c?.financing.sources ?? [];
    return {
      ...p, envelope: envelope.key, envelopeName: envelope.zoneName, priority, reach: c?.reach ?? 'district',
      financing: financingAs(funded ? 'funded' : 'alternate', p.costCents, sources),
    };
  };
  return {
    closedAt: results.closedAt, outcomeRule: results.outcomeRule,
    envelopes: results.envelopes.map((e) => ({
      key: e.key, zoneName: e.zoneName, budgetCents: e.budgetCents, spentCents: e.spentCents,
      funded: e.funded.map((p, i) => voted(e, p, i + 1, true)),
      alternates: e.alternates.map((p, i) => voted(e, p, e.funded.length + i + 1, false)),
    })),
  };
}
