import type { Executor } from '../db/database.ts';
import { findVote } from './voting.repository.ts';
import { paperFigures, turnout } from './voting.service.ts';

/** What other areas may read of the vote (the Acta reads the results). */

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

/** Whether the vote of a process is closed (a phase may depend on it). */
export async function voteClosed(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  return (await findVote(db, municipalityId, processId))?.status === 'closed';
}
