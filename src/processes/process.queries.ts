import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Dialect, Executor } from '../db/database.ts';
import { resolvedParam } from '../http/scope.ts';
import { AppError } from '../shared/errors.ts';
import type { Process } from './process.ts';
import { checkAdmission, type BodyKind } from './quota-rules.ts';
import { findProcess } from './process.repository.ts';

/**
 * What other areas may ask of the processes area. They never query its tables themselves.
 */
export { findProcess };
export type { Process };

/** A process of this municipality, or NOT_FOUND. */
export async function requireProcess(db: Executor, municipalityId: string, processId: string): Promise<Process> {
  const process = await findProcess(db, municipalityId, processId);
  if (!process) throw new AppError('NOT_FOUND', { what: `process ${processId}` });
  return process;
}

/**
 * Reads the process inside a write transaction and locks its row (PostgreSQL; SQLite runs one writer at a time), so
 * a write that checks the phase and a phase move are serialized: whichever commits second sees the other.
 * Writes take the `share` lock; the phase move takes `update`.
 */
export async function lockProcess(trx: Executor, dialect: Dialect, municipalityId: string, processId: string, mode: 'share' | 'update' = 'share'): Promise<Process> {
  if (dialect === 'postgres') {
    await sql`SELECT id FROM processes WHERE municipality_id = ${municipalityId} AND id = ${processId} ${sql.raw(mode === 'share' ? 'FOR SHARE' : 'FOR UPDATE')}`.execute(trx);
  }
  return requireProcess(trx, municipalityId, processId);
}

/** The process a route's `:processId` names, as the access chain resolved it inside the route's municipality. */
export function processOf(request: FastifyRequest): Process {
  return resolvedParam(request, 'processId') as Process;
}

/**
 * Serializes registration decisions of one process on PostgreSQL (a transaction-scoped advisory lock), so two
 * administrators cannot both take the last seat of a body. SQLite serializes write transactions already.
 */
/** Serializes, per process, the writes that count seats and quotas of its bodies (approvals, elections). */
export async function lockProcessRegistrations(trx: Executor, dialect: Dialect, processId: string): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${'registration:' + processId}))`.execute(trx);
}

/** A representative body of a process: its seats and the women it must hold. */
export interface Body {
  id: string;
  kind: BodyKind;
  seats: number;
  minWomen: number;
}

export async function listBodies(db: Executor, municipalityId: string, processId: string): Promise<Body[]> {
  const rows = await db.selectFrom('bodies').select(['id', 'kind', 'seats', 'min_women'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, seats: Number(r.seats), minWomen: Number(r.min_women) }));
}

export async function findBody(db: Executor, municipalityId: string, processId: string, kind: BodyKind): Promise<Body | null> {
  const r = await db.selectFrom('bodies').select(['id', 'kind', 'seats', 'min_women'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('kind', '=', kind).executeTakeFirst();
  return r ? { id: r.id, kind: r.kind, seats: Number(r.seats), minWomen: Number(r.min_women) } : null;
}

/** Throws BODY_FULL or QUOTA_BROKEN when `add` new members may not join the body (call after `lockProcessRegistrations`). */
export function assertAdmission(body: Body, counts: { women: number; men: number }, add: { women: number; men: number }): void {
  const refusal = checkAdmission({ seats: body.seats, minWomen: body.minWomen, ...counts }, add);
  if (!refusal) return;
  const { code, ...numbers } = refusal;
  throw new AppError(code, { body: body.kind, ...numbers });
}

export async function requireBody(db: Executor, municipalityId: string, processId: string, kind: BodyKind): Promise<Body> {
  const body = await findBody(db, municipalityId, processId, kind);
  if (!body) throw new AppError('NOT_FOUND', { what: `body ${kind}` });
  return body;
}
