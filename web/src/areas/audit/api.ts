import { apiRequest } from '../../lib/api';
import { municipalityPath as m, query } from '../../lib/paths';
import type { AuditEntry } from '../../lib/api-types';

/** The municipality's audit log, newest first. */
export const auditApi = {
  audit: (slug: string, filters: { entityType?: string; entityId?: string; limit?: number }, signal?: AbortSignal) =>
    apiRequest<{ entries: AuditEntry[] }>(`${m(slug)}/audit${query(filters)}`, { signal }),
};
