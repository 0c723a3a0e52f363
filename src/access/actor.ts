import type { Role } from '@concerta/contracts';

export interface RoleGrant {
  municipalityId: string;
  municipalitySlug: string;
  municipalityName: string;
  role: Role;
}

/** Who is acting: the signed-in person and their roles, per municipality. */
export interface Actor {
  userId: string;
  name: string;
  email: string | null;
  dni: string | null;
  roles: RoleGrant[];
}

export function rolesIn(actor: Actor | null, municipalityId: string): Role[] {
  return actor ? actor.roles.filter((g) => g.municipalityId === municipalityId).map((g) => g.role) : [];
}
