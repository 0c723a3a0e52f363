import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Policy } from '../access/policy.ts';
import { AppError } from '../shared/errors.ts';
import { pickLang } from '../shared/i18n.ts';
import type { ScopeParam, SessionScope, Tenant } from './scope.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './types.ts';

/** How the chain finds what a request names; the composition root wires the owning areas in. */
export interface AccessResolvers {
  session(token: string): Promise<SessionScope | null>;
  municipality(slug: string): Promise<Tenant | null>;
  /** Scope parameters by route parameter name (`processId` ...), resolved in this order after `:slug`. */
  params: ReadonlyMap<string, ScopeParam>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The longest URL answered (Node itself cuts at 16 KB of headers, answered by the app's client error handler). */
export const MAX_URL = 4096;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The fixed chain every request goes through before its handler:
 * language -> session (onRequest) -> input guard -> CSRF -> municipality -> policy (preValidation) -> schema validation
 * (Fastify) -> scope parameters (preHandler).
 */
export function installAccess(app: FastifyInstance, resolvers: AccessResolvers): void {
  app.decorateRequest('lang', 'es');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('municipality', null);
  app.decorateRequest('scoped', null as unknown as Map<string, unknown>);

  app.addHook('onRequest', async (request, reply) => {
    request.scoped = new Map();
    const q = request.query as Record<string, unknown> | undefined;
    request.lang = pickLang(request.headers['accept-language'], typeof q?.lang === 'string' ? q.lang : undefined);
    if (request.url.length > MAX_URL) throw new AppError('URL_TOO_LONG', { max: MAX_URL });
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    // A session token is URL-safe base64; anything else is no session, and never reaches the database.
    if (!/^[\w-]{16,200}$/.test(token)) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    const session = await resolvers.session(token);
    if (!session) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.session = session;
    request.actor = session.actor;
  });

  // Who may call the route is settled before its input is read: a caller without the right gets 401 or 403 whatever
  // they send, never a validation answer about a request they may not make. (After the input guard, so no control
  // character reaches the municipality lookup.)
  app.addHook('preValidation', async (request) => {
    if (request.is404) return;
    const policy = request.routeOptions.config?.policy;
    if (!policy) throw new Error(`route ${request.method} ${request.routeOptions.url} declares no policy`);
    checkCsrf(request);
    await resolveMunicipality(request, resolvers);
    authorize(request, policy);
  });

  // The ids the route names are looked up once validated (an id of the wrong shape never reaches the database).
  app.addHook('preHandler', async (request) => {
    if (request.is404) return;
    await resolveParams(request, resolvers);
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

function routeParams(request: FastifyRequest): Record<string, unknown> {
  return (request.params ?? {}) as Record<string, unknown>;
}

/** `:slug` names the municipality the request acts in. */
async function resolveMunicipality(request: FastifyRequest, resolvers: AccessResolvers): Promise<void> {
  const slug = routeParams(request).slug;
  if (typeof slug !== 'string') return;
  const municipality = await resolvers.municipality(slug);
  if (!municipality) throw new AppError('NOT_FOUND', { what: slug });
  request.municipality = municipality;
}

/** Every other scope parameter is looked up inside that municipality: unknown or foreign, the request is a 404. */
async function resolveParams(request: FastifyRequest, resolvers: AccessResolvers): Promise<void> {
  if (!request.municipality) return;
  const params = routeParams(request);
  for (const [name, param] of resolvers.params) {
    const id = params[name];
    if (typeof id !== 'string') continue;
    const found = await param.resolve(request.municipality.id, id);
    if (found === null || found === undefined) throw new AppError('NOT_FOUND', { what: `${param.what} ${id}` });
    request.scoped.set(name, found);
  }
}

function authorize(request: FastifyRequest, policy: Policy): void {
  if (policy === 'public') return;
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (policy === 'signed-in') return;
  if (!request.municipality) throw new Error(`policy ${policy.action} needs a :slug route parameter`);
  if (!can(request.actor, policy.action, request.municipality.id)) throw new AppError('FORBIDDEN', { action: policy.action });
}
