import { OVERSIGHT_ACTIONS } from '@concerta/contracts';
import { defineActions } from '../access/policy.ts';

/**
 * Who may act in the oversight area, in the route's municipality: the oversight committee files observations and
 * requests (`oversight.observe`); the municipality's administrators answer them (`oversight.answer`) and record the
 * opening budget (`oversight.record_pia`). Everyone reads.
 */
export const ACTIONS = defineActions(OVERSIGHT_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}
