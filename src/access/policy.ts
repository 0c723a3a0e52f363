import { rolesIn, type Actor, type Role } from '../accounts/roles.ts';

/**
 * Who may do what: the one place that decides. Every route declares one of these policies in its config
 * (`config: { policy }`); a test walks every route and fails if one has none.
 *
 * - `public`: anyone, no account (the transparency side of Concerta).
 * - `signed-in`: any account, whatever its roles.
 * - an action name: allowed to the roles listed below, in the municipality named by the route's `:slug`.
 */
export const ACTIONS = {
  'audit.read': ['administrator', 'oversight_committee'],
  'membership.manage': ['administrator'],
  // Preparation: the process, the plan, the call
  'process.manage': ['administrator'],
  'plan.manage': ['administrator'],
  'announcement.manage': ['administrator'],
  'notification.read': ['administrator'],
  'file.upload': ['administrator', 'facilitator'],
  // Registration of participating agents and organizations
  'registration.read': ['administrator', 'facilitator'],
  'registration.register_others': ['administrator', 'facilitator'],
  'registration.import': ['administrator', 'facilitator'],
  'registration.decide': ['administrator'],
  'body.manage': ['administrator'],
  // Training
  'training.manage': ['administrator', 'facilitator'],
  'attendance.record': ['administrator', 'facilitator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;
export type Policy = 'public' | 'signed-in' | { action: Action };

export function allowedRoles(action: Action): readonly Role[] {
  return ACTIONS[action];
}

/** Whether the actor may take this action in this municipality. */
export function can(actor: Actor | null, action: Action, municipalityId: string): boolean {
  const allowed: readonly Role[] = ACTIONS[action];
  return rolesIn(actor, municipalityId).some((r) => allowed.includes(r));
}

export function describePolicy(policy: Policy): string {
  if (typeof policy === 'string') return policy;
  return `${policy.action} (${ACTIONS[policy.action].join(', ')})`;
}
