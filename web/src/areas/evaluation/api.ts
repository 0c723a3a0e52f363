import { apiRequest } from '../../lib/api';
import { processPath as p } from '../../lib/paths';
import type {
  AssignBody, AssignmentBoard, EvaluationMatrix, MyAssignments, MyEvaluation, ProposalEvaluation, SaveEvaluationBody, SavedEvaluation,
  SetMatrixBody, UnassignBody,
} from '../../lib/api-types';

const evaluation = (slug: string, processId: string) => `${p(slug, processId)}/evaluation`;
const ofProposal = (slug: string, processId: string, proposalId: string) => `${p(slug, processId)}/proposals/${encodeURIComponent(proposalId)}/evaluation`;

/** Technical evaluation: the matrix and assignments (administrator), one's own evaluations (technical team), the public result. */
export const evaluationApi = {
  matrix: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<EvaluationMatrix>(`${evaluation(slug, processId)}/matrix`, { signal }),
  setMatrix: (slug: string, processId: string, body: SetMatrixBody) => apiRequest<EvaluationMatrix>(`${evaluation(slug, processId)}/matrix`, { method: 'PUT', body }),
  board: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<AssignmentBoard>(`${evaluation(slug, processId)}/assignments`, { signal }),
  assign: (slug: string, processId: string, body: AssignBody) => apiRequest<{ assigned: number }>(`${evaluation(slug, processId)}/assignments`, { method: 'POST', body }),
  unassign: (slug: string, processId: string, body: UnassignBody) => apiRequest<null>(`${evaluation(slug, processId)}/assignments/remove`, { method: 'POST', body }),
  mine: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<MyAssignments>(`${evaluation(slug, processId)}/mine`, { signal }),
  myEvaluation: (slug: string, processId: string, proposalId: string, signal?: AbortSignal) => apiRequest<MyEvaluation>(`${ofProposal(slug, processId, proposalId)}/mine`, { signal }),
  save: (slug: string, processId: string, proposalId: string, body: SaveEvaluationBody) =>
    apiRequest<SavedEvaluation>(`${ofProposal(slug, processId, proposalId)}/mine`, { method: 'PUT', body }),
  published: (slug: string, processId: string, proposalId: string, signal?: AbortSignal) => apiRequest<ProposalEvaluation>(ofProposal(slug, processId, proposalId), { signal }),
  observe: (slug: string, processId: string, proposalId: string, text: string) =>
    apiRequest<ProposalEvaluation>(`${ofProposal(slug, processId, proposalId)}/observation`, { method: 'POST', body: { text } }),
};
