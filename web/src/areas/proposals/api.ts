import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { EditProposalBody, MyProposals, PaperProposalBody, Proposal, ProposalList, ProposalStatus, SubmitProposalBody } from '../../lib/api-types';

export interface ProposalFilters {
  zoneId?: string;
  axisId?: string;
  status?: ProposalStatus | '';
  q?: string;
  limit?: number;
  offset?: number;
}

const proposals = (slug: string, processId: string) => `${p(slug, processId)}/proposals`;
const proposal = (slug: string, processId: string, proposalId: string) => `${proposals(slug, processId)}/${encodeURIComponent(proposalId)}`;

/** Project proposals: the public list and page, proposing and editing (agents), paper proposals (staff). */
export const proposalsApi = {
  list: (slug: string, processId: string, filters: ProposalFilters, signal?: AbortSignal) =>
    apiRequest<ProposalList>(`${proposals(slug, processId)}${query({ ...filters })}`, { signal }),
  get: (slug: string, processId: string, proposalId: string, signal?: AbortSignal) => apiRequest<Proposal>(proposal(slug, processId, proposalId), { signal }),
  mine: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<MyProposals>(`${p(slug, processId)}/my-proposals`, { signal }),
  submit: (slug: string, processId: string, body: SubmitProposalBody) => apiRequest<Proposal>(proposals(slug, processId), { method: 'POST', body }),
  registerPaper: (slug: string, processId: string, body: PaperProposalBody) => apiRequest<Proposal>(`${proposals(slug, processId)}/paper`, { method: 'POST', body }),
  edit: (slug: string, processId: string, proposalId: string, body: EditProposalBody) =>
    apiRequest<Proposal>(proposal(slug, processId, proposalId), { method: 'PUT', body }),
  withdraw: (slug: string, processId: string, proposalId: string, reason: string) =>
    apiRequest<Proposal>(`${proposal(slug, processId, proposalId)}/withdraw`, { method: 'POST', body: { reason } }),
};
