/**
 * A progress report, as a pure rule: from a tracked project's current state and what the report says (typed by staff
 * or read from a row of the budget system's CSV), what changes, the state that follows, the warnings (executed above
 * budgeted: told, not refused) and every broken rule. The service writes what this plans; the import plans every row
 * with it before writing any.
 */
import { checkTransition, tenthsToPercent, type BudgetLine, type ExecutionStatus } from './execution.ts';

export interface ProjectState {
  number: number;
  status: ExecutionStatus;
  statusReason: string | null;
  physicalTenths: number;
  investmentCode: string | null;
  reportedOn: string | null;
  lines: readonly Pick<BudgetLine, 'code' | 'budgetedCents' | 'executedCents'>[];
}

export interface ReportInput {
  /** The date the report speaks of (a local date, not later than today). */
  reportedOn: string;
  status?: ExecutionStatus;
  /** Why: required when the status moves to suspended or cancelled. */
  reason?: string | null;
  physicalTenths?: number;
  /** What has been executed so far of each source, by its code (replaces the amount before). */
  executed?: readonly { code: string; executedCents: number }[];
  investmentCode?: string | null;
}

/** What a report changed, kept with it in the history (and in its audit entry). */
export interface ReportChanges {
  status?: { from: ExecutionStatus; to: ExecutionStatus };
  physicalPercent?: { from: number; to: number };
  executed?: { code: string; fromCents: number; toCents: number }[];
  investmentCode?: { from: string | null; to: string | null };
}

/** A broken rule: its code in the area's catalogue, the numbers its message needs, and the input it concerns. */
export interface ReportIssue {
  code: string;
  params: Record<string, unknown>;
  field: 'reportedOn' | 'status' | 'reason' | 'physicalPercent' | 'executed' | 'investmentCode';
}

export interface ReportWarning {
  rule: 'execution_overspent';
  params: { code: string; executedCents: number; budgetedCents: number };
}

export interface PlannedReport {
  changes: ReportChanges;
  /** The project's state after the report. */
  next: Pick<ProjectState, 'status' | 'statusReason' | 'physicalTenths' | 'investmentCode' | 'reportedOn'>;
  warnings: ReportWarning[];
  issues: ReportIssue[];
}

/** Whether a report changes anything. */
export function changesSomething(c: ReportChanges): boolean {
  return c.status !== undefined || c.physicalPercent !== undefined || (c.executed?.length ?? 0) > 0 || c.investmentCode !== undefined;
}

export function planReport(state: ProjectState, input: ReportInput, today: string): PlannedReport {
  const issues: ReportIssue[] = [];
  const warnings: ReportWarning[] = [];
  const changes: ReportChanges = {};
  if (input.reportedOn > today) issues.push({ code: 'EXECUTION_REPORTED_LATER', params: { date: input.reportedOn }, field: 'reportedOn' });

  let status = state.status;
  let statusReason = state.statusReason;
  if (input.status !== undefined && input.status !== state.status) {
    const refusal = checkTransition(state.status, input.status, input.reason);
    if (refusal) {
      issues.push({ code: refusal, params: { number: state.number, from: state.status, to: input.status }, field: refusal === 'EXECUTION_REASON_REQUIRED' ? 'reason' : 'status' });
    } else {
      changes.status = { from: state.status, to: input.status };
      status = input.status;
      statusReason = (input.reason ?? '').trim() || null;
    }
  }

  let physicalTenths = state.physicalTenths;
  if (input.physicalTenths !== undefined) {
    if (!Number.isInteger(input.physicalTenths) || input.physicalTenths < 0 || input.physicalTenths > 1000) {
      issues.push({ code: 'EXECUTION_PHYSICAL_RANGE', params: { value: input.physicalTenths / 10 }, field: 'physicalPercent' });
    } else if (input.physicalTenths !== state.physicalTenths) {
      changes.physicalPercent = { from: tenthsToPercent(state.physicalTenths), to: tenthsToPercent(input.physicalTenths) };
      physicalTenths = input.physicalTenths;
    }
  }

  const executed: NonNullable<ReportChanges['executed']> = [];
  const seen = new Set<string>();
  for (const e of input.executed ?? []) {
    const line = state.lines.find((l) => l.code === e.code);
    if (!line) {
      issues.push({ code: 'EXECUTION_UNKNOWN_SOURCE', params: { number: state.number, code: e.code, codes: state.lines.map((l) => l.code).join(', ') || '—' }, field: 'executed' });
      continue;
    }
    if (seen.has(e.code)) {
      issues.push({ code: 'EXECUTION_SOURCE_TWICE', params: { code: e.code }, field: 'executed' });
      continue;
    }
    seen.add(e.code);
    if (!Number.isSafeInteger(e.executedCents) || e.executedCents < 0) {
      issues.push({ code: 'EXECUTION_AMOUNT_NEGATIVE', params: { code: e.code }, field: 'executed' });
      continue;
    }
    if (e.executedCents > line.budgetedCents) warnings.push({ rule: 'execution_overspent', params: { code: e.code, executedCents: e.executedCents, budgetedCents: line.budgetedCents } });
    if (e.executedCents !== line.executedCents) executed.push({ code: e.code, fromCents: line.executedCents, toCents: e.executedCents });
  }
  if (executed.length > 0) changes.executed = executed;

  let investmentCode = state.investmentCode;
  if (input.investmentCode !== undefined && (input.investmentCode || null) !== state.investmentCode) {
    investmentCode = input.investmentCode || null;
    changes.investmentCode = { from: state.investmentCode, to: investmentCode };
  }

  const reportedOn = state.reportedOn && state.reportedOn > input.reportedOn ? state.reportedOn : input.reportedOn;
  return { changes, next: { status, statusReason, physicalTenths, investmentCode, reportedOn }, warnings, issues };
}
