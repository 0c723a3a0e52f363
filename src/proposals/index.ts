import { defineArea } from '../kernel/area.ts';
import { findProposalRecord, isProposalAttachment } from './proposals.queries.ts';
import { PROPOSALS_DEMO } from './proposals.demo.ts';
import { ACTIONS } from './proposals.policy.ts';
import { MESSAGES } from './proposals.messages.ts';
import { PROPOSALS_GATES } from './proposals.gates.ts';
import './proposals.tables.ts';
import { proposalsRoutes } from './proposals.routes.ts';

/** Proposals: the projects agents and organizations propose in Concertation, with every version and their co-financing. */
export const proposalsArea = defineArea({
  name: 'proposals',
  tables: ['proposals', 'proposal_versions', 'proposal_pledges', 'proposal_attachments'],
  routes: proposalsRoutes,
  publicFiles: isProposalAttachment,
  actions: ACTIONS,
  messages: MESSAGES,
  phaseGates: PROPOSALS_GATES,
  demo: PROPOSALS_DEMO,
  scopeParams: { proposalId: { what: 'proposal', resolve: findProposalRecord } },
});
