/**
 * The database as Kysely sees it. Each area declares the row types of the tables it owns in `<area>.tables.ts` and
 * adds them to this interface (declaration merging), so this file does not grow when an area is added; only the
 * area that owns a table writes it (a test checks this), and other areas read it through the owner's queries.
 */
export interface Database {}
