import type { Executor } from '../db/database.ts';
import type { ProcessesTable } from './processes.tables.ts';
import { CALENDAR_PHASES, type CalendarPhase, type Phase } from '@concerta/contracts';
import type { PhaseMove, Process } from './process.ts';
import { processRulesSchema } from '@concerta/contracts';
import { userNames } from '../accounts/accounts.queries.ts';
import { zonesById } from '../plan/plan.queries.ts';

async function toProcess(db: Executor, row: ProcessesTable): Promise<Process> {
  const [phases, amounts, zones] = await Promise.all([
    db.selectFrom('process_phases').selectAll().where('municipality_id', '=', row.municipality_id).where('process_id', '=', row.id).execute(),
    db.selectFrom('process_zone_envelopes').select(['zone_id', 'amount_cents']).where('municipality_id', '=', row.municipality_id).where('process_id', '=', row.id).execute(),
    zonesById(db, row.municipality_id),
  ]);
  // In the order of the zones' codes, named after them (the plan area's zones).
  const envelopes = amounts.filter((e) => zones.has(e.zone_id))
    .map((e) => ({ zone_id: e.zone_id, code: zones.get(e.zone_id)!.code, name: zones.get(e.zone_id)!.name, amount_cents: e.amount_cents }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const calendar = phases
    .map((p) => ({ phase: p.phase as CalendarPhase, startsOn: p.starts_on, endsOn: p.ends_on }))
    .sort((a, b) => CALENDAR_PHASES.indexOf(a.phase) - CALENDAR_PHASES.indexOf(b.phase));
  const envelope = Number(row.envelope_cents);
  const investment = Number(row.investment_budget_cents);
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    fiscalYear: Number(row.fiscal_year),
    name: row.name,
    phase: row.phase as Phase,
    envelopeCents: envelope,
    investmentBudgetCents: investment,
    envelopeShare: investment > 0 ? envelope / investment : 0,
    // Stored rules were validated on the way in; parsing again keeps a bad row from reaching a client unnoticed.
    rules: processRulesSchema.parse(JSON.parse(row.rules)),
    calendar,
    zoneEnvelopes: envelopes.map((e) => ({ zoneId: e.zone_id, zoneName: e.name, amountCents: Number(e.amount_cents) })),
    copiedFromId: row.copied_from_id,
    createdAt: row.created_at,
  };
}

/** A process of this municipality, or null: a process of another municipality is never found through this one. */
export async function findProcess(db: Executor, municipalityId: string, processId: string): Promise<Process | null> {
  const row = await db.selectFrom('processes').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', processId).executeTakeFirst();
  return row ? toProcess(db, row) : null;
}

export async function findProcessByYear(db: Executor, municipalityId: string, fiscalYear: number): Promise<Process | null> {
  const row = await db.selectFrom('processes').selectAll().where('municipality_id', '=', municipalityId).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
  return row ? toProcess(db, row) : null;
}

export async function insertProcess(db: Executor, p: Omit<Process, 'envelopeShare' | 'zoneEnvelopes' | 'calendar'> & { createdBy: string | null }): Promise<void> {
  await db.insertInto('processes').values({
    municipality_id: p.municipalityId, id: p.id, fiscal_year: p.fiscalYear, name: p.name, phase: p.phase,
    envelope_cents: p.envelopeCents, investment_budget_cents: p.investmentBudgetCents, rules: JSON.stringify(p.rules),
    copied_from_id: p.copiedFromId, created_at: p.createdAt, created_by: p.createdBy,
  }).execute();
}

export async function updateProcessSettings(db: Executor, municipalityId: string, id: string, s: { name: string; envelopeCents: number; investmentBudgetCents: number; rules: Process['rules'] }): Promise<void> {
  await db.updateTable('processes').set({
    name: s.name, envelope_cents: s.envelopeCents, investment_budget_cents: s.investmentBudgetCents, rules: JSON.stringify(s.rules),
  }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function replaceCalendar(db: Executor, municipalityId: string, processId: string, calendar: Process['calendar']): Promise<void> {
  await db.deleteFrom('process_phases').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  for (const c of calendar) {
    await db.insertInto('process_phases').values({ municipality_id: municipalityId, process_id: processId, phase: c.phase, starts_on: c.startsOn, ends_on: c.endsOn }).execute();
  }
}

export async function replaceZoneEnvelopes(db: Executor, municipalityId: string, processId: string, envelopes: { zoneId: string; amountCents: number }[]): Promise<void> {
  await db.deleteFrom('process_zone_envelopes').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  for (const e of envelopes) {
    await db.insertInto('process_zone_envelopes').values({ municipality_id: municipalityId, process_id: processId, zone_id: e.zoneId, amount_cents: e.amountCents }).execute();
  }
}

export async function setPhase(db: Executor, municipalityId: string, processId: string, phase: Phase): Promise<void> {
  await db.updateTable('processes').set({ phase }).where('municipality_id', '=', municipalityId).where('id', '=', processId).execute();
}

export async function insertPhaseMove(db: Executor, municipalityId: string, processId: string, move: Omit<PhaseMove, 'seq' | 'movedByName'>): Promise<number> {
  const last = await db.selectFrom('process_phase_moves').select((eb) => eb.fn.max('seq').as('seq'))
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db.insertInto('process_phase_moves').values({
    municipality_id: municipalityId, process_id: processId, seq, from_phase: move.from, to_phase: move.to,
    moved_at: move.movedAt, moved_by: move.movedBy, reason: move.reason,
  }).execute();
  return seq;
}

export async function listPhaseMoves(db: Executor, municipalityId: string, processId: string): Promise<PhaseMove[]> {
  const rows = await db.selectFrom('process_phase_moves as m')
    .select(['m.seq', 'm.from_phase', 'm.to_phase', 'm.moved_at', 'm.moved_by', 'm.reason'])
    .where('m.municipality_id', '=', municipalityId).where('m.process_id', '=', processId).orderBy('m.seq').execute();
  const names = await userNames(db, rows.map((r) => r.moved_by));
  return rows.filter((r) => names.has(r.moved_by)).map((r) => ({
    seq: Number(r.seq), from: r.from_phase as Phase, to: r.to_phase as Phase, movedAt: r.moved_at, movedBy: r.moved_by, movedByName: names.get(r.moved_by)!, reason: r.reason,
  }));
}
