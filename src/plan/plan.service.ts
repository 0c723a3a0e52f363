import type { DatabaseHandle, Trx } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import type { PlanObjective, ThematicAxis, Zone } from './plan.ts';
import * as repo from './plan.repository.ts';

type Audited = { reason?: string | undefined };

/** Runs one change with its audit entry in a transaction; a duplicate code becomes CODE_TAKEN on the code field. */
async function write(handle: DatabaseHandle, code: string, fn: (trx: Trx) => Promise<void>): Promise<void> {
  await handle.db.transaction().execute(fn).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('CODE_TAKEN', { code }, 'code');
    throw err;
  });
}

export async function createZone(handle: DatabaseHandle, actor: Actor, municipalityId: string, input: Omit<Zone, 'id'> & Audited): Promise<Zone> {
  const zone: Zone = { id: newId(), code: input.code, name: input.name, kind: input.kind, population: input.population };
  await write(handle, input.code, async (trx) => {
    await repo.insertZone(trx, municipalityId, zone, now());
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'zone.create', entityType: 'zone', entityId: zone.id, reason: input.reason ?? null, data: { ...zone } });
  });
  return zone;
}

export async function updateZone(handle: DatabaseHandle, actor: Actor, municipalityId: string, id: string, patch: Partial<Omit<Zone, 'id'>> & { reason: string }): Promise<Zone> {
  const current = await repo.findZone(handle.db, municipalityId, id);
  if (!current) throw new AppError('NOT_FOUND', { what: `zone ${id}` });
  const { reason, ...changes } = patch;
  const next: Zone = { ...current, ...changes };
  await write(handle, next.code, async (trx) => {
    await repo.updateZone(trx, municipalityId, next);
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'zone.update', entityType: 'zone', entityId: id, reason, data: { before: current, after: next } });
  });
  return next;
}

export async function createAxis(handle: DatabaseHandle, actor: Actor, municipalityId: string, input: { code: string; name: string; description: string } & Audited): Promise<ThematicAxis> {
  const axis = { id: newId(), code: input.code, name: input.name, description: input.description };
  await write(handle, input.code, async (trx) => {
    await repo.insertAxis(trx, municipalityId, axis, now());
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'plan.axis_create', entityType: 'thematic_axis', entityId: axis.id, reason: input.reason ?? null, data: axis });
  });
  return { ...axis, objectives: [] };
}

export async function updateAxis(handle: DatabaseHandle, actor: Actor, municipalityId: string, id: string, patch: { code?: string | undefined; name?: string | undefined; description?: string | undefined; reason: string }): Promise<ThematicAxis> {
  const current = (await repo.listPlan(handle.db, municipalityId)).find((a) => a.id === id);
  if (!current) throw new AppError('NOT_FOUND', { what: `axis ${id}` });
  const next = { id, code: patch.code ?? current.code, name: patch.name ?? current.name, description: patch.description ?? current.description };
  await write(handle, next.code, async (trx) => {
    await repo.updateAxis(trx, municipalityId, next);
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'plan.axis_update', entityType: 'thematic_axis', entityId: id, reason: patch.reason, data: { before: { code: current.code, name: current.name, description: current.description }, after: next } });
  });
  return { ...next, objectives: current.objectives };
}

export async function createObjective(handle: DatabaseHandle, actor: Actor, municipalityId: string, input: Omit<PlanObjective, 'id'> & Audited): Promise<PlanObjective> {
  if (!(await repo.axisExists(handle.db, municipalityId, input.axisId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'axis', value: input.axisId }, 'axisId');
  const objective: PlanObjective = { id: newId(), axisId: input.axisId, code: input.code, title: input.title, description: input.description };
  await write(handle, input.code, async (trx) => {
    await repo.insertObjective(trx, municipalityId, objective, now());
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'plan.objective_create', entityType: 'plan_objective', entityId: objective.id, reason: input.reason ?? null, data: { ...objective } });
  });
  return objective;
}

export async function updateObjective(handle: DatabaseHandle, actor: Actor, municipalityId: string, id: string, patch: Partial<Omit<PlanObjective, 'id'>> & { reason: string }): Promise<PlanObjective> {
  const current = await repo.findObjective(handle.db, municipalityId, id);
  if (!current) throw new AppError('NOT_FOUND', { what: `objective ${id}` });
  const { reason, ...changes } = patch;
  const next: PlanObjective = { ...current, ...changes };
  if (!(await repo.axisExists(handle.db, municipalityId, next.axisId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'axis', value: next.axisId }, 'axisId');
  await write(handle, next.code, async (trx) => {
    await repo.updateObjective(trx, municipalityId, next);
    await appendAudit(trx, handle.dialect, { scope: municipalityId, actorId: actor.userId, action: 'plan.objective_update', entityType: 'plan_objective', entityId: id, reason, data: { before: current, after: next } });
  });
  return next;
}
