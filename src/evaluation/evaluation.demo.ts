import { appendAudit } from '../audit/audit-log.ts';
import { DEMO_PLANNER_ACCOUNTS } from '../accounts/accounts.demo.ts';
import type { AreaDemo } from '../kernel/area.ts';
import { prng } from '../demo/people.ts';
import { DEMO_ZONES } from '../plan/plan.demo.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { submittedProposals } from '../proposals/proposals.queries.ts';
import { newId } from '../shared/clock.ts';
import { insertAssignment, insertObservation, replaceMatrix, saveEvaluation } from './evaluation.repository.ts';
import { PERUVIAN_TEMPLATE, type MatrixCriterion, type Viability } from './evaluation.ts';

/** How poor, how rural, each zone of Ilo is, on the template's 0 to 4 scales (the valley is the poorest and rural). */
const ZONE_PROFILE: Record<string, { poverty: number; rurality: number }> = {
  Z01: { poverty: 1, rurality: 0 }, Z02: { poverty: 3, rurality: 1 }, Z03: { poverty: 3, rurality: 2 }, Z04: { poverty: 2, rurality: 1 },
  Z05: { poverty: 2, rurality: 1 }, Z06: { poverty: 3, rurality: 2 }, Z07: { poverty: 4, rurality: 4 },
};

/** How far the service a proposal gives is missing, and how far away the nearest one is, by the plan's objective. */
const SERVICE_GAP: Record<string, { coverage: number; proximity: number }> = {
  'OE1.1': { coverage: 2, proximity: 1 }, 'OE1.2': { coverage: 4, proximity: 3 }, 'OE1.3': { coverage: 2, proximity: 1 },
  'OE2.1': { coverage: 2, proximity: 2 }, 'OE2.2': { coverage: 3, proximity: 4 }, 'OE3.1': { coverage: 1, proximity: 1 },
  'OE3.2': { coverage: 1, proximity: 0 }, 'OE4.1': { coverage: 1, proximity: 1 },
};

/** Proposals (by number) the technical team found not viable, and why. */
const NOT_VIABLE: Record<number, string> = {
  8: 'La trocha atraviesa terrenos agrícolas sin libre disponibilidad; no hay acuerdo con los propietarios ni estudio de suelos.',
  30: 'La cámara de frío requiere una operación que el sindicato no puede sostener; corresponde a un proyecto regional de mayor escala.',
  37: 'El mirador se ubica en zona de riesgo por deslizamiento según el mapa de peligros de INDECI.',
};

/** Observations the authors sent back (typed in from their letters), by proposal number. */
const OBSERVATIONS: Record<number, string> = {
  8: 'Los propietarios firmaron un acta de cesión de uso el 12 de junio; adjuntamos copia en mesa de partes y pedimos que se reconsidere.',
  9: 'Aceptamos el costo ajustado; la junta vecinal aportará además la excavación de zanjas.',
  37: 'Proponemos reubicar el mirador 200 metros al sur, fuera de la zona de riesgo, en terreno municipal.',
};

const clamp = (x: number) => Math.max(0, Math.min(4, x));
const roundSoles = (cents: number) => Math.round(cents / 100_00) * 100_00;

/**
 * The technical evaluation of the 2007 proposals: the Peruvian template as the matrix, every proposal still in the
 * running assigned to three planners, every evaluation finished with its scores, reasons and adjusted cost (a few
 * not viable, some viable with changes), and a few answers from the authors.
 */
export const EVALUATION_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const { processId } = ctx.state.get(DEMO_PROPOSALS);
    const zoneCodes = new Map([...ctx.state.get(DEMO_ZONES).entries()].map(([code, id]) => [id, code]));
    const adminId = ctx.accounts.get('administrator')!.id;
    const facilitatorId = ctx.accounts.get('facilitator')!.id;
    const evaluators = [ctx.accounts.get('technical_team')!, ...ctx.state.get(DEMO_PLANNER_ACCOUNTS)];
    const m = ctx.municipalityId;
    const audit = (actorId: string, action: string, entityId: string, reason: string | null, data: Record<string, unknown>) =>
      appendAudit(ctx.trx, ctx.handle.dialect, { scope: m, actorId, action, entityType: action === 'evaluation.set_matrix' ? 'process' : 'proposal', entityId, reason, data });

    const matrix: MatrixCriterion[] = PERUVIAN_TEMPLATE.map((c, position) => ({ ...c, id: newId(), position }));
    await replaceMatrix(ctx.trx, m, processId, matrix);
    await audit(adminId, 'evaluation.set_matrix', processId, 'matriz de priorización aprobada por ordenanza municipal', { criteria: matrix.map((c) => ({ id: c.id, name: c.name, weight: c.weight })) });
    const [poverty, coverage, proximity, rurality, technical] = matrix as [MatrixCriterion, MatrixCriterion, MatrixCriterion, MatrixCriterion, MatrixCriterion];

    const rand = prng(2007);
    for (const p of await submittedProposals(ctx.trx, m, processId)) {
      const zone = ZONE_PROFILE[zoneCodes.get(p.current.zone.id) ?? ''] ?? { poverty: 2, rurality: 1 };
      const gap = SERVICE_GAP[p.current.objective.code] ?? { coverage: 1, proximity: 1 };
      const withChanges = p.number % 4 === 1 || p.currentVersion === 2;
      const day = String(1 + (p.number % 20)).padStart(2, '0');
      for (const [k, evaluator] of evaluators.entries()) {
        const assignmentId = newId();
        await insertAssignment(ctx.trx, m, { id: assignmentId, processId, proposalId: p.id, evaluatorId: evaluator.id, assignedAt: '2006-06-01T14:00:00.000Z', assignedBy: adminId });
        await audit(adminId, 'evaluation.assign', p.id, 'reparto de propuestas entre el equipo técnico', { processId, number: p.number, evaluatorId: evaluator.id, assignmentId });
        // One evaluator found the not viable ones not viable; the others asked for changes: the cautious view prevails.
        const viability: Viability = NOT_VIABLE[p.number] ? (k === 0 ? 'not_viable' : 'viable_with_changes') : withChanges ? 'viable_with_changes' : 'viable';
        const nudge = () => (rand() < 0.25 ? (rand() < 0.5 ? -1 : 1) : 0);
        const tech = viability === 'not_viable' ? 0 : viability === 'viable_with_changes' ? 2 + (rand() < 0.5 ? 0 : -1) : 3 + (rand() < 0.4 ? 1 : 0);
        const scores = [
          { criterionId: poverty.id, score: clamp(zone.poverty + nudge()) },
          { criterionId: coverage.id, score: clamp(gap.coverage + nudge()) },
          { criterionId: proximity.id, score: clamp(gap.proximity + nudge()) },
          { criterionId: rurality.id, score: clamp(zone.rurality) },
          { criterionId: technical.id, score: clamp(tech) },
        ];
        const factor = viability === 'viable' ? [1, 0.97, 1.02][k]! : [1.12, 1.08, 1.15][k]!;
        const reasons = viability === 'not_viable' ? NOT_VIABLE[p.number]!
          : viability === 'viable_with_changes'
            ? `Viable si se corrigen los metrados y el presupuesto con precios de ${p.current.zone.name}; falta el plan de operación y mantenimiento.`
            : 'Cumple con el objetivo del plan, el terreno está saneado y el costo es razonable para su tipo.';
        const finishedAt = `2006-06-${day}T${String(15 + k).padStart(2, '0')}:00:00.000Z`;
        await saveEvaluation(ctx.trx, m, assignmentId, {
          proposalVersion: p.currentVersion, viability, reasons, adjustedCostCents: roundSoles(p.current.costCents * factor), updatedAt: finishedAt, finishedAt, scores,
        }, false);
        await audit(evaluator.id, 'evaluation.finish', p.id, reasons, { processId, number: p.number, viability, scores });
      }
      await audit(evaluators[2]!.id, 'evaluation.publish', p.id, null, { processId, number: p.number });
      const observation = OBSERVATIONS[p.number];
      if (observation) {
        await insertObservation(ctx.trx, m, processId, { proposalId: p.id, text: observation, authorAgentId: p.authorAgentId, submittedBy: facilitatorId, submittedAt: `2006-06-${String(20 + (p.number % 5)).padStart(2, '0')}T16:00:00.000Z` });
        await audit(facilitatorId, 'evaluation.observe', p.id, observation, { processId, number: p.number, authorAgentId: p.authorAgentId });
      }
    }
  },
};
