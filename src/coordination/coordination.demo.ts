import type { AreaDemo } from '../kernel/area.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { storeFile } from '../files/files.queries.ts';
import { latestProvisionalList } from '../prioritization/prioritization.queries.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { soles } from '../processes/process-settings.ts';
import { pdfWriter, printable } from '../shared/pdf.ts';
import { newId } from '../shared/clock.ts';
import type { PartyKind } from './coordination.ts';
import { insertAgreement, upsertReach } from './coordination.repository.ts';
import { coordination } from './coordination.service.ts';

/**
 * The 2007 process's Coordination (full demo), in June 2006: an NGO's work in kind for the first funded project, the
 * regional government's money for the second, whose reach is regional, and a national programme that takes the first
 * alternate off the waiting list; each agreement with its signed document (a PDF).
 */
export const COORDINATION_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const list = await latestProvisionalList(ctx.trx, ctx.municipalityId, processId);
    const entries = (list?.result.pools ?? []).flatMap((p) => p.entries).filter((e) => e.costCents !== null);
    const funded = entries.filter((e) => e.status === 'funded');
    const alternate = entries.find((e) => e.status === 'alternate');
    const adminId = ctx.accounts.get('administrator')!.id;
    // What the pledges leave uncovered: an agreement never takes a project past its cost.
    const uncovered = new Map((await coordination(ctx.trx, ctx.municipalityId, processId)).projects.map((p) => [p.proposalId, p.financing.costCents - p.financing.cofinancingCents]));
    const signedOn = `${fiscalYear - 1}-06-20`;
    const at = `${fiscalYear - 1}-06-21T15:00:00.000Z`;
    const plans: { entry: (typeof entries)[number] | undefined; kind: PartyKind; name: string; share: number; contribution: 'money' | 'in_kind'; conditions: string }[] = [
      { entry: funded[0], kind: 'ngo', name: 'Centro de Educación y Promoción (CEOP Ilo)', share: 0.2, contribution: 'in_kind', conditions: 'Asistencia técnica y capacitación a los beneficiarios durante la ejecución.\nInforme trimestral al comité de vigilancia.' },
      { entry: funded[1], kind: 'regional_government', name: 'Gobierno Regional de Moquegua', share: 0.4, contribution: 'money', conditions: 'Transferencia en dos armadas, contra avance de obra.\nSupervisión conjunta con la municipalidad.' },
      { entry: alternate, kind: 'national_programme', name: 'Programa Nacional de Agua y Saneamiento Rural', share: 1, contribution: 'money', conditions: 'Financia el expediente técnico y la obra; la municipalidad asume la operación y el mantenimiento.' },
    ];
    for (const plan of plans) {
      const e = plan.entry;
      if (!e || e.costCents === null) continue;
      const amountCents = Math.min(Math.round(e.costCents * plan.share), uncovered.get(e.proposalId) ?? 0);
      if (amountCents <= 0) continue;
      const pdf = await pdfWriter({ title: `Convenio ${plan.name}`, author: 'Municipalidad Provincial de Ilo', date: new Date(at), language: 'es' });
      pdf.paragraph(printable(`Convenio de cofinanciamiento: ${plan.name} y Municipalidad Provincial de Ilo`), 'bold', 14);
      pdf.paragraph(printable(`Proyecto N.° ${e.number}: ${e.title}. Aporte: ${soles(amountCents)}. Firmado el ${signedOn}.`), 'regular', 10);
      pdf.paragraph(printable(plan.conditions), 'regular', 10);
      const file = await storeFile(ctx.trx, ctx.handle.dialect, adminId, ctx.municipalityId, { filename: `convenio-${e.number}.pdf`, content: Buffer.from(await pdf.save()) }, at);
      const id = newId();
      const agreement = { partyKind: plan.kind, partyName: plan.name, amountCents, contribution: plan.contribution, conditions: plan.conditions, documentFileId: file.id, signedOn };
      await insertAgreement(ctx.trx, ctx.municipalityId, { id, processId, proposalId: e.proposalId, ...agreement, createdAt: at, createdBy: adminId });
      await appendAudit(ctx.trx, ctx.handle.dialect, {
        scope: ctx.municipalityId, actorId: adminId, action: 'coordination.add_agreement', entityType: 'coordination_agreement', entityId: id,
        reason: null, data: { processId, proposalId: e.proposalId, number: e.number, ...agreement },
      });
      if (plan.kind === 'regional_government') {
        const reason = 'la obra sirve a los distritos de Ilo, El Algarrobal y Pacocha y a la provincia vecina';
        await upsertReach(ctx.trx, ctx.municipalityId, processId, { proposalId: e.proposalId, reach: 'regional', reason, setAt: at, setBy: adminId });
        await appendAudit(ctx.trx, ctx.handle.dialect, {
          scope: ctx.municipalityId, actorId: adminId, action: 'coordination.set_reach', entityType: 'proposal', entityId: e.proposalId,
          reason, data: { processId, number: e.number, from: 'district', to: 'regional' },
        });
      }
    }
  },
};
