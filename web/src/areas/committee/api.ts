import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type { CommitteeCandidateBody, CommitteeElectionBody, OversightCommittee } from '../../lib/api-types';

const path = (slug: string, processId: string) => `${p(slug, processId)}/oversight-committee`;

/** The oversight committee: its page (everyone); candidates and the session's votes (administrators and facilitators). */
export const committeeApi = {
  get: (slug: string, processId: string, lang: Language, signal?: AbortSignal) =>
    apiRequest<OversightCommittee>(`${path(slug, processId)}${query({ lang })}`, { signal }),
  stand: (slug: string, processId: string, lang: Language, body: CommitteeCandidateBody) =>
    apiRequest<OversightCommittee>(`${path(slug, processId)}/candidates${query({ lang })}`, { method: 'POST', body }),
  elect: (slug: string, processId: string, lang: Language, body: CommitteeElectionBody) =>
    apiRequest<OversightCommittee>(`${path(slug, processId)}/election${query({ lang })}`, { method: 'POST', body }),
};
