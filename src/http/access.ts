import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/database.ts';
import { resolveSession } from '../accounts/accounts.service.ts';
import { can, type Policy } from '../access/policy.ts';
import { AppError } from '../shared/errors.ts';
import { pickLang } from '../shared/i18n.ts';
import { findMunicipalityBySlug } from '../territory/territory.repository.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The fixed chain every request goes through before its handler:
 * language -> session (onRequest) -> schema validation (Fastify) -> CSRF -> policy -> tenant (preHandler).
 */
export function installAccess(app: FastifyInstance, handle: DatabaseHandle): void {
  app.decorateRequest('lang', 'es');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('municipality', null);

  app.addHook('onRequest', async (request, reply) => {
    const q = request.query as Record<string, unknown> | undefined;
    request.lang = pickLang(request.headers['accept-language'], typeof q?.lang === 'string' ? q.lang : undefined);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(handle, token);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.session = session;
    request.actor = session.actor;
  });

  app.addHook('preHandler', async (request) => {
    if (request.is404) return;
    const policy = request.routeOptions.config?.policy;
    if (!policy) throw new Error(`route ${request.method} ${request.routeOptions.url} declares no policy`);
    checkCsrf(request);
    await authorize(request, policy, handle);
  });
}

/** Cookie-authenticated writes must carry the session's CSRF token; a cross-site Origin is refused outright. */
function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    let host: string | null = null;
    try { host = new URL(origin).host; } catch { host = null; }
    if (host !== request.headers.host) throw new AppError('CSRF_TOKEN_INVALID');
  }
  if (!request.session) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
}

async function authorize(request: FastifyRequest, policy: Policy, handle: DatabaseHandle): Promise<void> {
  const slug = (request.params as Record<string, unknown> | undefined)?.slug;
  if (typeof slug === 'string') {
    const municipality = await findMunicipalityBySlug(handle.db, slug);
    if (!municipality) throw new AppError('NOT_FOUND', { what: slug });
    request.municipality = municipality;
  }
  if (policy === 'public') return;
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (policy === 'signed-in') return;
  if (!request.municipality) throw new Error(`policy ${policy.action} needs a :slug route parameter`);
  if (!can(request.actor, policy.action, request.municipality.id)) throw new AppError('FORBIDDEN', { action: policy.action });
}
