import { apiRequest } from '../../lib/api';
import { municipalityPath as m } from '../../lib/paths';
import { useResource } from '../../lib/useResource';
import type { PlanObjective, ThematicAxis, Zone, ZoneKind } from '../../lib/api-types';

/** Zones of the municipality, and the Concerted Development Plan (thematic axes and their strategic objectives). */
export const planApi = {
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
};

/** The municipality's zones, loaded once per page (many forms and filters offer them). */
export function useZones(slug: string) {
  return useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
}
