import type { AreaDemo } from '../kernel/area.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { trackedProjects } from '../execution/execution.queries.ts';
import { newId } from '../shared/clock.ts';
import { MIN_WORKING_DAYS, addWorkingDays } from './oversight.ts';
import * as repo from './oversight.repository.ts';

/**
 * The oversight of the 2007 process (full demo): the opening budget (PIA) recorded in January, every project included
 * with its agreed amount but the second, included with less; two observations by the committee (the demo account
 * vigilancia@ilo.gob.pe); a request for information the municipality answered in time, and one left overdue.
 * Nothing when the 2007 process has no tracked project.
 */
export const OVERSIGHT_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear: y } = ctx.state.get(DEMO_PROPOSALS);
    const projects = await trackedProjects(ctx.trx, ctx.municipalityId, processId, `${y}-12-31`);
    if (projects.length < 2) return;
    const adminId = ctx.accounts.get('administrator')!.id;
    const memberId = ctx.accounts.get('oversight_committee')!.id;
    const audit = (actorId: string, action: string, entityType: string, entityId: string, reason: string | null, data: Record<string, unknown>) =>
      appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId, action, entityType, entityId, reason, data });

    const piaReason = 'PIA aprobado por acuerdo de concejo de diciembre; montos por proyecto de la gerencia de presupuesto';
    const changes = [];
    for (const [i, p] of projects.entries()) {
      const piaCents = i === 1 ? Math.round(p.participatoryBudgetCents * 0.7) : p.participatoryBudgetCents;
      await repo.upsertPia(ctx.trx, ctx.municipalityId, processId, { projectId: p.id, piaCents, recordedAt: `${y}-01-12T15:00:00.000Z`, recordedBy: adminId, reason: piaReason });
      changes.push({ projectId: p.id, number: p.number, from: null, to: piaCents });
    }
    await audit(adminId, 'oversight.record_pia', 'process', processId, piaReason, { changes });

    const [first, second] = projects as [typeof projects[number], typeof projects[number]];
    const observations = [
      { project: second, at: `${y}-02-20T16:30:00.000Z`, body: `El proyecto N.° ${second.number} figura en el PIA con un monto menor al acordado en el Acta; el comité pide que se complete en la primera modificación presupuestal.` },
      { project: first, at: `${y}-08-28T17:00:00.000Z`, body: 'Visita de obra: el avance corresponde a la valorización de agosto; falta señalización de seguridad en la zona de trabajo.' },
    ];
    for (const o of observations) {
      const id = newId();
      await repo.insertObservation(ctx.trx, ctx.municipalityId, { id, processId, projectId: o.project.id, body: o.body, filedAt: o.at, filedBy: memberId });
      await audit(memberId, 'oversight.observe', 'oversight_observation', id, null, { processId, projectId: o.project.id, number: o.project.number, observation: o.body, photos: [] });
    }

    const answered = { id: newId(), sentOn: `${y}-03-05`, question: `Solicitamos el expediente técnico del proyecto N.° ${first.number} y el cronograma de obra aprobado.` };
    const answeredDeadline = addWorkingDays(answered.sentOn, MIN_WORKING_DAYS);
    await repo.insertRequest(ctx.trx, ctx.municipalityId, { id: answered.id, processId, projectId: first.id, question: answered.question, deadline: answeredDeadline, sentAt: `${answered.sentOn}T15:00:00.000Z`, sentBy: memberId });
    await audit(memberId, 'oversight.request', 'oversight_request', answered.id, null, { processId, projectId: first.id, number: first.number, question: answered.question, deadline: answeredDeadline });
    const answer = 'Se adjunta la resolución de aprobación del expediente técnico; el cronograma prevé el inicio de obra en mayo y la recepción en octubre.';
    await repo.answerRequest(ctx.trx, ctx.municipalityId, answered.id, { answer, answeredAt: `${y}-03-12T20:00:00.000Z`, answeredBy: adminId });
    await audit(adminId, 'oversight.answer', 'oversight_request', answered.id, null, { processId, answer, documents: [], deadline: answeredDeadline, late: false });

    const overdue = { id: newId(), sentOn: `${y}-09-03`, question: `¿Por qué se retrasó la obra del proyecto N.° ${second.number}? Pedimos el informe del residente y las valorizaciones.` };
    const overdueDeadline = addWorkingDays(overdue.sentOn, MIN_WORKING_DAYS);
    await repo.insertRequest(ctx.trx, ctx.municipalityId, { id: overdue.id, processId, projectId: second.id, question: overdue.question, deadline: overdueDeadline, sentAt: `${overdue.sentOn}T15:00:00.000Z`, sentBy: memberId });
    await audit(memberId, 'oversight.request', 'oversight_request', overdue.id, null, { processId, projectId: second.id, number: second.number, question: overdue.question, deadline: overdueDeadline });
  },
};
