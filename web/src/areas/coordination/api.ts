import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type { AgreementBody, Coordination, ReachBody } from '../../lib/api-types';

const path = (slug: string, processId: string) => `${p(slug, processId)}/coordination`;

/** Coordination: the projects' financing (everyone); agreements and reach (administrators). */
export const coordinationApi = {
  get: (slug: string, processId: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<Coordination>(`${path(slug, processId)}${query({ lang })}`, { signal }),
  addAgreement: (slug: string, processId: string, proposalId: string, body: AgreementBody) =>
    apiRequest<Coordination>(`${path(slug, processId)}/projects/${encodeURIComponent(proposalId)}/agreements`, { method: 'POST', body }),
  withdraw: (slug: string, processId: string, agreementId: string, reason: string) =>
    apiRequest<Coordination>(`${path(slug, processId)}/agreements/${encodeURIComponent(agreementId)}/withdrawal`, { method: 'POST', body: { reason } }),
  setReach: (slug: string, processId: string, proposalId: string, body: ReachBody) =>
    apiRequest<Coordination>(`${path(slug, processId)}/projects/${encodeURIComponent(proposalId)}/reach`, { method: 'PUT', body }),
};
