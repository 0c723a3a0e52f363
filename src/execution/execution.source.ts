import type { Executor } from '../db/database.ts';
import type { FinancingSource } from '../coordination/coordination.queries.ts';
import { votedList } from '../voting/voting.queries.ts';

/**
 * Where the funded projects come from: the one place execution reads them. Today the list the vote adopted
 * (voting's `votedList`); once the municipal council approves the list with its amendments, the approval chain's
 * `formalizedList` takes its place here and nowhere else.
 */
export interface FundedProject {
  proposalId: string;
  number: number;
  title: string;
  zoneId: string;
  zoneName: string;
  costCents: number;
  /** Its place in its envelope (1: funded first). */
  priority: number;
  /** Every source that pays for it, as the financing table left it. */
  sources: FinancingSource[];
}

/** The funded projects of a process, envelope by envelope in priority order; null while there is no list yet. */
export async function fundedProjects(db: Executor, municipalityId: string, processId: string): Promise<FundedProject[] | null> {
  const list = await votedList(db, municipalityId, processId);
  if (!list) return null;
  return list.envelopes.flatMap((e) => e.funded.map((p) => ({
    proposalId: p.proposalId, number: p.number, title: p.title, zoneId: p.zoneId, zoneName: p.zoneName, costCents: p.costCents,
    priority: p.priority, sources: p.financing.sources,
  })));
}
