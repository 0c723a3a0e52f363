import { ACTIONS, type Action } from '@concerta/contracts';
import type { Role, User } from './api-types';

/*
 * Which roles may take which action: the contract's table (@concerta/contracts, the same the server enforces), used here only to
 * decide what to show. The server decides what is allowed; a page that shows too much gets a 403 with a message.
 */

export type { Action };

/**
 * The actions of staff pages: those no participating agent takes (an agent may upload a file to attach to their own
 * proposal, but alone sees no staff menu).
 */
const STAFF_ACTIONS: readonly Action[] = (Object.keys(ACTIONS) as Action[]).filter((a) => !(ACTIONS[a] as readonly Role[]).includes('participating_agent'));

export function rolesIn(user: User | null, slug: string): Role[] {
  return user?.roles.filter((r) => r.municipalitySlug === slug).map((r) => r.role) ?? [];
}

export function can(user: User | null, slug: string, action: Action): boolean {
  const allowed: readonly Role[] = ACTIONS[action];
  return rolesIn(user, slug).some((r) => allowed.includes(r));
}

/** Whether the user may open at least one staff page of the municipality. */
export function isStaff(user: User | null, slug: string): boolean {
  return STAFF_ACTIONS.some((a) => can(user, slug, a));
}
