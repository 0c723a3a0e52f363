import type { Executor } from '../db/database.ts';
import type { Jurisdiction, Municipality } from './territory.ts';

function baseQuery(db: Executor) {
  // A municipality's jurisdiction is a district (or, for a provincial one, its capital district);
  // the province and region are its ancestors.
  return db.selectFrom('municipalities as m')
    .innerJoin('jurisdictions as d', 'd.id', 'm.jurisdiction_id')
    .innerJoin('jurisdictions as p', 'p.id', 'd.parent_id')
    .innerJoin('jurisdictions as r', 'r.id', 'p.parent_id')
    .select(['m.id', 'm.slug', 'm.name', 'm.kind', 'm.jurisdiction_id', 'p.id as province_id', 'p.name as province_name',
      'r.id as region_id', 'r.name as region_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toMunicipality(r: Row): Municipality {
  return {
    id: r.id, slug: r.slug, name: r.name, kind: r.kind, jurisdictionId: r.jurisdiction_id,
    province: { id: r.province_id, name: r.province_name }, region: { id: r.region_id, name: r.region_name },
  };
}

export async function listMunicipalities(db: Executor): Promise<Municipality[]> {
  const rows = await baseQuery(db).orderBy('r.name').orderBy('p.name').orderBy('m.kind', 'desc').orderBy('m.name').execute();
  return rows.map(toMunicipality);
}

export async function findMunicipalityBySlug(db: Executor, slug: string): Promise<Municipality | null> {
  const row = await baseQuery(db).where('m.slug', '=', slug).executeTakeFirst();
  return row ? toMunicipality(row) : null;
}

export async function listJurisdictions(db: Executor): Promise<Jurisdiction[]> {
  const rows = await db.selectFrom('jurisdictions').selectAll().orderBy('ubigeo').execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, level: r.level, name: r.name, ubigeo: r.ubigeo }));
}

export async function insertJurisdiction(db: Executor, j: Jurisdiction): Promise<void> {
  await db.insertInto('jurisdictions').values({ id: j.id, parent_id: j.parentId, level: j.level, name: j.name, ubigeo: j.ubigeo }).execute();
}

export async function insertMunicipality(db: Executor, m: { id: string; jurisdictionId: string; slug: string; name: string; kind: 'provincial' | 'district'; createdAt: string }): Promise<void> {
  await db.insertInto('municipalities').values({
    id: m.id, jurisdiction_id: m.jurisdictionId, slug: m.slug, name: m.name, kind: m.kind, created_at: m.createdAt,
  }).execute();
}
