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
