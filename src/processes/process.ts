import type { CalendarPhase, Phase } from '@concerta/contracts';
import type { ProcessRules } from '@concerta/contracts';

/** A yearly participatory budgeting process of one municipality. Amounts are whole céntimos. */
export interface Process {
  id: string;
  municipalityId: string;
  fiscalYear: number;
  name: string;
  phase: Phase;
  envelopeCents: number;
  investmentBudgetCents: number;
  /** The envelope as a share of the investment budget, 0..1. */
  envelopeShare: number;
  rules: ProcessRules;
  calendar: { phase: CalendarPhase; startsOn: string; endsOn: string }[];
  zoneEnvelopes: { zoneId: string; zoneName: string; amountCents: number }[];
  copiedFromId: string | null;
  createdAt: string;
}

export interface PhaseMove {
  seq: number;
  from: Phase;
  to: Phase;
  movedAt: string;
  movedBy: string;
  movedByName: string;
  reason: string;
}

/**
 * The last day (local date, inclusive) on which proposals may be submitted and edited: the process's
 * `rules.proposalDeadline`, or the last day of Concertation when it sets none.
 */
export function proposalDeadlineOf(p: Pick<Process, 'rules' | 'calendar'>): string {
  return p.rules.proposalDeadline ?? p.calendar.find((c) => c.phase === 'concertation')?.endsOn ?? '0000-01-01';
}
