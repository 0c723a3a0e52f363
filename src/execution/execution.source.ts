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

/** A project an amendment took off the formalized list, with the amendment's number and reason. */
export interface WithdrawnProject {
  proposalId: string;
  amendment: number;
  reason: string;
}

/**
 * What execution tracks, from one read of the list: the funded projects, envelope by envelope in priority order, and
 * the projects amendments withdrew (none before formalization); null while there is no list yet.
 */
export async function trackingSource(db: Executor, municipalityId: string, processId: string): Promise<{ funded: FundedProject[]; withdrawn: WithdrawnProject[] } | null> {
  const formalized = await formalizedList(db, municipalityId, processId);
  const list = formalized ?? (await votedList(db, municipalityId, processId));
  if (!list) return null;
  return {
    funded: list.envelopes.flatMap((e) => e.funded.map((p) => ({
      proposalId: p.proposalId, number: p.number, title: p.title, zoneId: p.zoneId, zoneName: p.zoneName, costCents: p.costCents,
      priority: p.priority, sources: p.financing.sources, investmentCode: 'investmentCode' in p ? p.investmentCode : null,
    }))),
    withdrawn: formalized ? formalized.envelopes.flatMap((e) => e.withdrawn.map((p) => ({
      proposalId: p.proposalId, amendment: p.amendment, reason: formalized.amendments.find((a) => a.seq === p.amendment)?.reason ?? '',
    }))) : [],
  };
}
