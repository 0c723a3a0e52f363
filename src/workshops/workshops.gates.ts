import type { PhaseGate } from '../kernel/area.ts';
import { workshopsWithoutMinutes } from './workshops.queries.ts';

/** Concertation does not end while a workshop already held has no signed minutes: its agreements must be on record. */
const minutesSigned: PhaseGate = {
  leaving: 'concertation',
  check: async (db, p, at) => {
    const missing = await workshopsWithoutMinutes(db, p.municipalityId, p.id, at.toISOString());
    if (missing.length === 0) return null;
    const titles = missing.slice(0, 5).map((w) => `«${w.title}»`).join(', ') + (missing.length > 5 ? ' …' : '');
    return { code: 'WORKSHOP_MINUTES_MISSING', params: { count: missing.length, titles } };
  },
};

export const WORKSHOPS_GATES: readonly PhaseGate[] = [minutesSigned];
