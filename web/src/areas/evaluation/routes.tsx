import { lazyPage, type WebArea } from '../../lib/area';

/**
 * Technical evaluation: the matrix and the assignments (administrator), the technical team's own evaluations; the
 * published evaluation shows on the proposal's public page (`ProposalEvaluation`, which the proposals area renders).
 */
export const evaluationArea: WebArea = {
  name: 'evaluation',
  staffProcessRoutes: [
    { path: 'evaluation/matrix', lazy: lazyPage(() => import('./MatrixPage'), (m) => m.MatrixPage) },
    { path: 'evaluation/assignments', lazy: lazyPage(() => import('./AssignmentsPage'), (m) => m.AssignmentsPage) },
    { path: 'evaluation/mine', lazy: lazyPage(() => import('./MyEvaluationsPage'), (m) => m.MyEvaluationsPage) },
    { path: 'evaluation/mine/:proposalId', lazy: lazyPage(() => import('./EvaluatePage'), (m) => m.EvaluatePage) },
  ],
  staffMenu: {
    process: [
      { path: 'evaluation/matrix', label: 'staff.pages.evaluationMatrix', action: 'evaluation.manage', order: 100 },
      { path: 'evaluation/assignments', label: 'staff.pages.evaluationAssignments', action: 'evaluation.manage', order: 101 },
      { path: 'evaluation/mine', label: 'staff.pages.myEvaluations', action: 'evaluation.score', order: 102 },
    ],
  },
};
