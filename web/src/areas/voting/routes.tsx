import { lazyPage, type WebArea } from '../../lib/area';

/** The vote: its public page (your ballot, turnout, receipt check), the results after the close, and for staff the vote and its polling tables. */
export const votingArea: WebArea = {
  name: 'voting',
  processRoutes: [
    { path: 'vote', lazy: lazyPage(() => import('./VotePage'), (m) => m.VotePage) },
    { path: 'vote/results', lazy: lazyPage(() => import('./ResultsPage'), (m) => m.ResultsPage) },
  ],
  staffProcessRoutes: [
    { path: 'vote', lazy: lazyPage(() => import('./VoteAdminPage'), (m) => m.VoteAdminPage) },
    { path: 'vote/tables/:tableId', lazy: lazyPage(() => import('./PollingTablePage'), (m) => m.PollingTablePage) },
  ],
  processSections: [{ path: 'vote', label: 'process.nav.vote', order: 60 }],
  staffMenu: { process: [{ path: 'vote', label: 'staff.pages.vote', action: 'vote.polling_table', order: 110 }] },
};
