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

export interface Municipality {
  id: string;
  slug: string;
  name: string;
  /** A provincial municipality also governs its capital district; a district municipality governs one district. */
  kind: 'provincial' | 'district';
  jurisdictionId: string;
  province: { id: string; name: string };
  region: { id: string; name: string };
}
