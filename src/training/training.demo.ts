import { appendAudit } from '../audit/audit-log.ts';
import type { AreaDemo } from '../kernel/area.ts';
import { addDays, newId } from '../shared/clock.ts';
import { DEMO_CURRENT_PROCESS } from '../processes/processes.demo.ts';
import { DEMO_APPROVED_AGENTS } from '../registration/registration.demo.ts';
import { insertTrainingAttendance, insertSession } from './training.repository.ts';

const SESSIONS = [
  { topic: 'El presupuesto participativo: Ley 28056 y el ciclo anual', place: 'Auditorio de la Municipalidad Provincial de Ilo', day: -14, share: 0.55 },
  { topic: 'Plan de Desarrollo Concertado y priorización de proyectos', place: 'Local comunal de la Pampa Inalámbrica', day: -6, share: 0.4 },
  { topic: 'Formulación de proyectos y cofinanciamiento', place: 'Colegio Almirante Guise, Alto Ilo', day: 5, share: 0 },
  { topic: 'Vigilancia ciudadana del presupuesto', place: 'Casa de la Cultura, Cercado de Ilo', day: 9, share: 0 },
];

/** This year's trainings (full demo): two held, with attendance typed in by the facilitator, and two coming. */
export const TRAINING_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
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
