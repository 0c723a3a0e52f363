/**
 * The provisional list of Concertation, as a pure function: viable proposals get a score (the technical team's weighted
 * score, combined where the process says so with the workshops' own prioritization votes), and each envelope's
 * proposals are fitted to it by the rules library's greedy rule, which also ranks them, breaks ties by the declared
 * rule and explains every verdict. Nothing here reads or writes the database.
 */
import {
  computeOutcome,
  createElection,
  formatExplanation,
  type Explanation,
  type Locale,
  type TieBreak,
  type TieRule,
} from '@concerta/pb-rules';
import type { PrioritizationSettings } from '@concerta/contracts';

export type Viability = 'viable' | 'viable_with_changes' | 'not_viable';

/** One evaluator's part of a proposal's technical score. */
export interface EvaluatorScore {
  evaluatorId: string;
  evaluatorName: string;
  viability: Viability;
  adjustedCostCents: number;
  weightedScore: number;
  scores: { criterionId: string; score: number }[];
}

/** A proposal as prioritization sees it: what it asks, what the technical team found, what the workshops voted. */
export interface Candidate {
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  requestedCostCents: number;
  /** Null while its evaluation is not complete. */
  evaluation: null | {
    viability: Viability;
    adjustedCostCents: number;
    /** 0..100, the mean of the evaluators' weighted scores. */
    technicalScore: number;
    evaluators: EvaluatorScore[];
  };
  /** Votes the proposal got in the workshops' own prioritization, over all workshops. */
  workshopVotes: number;
}

export interface PrioritizationInput {
  processId: string;
  envelopeCents: number;
  zoneEnvelopes: { zoneId: string; zoneName: string; amountCents: number }[];
  settings: PrioritizationSettings;
  candidates: Candidate[];
}

export type EntryStatus = 'funded' | 'alternate' | 'not_viable' | 'not_evaluated';

export interface Entry {
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  status: EntryStatus;
  /** Place in its envelope's ranking (viable proposals only). */
  rank: number | null;
  requestedCostCents: number;
  /** The technical team's adjusted cost: what the envelope pays. */
  costCents: number | null;
  technicalScore: number | null;
  workshopVotes: number;
  /** The workshop votes on the 0..100 scale: 100 for the most voted proposal of the envelope. */
  workshopScore: number | null;
  /** The score the ranking uses, two decimals. */
  score: number | null;
  evaluators: EvaluatorScore[];
  /** Why it is in or out: the rules library's explanations, as data. */
  reasons: Explanation[];
}

/** One envelope: a zone's share, or the municipality-wide rest for zones without their own. */
export interface Pool {
  key: string;
  zoneName: string | null;
  budgetCents: number;
  spentCents: number;
  entries: Entry[];
  tieBreaks: TieBreak[];
}

export interface Prioritization {
  settings: PrioritizationSettings;
  pools: Pool[];
}

/** Pool key of the proposals whose zone has no envelope of its own. */
export const MUNICIPALITY_POOL = 'municipality';

/** The library's project id for a proposal: its number, zero-padded so that text order is submission order. */
export function projectIdOf(number: number): string {
  return String(number).padStart(4, '0');
}

/** Two decimals, as the ranking uses them (and shows them). */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function soles(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** The pools a process's envelope splits into: one per zone envelope, and the rest for zones without one. */
export function poolsOf(input: Pick<PrioritizationInput, 'envelopeCents' | 'zoneEnvelopes'>): { key: string; zoneName: string | null; budgetCents: number }[] {
  const pools: { key: string; zoneName: string | null; budgetCents: number }[] = input.zoneEnvelopes
    .filter((z) => z.amountCents > 0)
    .map((z) => ({ key: z.zoneId, zoneName: z.zoneName, budgetCents: z.amountCents }));
  const rest = input.envelopeCents - pools.reduce((sum, p) => sum + p.budgetCents, 0);
  if (rest > 0 || pools.length === 0) pools.push({ key: MUNICIPALITY_POOL, zoneName: null, budgetCents: Math.max(rest, 0) });
  return pools;
}

export function tieRuleOf(settings: PrioritizationSettings, processId: string): TieRule {
  return settings.ties === 'lottery' ? { kind: 'lottery', seed: processId } : { kind: 'declared' };
}

/**
 * Ranks and fits every envelope. A proposal is in an envelope's election when its evaluation is complete and viable
 * (with or without changes); the others are listed with the reason they are out. The election is one scoring ballot
 * whose points are the scores, counted with the `cost-points` utility, so the library's greedy ranks by score and funds
 * down the ranking what still fits, skipping what does not.
 */
export function prioritize(input: PrioritizationInput): Prioritization {
  const { settings } = input;
  const share = settings.workshopShare;
  const ties = tieRuleOf(settings, input.processId);
  const pools = poolsOf(input);
  const poolKeys = new Set(pools.map((p) => p.key));
  const byPool = new Map<string, Candidate[]>(pools.map((p) => [p.key, []]));
  for (const c of input.candidates) byPool.get(poolKeys.has(c.zoneId) ? c.zoneId : MUNICIPALITY_POOL)?.push(c);

  return {
    settings,
    pools: pools.map((pool) => {
      const candidates = [...(byPool.get(pool.key) ?? [])].sort((a, b) => a.number - b.number);
      const viable = candidates.filter((c) => c.evaluation !== null && c.evaluation.viability !== 'not_viable');
      const maxVotes = Math.max(0, ...viable.map((c) => c.workshopVotes));
      const scored = new Map(viable.map((c) => {
        const technical = c.evaluation!.technicalScore;
        const workshop = maxVotes > 0 ? (100 * c.workshopVotes) / maxVotes : 0;
        return [c.proposalId, { workshop: round2(workshop), score: round2((1 - share) * technical + share * workshop) }];
      }));

      const entries: Entry[] = [];
      let tieBreaks: TieBreak[] = [];
      let spentCents = 0;
      const verdicts = new Map<string, { funded: boolean; reasons: Explanation[]; rank: number | null }>();
      if (viable.length > 0 && pool.budgetCents > 0) {
        const ids = viable.map((c) => projectIdOf(c.number));
        const election = createElection({
          budget: soles(pool.budgetCents),
          projects: viable.map((c) => ({ id: projectIdOf(c.number), cost: soles(c.evaluation!.adjustedCostCents), name: c.title })),
          ballots: [{ voterId: 'matrix', projects: ids, points: viable.map((c) => scored.get(c.proposalId)!.score) }],
          settings: { kind: 'scoring', minScore: 0, maxScore: 100 },
        });
        if (!election.ok) throw new Error(`prioritization election: ${JSON.stringify(election.errors)}`);
        const outcome = computeOutcome(election.value, 'greedy', { utility: 'cost-points', ties });
        if (!outcome.ok) throw new Error(`prioritization outcome: ${JSON.stringify(outcome.errors)}`);
        tieBreaks = [...outcome.value.tieBreaks];
        outcome.value.verdicts.forEach((v) => {
          const rank = v.reasons.map((r) => ('rank' in r.params ? (r.params as { rank: number }).rank : null)).find((r) => r !== null) ?? null;
          verdicts.set(v.projectId, { funded: v.funded, reasons: [...v.reasons], rank });
        });
      }
      for (const c of candidates) {
        const common = {
          proposalId: c.proposalId, number: c.number, title: c.title, zoneId: c.zoneId, zoneName: c.zoneName,
          requestedCostCents: c.requestedCostCents, workshopVotes: c.workshopVotes,
          evaluators: c.evaluation?.evaluators ?? [],
          technicalScore: c.evaluation?.technicalScore ?? null,
          costCents: c.evaluation?.adjustedCostCents ?? null,
        };
        const verdict = verdicts.get(projectIdOf(c.number));
        const s = scored.get(c.proposalId);
        if (verdict && s) {
          if (verdict.funded) spentCents += c.evaluation!.adjustedCostCents;
          entries.push({ ...common, status: verdict.funded ? 'funded' : 'alternate', rank: verdict.rank, workshopScore: s.workshop, score: s.score, reasons: verdict.reasons });
        } else {
          entries.push({
            ...common, status: c.evaluation === null ? 'not_evaluated' : c.evaluation.viability === 'not_viable' ? 'not_viable' : 'alternate',
            rank: null, workshopScore: s?.workshop ?? null, score: s?.score ?? null, reasons: [],
          });
        }
      }
      entries.sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.number - b.number);
      return { key: pool.key, zoneName: pool.zoneName, budgetCents: pool.budgetCents, spentCents, entries, tieBreaks };
    }),
  };
}

/** An entry's explanation in a language, one sentence per reason. */
export function explain(entry: Pick<Entry, 'reasons'>, locale: Locale): string[] {
  return entry.reasons.map((r) => formatExplanation(r, locale));
}
