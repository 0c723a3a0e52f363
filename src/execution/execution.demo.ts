import type { AreaDemo } from '../kernel/area.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { newId } from '../shared/clock.ts';
import { planReport, type ReportInput } from './execution-report.ts';
import * as repo from './execution.repository.ts';
import { stateOf, trackIn, writeReport } from './execution.service.ts';

/**
 * The 2007 process's funded projects through 2007 (full demo): tracked from January, each with its milestones and a
 * few progress reports; the first completed in October, the second delayed (its works milestone passed without being
 * reached), the third cancelled with its reason, the rest in tendering or works. Nothing when the 2007 vote has not
 * adopted a list (the step then leaves execution empty).
 */
export const EXECUTION_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const adminId = ctx.accounts.get('administrator')!.id;
    const y = fiscalYear;
    await trackIn(ctx.trx, ctx.handle.dialect, ctx.municipalityId, processId, null, `${y}-01-08T14:00:00.000Z`);
    const projects = await repo.allProjects(ctx.trx, ctx.municipalityId, processId);
    if (projects.length === 0) return;

    const milestone = async (p: repo.TrackedProject, name: string, plannedOn: string, actualOn: string | null) => {
      const id = newId();
      const at = `${y}-01-15T15:00:00.000Z`;
      await repo.insertMilestone(ctx.trx, ctx.municipalityId, { id, projectId: p.id, name, plannedOn, actualOn, createdAt: at, createdBy: adminId });
      await repo.appendReport(ctx.trx, ctx.municipalityId, { id: newId(), projectId: p.id, kind: 'milestone', reportedOn: `${y}-01-15`, changes: { milestone: { id, name, plannedOn, actualOn } }, reason: null, importId: null, at, by: adminId });
      await appendAudit(ctx.trx, ctx.handle.dialect, {
        scope: ctx.municipalityId, actorId: adminId, action: 'execution.add_milestone', entityType: 'execution_milestone', entityId: id, reason: null,
        data: { processId, projectId: p.id, number: p.number, milestone: { id, name, plannedOn, actualOn } },
      });
    };
    const report = async (projectId: string, input: ReportInput) => {
      const project = (await repo.findProject(ctx.trx, ctx.municipalityId, projectId))!;
      const lines = (await repo.linesOf(ctx.trx, ctx.municipalityId, [projectId])).get(projectId) ?? [];
      const executed = input.executed?.map((e) => ({ code: e.code, executedCents: Math.round(e.executedCents * (lines.find((l) => l.code === e.code)?.budgetedCents ?? 0) / 100) }));
      const real = { ...input, executed: executed?.filter((e) => lines.some((l) => l.code === e.code)) };
      const plan = planReport(stateOf(project, lines), real, `${y}-12-31`);
      if (plan.issues.length > 0) throw new Error(`execution demo: ${JSON.stringify(plan.issues)}`);
      await writeReport(ctx.trx, ctx.handle.dialect, ctx.municipalityId, project, real, plan, { actorId: adminId, importId: null, at: `${input.reportedOn}T21:00:00.000Z` });
    };
    // Executed amounts below are percentages of each line's budget (turned into céntimos by `report`).
    const pp = (percent: number) => [{ code: 'pp', executedCents: percent }];

    for (const [i, p] of projects.entries()) {
      const kind = i % 5;
      if (kind === 0) {
        await milestone(p, 'Expediente técnico aprobado', `${y}-03-15`, `${y}-03-10`);
        await milestone(p, 'Inicio de obra', `${y}-05-01`, `${y}-05-07`);
        await milestone(p, 'Recepción de obra', `${y}-10-15`, `${y}-10-12`);
        await report(p.id, { reportedOn: `${y}-03-10`, status: 'tendering', physicalTenths: 0, reason: 'Expediente técnico aprobado por resolución de gerencia' });
        await report(p.id, { reportedOn: `${y}-05-07`, status: 'in_execution', physicalTenths: 50, executed: pp(20), reason: 'Buena pro consentida; entrega de terreno' });
        await report(p.id, { reportedOn: `${y}-08-31`, physicalTenths: 650, executed: pp(60), reason: 'Valorización de agosto' });
        await report(p.id, { reportedOn: `${y}-10-12`, status: 'completed', physicalTenths: 1000, executed: pp(98), reason: 'Acta de recepción de obra' });
      } else if (kind === 1) {
        await milestone(p, 'Expediente técnico aprobado', `${y}-04-30`, `${y}-05-20`);
        await milestone(p, 'Culminación de obra', `${y}-11-30`, null);
        await report(p.id, { reportedOn: `${y}-05-20`, status: 'tendering', reason: 'Expediente aprobado con observaciones levantadas' });
        await report(p.id, { reportedOn: `${y}-08-15`, status: 'in_execution', physicalTenths: 120, executed: pp(15), reason: 'Inicio de obra tras segunda convocatoria' });
        await report(p.id, { reportedOn: `${y}-11-30`, physicalTenths: 455, executed: pp(40), reason: 'Valorización de noviembre: retraso por lluvias y falta de materiales' });
      } else if (kind === 2) {
        await milestone(p, 'Expediente técnico aprobado', `${y}-04-15`, null);
        await report(p.id, { reportedOn: `${y}-06-30`, status: 'cancelled', reason: 'El terreno no pudo sanearse: la comunidad no acreditó la propiedad; el monto se reasigna por acuerdo del consejo' });
      } else if (kind === 3) {
        await milestone(p, 'Expediente técnico aprobado', `${y}-06-30`, `${y}-06-25`);
        await report(p.id, { reportedOn: `${y}-06-25`, status: 'tendering', reason: 'Convocatoria publicada en el SEACE' });
      } else {
        await milestone(p, 'Inicio de obra', `${y}-07-01`, `${y}-07-01`);
        await report(p.id, { reportedOn: `${y}-07-01`, status: 'in_execution', physicalTenths: 300, executed: pp(35), reason: 'Obra por administración directa' });
      }
    }
  },
};
