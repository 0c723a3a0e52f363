/** What the transparency portal may compose: approved agents counted per process, across municipalities. */
import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** A subquery naming processes by municipality and id (the processes area's, such as one fiscal year's). */
export type ProcessKeysSubquery = SelectQueryBuilder<any, any, { municipality_id: string; process_id: string }>;

/**
 * Approved agents and, of them, women, per municipality and process, as a subquery to aggregate in one statement
 * (no name, DNI or contact leaves it: only counts). Only the processes `among` names when given: joined on the
 * agents' key, so each process's agents are sought in the index rather than every agent scanned.
 */
export function approvedAgentCounts(db: Executor, among?: ProcessKeysSubquery) {
  const base = among
    ? db.selectFrom(among.as('k')).innerJoin('agents as a', (j) => j.onRef('a.municipality_id', '=', 'k.municipality_id').onRef('a.process_id', '=', 'k.process_id'))
    : db.selectFrom('agents as a');
  return base.where('a.status', '=', 'approved').select([
    'a.municipality_id', 'a.process_id',
    (eb) => eb.fn.countAll<number>().as('approved'),
    sql<number>`SUM(CASE WHEN a.sex = 'female' THEN 1 ELSE 0 END)`.as('women'),
  ]).groupBy(['a.municipality_id', 'a.process_id']);
}
