import type { ActaDraft, ActaDraftBody, ActaIssueBody, ActaScanBody, IssuedActa } from '@concerta/contracts';
import { apiRequest } from '../../lib/api';
import { processPath as p } from '../../lib/paths';

const path = (slug: string, processId: string) => `${p(slug, processId)}/acta`;

/** The Acta de Acuerdos y Compromisos: its issued versions (everyone); its draft and issue (staff). */
export const actaApi = {
  issued: (slug: string, processId: string, version: number | null, signal?: AbortSignal) =>
    apiRequest<IssuedActa>(version === null ? path(slug, processId) : `${path(slug, processId)}/versions/${version}`, { signal }),
  draft: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<ActaDraft>(`${path(slug, processId)}/draft`, { signal }),
  saveDraft: (slug: string, processId: string, body: ActaDraftBody) => apiRequest<ActaDraft>(`${path(slug, processId)}/draft`, { method: 'PUT', body }),
  attachScan: (slug: string, processId: string, version: number, body: ActaScanBody) =>
    apiRequest<IssuedActa>(`${path(slug, processId)}/versions/${version}/scan`, { method: 'PUT', body }),
  issue: (slug: string, processId: string, body: ActaIssueBody) => apiRequest<IssuedActa>(`${path(slug, processId)}/issue`, { method: 'POST', body }),
};
