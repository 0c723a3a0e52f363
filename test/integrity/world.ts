import type { FastifyInstance } from 'fastify';
import { ACTIONS, ROLES, type Role } from '@concerta/contracts';
import type { Policy } from '../../src/access/policy.ts';
import type { Dialect } from '../../src/db/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { AREAS } from '../../src/areas.ts';
import { newId } from '../../src/shared/clock.ts';
import { as, createTestApp, signIn, type Agent, type TestApp } from '../support/app.ts';
import { createProcessFixture, municipalityId, rowCounts, zoneIds } from '../support/fixtures.ts';
import { accountWithRole } from '../training/registrations.ts';
import { trainingSession, voter, votingProcess } from '../voting/fixture.ts';

/**
 * The world the integrity tests call every route in: Ilo with the full demo (municipality A: eight past processes, the
 * 2007 cycle formalized and in Execution, this year's process in Preparation) plus a process of Ilo whose vote is open
 * with ballots cast; Pacocha (municipality B) with a process and its own staff. One account per role in each, a
 * signed-in citizen with no role, and the anonymous caller.
 */

export const API_PREFIX = '/api/';

/** One route of the application, as the app itself lists it. */
export interface ApiRoute {
  method: string;
  url: string;
  policy: Policy;
  /** The names of its path parameters, in order. */
  params: string[];
}

/** Every API route the application answers, from its own route table: a route added tomorrow is in this list. */
export function apiRoutes(app: FastifyInstance): ApiRoute[] {
  return app.routeTable
    .filter((r) => r.url.startsWith(API_PREFIX))
    .map((r) => {
      const policy = r.policy();
      if (policy === undefined) throw new Error(`${r.method} ${r.url} declares no policy`);
      return { method: r.method, url: r.url, policy, params: [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!) };
    });
}

export const isWrite = (route: { method: string }) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method);

export type Place = 'A' | 'B';

export interface Caller {
  /** How the matrix names it: `anonymous`, `citizen`, `A:administrator` ... */
  name: string;
  place: Place | null;
  role: Role | null;
  login: string | null;
  password: string;
  agent: Agent | null;
}

/** What the policy table says of this caller on a route of municipality `place`: allowed, or refused with 401/403. */
export function expected(policy: Policy, caller: Caller, place: Place): 'allowed' | 401 | 403 {
  if (policy === 'public') return 'allowed';
  if (!caller.agent) return 401;
  if (policy === 'signed-in') return 'allowed';
  const roles: readonly string[] = (ACTIONS as Record<string, readonly string[]>)[policy.action] ?? [];
  return caller.place === place && caller.role !== null && roles.includes(caller.role) ? 'allowed' : 403;
}

/** A process of the world, with the municipality it belongs to. */
export interface WorldProcess { name: string; id: string; municipalityId: string }

export interface World {
  t: TestApp;
  callers: Caller[];
  slugs: Record<Place, string>;
  municipalities: Record<Place, string>;
  /** Ilo's processes, tried in order for a route's ids: the 2007 cycle, this year's, the one with the open vote. */
  processesA: WorldProcess[];
  processB: WorldProcess;
  openVote: { processId: string; zoneId: string; ballots: number };
  /** The tables every area owns (and the audit entries): what "nothing written" counts. */
  tables: (keyof Database)[];
  counts(): Promise<Record<string, number>>;
}

const PASSWORD = 'una-clave-larga';

export async function buildWorld(dialect: Dialect): Promise<World> {
  const t = await createTestApp(dialect, { full: true });
  const db = t.db;
  const iloId = await municipalityId(db, 'ilo');
  const pacochaId = await municipalityId(db, 'pacocha');
  const callers: Caller[] = [
    { name: 'anonymous', place: null, role: null, login: null, password: PASSWORD, agent: null },
  ];
  await accountWithRole(t.app, db, { name: 'Vecina Sin Rol', email: 'vecina@correo.pe' });
  callers.push({ name: 'citizen', place: null, role: null, login: 'vecina@correo.pe', password: PASSWORD, agent: await signIn(t.app, 'vecina@correo.pe', PASSWORD) });
  const demoLogins: Record<Role, string> = {
    administrator: 'admin@ilo.gob.pe', technical_team: 'tecnico@ilo.gob.pe', facilitator: 'facilitador@ilo.gob.pe',
    oversight_committee: 'vigilancia@ilo.gob.pe', participating_agent: 'agente@ilo.gob.pe',
  };
  for (const role of ROLES) {
    const login = demoLogins[role];
    callers.push({ name: `A:${role}`, place: 'A', role, login, password: 'ilo-demo-2026', agent: await signIn(t.app, login) });
  }
  for (const role of ROLES) {
    const login = `${role.replace('_', '.')}@pacocha.gob.pe`;
    await accountWithRole(t.app, db, { name: `Persona De Pacocha ${ROLES.indexOf(role) + 1}`, email: login, role, municipalityId: pacochaId });
    callers.push({ name: `B:${role}`, place: 'B', role, login, password: PASSWORD, agent: await signIn(t.app, login, PASSWORD) });
  }

  const processes = await db.db.selectFrom('processes').select(['id', 'fiscal_year']).where('municipality_id', '=', iloId).orderBy('fiscal_year', 'desc').execute();
  const current = processes[0]!;
  const formalized = processes.find((p) => p.fiscal_year === 2007)!;

  // A process of Ilo whose vote is open, with three ballots in the zone envelope, all for project 1.
  const admin = callers.find((c) => c.name === 'A:administrator')!.agent!;
  const zone = (await zoneIds(db, 'ilo'))[0]!;
  const voting = await votingProcess(db, zone, admin.userId, {}, current.fiscal_year + 5);
  const session = await trainingSession(db, iloId, voting.processId, admin.userId);
  const base = `/api/municipalities/ilo/processes/${voting.processId}/vote`;
  const open = await t.app.inject({ method: 'POST', url: `${base}/open`, headers: as(admin), payload: { closesAt: new Date(Date.now() + 3600_000).toISOString(), allowChanges: false, reason: 'apertura de la votación' } });
  if (open.statusCode !== 201) throw new Error(`vote open: ${open.body}`);
  const table = await t.app.inject({ method: 'POST', url: `${base}/tables`, headers: as(admin), payload: { name: 'Mesa 1', place: 'Municipalidad', facilitatorUserIds: [admin.userId, callers.find((c) => c.name === 'A:facilitator')!.agent!.userId] } });
  if (table.statusCode !== 201) throw new Error(`polling table: ${table.body}`);
  const ballots = 3;
  for (let i = 0; i < ballots; i++) {
    const v = await voter(t.app, db, { municipalityId: iloId, processId: voting.processId, zoneId: zone.id, sessionId: session });
    const cast = await t.app.inject({ method: 'POST', url: `${base}/ballot`, headers: as(v.agent), payload: { parts: [{ pool: zone.id, projects: ['0001'] }] } });
    if (cast.statusCode !== 201) throw new Error(`ballot: ${cast.body}`);
  }

  // A challenge of this year's list (the demo has none): one agent against another, filed by the demo's agent.
  const [challenger, target] = await db.db.selectFrom('agents').select('id').where('municipality_id', '=', iloId).where('process_id', '=', current.id).orderBy('id').limit(2).execute();
  await db.db.insertInto('registration_challenges').values({
    municipality_id: iloId, id: newId(), process_id: current.id, challenger_agent_id: challenger!.id, target_type: 'agent', target_id: target!.id,
    grounds: 'not_resident', reason: 'No vive en la zona que declaró.', evidence_file_id: null, filed_at: new Date().toISOString(),
    filed_by: callers.find((c) => c.name === 'A:participating_agent')!.agent!.userId, answer: null, answered_at: null, answered_by: null,
    status: 'open', decision_reason: null, decided_at: null, decided_by: null,
  }).execute();

  const b = await createProcessFixture(db, { slug: 'pacocha', fiscalYear: current.fiscal_year });
  const tables = [...new Set(AREAS.flatMap((a) => a.tables))] as (keyof Database)[];
  return {
    t, callers,
    slugs: { A: 'ilo', B: 'pacocha' },
    municipalities: { A: iloId, B: pacochaId },
    processesA: [
      { name: '2007', id: formalized.id, municipalityId: iloId },
      { name: 'current', id: current.id, municipalityId: iloId },
      { name: 'open vote', id: voting.processId, municipalityId: iloId },
    ],
    processB: { name: 'Pacocha', id: b.processId, municipalityId: pacochaId },
    openVote: { processId: voting.processId, zoneId: zone.id, ballots },
    tables,
    counts: () => rowCounts(db, tables),
  };
}

/** How the matrix finds a real id for a path parameter, inside one municipality and process. */
type Source = (w: { t: TestApp; municipalityId: string; processId: string | null; chosen: Record<string, string> }) => Promise<string | null>;

async function first(w: { t: TestApp }, table: string, where: Record<string, string | null>, column = 'id'): Promise<string | null> {
  // The tables differ; each has the columns named here.
  let q = (w.t.db.db as unknown as { selectFrom(t: string): any }).selectFrom(table).select(column);
  for (const [k, v] of Object.entries(where)) {
    if (v === null) return null;
    q = q.where(k, '=', v);
  }
  const row = await q.orderBy(column).limit(1).executeTakeFirst();
  return row ? String(row[column]) : null;
}

/**
 * Every path parameter the routes use, and where a real value of it comes from. A route with a parameter missing
 * here is still called (with an id nobody has), and the matrix test that checks this table names it.
 */
export const PARAM_SOURCES: Record<string, Source> = {
  processId: async (w) => w.processId,
  userId: async (w) => {
    // A member who is none of the callers: revoking their role changes nobody's answers.
    const row = await w.t.db.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('users.id')
      .where('memberships.municipality_id', '=', w.municipalityId).where('memberships.role', '=', 'technical_team')
      .where('users.email', 'not like', 'tecnico@%').where('users.email', 'not like', 'technical.team@%').orderBy('users.id').executeTakeFirst();
    return row?.id ?? null;
  },
  role: async () => 'technical_team',
  kind: async () => 'directive_committee',
  fileId: (w) => first(w, 'files', { municipality_id: w.municipalityId }),
  zoneId: (w) => first(w, 'zones', { municipality_id: w.municipalityId }),
  axisId: (w) => first(w, 'thematic_axes', { municipality_id: w.municipalityId }),
  objectiveId: (w) => first(w, 'plan_objectives', { municipality_id: w.municipalityId }),
  announcementId: (w) => first(w, 'announcements', { municipality_id: w.municipalityId, process_id: w.processId }),
  agentId: (w) => first(w, 'agents', { municipality_id: w.municipalityId, process_id: w.processId }),
  organizationId: (w) => first(w, 'organizations', { municipality_id: w.municipalityId, process_id: w.processId }),
  challengeId: (w) => first(w, 'registration_challenges', { municipality_id: w.municipalityId, process_id: w.processId }),
  sessionId: (w) => first(w, 'training_sessions', { municipality_id: w.municipalityId, process_id: w.processId }),
  proposalId: (w) => first(w, 'proposals', { municipality_id: w.municipalityId, process_id: w.processId }),
  workshopId: (w) => first(w, 'workshops', { municipality_id: w.municipalityId, process_id: w.processId }),
  agreementId: (w) => first(w, 'coordination_agreements', { municipality_id: w.municipalityId, process_id: w.processId }),
  tableId: async (w) => {
    const vote = await first(w, 'votes', { municipality_id: w.municipalityId, process_id: w.processId });
    return first(w, 'polling_tables', { municipality_id: w.municipalityId, vote_id: vote });
  },
  pool: async (w) => {
    const vote = await w.t.db.db.selectFrom('votes').select('paper').where('municipality_id', '=', w.municipalityId).where('process_id', '=', w.processId ?? '').executeTakeFirst();
    if (!vote) return null;
    const pools = JSON.parse(vote.paper) as { key: string }[];
    return pools[0] ? `${pools[0].key}.pb` : null;
  },
  version: (w) => first(w, 'acta_versions', { municipality_id: w.municipalityId, process_id: w.processId }, 'version'),
  projectId: (w) => first(w, 'execution_projects', { municipality_id: w.municipalityId, process_id: w.processId }),
  milestoneId: (w) => first(w, 'execution_milestones', { municipality_id: w.municipalityId, project_id: w.chosen.projectId ?? null }),
  requestId: (w) => first(w, 'oversight_requests', { municipality_id: w.municipalityId, process_id: w.processId }),
  // An open data file: the proposals, as CSV (every process and municipality has it).
  file: async () => 'proposals.csv',
  // Import jobs live in memory only: no job of another's is ever listed, so an id nobody has stands for one.
  jobId: async () => newId(),
};

/** A route's URL filled with real ids of one process (the first of `processes` where every parameter has one). */
export interface FilledRoute { url: string; process: WorldProcess | null; missing: string[]; values: Record<string, string> }

export function urlOf(route: ApiRoute, values: Record<string, string>): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!)).replace('*', 'index.html');
}

export async function fillRoute(world: World, route: ApiRoute, place: Place, processes?: WorldProcess[]): Promise<FilledRoute> {
  const candidates = processes ?? (place === 'A' ? world.processesA : [world.processB]);
  const needsProcess = route.params.includes('processId');
  let best: FilledRoute | null = null;
  for (const process of needsProcess ? candidates : [null]) {
    const chosen: Record<string, string> = {};
    const missing: string[] = [];
    for (const name of route.params) {
      if (name === 'slug') { chosen.slug = world.slugs[place]; continue; }
      const source = PARAM_SOURCES[name];
      const value = source ? await source({ t: world.t, municipalityId: world.municipalities[place], processId: process?.id ?? null, chosen }) : null;
      if (value === null) missing.push(name);
      chosen[name] = value ?? newId();
    }
    const url = urlOf(route, chosen);
    if (!best || missing.length < best.missing.length) best = { url, process, missing, values: chosen };
    if (missing.length === 0) break;
  }
  return best!;
}

/** The headers of a caller's request (with a JSON body for writes). */
export function headersOf(caller: Caller, write: boolean): Record<string, string> {
  return { ...(caller.agent ? as(caller.agent) : { 'accept-language': 'es' }), ...(write ? { 'content-type': 'application/json' } : {}) };
}
