import type { AreaDemo } from '../kernel/area.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { votedList } from '../voting/voting.queries.ts';
import type { ApprovalSession } from './approval.ts';
import { insertAnswer, insertInvestmentCode, insertSession, insertSnapshot } from './approval.repository.ts';
import { snapshotDigest } from './approval.service.ts';

/**
 * The 2007 process's approval chain (full demo), in July 2006, once its vote is closed: the CCL approves the list on
 * the 5th; the council returns it on the 10th asking for the water project's technical file, the municipality answers,
 * and the council approves it on the 17th, which freezes it; two projects get their investment codes. Without a
 * closed 2007 vote there is no list, and this step writes nothing.
 */
export const APPROVAL_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const list = await votedList(ctx.trx, ctx.municipalityId, processId);
    if (!list) return;
    const adminId = ctx.accounts.get('administrator')!.id;
    const year = fiscalYear - 1;
    const audit = (action: string, reason: string, data: Record<string, unknown>) => appendAudit(ctx.trx, ctx.handle.dialect, {
      scope: ctx.municipalityId, actorId: adminId, action, entityType: 'process', entityId: processId, reason, data,
    });
    const sessions: (ApprovalSession & { answer?: { text: string; at: string } })[] = [
      {
        body: 'ccl', seq: 1, heldOn: `${year}-07-05`, reference: `Sesión ordinaria del CCL N.° 04-${year}`, decision: 'approved', observations: null,
        reason: 'acta de la sesión del Consejo de Coordinación Local', recordedAt: `${year}-07-05T22:00:00.000Z`, recordedBy: adminId,
      },
      {
        body: 'council', seq: 1, heldOn: `${year}-07-10`, reference: `Sesión ordinaria de concejo N.° 12-${year}`, decision: 'returned',
        observations: 'El concejo pide adjuntar el perfil técnico de los proyectos de agua y saneamiento antes de aprobar la lista.',
        reason: 'acuerdo de concejo que devuelve la lista', recordedAt: `${year}-07-10T23:00:00.000Z`, recordedBy: adminId,
        answer: { text: 'La Gerencia de Planeamiento adjunta los perfiles técnicos pedidos y la opinión favorable de la Oficina de Programación e Inversiones.', at: `${year}-07-13T16:00:00.000Z` },
      },
      {
        body: 'council', seq: 2, heldOn: `${year}-07-17`, reference: `Sesión extraordinaria de concejo N.° 05-${year}`, decision: 'approved', observations: null,
        reason: 'acuerdo de concejo que aprueba la lista formalizada', recordedAt: `${year}-07-17T23:00:00.000Z`, recordedBy: adminId,
      },
    ];
    for (const { answer, ...s } of sessions) {
      await insertSession(ctx.trx, ctx.municipalityId, processId, s);
      await audit('approval.record_session', s.reason, { body: s.body, seq: s.seq, heldOn: s.heldOn, reference: s.reference, decision: s.decision, observations: s.observations });
      if (answer) {
        await insertAnswer(ctx.trx, ctx.municipalityId, processId, { body: s.body, seq: s.seq, answer: answer.text, answeredAt: answer.at, answeredBy: adminId });
        await audit('approval.answer', answer.text, { body: s.body, seq: s.seq, heldOn: s.heldOn, observations: s.observations });
      }
    }
    const council = sessions.at(-1)!;
    const { content, sha256 } = snapshotDigest(list);
    await insertSnapshot(ctx.trx, ctx.municipalityId, processId, { councilSeq: council.seq, formalizedOn: council.heldOn, content, sha256, frozenAt: council.recordedAt, frozenBy: adminId });
    const funded = list.envelopes.flatMap((e) => e.funded);
    await audit('approval.freeze', council.reason, {
      sha256, formalizedOn: council.heldOn, funded: funded.map((p) => ({ number: p.number, costCents: p.costCents })), totalCents: funded.reduce((s, p) => s + p.costCents, 0),
    });
    const codes = ['2045318', '2051177'];
    for (const [i, p] of funded.slice(0, codes.length).entries()) {
      const reason = 'código asignado en el banco de inversiones al registrar el perfil';
      const at = `${year}-08-0${i + 2}T15:00:00.000Z`;
      await insertInvestmentCode(ctx.trx, ctx.municipalityId, processId, { proposalId: p.proposalId, code: codes[i]!, reason, setAt: at, setBy: adminId });
      await appendAudit(ctx.trx, ctx.handle.dialect, {
        scope: ctx.municipalityId, actorId: adminId, action: 'approval.set_code', entityType: 'proposal', entityId: p.proposalId, reason,
        data: { processId, number: p.number, from: null, to: codes[i] },
      });
    }
  },
};
