import { EVALUATION_ACTIONS } from '@concerta/contracts';
import { defineActions } from '../access/policy.ts';

/** Who may act in the evaluation area: administrators set the matrix and assign; the technical team evaluates. */
export const ACTIONS = defineActions(EVALUATION_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}

/**
 * Who may answer a proposal's evaluation: its authors, the agent who proposed it and, for an organization's proposal,
 * every approved delegate of that organization (the signed-in person's approved registration in the process).
 */
export function isAuthorOf(p: { authorAgentId: string; authorOrganizationId: string | null }, agent: { id: string; organization: { id: string } | null } | null): boolean {
  if (!agent) return false;
  return agent.id === p.authorAgentId || (p.authorOrganizationId !== null && agent.organization?.id === p.authorOrganizationId);
}
