import type { Executor } from '../db/database.ts';
import type { FinancingSource } from '../coordination/coordination.queries.ts';
import { formalizedList } from '../approval/approval.queries.ts';
import { votedList } from '../voting/voting.queries.ts';

/**
 * Where the funded projects come from: the one place execution reads them. The list the municipal council approved,
 * with its amendments applied (the approval chain's `formalizedList`); for a process with no approval chain on record
 * (one formalized before the chain was kept here), the list the vote adopted.
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
  /** Its investment code (Invierte.pe) as the approval chain recorded it, if any. */
  investmentCode: string | null;
}

/** The funded projects of a process, envelope by envelope in priority order; null while there is no list yet. */
export async function fundedProjects(db: Executor, municipalityId: string, processId: string): Promise<FundedProject[] | null> {
  const list = (await formalizedList(db, municipalityId, processId)) ?? (await votedList(db, municipalityId, processId));
  if (!list) return null;
  return list.envelopes.flatMap((e) => e.funded.map((p) => ({
    proposalId: p.proposalId, number: p.number, title: p.title, zoneId: p.zoneId, zoneName: p.zoneName, costCents: p.costCents,
    priority: p.priority, sources: p.financing.sources, investmentCode: 'investmentCode' in p ? p.investmentCode : null,
  })));
}
