import { apiRequest } from '../../lib/api';
import { downloadUrl, processPath as p } from '../../lib/paths';
import type { BodyQuota, ElectedBodyKind } from '../../lib/api-types';

/** Representative bodies and their gender quotas; electing and removing committee members. */
export const quotasApi = {
  quotas: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<{ processId: string; bodies: BodyQuota[] }>(`${p(slug, processId)}/quotas`, { signal }),
  /** The quota page as files: its bodies (CSV), the committees' members (CSV), both as PDF. */
  exportUrl: (slug: string, processId: string, file: 'quotas.csv' | 'quota-members.csv' | 'quotas.pdf', lang: string) => downloadUrl(`${p(slug, processId)}/${file}`, lang),
  elect: (slug: string, processId: string, kind: ElectedBodyKind, body: { agentId: string; reason?: string }) =>
    apiRequest<BodyQuota>(`${p(slug, processId)}/bodies/${kind}/members`, { method: 'POST', body }),
  removeMember: (slug: string, processId: string, kind: ElectedBodyKind, agentId: string, reason: string) =>
    apiRequest<BodyQuota>(`${p(slug, processId)}/bodies/${kind}/members/${encodeURIComponent(agentId)}/removal`, { method: 'POST', body: { reason } }),
};
