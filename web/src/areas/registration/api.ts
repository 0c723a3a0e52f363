import { followImportJob } from '../../lib/import-job';
import { apiRequest } from '../../lib/api';
import { downloadUrl, processPath as p, query } from '../../lib/paths';
import { useResource } from '../../lib/useResource';
import type { Agent, AgentInput, ClaimCode, InPersonAgent, ChallengeBody, ChallengeDecision, RegistrationChallenge, RegistrationLists, Decision, ImportJob, ImportMode, ImportProgress, ImportReport, Organization, OrganizationInput, Registry, RegistrationStatus } from '../../lib/api-types';

interface ListFilters {
  status?: RegistrationStatus | '';
  zoneId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

const agents = (slug: string, processId: string) => `${p(slug, processId)}/agents`;

/**
 * Imports a CSV as a job: sends the file, then follows the job, telling `onProgress` how far it got, until it ends.
 * Resolves with its report, or rejects with the ApiError the plain import would have answered.
 */
export function runImport(
  slug: string, processId: string, file: Blob, mode: ImportMode, onProgress: (progress: ImportProgress) => void, signal?: AbortSignal,
): Promise<ImportReport> {
  return followImportJob(registrationApi.startImport(slug, processId, file, mode), (id, s) => registrationApi.importJob(slug, processId, id, s), onProgress, signal);
}
const organizations = (slug: string, processId: string) => `${p(slug, processId)}/organizations`;

/** Participating agents and organizations: register, correct, decide, import; and the public registry. */
export const registrationApi = {
  myAgent: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<{ agent: Agent | null }>(`${agents(slug, processId)}/mine`, { signal }),
  registerSelf: (slug: string, processId: string, body: AgentInput) => apiRequest<Agent>(agents(slug, processId), { method: 'POST', body }),
  registerInPerson: (slug: string, processId: string, body: AgentInput) =>
    apiRequest<InPersonAgent>(`${agents(slug, processId)}/in-person`, { method: 'POST', body }),
  issueClaimCode: (slug: string, processId: string, agentId: string, reason: string) =>
    apiRequest<ClaimCode>(`${agents(slug, processId)}/${encodeURIComponent(agentId)}/claim-code`, { method: 'POST', body: { reason } }),
  updateAgent: (slug: string, processId: string, agentId: string, body: Partial<AgentInput>) =>
    apiRequest<Agent>(`${agents(slug, processId)}/${encodeURIComponent(agentId)}`, { method: 'PATCH', body }),
  /** Downloads for staff: every agent or organization as CSV, the registry as PDF; the public registry as CSV. */
  exportUrl: (slug: string, processId: string, file: 'agents.csv' | 'organizations.csv' | 'registry.pdf' | 'registry.csv', lang: string) =>
    downloadUrl(`${p(slug, processId)}/${file}`, lang),
  agents: (slug: string, processId: string, filters: ListFilters & { organizationId?: string }, signal?: AbortSignal) =>
    apiRequest<{ agents: Agent[]; total: number }>(`${agents(slug, processId)}${query({ ...filters })}`, { signal }),
  decideAgent: (slug: string, processId: string, agentId: string, body: { decision: Decision; reason?: string | null }) =>
    apiRequest<Agent>(`${agents(slug, processId)}/${encodeURIComponent(agentId)}/decision`, { method: 'POST', body }),
  revertAgent: (slug: string, processId: string, agentId: string, reason: string) =>
    apiRequest<Agent>(`${agents(slug, processId)}/${encodeURIComponent(agentId)}/revert`, { method: 'POST', body: { reason } }),
  decideAgents: (slug: string, processId: string, body: { agentIds: string[]; decision: Decision; reason?: string | null }) =>
    apiRequest<{ agents: Agent[] }>(`${agents(slug, processId)}/decisions`, { method: 'POST', body }),
  startImport: (slug: string, processId: string, file: Blob, mode: ImportMode) =>
    apiRequest<ImportJob>(`${agents(slug, processId)}/import-jobs${query({ mode })}`, { method: 'POST', body: file, contentType: 'text/csv' }),
  importJob: (slug: string, processId: string, jobId: string, signal?: AbortSignal) =>
    apiRequest<ImportJob>(`${agents(slug, processId)}/import-jobs/${encodeURIComponent(jobId)}`, { signal }),
  myOrganizations: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<{ organizations: Organization[] }>(`${organizations(slug, processId)}/mine`, { signal }),
  registerOrganization: (slug: string, processId: string, body: OrganizationInput) =>
    apiRequest<Organization>(organizations(slug, processId), { method: 'POST', body }),
  updateOrganization: (slug: string, processId: string, id: string, body: Partial<OrganizationInput>) =>
    apiRequest<Organization>(`${organizations(slug, processId)}/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  organizations: (slug: string, processId: string, filters: ListFilters & { type?: string }, signal?: AbortSignal) =>
    apiRequest<{ organizations: Organization[]; total: number }>(`${organizations(slug, processId)}${query({ ...filters })}`, { signal }),
  decideOrganization: (slug: string, processId: string, id: string, body: { decision: Decision; reason?: string | null }) =>
    apiRequest<Organization>(`${organizations(slug, processId)}/${encodeURIComponent(id)}/decision`, { method: 'POST', body }),
  revertOrganization: (slug: string, processId: string, id: string, reason: string) =>
    apiRequest<Organization>(`${organizations(slug, processId)}/${encodeURIComponent(id)}/revert`, { method: 'POST', body: { reason } }),
  decideOrganizations: (slug: string, processId: string, body: { organizationIds: string[]; decision: Decision; reason?: string | null }) =>
    apiRequest<{ organizations: Organization[] }>(`${organizations(slug, processId)}/decisions`, { method: 'POST', body }),
  registry: (
    slug: string,
    processId: string,
    filters: { kind?: string; status?: string; zoneId?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ) => apiRequest<Registry>(`${p(slug, processId)}/registry${query(filters)}`, { signal }),
  lists: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<RegistrationLists>(`${p(slug, processId)}/lists`, { signal }),
  publishList: (slug: string, processId: string, stage: 'preliminary' | 'definitive') =>
    apiRequest<RegistrationLists>(`${p(slug, processId)}/lists/${stage}`, { method: 'POST' }),
  challenge: (slug: string, processId: string, body: ChallengeBody) =>
    apiRequest<RegistrationChallenge>(`${p(slug, processId)}/challenges`, { method: 'POST', body }),
  answerChallenge: (slug: string, processId: string, challengeId: string, answer: string) =>
    apiRequest<RegistrationChallenge>(`${p(slug, processId)}/challenges/${encodeURIComponent(challengeId)}/answer`, { method: 'POST', body: { answer } }),
  decideChallenge: (slug: string, processId: string, challengeId: string, body: { decision: ChallengeDecision; reason: string }) =>
    apiRequest<RegistrationChallenge>(`${p(slug, processId)}/challenges/${encodeURIComponent(challengeId)}/decision`, { method: 'POST', body }),
  setCommission: (slug: string, processId: string, body: { userIds: string[]; reason: string }) =>
    apiRequest<RegistrationLists>(`${p(slug, processId)}/lists/commission`, { method: 'PUT', body }),
  actUrl: (slug: string, processId: string, format: 'html' | 'pdf' | 'staff') =>
    `/api${p(slug, processId)}/lists/definitive/${format === 'staff' ? 'act-staff.html' : `act.${format}`}`,
};

/** The approved organizations of a process (an agent may be one's delegate), from the public registry. */
export function useApprovedOrganizations(slug: string, processId: string) {
  return useResource(`approved-orgs:${slug}:${processId}`, (signal) =>
    registrationApi.registry(slug, processId, { kind: 'organization', status: 'approved' }, signal),
  );
}
