import type { Actor } from '../accounts/roles.ts';
import type { CurrentSession } from '../accounts/accounts.service.ts';
import type { Policy } from '../access/policy.ts';
import type { Municipality } from '../territory/territory.ts';
import type { Lang } from '../shared/i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    session: CurrentSession | null;
    actor: Actor | null;
    /** The municipality named by the route's `:slug`, once the access check has run. */
    municipality: Municipality | null;
  }
  interface FastifyContextConfig {
    policy?: Policy;
  }
}

export const SESSION_COOKIE = 'concerta_session';
export const CSRF_HEADER = 'x-csrf-token';
