import { apiRequest } from '../../lib/api';
import { municipalityPath as m, processPath as p } from '../../lib/paths';
import type { Participation, ParticipationHistoryAnswer } from '../../lib/api-types';

/** Participation figures of a process, and across the municipality's years. */
export const participationApi = {
  participation: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<Participation>(`${p(slug, processId)}/participation`, { signal }),
  participationHistory: (slug: string, signal?: AbortSignal) =>
    apiRequest<ParticipationHistoryAnswer>(`${m(slug)}/participation/history`, { signal }),
};
