/**
 * The transparency portal's pure rules: the shares it shows, and where a proposal stands in its process. No I/O here.
 *
 * Definitions (stable: they feed public tables, charts and the open data):
 * - A municipality "runs PB" in a fiscal year when it has a process for that year, in any phase.
 * - `envelopeShare` = envelope / investment budget (0..1, 4 decimals), null when there is no budget to divide by.
 * - `womenShare` = approved women / approved agents (0..1, 4 decimals), null when nobody is approved.
 */

/** What the national view is narrowed to: a region, a province of it, words of the municipality's name. */
export interface NationalFilter {
  regionId?: string | undefined;
  provinceId?: string | undefined;
  q?: string | undefined;
}

export interface NationalYearRow {
  fiscalYear: number;
  /** Municipalities with a process that year. */
  running: number;
  envelopeCents: number;
  investmentBudgetCents: number;
  approved: number;
  women: number;
}

export interface NationalGroupRow {
  id: string;
  name: string;
  level: 'region' | 'province';
  /** Municipalities on the installation in the group. */
  municipalities: number;
  /** Of them, those with a process in the year. */
  running: number;
  envelopeCents: number;
  investmentBudgetCents: number;
  approved: number;
  women: number;
}

export interface NationalMunicipalityRow {
  id: string;
  slug: string;
  name: string;
  kind: 'provincial' | 'district';
  province: { id: string; name: string };
  region: { id: string; name: string };
  /** Its process of the year, or null when it did not run PB that year. */
  process: { id: string; name: string; phase: string; envelopeCents: number; investmentBudgetCents: number; approved: number; women: number } | null;
}

/** part / whole, 0..1 rounded to 4 decimals; null when the whole is zero. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/**
 * Where a proposal stands, as the portal lists and filters it:
 * - `withdrawn`: its authors withdrew it;
 * - `in_evaluation`: submitted, its technical evaluation not published yet;
 * - `not_viable`: the published evaluation found it not viable;
 * - `evaluated`: viable (or viable with changes) and the vote not closed yet;
 * - `funded`: the closed vote funded it;
 * - `not_funded`: viable, and the closed vote did not fund it (an alternate, or not on the ballot).
 */
export const PORTAL_STATUSES = ['withdrawn', 'in_evaluation', 'not_viable', 'evaluated', 'funded', 'not_funded'] as const;
export type PortalStatus = (typeof PORTAL_STATUSES)[number];

export function portalStatus(p: {
  withdrawn: boolean;
  viability: 'viable' | 'viable_with_changes' | 'not_viable' | null;
  voteClosed: boolean;
  funded: boolean;
}): PortalStatus {
  if (p.withdrawn) return 'withdrawn';
  if (p.funded) return 'funded';
  if (p.viability === null) return 'in_evaluation';
  if (p.viability === 'not_viable') return 'not_viable';
  return p.voteClosed ? 'not_funded' : 'evaluated';
}
