import type { Executor } from '../db/database.ts';
import type { PlanObjective, ThematicAxis, Zone } from './plan.ts';

export async function listZones(db: Executor, municipalityId: string): Promise<Zone[]> {
  const rows = await db.selectFrom('zones').selectAll().where('municipality_id', '=', municipalityId).orderBy('code').execute();
  return rows.map((z) => ({ id: z.id, code: z.code, name: z.name, kind: z.kind, population: z.population === null ? null : Number(z.population) }));
}

export async function findZone(db: Executor, municipalityId: string, id: string): Promise<Zone | null> {
  return (await listZones(db, municipalityId)).find((z) => z.id === id) ?? null;
}

export async function insertZone(db: Executor, municipalityId: string, z: Zone, at: string): Promise<void> {
  await db.insertInto('zones').values({ municipality_id: municipalityId, id: z.id, code: z.code, name: z.name, kind: z.kind, population: z.population, created_at: at }).execute();
}

export async function updateZone(db: Executor, municipalityId: string, z: Zone): Promise<void> {
  await db.updateTable('zones').set({ code: z.code, name: z.name, kind: z.kind, population: z.population })
    .where('municipality_id', '=', municipalityId).where('id', '=', z.id).execute();
}

export async function listPlan(db: Executor, municipalityId: string): Promise<ThematicAxis[]> {
  const [axes, objectives] = await Promise.all([
    db.selectFrom('thematic_axes').selectAll().where('municipality_id', '=', municipalityId).orderBy('code').execute(),
    db.selectFrom('plan_objectives').selectAll().where('municipality_id', '=', municipalityId).orderBy('code').execute(),
  ]);
  return axes.map((a) => ({
    id: a.id, code: a.code, name: a.name, description: a.description,
    objectives: objectives.filter((o) => o.axis_id === a.id).map(toObjective),
  }));
}

function toObjective(o: { id: string; axis_id: string; code: string; title: string; description: string }): PlanObjective {
  return { id: o.id, axisId: o.axis_id, code: o.code, title: o.title, description: o.description };
}

export async function insertAxis(db: Executor, municipalityId: string, a: Omit<ThematicAxis, 'objectives'>, at: string): Promise<void> {
  await db.insertInto('thematic_axes').values({ municipality_id: municipalityId, id: a.id, code: a.code, name: a.name, description: a.description, created_at: at }).execute();
}

export async function updateAxis(db: Executor, municipalityId: string, a: Omit<ThematicAxis, 'objectives'>): Promise<void> {
  await db.updateTable('thematic_axes').set({ code: a.code, name: a.name, description: a.description })
    .where('municipality_id', '=', municipalityId).where('id', '=', a.id).execute();
}

export async function axisExists(db: Executor, municipalityId: string, id: string): Promise<boolean> {
  return (await db.selectFrom('thematic_axes').select('id').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertObjective(db: Executor, municipalityId: string, o: PlanObjective, at: string): Promise<void> {
  await db.insertInto('plan_objectives').values({ municipality_id: municipalityId, id: o.id, axis_id: o.axisId, code: o.code, title: o.title, description: o.description, created_at: at }).execute();
}

export async function findObjective(db: Executor, municipalityId: string, id: string): Promise<PlanObjective | null> {
  const r = await db.selectFrom('plan_objectives').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return r ? toObjective(r) : null;
}

export async function updateObjective(db: Executor, municipalityId: string, o: PlanObjective): Promise<void> {
  await db.updateTable('plan_objectives').set({ axis_id: o.axisId, code: o.code, title: o.title, description: o.description })
    .where('municipality_id', '=', municipalityId).where('id', '=', o.id).execute();
}
