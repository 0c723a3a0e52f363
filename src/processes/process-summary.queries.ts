import type { Executor } from '../db/database.ts';
import { processRulesSchema, type Phase } from '@concerta/contracts';

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

/** The processes, on the whole installation, whose registration is open on `today` (Preparation, deadline not passed). */
export async function processesOpenForRegistration(db: Executor, today: string): Promise<(ProcessSummary & { municipalityId: string; registrationDeadline: string })[]> {
  const rows = await db.selectFrom('processes').select(['municipality_id', 'id', 'name', 'fiscal_year', 'phase', 'rules'])
    .where('phase', '=', 'preparation').orderBy('fiscal_year', 'desc').orderBy('name').execute();
  return rows.flatMap((r) => {
    const deadline = processRulesSchema.parse(JSON.parse(r.rules)).registrationDeadline;
    return today <= deadline
      ? [{ municipalityId: r.municipality_id, id: r.id, name: r.name, fiscalYear: Number(r.fiscal_year), phase: r.phase as Phase, registrationDeadline: deadline }]
      : [];
  });
}
