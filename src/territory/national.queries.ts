/** What the national view of the transparency portal may compose: every municipality with its province and region. */
import type { Executor } from '../db/database.ts';

/**
 * Every municipality with its province and region, as a subquery (`selectFrom(municipalityPlaces(db).as('m'))`), so
 * a reader aggregates across the whole installation in one statement. A municipality's jurisdiction is a district
 * (for a provincial one, its capital district); the province and region are its ancestors.
 */
export function municipalityPlaces(db: Executor) {
  return db.selectFrom('municipalities as m')
    .innerJoin('jurisdictions as d', 'd.id', 'm.jurisdiction_id')
    .innerJoin('jurisdictions as p', 'p.id', 'd.parent_id')
    .innerJoin('jurisdictions as r', 'r.id', 'p.parent_id')
    .select(['m.id as municipality_id', 'm.slug', 'm.name', 'm.kind', 'p.id as province_id', 'p.name as province_name',
      'r.id as region_id', 'r.name as region_name']);
}
