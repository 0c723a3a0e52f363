import { REGISTRATION_ACTIONS } from '@concerta/contracts';
import { can, defineActions } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';

/** Who may act in the registration area: each action and the roles allowed it, in the route's municipality. */
export const ACTIONS = defineActions(REGISTRATION_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}

/** Roles whose holders may sit on a process's accreditation commission: the municipality's own people. */
export const COMMISSION_ROLES = ['administrator', 'technical_team', 'facilitator'] as const;

/** A challenge is decided by the administrator, or by a member of the process's accreditation commission. */
export function mayDecideChallenge(actor: Actor | null, municipalityId: string, commission: readonly string[]): boolean {
  return can(actor, 'registration.decide_challenge', municipalityId) || (actor !== null && commission.includes(actor.userId));
}
