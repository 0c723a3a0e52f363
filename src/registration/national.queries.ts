/** What the transparency portal may compose: approved agents counted per process, across municipalities. */
import type { SelectQueryBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/**
 * Approved agents and, of them, women, per municipality and process, as a subquery to aggregate in one statement
 * (no name, DNI or contact leaves it: only counts). Only the processes `processIds` selects when given.
 */
export function approvedAgentCounts(db: Executor, processIds?: SelectQueryBuilder<any, any, { id: string }>) {
  let q = db.selectFrom('agents').where('status', '=', 'approved');
  if (processIds) q = q.where('process_id', 'in', processIds);
  return q.select([
    'municipality_id', 'process_id',
    (eb) => eb.fn.countAll<number>().as('approved'),
    sql<number>`SUM(CASE WHEN sex = 'female' THEN 1 ELSE 0 END)`.as('women'),
  ]).groupBy(['municipality_id', 'process_id']);
}
