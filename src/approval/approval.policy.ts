import { APPROVAL_ACTIONS } from '@concerta/contracts';
import { defineActions } from '../access/policy.ts';

/** Who may act in the approval area: each action and the roles allowed it, in the route's municipality. */
export const ACTIONS = defineActions(APPROVAL_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}
