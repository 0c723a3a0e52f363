import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type { ProvisionalList, ProvisionalListAnswer } from '../../lib/api-types';

const path = (slug: string, processId: string) => `${p(slug, processId)}/provisional-list`;

/** The provisional ranked list of Concertation: read it (everyone), compute it again (administrators). */
export const prioritizationApi = {
  get: (slug: string, processId: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<ProvisionalListAnswer>(`${path(slug, processId)}${query({ lang })}`, { signal }),
  compute: (slug: string, processId: string, reason: string, lang: Language) =>
    apiRequest<ProvisionalList>(`${path(slug, processId)}${query({ lang })}`, { method: 'POST', body: { reason } }),
};
