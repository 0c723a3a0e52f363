import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { build } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Dialect } from '../../src/db/database.ts';
import { seedDemo } from '../../src/seed.ts';
import { DEMO_PASSWORD } from '../../src/demo/ilo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

/** Cheap scrypt for tests; the stored hash records its cost, so production verification is unaffected. */
export const TEST_LOG_N = 10;

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), webDist: null, logLevel: 'silent', signInPerMinute: 1000, signUpPerHour: 1000, signInFailuresPerAccount: 1000, dniLookupsPerMinute: 1000, ...overrides };
}

/** A real application on a fresh database of the dialect, with the Ilo demo loaded unless `seed: false`. */
/** `full: true` loads the whole Ilo demo (past years, the 2007 cycle formalized, this year's registrations). */
export async function createTestApp(dialect: Dialect, opts: { seed?: boolean; full?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const db = await createTestDatabase(dialect);
  if (opts.seed !== false) await seedDemo(db, { passwordLogN: TEST_LOG_N, full: opts.full ?? false });
  const app = await build({ db, config: testConfig(opts.config), passwordLogN: TEST_LOG_N, logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  return { app, db, close: async () => { await app.close(); await db.drop(); } };
}

export interface Agent {
  cookie: string;
  csrf: string;
  userId: string;
}

/** Signs in through the API, as a browser would, and returns what later requests must carry. */
export async function signIn(app: FastifyInstance, login: string, password = DEMO_PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/signin', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res), csrf: res.json().csrfToken, userId: res.json().user.id };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'concerta_session');
  if (!c) throw new Error('no session cookie set');
  return `concerta_session=${c.value}`;
}

/** Headers of an authenticated write. */
export function as(agent: Agent, lang: 'es' | 'en' = 'es'): Record<string, string> {
  return { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'accept-language': lang };
}
