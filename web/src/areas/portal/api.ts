import type { MunicipalityHistory, MunicipalityOpenData, NationalView, PortalProposals, ProcessOpenData } from '@concerta/contracts';
import { apiRequest } from '../../lib/api';
import { municipalityPath as m, processPath as p, query } from '../../lib/paths';

export type { MunicipalityHistory, MunicipalityOpenData, NationalView, PortalProposals, ProcessOpenData };
export type PortalStatus = PortalProposals['proposals'][number]['status'];
export const PORTAL_STATUSES: PortalStatus[] = ['in_evaluation', 'not_viable', 'evaluated', 'funded', 'not_funded', 'withdrawn'];

export interface NationalFilters {
  year?: number | undefined;
  region?: string | undefined;
  province?: string | undefined;
  q?: string | undefined;
  limit?: number;
  offset?: number;
}

export interface ProposalFilters {
  q?: string;
  zoneId?: string;
  axisId?: string;
  status?: PortalStatus | '';
  limit?: number;
  offset?: number;
}

/** The transparency portal: the national view, a municipality's history, a process's proposals, the open data. */
export const portalApi = {
  national: (f: NationalFilters, signal?: AbortSignal) => apiRequest<NationalView>(`/portal/national${query({ ...f })}`, { signal }),
  history: (slug: string, signal?: AbortSignal) => apiRequest<MunicipalityHistory>(`${m(slug)}/portal/history`, { signal }),
  municipalityOpenData: (slug: string, signal?: AbortSignal) => apiRequest<MunicipalityOpenData>(`${m(slug)}/open-data`, { signal }),
  proposals: (slug: string, processId: string, f: ProposalFilters, signal?: AbortSignal) =>
    apiRequest<PortalProposals>(`${p(slug, processId)}/portal/proposals${query({ ...f })}`, { signal }),
  processOpenData: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<ProcessOpenData>(`${p(slug, processId)}/open-data`, { signal }),
};

/** The open data schema's documentation, served by the API. */
export const SCHEMA_DOC_URL = '/api/open-data/schema/1.md';
