import { lazyPage, type WebArea } from '../../lib/area';

/** Project proposals: the public list and page, the agents' propose and edit form, and staff's paper proposals. */
export const proposalsArea: WebArea = {
  name: 'proposals',
  uses: ['evaluation', 'registration'],
  processRoutes: [
    { path: 'proposals', lazy: lazyPage(() => import('./ProposalsPage'), (m) => m.ProposalsPage) },
    { path: 'proposals/new', lazy: lazyPage(() => import('./ProposePage'), (m) => m.ProposePage) },
    { path: 'proposals/:proposalId', lazy: lazyPage(() => import('./ProposalPage'), (m) => m.ProposalPage) },
    { path: 'proposals/:proposalId/edit', lazy: lazyPage(() => import('./EditProposalPage'), (m) => m.EditProposalPage) },
  ],
  staffProcessRoutes: [{ path: 'proposals/paper', lazy: lazyPage(() => import('./PaperProposalPage'), (m) => m.PaperProposalPage) }],
  processSections: [{ path: 'proposals', label: 'process.nav.proposals', order: 45 }],
  staffMenu: { process: [{ path: 'proposals/paper', label: 'staff.pages.paperProposals', action: 'proposal.register_paper', order: 95 }] },
};
