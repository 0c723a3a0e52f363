import { describe, expect, it } from 'vitest';
import { byWhatComesNext } from '../../web/src/areas/training/session-order.ts';

describe('the public trainings list', () => {
  it('shows what comes next first (soonest first), then the sessions held (latest first)', () => {
    const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T15:00:00.000Z`;
    const sessions = [1, 20, 5, 12, 2].map((day) => ({ id: `d${day}`, startsAt: at(day), endsAt: at(day).replace('T15', 'T17') }));
    expect(byWhatComesNext(sessions, '2026-12-05T16:00:00.000Z').map((s) => s.id)).toEqual(['d5', 'd12', 'd20', 'd2', 'd1']);
  });
});
