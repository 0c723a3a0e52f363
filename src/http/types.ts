import type { Actor } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';
import type { Lang } from '../shared/i18n.ts';
import type { SessionScope, Tenant } from './scope.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    session: SessionScope | null;
    actor: Actor | null;
    /** The municipality named by the route's `:slug`, once the access check has run. */
    municipality: Tenant | null;
    /** What the route's scope parameters (`:processId` ...) resolved to, inside that municipality. */
    scoped: Map<string, unknown>;
  }
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export const SESSION_COOKIE = 'concerta_session';
export const CSRF_HEADER = 'x-csrf-token';
