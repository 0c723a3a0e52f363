/**
 * Execution of the funded projects, as pure rules (no I/O): the statuses a tracked project goes through and the moves
 * between them, physical progress in tenths of a percent, the budget lines each source of the financing table gives,
 * financial progress, and when a project is behind schedule.
 */
import type { FinancingSource } from '../coordination/coordination.queries.ts';

export const EXECUTION_STATUSES = ['in_design', 'tendering', 'in_execution', 'completed', 'suspended', 'cancelled'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** Completed and cancelled are final: no move leaves them. */
export const FINAL_STATUSES: readonly ExecutionStatus[] = ['completed', 'cancelled'];

/** Moves into these statuses must say why. */
export const STATUSES_NEEDING_REASON: readonly ExecutionStatus[] = ['suspended', 'cancelled'];

/**
 * Where a project may go from each status. A tender may fail and send the project back to design; a suspended project
 * resumes where the work stands (design, tendering or works); any project not final may be cancelled.
 */
export const TRANSITIONS: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  in_design: ['tendering', 'in_execution', 'suspended', 'cancelled'],
  tendering: ['in_design', 'in_execution', 'suspended', 'cancelled'],
  in_execution: ['completed', 'suspended', 'cancelled'],
  suspended: ['in_design', 'tendering', 'in_execution', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Why a status move is refused, as a code the area's catalogue names; null when it is allowed. */
export type TransitionRefusal = 'EXECUTION_STATUS_FINAL' | 'EXECUTION_TRANSITION' | 'EXECUTION_REASON_REQUIRED';

export function checkTransition(from: ExecutionStatus, to: ExecutionStatus, reason: string | null | undefined): TransitionRefusal | null {
  if (from === to) return null;
  if (FINAL_STATUSES.includes(from)) return 'EXECUTION_STATUS_FINAL';
  if (!TRANSITIONS[from].includes(to)) return 'EXECUTION_TRANSITION';
  if (STATUSES_NEEDING_REASON.includes(to) && (reason ?? '').trim().length < 5) return 'EXECUTION_REASON_REQUIRED';
  return null;
}

/** Physical progress is kept in tenths of a percent (0..1000): budget systems report one decimal (45.3 %). */
export function percentToTenths(percent: number): number | null {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return null;
  const tenths = Math.round(percent * 10);
  return Math.abs(tenths - percent * 10) < 1e-6 ? tenths : null;
}

export function tenthsToPercent(tenths: number): number {
  return tenths / 10;
}

export type SourceKind = FinancingSource['source'];

/** A budget line of a tracked project: one source of its financing table, with what has been executed of it. */
export interface BudgetLine {
  /**
   * The line's code, stable for the project and named by the CSV import's `ejecutado_<code>` columns: `pp` for the
   * participatory budget, `aporte1`, `aporte2` ... for the proposal's pledges, `convenio1` ... for the agreements.
   */
  code: string;
  kind: SourceKind;
  name: string;
  /** The pledge's funder kind or the agreement's party kind; null for the participatory budget. */
  partyKind: string | null;
  contribution: 'money' | 'in_kind';
  budgetedCents: number;
  executedCents: number;
}

/** The budget lines a funded project starts with: one per source of its financing table, nothing executed. */
export function budgetLines(sources: readonly FinancingSource[]): BudgetLine[] {
  let pledges = 0;
  let agreements = 0;
  return sources.map((s): BudgetLine => {
    if (s.source === 'participatory_budget') {
      return { code: 'pp', kind: s.source, name: '', partyKind: null, contribution: 'money', budgetedCents: s.amountCents, executedCents: 0 };
    }
    if (s.source === 'pledge') {
      pledges += 1;
      return { code: `aporte${pledges}`, kind: s.source, name: s.funderName, partyKind: s.funderKind, contribution: s.contribution, budgetedCents: s.amountCents, executedCents: 0 };
    }
    agreements += 1;
    return { code: `convenio${agreements}`, kind: s.source, name: s.partyName, partyKind: s.partyKind, contribution: s.contribution, budgetedCents: s.amountCents, executedCents: 0 };
  });
}

/** Executed against budgeted over every line, as a fraction (0 when nothing is budgeted); may pass 1 (overspent). */
export function financialFraction(lines: readonly Pick<BudgetLine, 'budgetedCents' | 'executedCents'>[]): number {
  const budgeted = lines.reduce((s, l) => s + l.budgetedCents, 0);
  const executed = lines.reduce((s, l) => s + l.executedCents, 0);
  return budgeted === 0 ? 0 : executed / budgeted;
}

export interface MilestoneDates {
  plannedOn: string;
  actualOn: string | null;
}

/**
 * Behind schedule: a milestone whose planned date has passed (before `today`, a local date) without an actual date,
 * while the project is still open (completed and cancelled projects are not flagged).
 */
export function behindSchedule(status: ExecutionStatus, milestones: readonly MilestoneDates[], today: string): boolean {
  if (FINAL_STATUSES.includes(status)) return false;
  return milestones.some((m) => m.actualOn === null && m.plannedOn < today);
}
