import { appendAudit } from '../audit/audit-log.ts';
import type { AreaDemo } from '../kernel/area.ts';
import { addDays, newId } from '../shared/clock.ts';
import { DEMO_CURRENT_PROCESS, DEMO_PAST_PROCESSES } from '../processes/processes.demo.ts';
import { agentProfiles } from '../registration/registration.queries.ts';
import { DEMO_APPROVED_AGENTS } from '../registration/registration.demo.ts';
import { insertTrainingAttendance, insertSession } from './training.repository.ts';

const SESSIONS = [
  { topic: 'El presupuesto participativo: Ley 28056 y el ciclo anual', place: 'Auditorio de la Municipalidad Provincial de Ilo', day: -14, share: 0.55 },
  { topic: 'Plan de Desarrollo Concertado y priorización de proyectos', place: 'Local comunal de la Pampa Inalámbrica', day: -6, share: 0.4 },
  { topic: 'Formulación de proyectos y cofinanciamiento', place: 'Colegio Almirante Guise, Alto Ilo', day: 5, share: 0 },
  { topic: 'Vigilancia ciudadana del presupuesto', place: 'Casa de la Cultura, Cercado de Ilo', day: 9, share: 0 },
];

/** The 2007 process's trainings, in March 2006, as Ilo held them before its workshops: every agent who voted took one. */
const SESSIONS_2007 = [
  { topic: 'El presupuesto participativo y el Plan de Desarrollo Concertado de Ilo', place: 'Auditorio de la Municipalidad Provincial de Ilo', date: '2006-03-27' },
  { topic: 'Proyectos, cofinanciamiento y vigilancia ciudadana', place: 'Local comunal de la Pampa Inalámbrica', date: '2006-03-29' },
];

/**
 * The trainings of the full demo: the 2007 process's two sessions (most of its agents attended at least one, so they
 * could vote in its formalization), and this year's: two held, with attendance typed in by the facilitator, and two coming.
 */
export const TRAINING_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const facilitator2007 = ctx.accounts.get('facilitator')!;
    const process2007 = ctx.state.get(DEMO_PAST_PROCESSES).get(2007)!;
    const agents2007 = await agentProfiles(ctx.trx, ctx.municipalityId, { processId: process2007, approvedOnly: true });
    for (const [k, s] of SESSIONS_2007.entries()) {
      const id = newId();
      await insertSession(ctx.trx, ctx.municipalityId, {
        id, processId: process2007, topic: s.topic, place: s.place, startsAt: `${s.date}T20:00:00.000Z`, endsAt: `${s.date}T23:00:00.000Z`,
        facilitatorId: facilitator2007.id, facilitatorName: facilitator2007.name, zoneId: null, createdAt: '2006-03-10T15:00:00.000Z', createdBy: ctx.accounts.get('administrator')!.id,
      });
      // Who came, a fixed spread over the list: 70% to the first session (the online voters among them), and to the
      // second two in three of those who missed the first and a few who came back; about one agent in ten took neither.
      const first = (a: (typeof agents2007)[number], i: number) => (i * 7919) % 100 < 70 || a.userId !== null;
      const attendees = agents2007.filter((a, i) => (k === 0 ? first(a, i) : first(a, i) ? (i * 104729) % 100 < 25 : i % 3 !== 0));
      for (const a of attendees) {
        await insertTrainingAttendance(ctx.trx, ctx.municipalityId, { sessionId: id, agentId: a.id, method: 'facilitator', recordedAt: `${s.date}T23:30:00.000Z`, recordedBy: facilitator2007.id });
      }
      await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: facilitator2007.id, action: 'attendance.record', entityType: 'training_session', entityId: id, reason: null, data: { count: attendees.length } });
    }

    const { id: processId, today, decidedAt } = ctx.state.get(DEMO_CURRENT_PROCESS);
    const { all: approved, own } = ctx.state.get(DEMO_APPROVED_AGENTS);
    const facilitator = ctx.accounts.get('facilitator')!;
    const adminId = ctx.accounts.get('administrator')!.id;
    for (const s of SESSIONS) {
      const id = newId();
      const date = addDays(today, s.day);
      // 15:00 to 18:00 in Lima (UTC-5).
      await insertSession(ctx.trx, ctx.municipalityId, {
        id, processId, topic: s.topic, place: s.place, startsAt: `${date}T20:00:00.000Z`, endsAt: `${date}T23:00:00.000Z`,
        facilitatorId: facilitator.id, facilitatorName: facilitator.name, zoneId: null, createdAt: decidedAt, createdBy: adminId,
      });
      const picked = approved.filter((a, i) => (i * 7919) % 100 < s.share * 100 || (s.share > 0 && a.id === own));
      // A substitute delegate attends only where the organization's titular does not.
      const present = new Set(picked.map((a) => a.id));
      const attendees = picked.filter((a) => !a.substituteFor || !present.has(a.substituteFor));
      for (const a of attendees) {
        await insertTrainingAttendance(ctx.trx, ctx.municipalityId, { sessionId: id, agentId: a.id, method: 'facilitator', recordedAt: `${date}T23:30:00.000Z`, recordedBy: facilitator.id });
      }
      if (attendees.length) await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: adminId, action: 'attendance.record', entityType: 'training_session', entityId: id, reason: null, data: { count: attendees.length } });
    }
  },
};
