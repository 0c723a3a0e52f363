import { apiRequest } from '../../lib/api';
import { municipalityPath, processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type {
  OversightAccountability, OversightAnswerBody, OversightCreated, OversightObservationBody, OversightPiaBody, OversightRequestBody, OversightWorkspace,
} from '../../lib/api-types';

export type PiaFlag = OversightWorkspace['projects'][number]['piaFlag'];
export type OversightProject = OversightWorkspace['projects'][number];
export type OversightRequest = OversightWorkspace['requests'][number];

const base = (slug: string, processId: string) => `${p(slug, processId)}/oversight`;

/**
 * The oversight of a process in Execution: the workspace (everyone), observations and requests (the committee),
 * answers and the opening budget (the municipality's administrators), and the account of past agreements.
 */
export const oversightApi = {
  get: (slug: string, processId: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<OversightWorkspace>(`${base(slug, processId)}${query({ lang })}`, { signal }),
  observe: (slug: string, processId: string, body: OversightObservationBody) =>
    apiRequest<OversightCreated>(`${base(slug, processId)}/observations`, { method: 'POST', body }),
  request: (slug: string, processId: string, body: OversightRequestBody) =>
    apiRequest<OversightCreated>(`${base(slug, processId)}/requests`, { method: 'POST', body }),
  answer: (slug: string, processId: string, requestId: string, body: OversightAnswerBody) =>
    apiRequest<OversightWorkspace>(`${base(slug, processId)}/requests/${encodeURIComponent(requestId)}/answer`, { method: 'POST', body }),
  recordPia: (slug: string, processId: string, body: OversightPiaBody) =>
    apiRequest<OversightWorkspace>(`${base(slug, processId)}/pia`, { method: 'PUT', body }),
  accountability: (slug: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<OversightAccountability>(`${municipalityPath(slug)}/accountability${query({ lang })}`, { signal }),
};
