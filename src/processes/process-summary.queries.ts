import type { Executor } from '../db/database.ts';
import type { Phase } from '@concerta/contracts';

export interface ProcessSummary {
  id: string;
  name: string;
  fiscalYear: number;
  phase: Phase;
}

export async function listProcessSummaries(db: Executor, municipalityId: string): Promise<ProcessSummary[]> {
  const rows = await db.selectFrom('processes').select(['id', 'name', 'fiscal_year', 'phase'])
    .where('municipality_id', '=', municipalityId).orderBy('fiscal_year', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, fiscalYear: Number(r.fiscal_year), phase: r.phase as Phase }));
}
