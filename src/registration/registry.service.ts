import type { DatabaseHandle } from '../db/database.ts';
import { localDate } from '../shared/clock.ts';
import { registrationWindowError } from './registration-window.ts';
import type { OrganizationType, RegistrationStatus, ZoneRef } from './registration.ts';
import { requireProcess } from '../processes/process.queries.ts';
import * as repo from './registration.repository.ts';

/**
 * The public registry: every registration of a process and every decision on it, with its reason, so that the
 * municipality's rules and decisions are visible and explained. Never a DNI, a phone or an email.
 */
export interface RegistryEntry {
  id: string;
  kind: 'individual' | 'organization';
  name: string;
  /** For an organization: its type and registry number (SUNARP entries are public). */
  organizationType: OrganizationType | null;
  registryNumber: string | null;
  /** For an individual accredited as delegate: the organization. */
  delegateOf: { id: string; name: string; type: OrganizationType } | null;
  zone: ZoneRef;
  status: RegistrationStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  registeredAt: string;
}

type Counts = Record<RegistrationStatus, number>;

export interface Registry {
  processId: string;
  registrationDeadline: string;
  open: boolean;
  counts: { individuals: Counts; organizations: Counts };
  total: number;
  entries: RegistryEntry[];
}

export interface RegistryQuery {
  kind?: 'individual' | 'organization' | undefined;
  status?: RegistrationStatus | undefined;
  zoneId?: string | undefined;
  limit: number;
  offset: number;
}

function count(rows: { status: RegistrationStatus }[]): Counts {
  const c: Counts = { pending: 0, approved: 0, rejected: 0 };
  for (const r of rows) c[r.status] += 1;
  return c;
}

export async function publicRegistry(handle: DatabaseHandle, municipalityId: string, processId: string, q: RegistryQuery): Promise<Registry> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const byZone = { zoneId: q.zoneId };
  const [agents, orgs] = await Promise.all([
    repo.listPublicAgents(handle.db, municipalityId, processId, byZone),
    repo.listPublicOrganizations(handle.db, municipalityId, processId, byZone),
  ]);
  const entries: RegistryEntry[] = [
    ...(q.kind === 'organization' ? [] : agents.map((a): RegistryEntry => ({
      id: a.id, kind: 'individual', name: a.full_name, organizationType: null, registryNumber: null,
      delegateOf: a.org_id && a.org_name && a.org_type ? { id: a.org_id, name: a.org_name, type: a.org_type } : null,
      zone: { id: a.zone_id, code: a.zone_code, name: a.zone_name }, status: a.status, decisionReason: a.decision_reason,
      decidedAt: a.decided_at, registeredAt: a.created_at,
    }))),
    ...(q.kind === 'individual' ? [] : orgs.map((o): RegistryEntry => ({
      id: o.id, kind: 'organization', name: o.name, organizationType: o.type, registryNumber: o.registry_number, delegateOf: null,
      zone: { id: o.zone_id, code: o.zone_code, name: o.zone_name }, status: o.status, decisionReason: o.decision_reason,
      decidedAt: o.decided_at, registeredAt: o.created_at,
    }))),
  ].filter((e) => !q.status || e.status === q.status)
    .sort((a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id));
  return {
    processId,
    registrationDeadline: process.rules.registrationDeadline,
    open: registrationWindowError(process, localDate()) === null,
    counts: { individuals: count(agents), organizations: count(orgs) },
    total: entries.length,
    entries: entries.slice(q.offset, q.offset + q.limit),
  };
}
