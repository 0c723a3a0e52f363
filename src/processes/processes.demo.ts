import { appendAudit } from '../audit/audit-log.ts';
import { demoKey, type AreaDemo, type DemoContext } from '../kernel/area.ts';
import { addDays, localDate, newId, now } from '../shared/clock.ts';
import { CALENDAR_PHASES, PHASES, type ProcessRules } from '@concerta/contracts';
import { DEMO_ZONES } from '../plan/plan.demo.ts';
import { syncBodies } from './bodies.ts';
import { iloDefaultRules } from './process-rules.ts';
import { insertPhaseMove, insertProcess, replaceCalendar, replaceZoneEnvelopes, setPhase } from './process.repository.ts';

/** The eight closed processes of 2000-2007, by fiscal year. */
export const DEMO_PAST_PROCESSES = demoKey<ReadonlyMap<number, string>>('processes: past process ids by year');

/** This year's process, in Preparation, and the day the demo is seeded on (its calendar follows that day). */
export const DEMO_CURRENT_PROCESS = demoKey<{ id: string; fiscalYear: number; registrationDeadline: string; today: string; decidedAt: string }>('processes: the current process');

/**
 * The demo's processes: eight past years that ran their whole cycle, and this year's in Preparation, with its calendar
 * around today so that registration is always open. Only in the full demo.
 */
export const PROCESSES_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const past = new Map<number, string>();
    for (let year = 2000; year <= 2007; year++) past.set(year, await seedPastProcess(ctx, year));
    ctx.state.set(DEMO_PAST_PROCESSES, past);
    await seedCurrentProcess(ctx);
  },
};

async function createProcess(ctx: DemoContext, fiscalYear: number, calendar: { startsOn: string; endsOn: string }[], rules: ProcessRules, envelopeCents: number, investmentCents: number): Promise<string> {
  const id = newId();
  const adminId = ctx.accounts.get('administrator')!.id;
  await insertProcess(ctx.trx, {
    id, municipalityId: ctx.municipalityId, fiscalYear, name: `Presupuesto Participativo ${fiscalYear}`, phase: 'preparation',
    envelopeCents, investmentBudgetCents: investmentCents, rules, copiedFromId: null, createdAt: now(), createdBy: adminId,
  });
  await replaceCalendar(ctx.trx, ctx.municipalityId, id, CALENDAR_PHASES.map((phase, i) => ({ phase, ...calendar[i]! })));
  await syncBodies(ctx.trx, ctx.municipalityId, id, rules);
  await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: adminId, action: 'process.create', entityType: 'process', entityId: id, reason: 'datos de demostración', data: { fiscalYear } });
  return id;
}

/** A closed past process; its agents come with the registration step. */
async function seedPastProcess(ctx: DemoContext, year: number): Promise<string> {
  const calendar = [
    { startsOn: `${year - 1}-03-01`, endsOn: `${year - 1}-03-31` }, { startsOn: `${year - 1}-04-01`, endsOn: `${year - 1}-05-31` },
    { startsOn: `${year - 1}-06-01`, endsOn: `${year - 1}-06-15` }, { startsOn: `${year - 1}-06-16`, endsOn: `${year - 1}-06-30` },
    { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
  ];
  const envelope = year === 2000 ? 420_000_00 : Math.round((420_000 + (year - 2000) * 310_000) / 1000) * 1000_00;
  const id = await createProcess(ctx, year, calendar, iloDefaultRules(`${year - 1}-03-20`), envelope, year === 2000 ? 2_800_000_00 : Math.round(envelope / 0.6));
  // Each zone's share of the envelope, as Ilo split it by population and need; the rest is for the whole district.
  await replaceZoneEnvelopes(ctx.trx, ctx.municipalityId, id, zoneSplit(ctx, envelope));
  // The past process ran its whole cycle; its phase history says so.
  for (const [i, from] of PHASES.slice(0, -1).entries()) {
    await insertPhaseMove(ctx.trx, ctx.municipalityId, id, { from, to: PHASES[i + 1]!, movedAt: `${calendar[Math.min(i, 4)]!.endsOn}T22:00:00.000Z`, movedBy: ctx.accounts.get('administrator')!.id, reason: 'Cronograma cumplido' });
  }
  await setPhase(ctx.trx, ctx.municipalityId, id, 'closed');
  return id;
}

/** Per mille of the envelope each zone receives (the rest, 184‰, goes to district-wide projects). */
const ZONE_SHARES: readonly [string, number][] = [['Z01', 143], ['Z02', 265], ['Z03', 133], ['Z04', 71], ['Z05', 61], ['Z06', 92], ['Z07', 51]];

function zoneSplit(ctx: DemoContext, envelopeCents: number): { zoneId: string; amountCents: number }[] {
  const zones = ctx.state.get(DEMO_ZONES);
  return ZONE_SHARES.map(([code, perMille]) => ({ zoneId: zones.get(code)!, amountCents: Math.round((envelopeCents * perMille) / 1000 / 1000_00) * 1000_00 }));
}

async function seedCurrentProcess(ctx: DemoContext): Promise<void> {
  const today = localDate();
  // The calendar follows today's date, so the demo is always in the middle of registration.
  const calendar = [
    { startsOn: addDays(today, -28), endsOn: addDays(today, 20) }, { startsOn: addDays(today, 21), endsOn: addDays(today, 80) },
    { startsOn: addDays(today, 81), endsOn: addDays(today, 100) }, { startsOn: addDays(today, 101), endsOn: addDays(today, 120) },
  ];
  const fiscalYear = Number(calendar[3]!.endsOn.slice(0, 4)) + 1;
  calendar.push({ startsOn: addDays(today, 121), endsOn: `${fiscalYear}-12-31` });
  const rules = iloDefaultRules(addDays(today, 12));
  const id = await createProcess(ctx, fiscalYear, calendar, rules, 9_800_000_00, 11_000_000_00);
  await replaceZoneEnvelopes(ctx.trx, ctx.municipalityId, id, zoneSplit(ctx, 9_800_000_00));
  ctx.state.set(DEMO_CURRENT_PROCESS, { id, fiscalYear, registrationDeadline: rules.registrationDeadline, today, decidedAt: `${addDays(today, -10)}T16:00:00.000Z` });
}
