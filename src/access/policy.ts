import type { Role } from '@concerta/contracts';
import { rolesIn, type Actor } from './actor.ts';

/**
 * Who may do what. Every route declares one of these policies in its config (`config: { policy }`); a test walks
 * every route and fails if one has none or names an action nobody defined.
 *
 * - `public`: anyone, no account (the transparency side of Concerta).
 * - `signed-in`: any account, whatever its roles; the use case then applies an ownership rule from its area's policy
 *   file ("its owner, or staff with X").
 * - an action name: allowed to the roles its area lists, in the municipality named by the route's `:slug`.
 *
 * Actions belong to areas: each area's `<area>.policy.ts` calls `defineActions` with its table and adds the names to
 * `ActionCatalogue` (declaration merging), so a misspelt action is a type error and this file never grows.
 */
export interface ActionCatalogue {}

export type Action = keyof ActionCatalogue & string;
export type ActionTable = Readonly<Record<string, readonly Role[]>>;
export type Policy = 'public' | 'signed-in' | { action: Action };

const TABLE = new Map<string, readonly Role[]>();

/** Registers an area's actions; returns the table, for its module object. Loading the same table twice is harmless. */
export function defineActions<const T extends ActionTable>(table: T): T {
  for (const [action, roles] of Object.entries(table)) {
    const known = TABLE.get(action);
    if (known && known.join() !== roles.join()) throw new Error(`policy action ${action} is defined twice with different roles`);
    TABLE.set(action, roles);
  }
  return table;
}

export function isAction(name: string): name is Action {
  return TABLE.has(name);
}

/** Whether the actor may take this action in this municipality. */
export function can(actor: Actor | null, action: Action, municipalityId: string): boolean {
  const allowed = TABLE.get(action);
  if (!allowed) throw new Error(`unknown policy action ${action}`);
  return rolesIn(actor, municipalityId).some((r) => allowed.includes(r));
}
