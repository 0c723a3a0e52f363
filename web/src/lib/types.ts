// Shapes of the JSON the API answers (see the API section of the lead's brief / OpenAPI document).

export const ROLES = [
  'administrator',
  'technical_team',
  'facilitator',
  'oversight_committee',
  'participating_agent',
] as const;
export type Role = (typeof ROLES)[number];

/** The yearly PB cycle, in order (Ley 28056, DS 142-2009-EF). `closed` ends it. */
export const PHASES = ['preparation', 'concertation', 'coordination', 'formalization', 'execution', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export interface RoleGrant {
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  role: Role;
}

export interface User {
  id: string;
  name: string;
  email: string | null;
  dni: string | null;
  roles: RoleGrant[];
}

export interface SessionInfo {
  user: User | null;
  csrfToken: string | null;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface Municipality {
  id: string;
  slug: string;
  name: string;
  kind: 'provincial' | 'district';
  province: NamedRef;
  region: NamedRef;
}

export interface ProcessSummary {
  id: string;
  name: string;
  fiscalYear: number;
  phase: Phase;
}

export interface MunicipalityDetail {
  municipality: Municipality;
  processes: ProcessSummary[];
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}
