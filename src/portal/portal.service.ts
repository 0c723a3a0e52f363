import type { Executor } from '../db/database.ts';
import { publishedEvaluations, type EvaluatedProposal } from '../evaluation/evaluation.queries.ts';
import { zonesById } from '../plan/plan.queries.ts';
import type { Process } from '../processes/process.ts';
import { listProposals, type ProposalSummary } from '../proposals/proposals.queries.ts';
import { voteResults, type VoteResults } from '../voting/voting.queries.ts';
import { workshopVotesByProposal } from '../workshops/workshops.queries.ts';
import { project, type OpenDataRow } from './open-data.ts';
import { portalStatus, share, type NationalFilter, type PortalStatus } from './portal.ts';
import * as repo from './portal.repository.ts';

/** The national view: the years' series, the year's regions (or a region's provinces), and a page of municipalities. */
export async function national(db: Executor, filter: NationalFilter, year: number | undefined, page: { limit: number; offset: number }) {
  const fiscalYear = year ?? await repo.latestYear(db);
  const groupedBy = filter.regionId ? 'province' as const : 'region' as const;
  const [places, years, groups, municipalities] = await Promise.all([
    repo.places(db, filter.regionId),
    repo.nationalYears(db, filter),
    fiscalYear === null ? Promise.resolve([]) : repo.nationalGroups(db, filter, fiscalYear, groupedBy),
    repo.nationalMunicipalities(db, filter, fiscalYear, page),
  ]);
  return {
    year: fiscalYear,
    places,
    years: years.map((y) => ({ ...y, envelopeShare: share(y.envelopeCents, y.investmentBudgetCents), womenShare: share(y.women, y.approved) })),
    groupedBy,
    groups: groups.map((g) => ({ ...g, envelopeShare: share(g.envelopeCents, g.investmentBudgetCents), womenShare: share(g.women, g.approved) })),
    municipalities: {
      total: municipalities.total, limit: page.limit, offset: page.offset,
      rows: municipalities.rows.map((m) => ({
        ...m,
        process: m.process && { ...m.process, envelopeShare: share(m.process.envelopeCents, m.process.investmentBudgetCents), womenShare: share(m.process.women, m.process.approved) },
      })),
    },
  };
}

/** A municipality's processes over the years, oldest first: envelope in soles and as a share of the investment budget. */
export async function history(db: Executor, municipalityId: string) {
  const processes = await repo.municipalityProcesses(db, municipalityId);
  return processes.map((p) => ({ ...p, envelopeShare: share(p.envelopeCents, p.investmentBudgetCents) }));
}

/** A proposal as the portal shows it: its evaluation, workshop votes, vote result (after the close only) and status. */
export interface PortalProposal {
  summary: ProposalSummary;
  evaluation: EvaluatedProposal | null;
  workshopVotes: number | null;
  vote: { envelope: string; envelopeName: string | null; envelopeBudgetCents: number; votes: number; funded: boolean; priority: number } | null;
  status: PortalStatus;
}

export interface ProcessEverything {
  voteClosed: boolean;
  results: VoteResults | null;
  proposals: PortalProposal[];
  /** Zone id -> code. */
  zoneCodes: ReadonlyMap<string, string>;
}

/** Every proposal of a process (narrowed by zone, axis and words) with everything public about it, by number. */
export async function processEverything(db: Executor, municipalityId: string, processId: string, filter: { zoneId?: string | undefined; axisId?: string | undefined; q?: string | undefined } = {}): Promise<ProcessEverything> {
  const [{ proposals }, votes, results, zones] = await Promise.all([
    listProposals(db, municipalityId, { processId, zoneId: filter.zoneId, axisId: filter.axisId, q: filter.q }),
    workshopVotesByProposal(db, municipalityId, processId),
    // Null until the vote is closed: no count, funded or not, leaves before that.
    voteResults(db, municipalityId, processId),
    zonesById(db, municipalityId),
  ]);
  const evaluations = new Map((await publishedEvaluations(db, municipalityId, processId, proposals.map((p) => p.id))).map((e) => [e.proposalId, e]));
  const onBallot = new Map<string, NonNullable<PortalProposal['vote']>>();
  for (const e of results?.envelopes ?? []) {
    const entry = (funded: boolean) => (p: { proposalId: string; votes: number }, i: number) =>
      onBallot.set(p.proposalId, { envelope: e.key, envelopeName: e.zoneName, envelopeBudgetCents: e.budgetCents, votes: p.votes, funded, priority: funded ? i + 1 : e.funded.length + i + 1 });
    e.funded.forEach(entry(true));
    e.alternates.forEach(entry(false));
  }
  return {
    voteClosed: results !== null,
    results,
    zoneCodes: new Map([...zones.values()].map((z) => [z.id, z.code])),
    proposals: proposals.map((summary) => {
      const evaluation = evaluations.get(summary.id) ?? null;
      const vote = onBallot.get(summary.id) ?? null;
      return {
        summary, evaluation, workshopVotes: votes.get(summary.id) ?? null, vote,
        status: portalStatus({ withdrawn: summary.status === 'withdrawn', viability: evaluation?.viability ?? null, voteClosed: results !== null, funded: vote?.funded ?? false }),
      };
    }),
  };
}

/* The open data rows, written from the schema's fields (open-data.ts): nothing else can enter a file. */

interface Where { municipality: { slug: string }; process: Pick<Process, 'id' | 'fiscalYear'> }

function where(w: Where): OpenDataRow {
  return { municipality: w.municipality.slug, processId: w.process.id, fiscalYear: w.process.fiscalYear };
}

export function processRow(municipality: { slug: string }, p: Pick<Process, 'id' | 'fiscalYear' | 'name' | 'phase' | 'envelopeCents' | 'investmentBudgetCents'>, closedAt: string | null): OpenDataRow {
  return project('processes', {
    ...where({ municipality, process: p }), name: p.name, phase: p.phase, envelopeCents: p.envelopeCents, investmentBudgetCents: p.investmentBudgetCents,
    envelopeShare: share(p.envelopeCents, p.investmentBudgetCents), voteClosed: closedAt !== null, voteClosedAt: closedAt,
  });
}

export function proposalRows(w: Where, everything: ProcessEverything): OpenDataRow[] {
  return everything.proposals.map(({ summary: s, workshopVotes, status }) => project('proposals', {
    ...where(w), proposalId: s.id, number: s.number, title: s.current.title, zoneCode: everything.zoneCodes.get(s.current.zone.id) ?? '', zone: s.current.zone.name,
    axisCode: s.current.axis.code, axis: s.current.axis.name, objectiveCode: s.current.objective.code, requestedCostCents: s.current.costCents,
    cofinancingCents: s.cofinancingCents, beneficiariesCount: s.current.beneficiariesCount, organization: s.author.organization?.name ?? null,
    source: s.source, proposalStatus: s.status, submittedAt: s.submittedAt, workshopVotes, status,
  }));
}

export function evaluationRows(w: Where, everything: ProcessEverything): OpenDataRow[] {
  return everything.proposals.flatMap(({ summary: s, evaluation: e }) => e ? [project('evaluations', {
    ...where(w), proposalId: s.id, number: s.number, viability: e.viability, adjustedCostCents: e.adjustedCostCents,
    weightedScore: e.weightedScore, evaluators: e.evaluators.length, publishedAt: e.publishedAt,
  })] : []);
}

/** The rows of a closed vote's results; none before the close. */
export function resultRows(w: Where, results: VoteResults | null): OpenDataRow[] {
  if (!results) return [];
  return results.envelopes.flatMap((e) => [...e.funded.map((p) => [p, true] as const), ...e.alternates.map((p) => [p, false] as const)].map(([p, funded], i) => project('results', {
    ...where(w), closedAt: results.closedAt, outcomeRule: results.outcomeRule, envelope: e.key, envelopeName: e.zoneName,
    envelopeBudgetCents: e.budgetCents, proposalId: p.proposalId, number: p.number, title: p.title, costCents: p.costCents,
    votes: p.votes, funded, priority: i + 1,
  })));
}
