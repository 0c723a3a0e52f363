import type { AreaDemo } from '../kernel/area.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { actaCanonical, actaHash, buildActa, type Signatory } from './acta.ts';
import { replaceDraft, insertVersion } from './acta.repository.ts';
import { actaSources } from './acta.service.ts';

/**
 * The 2007 process's Acta de Acuerdos y Compromisos (full demo): once its vote is closed (the list the vote adopted
 * exists) and the committee elected, the session of 30 June 2006 in the Municipalidad Provincial de Ilo is recorded
 * with its signatories and version 1 is issued, built and hashed by the same functions as the issue route.
 */
export const ACTA_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const process = await requireProcess(ctx.trx, ctx.municipalityId, processId);
    const before = await actaSources(ctx.trx, ctx.municipalityId, process);
    if (!before.voted || !before.committee.election) return;
    const adminId = ctx.accounts.get('administrator')!.id;
    const technical = ctx.accounts.get('technical_team');
    const session = { heldOn: `${fiscalYear - 1}-06-30`, place: 'Auditorio de la Municipalidad Provincial de Ilo', startTime: '09:00', endTime: '13:30' };
    const members = before.committee.members.slice(0, 2);
    const signatories: Signatory[] = [
      { name: 'Ernesto Valdivia Rivera', dni: null, capacity: 'mayor', detail: 'Alcalde provincial de Ilo' },
      ...(technical ? [{ name: technical.name, dni: technical.dni, capacity: 'technical_team' as const, detail: 'Gerencia de Planeamiento y Presupuesto' }] : []),
      ...members.map((m) => ({ name: m.name, dni: null, capacity: 'oversight_committee' as const, detail: m.organizationName })),
      { name: 'Centro de Educación y Promoción (CEOP Ilo)', dni: null, capacity: 'other' as const, detail: 'ONG cofinanciadora, por su representante' },
    ];
    const preparedAt = `${fiscalYear - 1}-06-30T18:00:00.000Z`;
    await replaceDraft(ctx.trx, ctx.municipalityId, processId, session, signatories, preparedAt, adminId);
    await appendAudit(ctx.trx, ctx.handle.dialect, {
      scope: ctx.municipalityId, actorId: adminId, action: 'acta.prepare', entityType: 'process', entityId: processId, reason: null,
      data: { session, signatories: signatories.map((s) => ({ name: s.name, capacity: s.capacity, detail: s.detail, dni: s.dni !== null })) },
    });
    const issuedAt = `${fiscalYear - 1}-06-30T18:45:00.000Z`;
    const content = buildActa(await actaSources(ctx.trx, ctx.municipalityId, process), { version: 1, issuedAt, correction: null });
    if (!content) return;
    const contentHash = actaHash(content);
    await insertVersion(ctx.trx, ctx.municipalityId, processId, { version: 1, canonical: actaCanonical(content), contentHash, issuedAt, issuedBy: adminId, reason: null });
    await appendAudit(ctx.trx, ctx.handle.dialect, {
      scope: ctx.municipalityId, actorId: adminId, action: 'acta.issue', entityType: 'process', entityId: processId, reason: null,
      data: { version: 1, contentHash },
    });
  },
};
