/** The phases of the yearly cycle (Ley 28056, Ley 29298), in order. `closed` follows the fiscal year's end. */
export const PHASES = ['preparation', 'concertation', 'coordination', 'formalization', 'execution', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

/** The phases that carry dates in the calendar. */
export const CALENDAR_PHASES = ['preparation', 'concertation', 'coordination', 'formalization', 'execution'] as const;
export type CalendarPhase = (typeof CALENDAR_PHASES)[number];

export function nextPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase);
  return PHASES[i + 1] ?? null;
}
