import { apiRequest } from '../../lib/api';
import { municipalityPath as m, processPath as p } from '../../lib/paths';
import type { PhaseCheck, Process, ProcessDetail, ProcessSettingsInput } from '../../lib/api-types';
import type { Phase } from '../../lib/api-types';

/** The yearly process: open (or copy) one, change its settings, move its phase. */
export const processesApi = {
  process: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<ProcessDetail>(p(slug, processId), { signal }),
  createProcess: (slug: string, body: ProcessSettingsInput & { fiscalYear: number; reason?: string }) =>
    apiRequest<Process>(`${m(slug)}/processes`, { method: 'POST', body }),
  updateProcess: (slug: string, processId: string, body: Partial<ProcessSettingsInput> & { reason: string }) =>
    apiRequest<Process>(p(slug, processId), { method: 'PATCH', body }),
  copyProcess: (slug: string, processId: string, body: { fiscalYear: number; name?: string; reason?: string }) =>
    apiRequest<Process>(`${p(slug, processId)}/copy`, { method: 'POST', body }),
  phaseCheck: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<PhaseCheck>(`${p(slug, processId)}/phase`, { signal }),
  movePhase: (slug: string, processId: string, body: { to: Phase; reason: string }) =>
    apiRequest<Process>(`${p(slug, processId)}/phase`, { method: 'POST', body }),
};
