/**
 * Coordination, as pure rules (no I/O): the parties a project's agreements are signed with, the reach a project may
 * have and the legal thresholds that go with it, and the financing table of a project of the provisional list.
 */
import type { Contribution, FunderKind } from '../proposals/proposals.ts';

export const PARTY_KINDS = ['regional_government', 'provincial_municipality', 'national_programme', 'ngo', 'company', 'community', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const REACHES = ['district', 'provincial', 'regional'] as const;
export type Reach = (typeof REACHES)[number];

/**
 * The thresholds of the law on participatory budgeting for a project of wider reach (domain.md): provincial reach
 * covers more than one district with at least S/ 1,200,000; regional reach more than one province with at least
 * S/ 3,000,000. Shown as a hint beside the reach; the administrator decides the reach, with a reason.
 */
export const REACH_THRESHOLDS = { provincialMinCents: 1_200_000_00, regionalMinCents: 3_000_000_00 } as const;

/** The level of government a project of wider reach must have an agreement with. */
export const PARTY_FOR_REACH: Readonly<Record<Exclude<Reach, 'district'>, PartyKind>> = {
  provincial: 'provincial_municipality',
  regional: 'regional_government',
};

/** The reach the cost alone allows: the widest whose threshold the cost reaches. */
export function reachAllowedByCost(costCents: number): Reach {
  if (costCents >= REACH_THRESHOLDS.regionalMinCents) return 'regional';
  if (costCents >= REACH_THRESHOLDS.provincialMinCents) return 'provincial';
  return 'district';
}

export interface AgreementAmount {
  id: string;
  partyKind: PartyKind;
  partyName: string;
  contribution: Contribution;
  amountCents: number;
}

export interface PledgeAmount {
  funderKind: FunderKind;
  funderName: string;
  contribution: Contribution;
  amountCents: number;
}

export type FinancingSource =
  | { source: 'participatory_budget'; contribution: 'money'; amountCents: number }
  | { source: 'pledge'; funderKind: FunderKind; funderName: string; contribution: Contribution; amountCents: number }
  | { source: 'agreement'; agreementId: string; partyKind: PartyKind; partyName: string; contribution: Contribution; amountCents: number };

export interface Financing {
  costCents: number;
  /** What the municipality's participatory budget pays. */
  municipalityCents: number;
  /** The co-financing: pledges of the proposal and agreements in force. */
  cofinancingCents: number;
  sources: FinancingSource[];
  totalCents: number;
  /** Cost minus every source: positive, money still missing; zero, financed; negative, over-financed by that much. */
  gapCents: number;
}

/**
 * The financing table of a project of the provisional list. The municipality's share is what the envelope funds:
 * for a funded project, the adjusted cost less the co-financing pledged and agreed (never below zero), so its gap is
 * zero unless the co-financing alone exceeds the cost (then it is negative: over-financed); for an alternate, nothing,
 * so its gap is what is missing for it to happen, which an agreement can close.
 */
export function financingOf(status: 'funded' | 'alternate', costCents: number, pledges: readonly PledgeAmount[], agreements: readonly AgreementAmount[]): Financing {
  const cofinancingCents = pledges.reduce((s, p) => s + p.amountCents, 0) + agreements.reduce((s, a) => s + a.amountCents, 0);
  const municipalityCents = status === 'funded' ? Math.max(0, costCents - cofinancingCents) : 0;
  const sources: FinancingSource[] = [
    ...(municipalityCents > 0 ? [{ source: 'participatory_budget' as const, contribution: 'money' as const, amountCents: municipalityCents }] : []),
    ...pledges.map((p) => ({ source: 'pledge' as const, funderKind: p.funderKind, funderName: p.funderName, contribution: p.contribution, amountCents: p.amountCents })),
    ...agreements.map((a) => ({ source: 'agreement' as const, agreementId: a.id, partyKind: a.partyKind, partyName: a.partyName, contribution: a.contribution, amountCents: a.amountCents })),
  ];
  const totalCents = municipalityCents + cofinancingCents;
  return { costCents, municipalityCents, cofinancingCents, sources, totalCents, gapCents: costCents - totalCents };
}

/** The financing table of a project as the vote left it (funded or alternate), from the co-financing it already has. */
export function financingAs(status: 'funded' | 'alternate', costCents: number, sources: readonly FinancingSource[]): Financing {
  const pledges = sources.flatMap((s) => (s.source === 'pledge' ? [{ funderKind: s.funderKind, funderName: s.funderName, contribution: s.contribution, amountCents: s.amountCents }] : []));
  const agreements = sources.flatMap((s) => (s.source === 'agreement' ? [{ id: s.agreementId, partyKind: s.partyKind, partyName: s.partyName, contribution: s.contribution, amountCents: s.amountCents }] : []));
  return financingOf(status, costCents, pledges, agreements);
}
