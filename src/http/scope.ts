import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../shared/errors.ts';

/** The municipality a route's `:slug` names: the tenant every scoped request acts in. */
export interface Tenant {
  id: string;
  slug: string;
  name: string;
  /** A provincial municipality also governs its capital district; a district municipality governs one district. */
  kind: 'provincial' | 'district';
  jurisdictionId: string;
  province: { id: string; name: string };
  region: { id: string; name: string };
}

/** The signed-in session, as the access chain resolved it from the cookie. */
export interface SessionScope {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

/**
 * A route parameter that names something inside the municipality (`:processId`, later `:proposalId` ...). The area
 * that owns the thing contributes the resolver; the access chain runs it after `:slug`, so a foreign or unknown id is
 * a 404 before any handler runs, and the handler reads the resolved object with the owning area's typed accessor.
 */
export interface ScopeParam {
  /** The name of the thing, for the 404 message. */
  what: string;
  resolve(municipalityId: string, id: string): Promise<unknown>;
}

/** The person acting. Only for routes whose policy requires a session: the chain has refused anyone else. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** The municipality of a route under `/api/municipalities/:slug`. */
export function municipalityOf(request: FastifyRequest): Tenant {
  if (!request.municipality) throw new Error(`route ${request.routeOptions.url} has no :slug parameter`);
  return request.municipality;
}

/** The object the chain resolved for a scope parameter; the owning area wraps this in a typed accessor. */
export function resolvedParam(request: FastifyRequest, param: string): unknown {
  const value = request.scoped.get(param);
  if (value === undefined) throw new Error(`route ${request.routeOptions.url} has no :${param} parameter`);
  return value;
}
