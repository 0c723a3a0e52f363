import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { DEFAULT_LOG_N } from './accounts/password.ts';
import { installAccess, MAX_URL } from './http/access.ts';
import { answerFrameworkError, installErrorHandling } from './http/error-handler.ts';
import { installInputGuard } from './http/input.ts';
import { serveWeb } from './http/web.ts';
import { healthRoutes } from './http/health.routes.ts';
import { AREAS } from './areas.ts';
import type { AppContext } from './kernel/area.ts';
import type { ScopeParam } from './http/scope.ts';
import { resolveSession } from './accounts/accounts.service.ts';
import { findMunicipalityBySlug } from './territory/territory.repository.ts';
import type { Duplex } from 'node:stream';
import { AppError, errorBody } from './shared/errors.ts';
import type { Policy } from './access/policy.ts';
import './http/types.ts';

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return;
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(errorBody(new AppError(tooLarge ? 'HEADERS_TOO_LARGE' : 'BAD_REQUEST', { reason: 'malformed request' }), 'es'));
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Trust the nearest `hops` proxies' X-Forwarded-For, no further. */
function proxyHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

export interface RouteEntry {
  method: string;
  url: string;
  /** Read late: plugin hooks may set the policy after the route is first seen. */
  policy: () => Policy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface BuildOptions {
  db: DatabaseHandle;
  config: Config;
  /** scrypt cost as log2(N); lowered only by tests, to keep them fast. */
  passwordLogN?: number;
  /** pino logger options, or false for silence (tests). */
  logger?: boolean | object;
}

/** Builds the whole HTTP application without listening, so tests can drive it with `app.inject()`. */
export async function build(opts: BuildOptions): Promise<FastifyInstance> {
  const ctx: AppContext = {
    db: opts.db, config: opts.config, passwordLogN: opts.passwordLogN ?? DEFAULT_LOG_N,
    phaseGates: AREAS.flatMap((a) => a.phaseGates ?? []),
    settingsLocks: AREAS.flatMap((a) => a.settingsLocks ?? []),
    publicFileChecks: AREAS.flatMap((a) => (a.publicFiles ? [a.publicFiles] : [])),
  };
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: typeof opts.config.trustProxy === 'number' ? proxyHops(opts.config.trustProxy) : opts.config.trustProxy,
    // A path parameter may be as long as the URL: an overlong id is refused by its schema, naming the field.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_URL },
    // What Node refuses before Fastify sees a request (headers or URL past its 16 KB) still gets the coded format,
    // and so does what the router refuses before any route runs (a path that is not percent-encoded UTF-8).
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  });
  // Every route, with the policy it declares: the access test walks this list.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, policy: () => route.config?.policy });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // JSON only (and multipart where a route says so): a text body is refused with 415, not guessed at.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);
  // API answers compressed (brotli or gzip, as the client accepts) past 1 KB; the web app's files are precompressed.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  // Security headers on every answer: a CSP with no inline script and no framing, nosniff, a strict referrer policy;
  // HSTS when served over HTTPS (COOKIE_SECURE=1).
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: opts.config.cookieSecure ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: opts.config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => new AppError('TOO_MANY_REQUESTS', { seconds: Math.ceil(context.ttl / 1000) }),
  });
  const params = new Map<string, ScopeParam>();
  for (const area of AREAS) {
    for (const [name, p] of Object.entries(area.scopeParams ?? {})) params.set(name, { what: p.what, resolve: (m, id) => p.resolve(ctx.db.db, m, id) });
  }
  installInputGuard(app);
  installAccess(app, {
    session: (token) => resolveSession(ctx.db, token),
    municipality: (slug) => findMunicipalityBySlug(ctx.db.db, slug),
    params,
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Concerta API', description: 'Participatory budgeting: the yearly cycle of a municipality.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'concerta_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), policy: 'public' };
      // Swagger UI needs inline styles and its initializer; its pages only, never the app's.
      (route as { helmet?: unknown }).helmet = {
        contentSecurityPolicy: { directives: { styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
      };
    });
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });

  await app.register(healthRoutes(ctx));
  // Each area's routes in a plugin of its own (encapsulated): what one area adds to Fastify stays in its scope.
  for (const area of AREAS) if (area.routes) await app.register(area.routes(ctx));

  if (opts.config.webDist) await serveWeb(app, opts.config.webDist);
  return app;
}
