import type { DatabaseHandle } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { allPages } from '../shared/export.ts';
import { requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import type { Agent, Organization, RegistrationStatus } from './registration.ts';
import { publicRegistry, type RegistryEntry } from './registry.service.ts';
import * as repo from './registration.repository.ts';

export type ExportFormat = 'csv' | 'pdf';

export interface RegistryFilters {
  status?: RegistrationStatus | undefined;
  zoneId?: string | undefined;
}

/**
 * Every registration of a process for staff to take away (the list pages show 50 at a time; this reads them all, a
 * page at a time), with DNI and contact. Read and audited as `registration.export` in one transaction, so the audit
 * entry says exactly how many rows left and in which format.
 */
export async function registryForStaff(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string,
  what: 'agents' | 'organizations' | 'registry', format: ExportFormat, filters: RegistryFilters = {}): Promise<{ process: Process; agents: Agent[]; organizations: Organization[] }> {
  return handle.db.transaction().execute(async (trx) => {
    const process = await requireProcess(trx, municipalityId, processId);
    const f = { status: filters.status, zoneId: filters.zoneId };
    const agents = what === 'organizations' ? [] : await allPages(async (limit, offset) => (await repo.listAgents(trx, municipalityId, processId, { ...f, limit, offset })).agents);
    const organizations = what === 'agents' ? [] : await allPages(async (limit, offset) => (await repo.listOrganizations(trx, municipalityId, processId, { ...f, limit, offset })).organizations);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.export', entityType: 'process', entityId: processId, reason: null,
      data: { what, format, filters: f, agents: agents.length, organizations: organizations.length },
    });
    return { process, agents, organizations };
  });
}

/** The whole public registry (no DNI, phone or email): nothing personal leaves, so nothing is audited. */
export async function publicRegistryRows(handle: DatabaseHandle, municipalityId: string, processId: string, filters: RegistryFilters & { kind?: RegistryEntry['kind'] | undefined }) {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const registry = await publicRegistry(handle, municipalityId, processId, { ...filters, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return { process, entries: registry.entries };
}
