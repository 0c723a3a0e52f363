import { apiRequest } from '../../lib/api';
import { processPath as p } from '../../lib/paths';
import type { Dashboard } from '../../lib/api-types';

/** The staff's start page of a process. */
export const staffApi = {
  dashboard: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<Dashboard>(`${p(slug, processId)}/dashboard`, { signal }),
};
