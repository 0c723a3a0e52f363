import { apiRequest } from '../../lib/api';
import { municipalityPath as m, query } from '../../lib/paths';
import type { AuditEntry } from '../../lib/api-types';

/** Names of audit actions and kinds of things, in both languages (the page shows the current one). */
export interface AuditVocabulary {
  actions: Record<string, { es: string; en: string }>;
  entities: Record<string, { es: string; en: string }>;
}

/** The municipality's audit log, newest first, with the words to show it in either language. */
export const auditApi = {
  audit: (slug: string, filters: { entityType?: string; entityId?: string; limit?: number }, signal?: AbortSignal) =>
    apiRequest<{ entries: AuditEntry[]; vocabulary: AuditVocabulary }>(`${m(slug)}/audit${query(filters)}`, { signal }),
};
