import type { Phase } from '@concerta/contracts';
import { AppError } from '../shared/errors.ts';

/**
 * Domain types and pure rules of the technical evaluation (no I/O).
 *
 * The prioritization matrix of a process: criteria, each with a weight (the weights sum to 100), an integer scale
 * (min < max, at most ten steps) and the meaning of every level of it. A score on a criterion is normalized to its scale
 * and weighted: weighted score = sum over criteria of weight * (score - min) / (max - min), so 0..100. A proposal's
 * weighted score is the mean over its evaluators; its viability, when they disagree, the most cautious one
 * (not viable > viable with changes > viable); its adjusted cost, the highest evaluator's (the cautious figure for
 * fitting the budget).
 */

export const VIABILITIES = ['viable', 'viable_with_changes', 'not_viable'] as const;
export type Viability = (typeof VIABILITIES)[number];

export interface Level { value: number; meaning: string }

export interface MatrixCriterion {
  id: string;
  position: number;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  levels: Level[];
}

/** A criterion as the administrator writes it (no id: the matrix is replaced as a whole). */
export type CriterionInput = Omit<MatrixCriterion, 'id' | 'position'>;

/** The widest scale a criterion may have: eleven levels (0 to 10). */
export const MAX_SCALE_STEPS = 10;

/** The weights sum to 100; each scale is integer, min < max, at most ten steps; each level of it has one meaning. */
export function checkMatrix(criteria: readonly CriterionInput[]): AppError | null {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100) return new AppError('MATRIX_WEIGHTS_NOT_100', { total }, 'criteria');
  const names = new Set<string>();
  for (const [i, c] of criteria.entries()) {
    const key = c.name.toLocaleLowerCase('es');
    if (names.has(key)) return new AppError('MATRIX_DUPLICATE_CRITERION', { name: c.name }, `criteria.${i}.name`);
    names.add(key);
    if (!(c.scaleMax > c.scaleMin) || c.scaleMax - c.scaleMin > MAX_SCALE_STEPS) {
      return new AppError('MATRIX_SCALE_INVALID', { name: c.name, min: c.scaleMin, max: c.scaleMax, steps: MAX_SCALE_STEPS }, `criteria.${i}.scaleMax`);
    }
    const values = c.levels.map((l) => l.value).sort((a, b) => a - b);
    const expected = Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, k) => c.scaleMin + k);
    if (values.length !== expected.length || values.some((v, k) => v !== expected[k])) {
      return new AppError('MATRIX_LEVELS_INCOMPLETE', { name: c.name, min: c.scaleMin, max: c.scaleMax }, `criteria.${i}.levels`);
    }
  }
  return null;
}

/** A score must be an integer within its criterion's scale. */
export function checkScore(c: Pick<MatrixCriterion, 'name' | 'scaleMin' | 'scaleMax'>, score: number, field: string): AppError | null {
  if (!Number.isInteger(score) || score < c.scaleMin || score > c.scaleMax) {
    return new AppError('EVALUATION_SCORE_OUT_OF_SCALE', { name: c.name, score, min: c.scaleMin, max: c.scaleMax }, field);
  }
  return null;
}

/** sum over criteria of weight * (score - min) / (max - min): 0..100; an unscored criterion counts 0. */
export function weightedScore(criteria: readonly Pick<MatrixCriterion, 'id' | 'weight' | 'scaleMin' | 'scaleMax'>[], scores: readonly { criterionId: string; score: number }[]): number {
  const by = new Map(scores.map((s) => [s.criterionId, s.score]));
  const total = criteria.reduce((sum, c) => {
    const s = by.get(c.id);
    return s === undefined ? sum : sum + (c.weight * (s - c.scaleMin)) / (c.scaleMax - c.scaleMin);
  }, 0);
  return round2(total);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const CAUTION: Record<Viability, number> = { viable: 0, viable_with_changes: 1, not_viable: 2 };

/** The most cautious of the evaluators' viabilities: not viable, then viable with changes, then viable. */
export function cautiousViability(all: readonly Viability[]): Viability {
  return all.reduce<Viability>((worst, v) => (CAUTION[v] > CAUTION[worst] ? v : worst), 'viable');
}

/** Assignments, evaluations and observations are made during Concertation only. */
export function checkEvaluationOpen(phase: Phase): AppError | null {
  return phase === 'concertation' ? null : new AppError('EVALUATION_NOT_OPEN', { phase });
}

/** The matrix is set while the process is being prepared or in Concertation (and until the first assignment). */
export function checkMatrixOpen(phase: Phase): AppError | null {
  return phase === 'preparation' || phase === 'concertation' ? null : new AppError('MATRIX_NOT_OPEN', { phase });
}

/** Why an account may not evaluate a proposal: it is its author, or a delegate or the registrant of its author organization. */
export type ConflictReason = 'author' | 'delegate' | 'registrant';

/** What ties an account to the agents and organizations of a process (registration's `accountTies`). */
export interface AccountTies {
  agents: readonly { id: string; organizationId: string | null }[];
  registeredOrganizationIds: readonly string[];
}

export function conflictsOf(p: { authorAgentId: string; authorOrganizationId: string | null }, ties: AccountTies | undefined): ConflictReason[] {
  if (!ties) return [];
  const out: ConflictReason[] = [];
  if (ties.agents.some((a) => a.id === p.authorAgentId)) out.push('author');
  if (p.authorOrganizationId !== null) {
    if (ties.agents.some((a) => a.organizationId === p.authorOrganizationId)) out.push('delegate');
    if (ties.registeredOrganizationIds.includes(p.authorOrganizationId)) out.push('registrant');
  }
  return out;
}

const LEVELS_0_4 = (meanings: [string, string, string, string, string]): Level[] => meanings.map((meaning, value) => ({ value, meaning }));

/**
 * The documented Peruvian template (domain notes, "Prioritization"): poverty gap 40, access to basic services 30
 * (coverage 10, proximity 10, rurality 10), technical evaluation 30; each on a 0 to 4 scale.
 */
export const PERUVIAN_TEMPLATE: readonly CriterionInput[] = [
  {
    name: 'Brecha de pobreza', description: 'Población en pobreza del ámbito del proyecto, según el mapa de pobreza y el SISFOH.', weight: 40, scaleMin: 0, scaleMax: 4,
    levels: LEVELS_0_4(['Menos del 10 % en pobreza', 'Del 10 % al 20 %', 'Del 20 % al 35 %', 'Del 35 % al 50 %', 'Más del 50 % en pobreza']),
  },
  {
    name: 'Acceso a servicios básicos: cobertura', description: 'Hogares sin el servicio que el proyecto da (agua, desagüe, salud, educación, vías).', weight: 10, scaleMin: 0, scaleMax: 4,
    levels: LEVELS_0_4(['El servicio ya cubre a casi todos', 'Falta a menos de un cuarto', 'Falta a un cuarto o más', 'Falta a la mitad o más', 'Falta a casi todos']),
  },
  {
    name: 'Acceso a servicios básicos: proximidad', description: 'Distancia o tiempo hasta el servicio más cercano de su tipo.', weight: 10, scaleMin: 0, scaleMax: 4,
    levels: LEVELS_0_4(['A menos de 10 minutos', 'De 10 a 20 minutos', 'De 20 a 40 minutos', 'De 40 a 60 minutos', 'A más de una hora']),
  },
  {
    name: 'Acceso a servicios básicos: ruralidad', description: 'Carácter rural o periurbano del ámbito del proyecto.', weight: 10, scaleMin: 0, scaleMax: 4,
    levels: LEVELS_0_4(['Urbano consolidado', 'Urbano', 'Periurbano', 'Rural cercano a la ciudad', 'Rural disperso']),
  },
  {
    name: 'Evaluación técnica', description: 'Calidad y sostenibilidad de la propuesta: expediente, terreno saneado, costo razonable, operación y mantenimiento.', weight: 30, scaleMin: 0, scaleMax: 4,
    levels: LEVELS_0_4(['Sin sustento técnico', 'Sustento débil', 'Sustento aceptable con observaciones', 'Buen sustento', 'Sustento completo y sostenible']),
  },
];
