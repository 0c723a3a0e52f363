import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/database.ts';
import type { AgentsTable, OrganizationsTable } from '../../src/registration/registration.tables.ts';
import { newId, now } from '../../src/shared/clock.ts';
import type { Role } from '@concerta/contracts';

/**
 * Registrations written straight into the database, so the training and participation tests do not depend on the
 * registration module's API. Paper (in_person) and imported registrations are rows like any other.
 */
export async function insertOrganization(db: DatabaseHandle, o: {
  municipalityId: string; processId: string; zoneId: string; name?: string; type?: OrganizationsTable['type'];
  status?: OrganizationsTable['status']; source?: OrganizationsTable['source'];
}): Promise<string> {
  const id = newId();
  await db.db.insertInto('organizations').values({
    municipality_id: o.municipalityId, id, process_id: o.processId, name: o.name ?? `Organización ${id.slice(0, 6)}`,
    type: o.type ?? 'neighbourhood_committee', registry_number: `P-${id.slice(0, 8)}`, zone_id: o.zoneId,
    contact_phone: null, contact_email: null, status: o.status ?? 'approved', decision_reason: null, decided_at: null, decided_by: null,
    submitted_by: null, source: o.source ?? 'online', created_at: now(), updated_at: now(),
  }).execute();
  return id;
}

let dniSeq = 70_000_000;

export async function insertAgent(db: DatabaseHandle, a: {
  municipalityId: string; processId: string; zoneId: string; fullName?: string; dni?: string; sex?: AgentsTable['sex'];
  ageBand?: AgentsTable['age_band']; status?: AgentsTable['status']; email?: string | null; phone?: string | null;
  organizationId?: string | null; userId?: string | null; source?: AgentsTable['source']; delegateRole?: 'titular' | 'substitute' | null;
}): Promise<{ id: string; dni: string; fullName: string }> {
  const id = newId();
  const dni = a.dni ?? String(dniSeq++);
  const fullName = a.fullName ?? `Agente ${dni}`;
  await db.db.insertInto('agents').values({
    municipality_id: a.municipalityId, id, process_id: a.processId, dni, full_name: fullName, sex: a.sex ?? 'female',
    age_band: a.ageBand ?? '30-44', zone_id: a.zoneId, phone: a.phone ?? null, email: a.email ?? null,
    organization_id: a.organizationId ?? null, delegate_role: a.delegateRole ?? null, status: a.status ?? 'approved', decision_reason: null, decided_at: null,
    decided_by: null, user_id: a.userId ?? null, submitted_by: null, source: a.source ?? 'online', created_at: now(), updated_at: now(),
  }).execute();
  return { id, dni, fullName };
}

/** A new account through the API, then a role granted straight in the database (another municipality's staff...). */
export async function accountWithRole(app: FastifyInstance, db: DatabaseHandle, p: {
  name: string; email: string; dni?: string; role?: Role; municipalityId?: string;
}): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: p.name, email: p.email, dni: p.dni, password: 'una-clave-larga' } });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.body}`);
  const userId = res.json().user.id as string;
  if (p.role && p.municipalityId) {
    await db.db.insertInto('memberships').values({ municipality_id: p.municipalityId, user_id: userId, role: p.role, granted_at: now(), granted_by: null }).execute();
  }
  return userId;
}

export async function insertZone(db: DatabaseHandle, municipalityId: string, code: string, name: string): Promise<string> {
  const id = newId();
  await db.db.insertInto('zones').values({ municipality_id: municipalityId, id, code, name, kind: 'sector', population: null, created_at: now() }).execute();
  return id;
}

/** An instant `minutes` from now, as ISO text. */
export function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}
