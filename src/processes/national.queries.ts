/** What the transparency portal may compose: the processes' figures, across municipalities and years. */
import type { Executor } from '../db/database.ts';

/**
 * Every process with its year, phase, envelope and investment budget (céntimos), as a subquery to aggregate in one
 * statement; only one fiscal year's when `fiscalYear` is given (a municipality has at most one process a year).
 */
export function processFigures(db: Executor, opts: { fiscalYear?: number | undefined; municipalityId?: string | undefined } = {}) {
  let q = db.selectFrom('processes')
    .select(['municipality_id', 'id as process_id', 'fiscal_year', 'name', 'phase', 'envelope_cents', 'investment_budget_cents']);
  if (opts.fiscalYear !== undefined) q = q.where('fiscal_year', '=', opts.fiscalYear);
  if (opts.municipalityId !== undefined) q = q.where('municipality_id', '=', opts.municipalityId);
  return q;
}

/** One fiscal year's processes on the whole installation, by municipality and id, as a subquery to join on. */
export function processKeysOfYear(db: Executor, fiscalYear: number) {
  return db.selectFrom('processes').select(['municipality_id', 'id as process_id']).where('fiscal_year', '=', fiscalYear);
}
