import type { Executor } from '../db/database.ts';

/** What other areas may ask of the plan area: the zones of a municipality, to name and check the zones they refer to. */

export interface ZoneRef {
  id: string;
  code: string;
  name: string;
}

/** Every zone of the municipality, by code. */
export async function zoneRefs(db: Executor, municipalityId: string): Promise<ZoneRef[]> {
  return db.selectFrom('zones').select(['id', 'code', 'name']).where('municipality_id', '=', municipalityId).orderBy('code').execute();
}

/** The zones of the municipality by id, for naming the zones of many rows at once. */
export async function zonesById(db: Executor, municipalityId: string): Promise<Map<string, ZoneRef>> {
  return new Map((await zoneRefs(db, municipalityId)).map((z) => [z.id, z]));
}

/** One zone of the municipality, or null. */
export async function findZoneRef(db: Executor, municipalityId: string, zoneId: string): Promise<ZoneRef | null> {
  return (await db.selectFrom('zones').select(['id', 'code', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', zoneId).executeTakeFirst()) ?? null;
}

/** A thematic axis of the Concerted Development Plan, as other areas name it. */
export interface AxisRef {
  id: string;
  code: string;
  name: string;
}

/** A strategic objective of the plan, with the axis it belongs to. */
export interface ObjectiveRef {
  id: string;
  axisId: string;
  code: string;
  title: string;
}

/** Every thematic axis of the municipality's plan, by code. */
export async function axisRefs(db: Executor, municipalityId: string): Promise<AxisRef[]> {
  return db.selectFrom('thematic_axes').select(['id', 'code', 'name']).where('municipality_id', '=', municipalityId).orderBy('code').execute();
}

/** Every strategic objective of the municipality's plan, by code. */
export async function objectiveRefs(db: Executor, municipalityId: string): Promise<ObjectiveRef[]> {
  const rows = await db.selectFrom('plan_objectives').select(['id', 'axis_id', 'code', 'title'])
    .where('municipality_id', '=', municipalityId).orderBy('code').execute();
  return rows.map((r) => ({ id: r.id, axisId: r.axis_id, code: r.code, title: r.title }));
}

/** One thematic axis of the municipality, or null. */
export async function findAxisRef(db: Executor, municipalityId: string, axisId: string): Promise<AxisRef | null> {
  return (await db.selectFrom('thematic_axes').select(['id', 'code', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', axisId).executeTakeFirst()) ?? null;
}

/** One strategic objective of the municipality, or null. */
export async function findObjectiveRef(db: Executor, municipalityId: string, objectiveId: string): Promise<ObjectiveRef | null> {
  const r = await db.selectFrom('plan_objectives').select(['id', 'axis_id', 'code', 'title'])
    .where('municipality_id', '=', municipalityId).where('id', '=', objectiveId).executeTakeFirst();
  return r ? { id: r.id, axisId: r.axis_id, code: r.code, title: r.title } : null;
}
