/** What other parts may ask of the territory area: the municipalities (the tenants) and their names. */
import type { Executor } from '../db/database.ts';

export { findMunicipalityBySlug } from './territory.repository.ts';

/** A municipality's name (it signs the messages sent in its name). */
export async function municipalityName(db: Executor, municipalityId: string): Promise<string> {
  return (await db.selectFrom('municipalities').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow()).name;
}

/** A municipality's slug and name, by id (null when unknown). */
export async function municipalityRef(db: Executor, municipalityId: string): Promise<{ slug: string; name: string } | null> {
  return (await db.selectFrom('municipalities').select(['slug', 'name']).where('id', '=', municipalityId).executeTakeFirst()) ?? null;
}

/** The INEI ubigeo code of a municipality's jurisdiction (null when unknown): exports for national systems name it. */
export async function municipalityUbigeo(db: Executor, municipalityId: string): Promise<string | null> {
  const row = await db.selectFrom('municipalities as m').innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .select('j.ubigeo').where('m.id', '=', municipalityId).executeTakeFirst();
  return row?.ubigeo ?? null;
}
