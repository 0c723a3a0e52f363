import type { DatabaseHandle } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { zonesById } from '../plan/plan.queries.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { nextPhase, type Phase } from '@concerta/contracts';
import type { Process } from './process.ts';
import { checkSettings, shiftDate, shiftListStages, shiftYears, type ProcessSettings } from './process-settings.ts';
import type { FailedPrecondition, PhaseGate, SettingsLock } from '../kernel/area.ts';
import { canonicalJson } from '../audit/audit-log.ts';
import type { ProcessRules } from '@concerta/contracts';
import { failedPreconditions } from './phase-preconditions.ts';
import { syncBodies } from './bodies.ts';
import * as repo from './process.repository.ts';
import { lockProcess, requireProcess } from './process.queries.ts';

async function assertZonesExist(handle: DatabaseHandle, municipalityId: string, zoneIds: string[]): Promise<void> {
  if (zoneIds.length === 0) return;
  const known = await zonesById(handle.db, municipalityId);
  const unknown = zoneIds.find((z) => !known.has(z));
  if (unknown) throw new AppError('UNKNOWN_REFERENCE', { what: 'zone', value: unknown }, 'zoneEnvelopes');
}

function mustFind(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<Process> {
  return requireProcess(handle.db, municipalityId, processId);
}

function yearTaken(err: unknown, year: number): never {
  if (isUniqueViolation(err)) throw new AppError('PROCESS_YEAR_TAKEN', { year }, 'fiscalYear');
  throw err;
}

/** Opens the yearly process in Preparation, with its calendar, rules, zone split and representative bodies. */
export async function createProcess(handle: DatabaseHandle, actor: Actor, municipalityId: string, input: ProcessSettings & { fiscalYear: number; reason?: string | undefined }, copiedFromId: string | null = null): Promise<Process> {
  const broken = checkSettings(input);
  if (broken) throw broken;
  await assertZonesExist(handle, municipalityId, input.zoneEnvelopes.map((z) => z.zoneId));
  if (await repo.findProcessByYear(handle.db, municipalityId, input.fiscalYear)) throw new AppError('PROCESS_YEAR_TAKEN', { year: input.fiscalYear }, 'fiscalYear');
  const id = newId();
  await handle.db.transaction().execute(async (trx) => {
    await repo.insertProcess(trx, {
      id, municipalityId, fiscalYear: input.fiscalYear, name: input.name, phase: 'preparation',
      envelopeCents: input.envelopeCents, investmentBudgetCents: input.investmentBudgetCents, rules: input.rules,
      copiedFromId, createdAt: now(), createdBy: actor.userId,
    });
    await repo.replaceCalendar(trx, municipalityId, id, input.calendar);
    await repo.replaceZoneEnvelopes(trx, municipalityId, id, input.zoneEnvelopes);
    await syncBodies(trx, municipalityId, id, input.rules);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: copiedFromId ? 'process.copy' : 'process.create', entityType: 'process', entityId: id,
      reason: input.reason ?? null,
      data: { fiscalYear: input.fiscalYear, envelopeCents: input.envelopeCents, investmentBudgetCents: input.investmentBudgetCents, copiedFromId, rules: input.rules },
    });
  }).catch((err: unknown) => yearTaken(err, input.fiscalYear));
  return mustFind(handle, municipalityId, id);
}

/** Starts a new year's process from an earlier one: same envelope, rules, zone split; dates moved by the years between. */
export async function copyProcess(handle: DatabaseHandle, actor: Actor, municipalityId: string, sourceId: string, input: { fiscalYear: number; name?: string | undefined; reason?: string | undefined }): Promise<Process> {
  const source = await mustFind(handle, municipalityId, sourceId);
  const years = input.fiscalYear - source.fiscalYear;
  return createProcess(handle, actor, municipalityId, {
    fiscalYear: input.fiscalYear,
    name: input.name ?? source.name.replace(String(source.fiscalYear), String(input.fiscalYear)),
    envelopeCents: source.envelopeCents,
    investmentBudgetCents: source.investmentBudgetCents,
    calendar: shiftYears(source.calendar, years),
    rules: {
      ...source.rules, registrationDeadline: shiftDate(source.rules.registrationDeadline, years), listStages: shiftListStages(source.rules.listStages, years),
      ...(source.rules.proposalDeadline ? { proposalDeadline: shiftDate(source.rules.proposalDeadline, years) } : {}),
    },
    zoneEnvelopes: source.zoneEnvelopes.map((z) => ({ zoneId: z.zoneId, amountCents: z.amountCents })),
    reason: input.reason ?? `copia del proceso ${source.fiscalYear}`,
  }, source.id);
}

/** The rules a patch changes, by name. */
function changedRules(current: ProcessRules, next: ProcessRules | undefined): (keyof ProcessRules)[] {
  if (!next) return [];
  const keys = new Set([...Object.keys(current), ...Object.keys(next)] as (keyof ProcessRules)[]);
  return [...keys].filter((k) => canonicalJson(current[k] ?? null) !== canonicalJson(next[k] ?? null));
}

/**
 * Changes settings while the process is in Preparation; they are frozen afterwards, except the rules some area locks
 * (the vote's settings), which may change until Execution while no lock holds them.
 */
export async function updateProcess(handle: DatabaseHandle, locks: readonly SettingsLock[], actor: Actor, municipalityId: string, processId: string, patch: Partial<ProcessSettings> & { reason: string }): Promise<Process> {
  const current = await mustFind(handle, municipalityId, processId);
  const changed = changedRules(current.rules, patch.rules);
  const lockable = new Set(locks.flatMap((l) => l.rules));
  if (current.phase !== 'preparation') {
    const onlyLockable = Object.keys(patch).every((k) => k === 'rules' || k === 'reason') && changed.every((k) => lockable.has(k));
    if (!onlyLockable || !LOCKABLE_PHASES.includes(current.phase)) throw new AppError('PROCESS_SETTINGS_FROZEN', { phase: current.phase });
  }
  const next: ProcessSettings = {
    name: patch.name ?? current.name,
    envelopeCents: patch.envelopeCents ?? current.envelopeCents,
    investmentBudgetCents: patch.investmentBudgetCents ?? current.investmentBudgetCents,
    calendar: patch.calendar ?? current.calendar,
    rules: patch.rules ?? current.rules,
    zoneEnvelopes: patch.zoneEnvelopes ?? current.zoneEnvelopes.map((z) => ({ zoneId: z.zoneId, amountCents: z.amountCents })),
  };
  const broken = checkSettings(next);
  if (broken) throw broken;
  await assertZonesExist(handle, municipalityId, next.zoneEnvelopes.map((z) => z.zoneId));
  await handle.db.transaction().execute(async (trx) => {
    const locked = await lockProcess(trx, handle.dialect, municipalityId, processId, 'update');
    for (const lock of locks) {
      const touched = changed.find((k) => lock.rules.includes(k));
      if (!touched) continue;
      const refusal = await lock.check(trx, locked);
      if (refusal) throw new AppError(refusal.code, refusal.params, `rules.${touched}`);
    }
    await repo.updateProcessSettings(trx, municipalityId, processId, next);
    if (patch.calendar) await repo.replaceCalendar(trx, municipalityId, processId, next.calendar);
    if (patch.zoneEnvelopes) await repo.replaceZoneEnvelopes(trx, municipalityId, processId, next.zoneEnvelopes);
    if (patch.rules) await syncBodies(trx, municipalityId, processId, next.rules);
    const { reason, ...changes } = patch;
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'process.update', entityType: 'process', entityId: processId,
      reason, data: { changed: Object.keys(changes), before: pick(current, Object.keys(changes)), after: changes },
    });
  });
  return mustFind(handle, municipalityId, processId);
}

/** The phases in which rules an area locks may still change. */
const LOCKABLE_PHASES: readonly Phase[] = ['concertation', 'coordination', 'formalization'];

function pick(p: Process, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (p as unknown as Record<string, unknown>)[k]]));
}

export interface PhaseCheck {
  from: Phase;
  to: Phase | null;
  failures: FailedPrecondition[];
}

/** What stands between the process and its next phase, without moving it. */
export async function checkNextPhase(handle: DatabaseHandle, gates: readonly PhaseGate[], municipalityId: string, processId: string): Promise<PhaseCheck> {
  const p = await mustFind(handle, municipalityId, processId);
  const to = nextPhase(p.phase);
  return { from: p.phase, to, failures: to ? await failedPreconditions(handle.db, gates, p) : [] };
}

/** Moves the process one phase forward, by an administrator's decision with its reason, if every precondition holds. */
export async function movePhase(handle: DatabaseHandle, gates: readonly PhaseGate[], actor: Actor, municipalityId: string, processId: string, to: Phase, reason: string): Promise<Process> {
  await handle.db.transaction().execute(async (trx) => {
    // The row lock makes every write that checks the phase inside its own transaction (registration, decisions ...) wait for this move, or this move wait for them.
    const p = await lockProcess(trx, handle.dialect, municipalityId, processId, 'update');
    const next = nextPhase(p.phase);
    if (!next || next !== to) throw new AppError('PHASE_NOT_NEXT', { from: p.phase, next: next ?? p.phase }, 'to');
    const failures = await failedPreconditions(trx, gates, p);
    if (failures.length > 0) throw new AppError('PHASE_PRECONDITIONS_FAILED', { to, failures }, 'to');
    await repo.setPhase(trx, municipalityId, processId, to);
    const at = now();
    const seq = await repo.insertPhaseMove(trx, municipalityId, processId, { from: p.phase, to, movedAt: at, movedBy: actor.userId, reason });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'process.phase_move', entityType: 'process', entityId: processId,
      reason, data: { from: p.phase, to, seq },
    });
  });
  return mustFind(handle, municipalityId, processId);
}

export { mustFind as getProcess };
