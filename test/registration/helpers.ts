import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { as, createTestApp, signIn, TEST_LOG_N, type Agent, type TestApp } from '../support/app.ts';
import { createProcessFixture, municipalityId, zoneIds } from '../support/fixtures.ts';
import type { Dialect } from '../../src/db/database.ts';
import type { ProcessRules } from '@concerta/contracts';
import type { Phase } from '@concerta/contracts';
import { hashPassword } from '../../src/accounts/password.ts';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import { newId, now } from '../../src/shared/clock.ts';

/** Shared set-up of the registration and quota tests: the Ilo demo, a process in Preparation, signed-in staff. */
export interface World {
  t: TestApp;
  mId: string;
  zones: { id: string; code: string; name: string }[];
  admin: Agent;
  facilitator: Agent;
  agent: Agent;
}

export async function createWorld(dialect: Dialect): Promise<World> {
  const t = await createTestApp(dialect);
  return {
    t,
    mId: await municipalityId(t.db),
    zones: await zoneIds(t.db),
    admin: await signIn(t.app, 'admin@ilo.gob.pe'),
    facilitator: await signIn(t.app, 'facilitador@ilo.gob.pe'),
    agent: await signIn(t.app, 'agente@ilo.gob.pe'),
  };
}

let year = 2030;
/** A new process of Ilo (each with its own fiscal year), open for registration unless told otherwise. */
export async function newProcess(w: World, opts: { deadlineInDays?: number; phase?: Phase; rules?: Partial<ProcessRules>; slug?: string } = {}): Promise<string> {
  year += 1;
  return (await createProcessFixture(w.t.db, { fiscalYear: year, ...opts })).processId;
}

export function url(processId: string, rest = '', slug = 'ilo'): string {
  return `/api/municipalities/${slug}/processes/${processId}${rest}`;
}

/** A signed-up citizen with no role anywhere. */
export async function citizen(w: World, opts: { email?: string; dni?: string } = {}): Promise<Agent> {
  const email = opts.email ?? `vecino-${newId().slice(0, 8)}@example.pe`;
  const res = await w.t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'Vecino de Ilo', email, ...(opts.dni ? { dni: opts.dni } : {}), password: 'una-clave-larga' } });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.body}`);
  return signIn(w.t.app, email, 'una-clave-larga');
}

/** An account holding a role in another municipality only. */
export async function staffOf(w: World, slug: string, role: string): Promise<Agent> {
  const email = `${role}-${newId().slice(0, 6)}@${slug}.gob.pe`;
  const mId = await municipalityId(w.t.db, slug);
  const userId = newId();
  await w.t.db.db.insertInto('users').values({ id: userId, name: `Staff ${slug}`, email, dni: null, password_hash: await hashPassword(DEMO_PASSWORD, TEST_LOG_N), created_at: now() }).execute();
  await w.t.db.db.insertInto('memberships').values({ municipality_id: mId, user_id: userId, role, granted_at: now(), granted_by: null }).execute();
  return signIn(w.t.app, email);
}

let dniSeq = 47000000;
export function nextDni(): string {
  dniSeq += 1;
  return String(dniSeq);
}

export function agentPayload(w: World, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { dni: nextDni(), fullName: 'Juana Pari Ccama', sex: 'female', ageBand: '30-44', zoneId: w.zones[1]!.id, phone: '987654321', ...over };
}

export function orgPayload(w: World, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Comité Vecinal Miramar', type: 'neighbourhood_committee', registryNumber: String(11000000 + Math.floor(Math.random() * 999999)), zoneId: w.zones[3]!.id, contactEmail: 'comite@example.pe', ...over };
}

export async function post(w: World, who: Agent | null, path: string, payload: unknown, lang: 'es' | 'en' = 'es'): Promise<LightMyRequestResponse> {
  return w.t.app.inject({ method: 'POST', url: path, headers: who ? as(who, lang) : { 'accept-language': lang }, payload: payload as object });
}

export async function get(w: World, who: Agent | null, path: string, lang: 'es' | 'en' = 'es'): Promise<LightMyRequestResponse> {
  return w.t.app.inject({ method: 'GET', url: path, headers: who ? as(who, lang) : { 'accept-language': lang } });
}

export async function patch(w: World, who: Agent, path: string, payload: unknown, lang: 'es' | 'en' = 'es'): Promise<LightMyRequestResponse> {
  return w.t.app.inject({ method: 'PATCH', url: path, headers: as(who, lang), payload: payload as object });
}

/** Registers an agent face to face and returns its id. */
export async function registerAgent(w: World, processId: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, over));
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.body}`);
  return res.json().id;
}

export async function approveAgents(w: World, processId: string, ids: string[]): Promise<LightMyRequestResponse> {
  return post(w, w.admin, url(processId, '/agents/decisions'), { agentIds: ids, decision: 'approve' });
}

/** Registers an organization face to face and approves it; returns its id and registry number. */
export async function approvedOrganization(w: World, processId: string, over: Record<string, unknown> = {}): Promise<{ id: string; registryNumber: string }> {
  const res = await post(w, w.facilitator, url(processId, '/organizations/in-person'), orgPayload(w, over));
  if (res.statusCode !== 201) throw new Error(`organization registration failed: ${res.body}`);
  const ok = await post(w, w.admin, url(processId, `/organizations/${res.json().id}/decision`), { decision: 'approve', reason: 'Partida verificada en SUNARP' });
  if (ok.statusCode !== 200) throw new Error(`organization approval failed: ${ok.body}`);
  return { id: res.json().id, registryNumber: res.json().registryNumber };
}

export async function countRows(w: World, table: 'agents' | 'organizations' | 'notifications' | 'body_members' | 'memberships'): Promise<number> {
  const r = await w.t.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function auditOf(w: World, entityId: string) {
  return w.t.db.db.selectFrom('audit_log').selectAll().where('scope', '=', w.mId).where('entity_id', '=', entityId).orderBy('seq').execute();
}

export async function auditCount(w: World): Promise<number> {
  const r = await w.t.db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('scope', '=', w.mId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));
}
