import { ACTA_ACTIONS } from '@concerta/contracts';
import { defineActions } from '../access/policy.ts';

/** Who may act in the acta area: each action and the roles allowed it, in the route's municipality. */
export const ACTIONS = defineActions(ACTA_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}
