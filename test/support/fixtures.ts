import type { DatabaseHandle } from '../../src/db/database.ts';
import { addDays, localDate, newId, now } from '../../src/shared/clock.ts';
import { type ProcessRules } from '@concerta/contracts';
import { iloDefaultRules } from '../../src/processes/process-rules.ts';
import { insertProcess, replaceCalendar } from '../../src/processes/process.repository.ts';
import { syncBodies } from '../../src/processes/bodies.ts';
import { CALENDAR_PHASES, type Phase } from '@concerta/contracts';

export async function municipalityId(db: DatabaseHandle, slug = 'ilo'): Promise<string> {
  return (await db.db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

export async function zoneIds(db: DatabaseHandle, slug = 'ilo'): Promise<{ id: string; code: string; name: string }[]> {
  const m = await municipalityId(db, slug);
  return db.db.selectFrom('zones').select(['id', 'code', 'name']).where('municipality_id', '=', m).orderBy('code').execute();
}

/**
 * A process inserted straight into the database, for tests of the modules that work inside one.
 * Registration open until `deadlineInDays` from today (negative: already closed).
 */
export async function createProcessFixture(db: DatabaseHandle, opts: {
  slug?: string; fiscalYear?: number; phase?: Phase; deadlineInDays?: number; rules?: Partial<ProcessRules>;
} = {}): Promise<{ processId: string; municipalityId: string; rules: ProcessRules }> {
  const mId = await municipalityId(db, opts.slug ?? 'ilo');
  const today = localDate();
  const rules = { ...iloDefaultRules(addDays(today, opts.deadlineInDays ?? 14)), ...opts.rules };
  const processId = newId();
  await insertProcess(db.db, {
    id: processId, municipalityId: mId, fiscalYear: opts.fiscalYear ?? 2027, name: `Presupuesto Participativo ${opts.fiscalYear ?? 2027}`,
    phase: opts.phase ?? 'preparation', envelopeCents: 420_000_00, investmentBudgetCents: 2_800_000_00, rules,
    copiedFromId: null, createdAt: now(), createdBy: null,
  });
  await replaceCalendar(db.db, mId, processId, CALENDAR_PHASES.map((phase, i) => ({
    phase, startsOn: addDays(today, -30 + i * 60), endsOn: addDays(today, -30 + i * 60 + 59),
  })));
  await syncBodies(db.db, mId, processId, rules);
  return { processId, municipalityId: mId, rules };
}

/**
 * Fixture options for a process whose registration closed ten days ago and whose list stages are past: the
 * preliminary list from nine days ago, challenges from eight to six days ago, the definitive list from five days ago.
 * `window` moves the challenge window instead: 'open' (yesterday to two days ahead), 'ahead' (from two days ahead).
 */
export function listStagesPast(window: 'past' | 'open' | 'ahead' = 'past'): { deadlineInDays: number; rules: Partial<ProcessRules> } {
  const today = localDate();
  const [from, until, definitive] = window === 'past' ? [-8, -6, -5] : window === 'open' ? [-1, 2, 4] : [2, 4, 6];
  return {
    deadlineInDays: -10,
    rules: {
      listStages: {
        preliminaryListOn: addDays(today, -9), challengesFrom: addDays(today, from), challengesUntil: addDays(today, until), definitiveListOn: addDays(today, definitive),
      },
    },
  };
}

/** Two thematic axes of the plan, each with one strategic objective (the second to test an objective outside the axis). */
export async function insertPlan(db: DatabaseHandle, mId: string, code: string): Promise<{ axisId: string; objectiveId: string; otherObjectiveId: string }> {
  const axisId = newId();
  const otherAxis = newId();
  await db.db.insertInto('thematic_axes').values([
    { municipality_id: mId, id: axisId, code, name: `Eje ${code}`, description: '', created_at: now() },
    { municipality_id: mId, id: otherAxis, code: `${code}b`, name: `Eje ${code}b`, description: '', created_at: now() },
  ]).execute();
  const objectiveId = newId();
  const otherObjectiveId = newId();
  await db.db.insertInto('plan_objectives').values([
    { municipality_id: mId, id: objectiveId, axis_id: axisId, code: `O${code}.1`, title: 'Completar el saneamiento básico', description: '', created_at: now() },
    { municipality_id: mId, id: otherObjectiveId, axis_id: otherAxis, code: `O${code}b.1`, title: 'Otro objetivo', description: '', created_at: now() },
  ]).execute();
  return { axisId, objectiveId, otherObjectiveId };
}
