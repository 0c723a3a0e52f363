import type { Tenant } from '../http/scope.ts';

/** The jurisdiction tree (region -> province -> district) and the municipalities that are Concerta's tenants. */
export type JurisdictionLevel = 'region' | 'province' | 'district';

export interface Jurisdiction {
  id: string;
  parentId: string | null;
  level: JurisdictionLevel;
  name: string;
  /** INEI's ubigeo code: 2 digits region, 4 province, 6 district. */
  ubigeo: string;
}

/** A municipality: one tenant of the installation (the shape the access chain resolves `:slug` to). */
export type Municipality = Tenant;
