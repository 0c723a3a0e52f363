import { appendAudit } from '../audit/audit-log.ts';
import type { AreaDemo } from '../kernel/area.ts';
import { addDays, newId } from '../shared/clock.ts';
import { DEMO_CURRENT_PROCESS } from '../processes/processes.demo.ts';

/**
 * The call to register and the training calendar, published for this year's process (full demo). The message telling
 * the demo agent their registration was approved is queued by the registration step, as a real decision queues it.
 */
export const COMMUNICATION_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const current = ctx.state.get(DEMO_CURRENT_PROCESS);
    const { today, decidedAt, registrationDeadline } = current;
    const adminId = ctx.accounts.get('administrator')!.id;
    for (const [title, body, from, to] of [
      [`Convocatoria al Presupuesto Participativo ${current.fiscalYear}`, `La Municipalidad Provincial de Ilo convoca a la ciudadanía y a las organizaciones sociales a inscribirse como agentes participantes hasta el ${registrationDeadline}. Inscríbase en línea o en la mesa de partes de la municipalidad con su DNI.`, addDays(today, -28), registrationDeadline],
      ['Cronograma de capacitaciones', 'Las capacitaciones son obligatorias para votar en la formalización. Consulte fechas y lugares en la página del proceso.', addDays(today, -20), addDays(today, 10)],
    ] as const) {
      const id = newId();
      await ctx.trx.insertInto('announcements').values({ municipality_id: ctx.municipalityId, id, process_id: current.id, title, body, starts_on: from, ends_on: to, published_at: decidedAt, created_at: decidedAt, created_by: adminId }).execute();
      await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: adminId, action: 'announcement.publish', entityType: 'announcement', entityId: id, reason: null, data: { title } });
    }
  },
};
