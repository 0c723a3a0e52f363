import { PROPOSALS_ACTIONS } from '@concerta/contracts';
import { can, defineActions } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import type { ProposalRecord } from './proposals.ts';

/** Who may act in the proposals area: each action and the roles allowed it, in the route's municipality. */
export const ACTIONS = defineActions(PROPOSALS_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}

/**
 * Who may change a proposal: its authors (the agent who proposed it, and for an organization's proposal every approved
 * delegate of that organization), and for a proposal brought on paper the staff who register paper proposals.
 */
export function mayEdit(p: ProposalRecord, actor: Actor, municipalityId: string, actorAgent: { id: string; organizationId: string | null } | null): boolean {
  if (p.source === 'paper' && can(actor, 'proposal.register_paper', municipalityId)) return true;
  if (!actorAgent) return false;
  return actorAgent.id === p.authorAgentId || (p.authorOrganizationId !== null && actorAgent.organizationId === p.authorOrganizationId);
}
