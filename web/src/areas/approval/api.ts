import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type { AmendmentBody, ApprovalAnswerBody, ApprovalChain, ApprovalSessionBody, InvestmentCodeBody } from '../../lib/api-types';

const path = (slug: string, processId: string) => `${p(slug, processId)}/approval`;

/** The approval chain of the formalized list: its page (everyone); sessions, answers, amendments and codes (administrators). */
export const approvalApi = {
  get: (slug: string, processId: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<ApprovalChain>(`${path(slug, processId)}${query({ lang })}`, { signal }),
  recordSession: (slug: string, processId: string, lang: Language, body: ApprovalSessionBody) =>
    apiRequest<ApprovalChain>(`${path(slug, processId)}/sessions${query({ lang })}`, { method: 'POST', body }),
  answer: (slug: string, processId: string, lang: Language, body: ApprovalAnswerBody) =>
    apiRequest<ApprovalChain>(`${path(slug, processId)}/answers${query({ lang })}`, { method: 'POST', body }),
  amend: (slug: string, processId: string, lang: Language, body: AmendmentBody) =>
    apiRequest<ApprovalChain>(`${path(slug, processId)}/amendments${query({ lang })}`, { method: 'POST', body }),
  setCode: (slug: string, processId: string, lang: Language, proposalId: string, body: InvestmentCodeBody) =>
    apiRequest<ApprovalChain>(`${path(slug, processId)}/projects/${encodeURIComponent(proposalId)}/investment-code${query({ lang })}`, { method: 'PUT', body }),
};
