import { apiRequest } from './api';
import type {
  Agent, AgentInput, Announcement, AnnouncementInput, AuditEntry, BodyQuota, Decision, ElectedBodyKind, ImportMode, ImportReport,
  Notification, Organization, OrganizationInput, PhaseCheck, Process, ProcessDetail, ProcessSettingsInput, Registry,
  RegistrationStatus, SessionInput, StoredFile, ThematicAxis, TrainingList, TrainingSession, TrainingStatus, Zone, ZoneKind,
  Attendee, PlanObjective,
} from './prep-types';
import type { Phase, Role } from './types';
import type { Participation, ParticipationHistoryAnswer } from './participation-types';

/**
 * The Preparation phase's endpoints, one function each (pages never spell a URL). Kept apart from `api.ts` so the
 * citizen's first download does not carry them: only the lazily loaded pages import this module.
 */
const m = (slug: string) => `/municipalities/${encodeURIComponent(slug)}`;
const p = (slug: string, processId: string) => `${m(slug)}/processes/${encodeURIComponent(processId)}`;

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface AgentFilters {
  status?: RegistrationStatus | '';
  zoneId?: string;
  organizationId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export const prep = {
  // Processes
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

  // Accounts with a role in the municipality (administrator)
  members: (slug: string, signal?: AbortSignal) =>
    apiRequest<{ members: { userId: string; name: string; email: string | null; dni: string | null; roles: Role[] }[] }>(`${m(slug)}/members`, { signal }),

  // Zones and the plan
  zones: (slug: string, signal?: AbortSignal) => apiRequest<{ zones: Zone[] }>(`${m(slug)}/zones`, { signal }),
  createZone: (slug: string, body: { code: string; name: string; kind: ZoneKind; population: number | null; reason?: string }) =>
    apiRequest<Zone>(`${m(slug)}/zones`, { method: 'POST', body }),
  updateZone: (slug: string, zoneId: string, body: Partial<Omit<Zone, 'id'>> & { reason: string }) =>
    apiRequest<Zone>(`${m(slug)}/zones/${encodeURIComponent(zoneId)}`, { method: 'PATCH', body }),
  plan: (slug: string, signal?: AbortSignal) => apiRequest<{ axes: ThematicAxis[] }>(`${m(slug)}/plan`, { signal }),
  createAxis: (slug: string, body: { code: string; name: string; description: string; reason?: string }) =>
    apiRequest<ThematicAxis>(`${m(slug)}/plan/axes`, { method: 'POST', body }),
  updateAxis: (slug: string, axisId: string, body: { code?: string; name?: string; description?: string; reason: string }) =>
    apiRequest<ThematicAxis>(`${m(slug)}/plan/axes/${encodeURIComponent(axisId)}`, { method: 'PATCH', body }),
  createObjective: (slug: string, body: { axisId: string; code: string; title: string; description: string; reason?: string }) =>
    apiRequest<PlanObjective>(`${m(slug)}/plan/objectives`, { method: 'POST', body }),
  updateObjective: (slug: string, objectiveId: string, body: { axisId?: string; code?: string; title?: string; description?: string; reason: string }) =>
    apiRequest<PlanObjective>(`${m(slug)}/plan/objectives/${encodeURIComponent(objectiveId)}`, { method: 'PATCH', body }),

  // Announcements, files, outbox, audit
  announcements: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<{ announcements: Announcement[] }>(`${p(slug, processId)}/announcements`, { signal }),
  createAnnouncement: (slug: string, processId: string, body: AnnouncementInput) =>
    apiRequest<Announcement>(`${p(slug, processId)}/announcements`, { method: 'POST', body }),
  updateAnnouncement: (slug: string, processId: string, id: string, body: AnnouncementInput) =>
    apiRequest<Announcement>(`${p(slug, processId)}/announcements/${encodeURIComponent(id)}`, { method: 'PUT', body }),
  upload: (slug: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<StoredFile>(`${m(slug)}/files`, { method: 'POST', body: form });
  },
  notifications: (slug: string, filters: { topic?: string; limit?: number }, signal?: AbortSignal) =>
    apiRequest<{ notifications: Notification[] }>(`${m(slug)}/notifications${query(filters)}`, { signal }),
  audit: (slug: string, filters: { entityType?: string; entityId?: string; limit?: number }, signal?: AbortSignal) =>
    apiRequest<{ entries: AuditEntry[] }>(`${m(slug)}/audit${query(filters)}`, { signal }),

  // Registration
  myAgent: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<{ agent: Agent | null }>(`${p(slug, processId)}/agents/mine`, { signal }),
  registerSelf: (slug: string, processId: string, body: AgentInput) =>
    apiRequest<Agent>(`${p(slug, processId)}/agents`, { method: 'POST', body }),
  registerInPerson: (slug: string, processId: string, body: AgentInput) =>
    apiRequest<Agent>(`${p(slug, processId)}/agents/in-person`, { method: 'POST', body }),
  updateAgent: (slug: string, processId: string, agentId: string, body: Partial<AgentInput>) =>
    apiRequest<Agent>(`${p(slug, processId)}/agents/${encodeURIComponent(agentId)}`, { method: 'PATCH', body }),
  agents: (slug: string, processId: string, filters: AgentFilters, signal?: AbortSignal) =>
    apiRequest<{ agents: Agent[]; total: number }>(`${p(slug, processId)}/agents${query({ ...filters })}`, { signal }),
  decideAgent: (slug: string, processId: string, agentId: string, body: { decision: Decision; reason?: string | null }) =>
    apiRequest<Agent>(`${p(slug, processId)}/agents/${encodeURIComponent(agentId)}/decision`, { method: 'POST', body }),
  decideAgents: (slug: string, processId: string, body: { agentIds: string[]; decision: Decision; reason?: string | null }) =>
    apiRequest<{ agents: Agent[] }>(`${p(slug, processId)}/agents/decisions`, { method: 'POST', body }),
  importAgents: (slug: string, processId: string, file: Blob, mode: ImportMode) =>
    apiRequest<ImportReport>(`${p(slug, processId)}/agents/import${query({ mode })}`, { method: 'POST', body: file, contentType: 'text/csv' }),
  myOrganizations: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<{ organizations: Organization[] }>(`${p(slug, processId)}/organizations/mine`, { signal }),
  registerOrganization: (slug: string, processId: string, body: OrganizationInput) =>
    apiRequest<Organization>(`${p(slug, processId)}/organizations`, { method: 'POST', body }),
  updateOrganization: (slug: string, processId: string, id: string, body: Partial<OrganizationInput>) =>
    apiRequest<Organization>(`${p(slug, processId)}/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  organizations: (slug: string, processId: string, filters: { status?: RegistrationStatus | ''; zoneId?: string; type?: string; q?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    apiRequest<{ organizations: Organization[]; total: number }>(`${p(slug, processId)}/organizations${query({ ...filters })}`, { signal }),
  decideOrganization: (slug: string, processId: string, id: string, body: { decision: Decision; reason?: string | null }) =>
    apiRequest<Organization>(`${p(slug, processId)}/organizations/${encodeURIComponent(id)}/decision`, { method: 'POST', body }),
  decideOrganizations: (slug: string, processId: string, body: { organizationIds: string[]; decision: Decision; reason?: string | null }) =>
    apiRequest<{ organizations: Organization[] }>(`${p(slug, processId)}/organizations/decisions`, { method: 'POST', body }),
  registry: (slug: string, processId: string, filters: { kind?: string; status?: string; zoneId?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    apiRequest<Registry>(`${p(slug, processId)}/registry${query(filters)}`, { signal }),

  // Bodies and quotas
  quotas: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<{ processId: string; bodies: BodyQuota[] }>(`${p(slug, processId)}/quotas`, { signal }),
  elect: (slug: string, processId: string, kind: ElectedBodyKind, body: { agentId: string; reason?: string }) =>
    apiRequest<BodyQuota>(`${p(slug, processId)}/bodies/${kind}/members`, { method: 'POST', body }),
  removeMember: (slug: string, processId: string, kind: ElectedBodyKind, agentId: string, reason: string) =>
    apiRequest<BodyQuota>(`${p(slug, processId)}/bodies/${kind}/members/${encodeURIComponent(agentId)}/removal`, { method: 'POST', body: { reason } }),

  // Training
  trainings: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<TrainingList>(`${p(slug, processId)}/trainings`, { signal }),
  createTraining: (slug: string, processId: string, body: SessionInput & { reason?: string }) =>
    apiRequest<{ session: TrainingSession; notificationsQueued: number }>(`${p(slug, processId)}/trainings`, { method: 'POST', body }),
  attachMaterial: (slug: string, processId: string, sessionId: string, fileId: string) =>
    apiRequest<TrainingSession>(`${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}/materials`, { method: 'POST', body: { fileId } }),
  detachMaterial: (slug: string, processId: string, sessionId: string, fileId: string) =>
    apiRequest<TrainingSession>(`${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}/materials/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
  attendance: (slug: string, processId: string, sessionId: string, signal?: AbortSignal) =>
    apiRequest<{ session: TrainingSession; attendees: Attendee[] }>(`${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}/attendance`, { signal }),
  recordAttendance: (slug: string, processId: string, sessionId: string, body: { agentIds: string[]; reason?: string }) =>
    apiRequest<{ added: string[]; alreadyRecorded: string[]; attendanceCount: number }>(
      `${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}/attendance`, { method: 'POST', body }),
  removeAttendance: (slug: string, processId: string, sessionId: string, agentId: string, reason?: string) =>
    apiRequest<{ removed: boolean; attendanceCount: number }>(
      `${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}/attendance/${encodeURIComponent(agentId)}${query({ reason })}`, { method: 'DELETE' }),
  checkIn: (slug: string, processId: string, sessionId: string, dni: string) =>
    apiRequest<{ agent: { id: string; fullName: string }; recorded: boolean; attendanceCount: number }>(
      `${p(slug, processId)}/trainings/${encodeURIComponent(sessionId)}/check-in`, { method: 'POST', body: { dni } }),
  trainingStatus: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<TrainingStatus>(`${p(slug, processId)}/training-status`, { signal }),

  // Participation figures
  participation: (slug: string, processId: string, signal?: AbortSignal) =>
    apiRequest<Participation>(`${p(slug, processId)}/participation`, { signal }),
  participationHistory: (slug: string, signal?: AbortSignal) =>
    apiRequest<ParticipationHistoryAnswer>(`${m(slug)}/participation/history`, { signal }),
};
