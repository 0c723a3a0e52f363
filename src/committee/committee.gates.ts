import type { PhaseGate } from '../kernel/area.ts';
import { quotaStatus } from '../quotas/quota.queries.ts';

/** Formalization ends with the oversight committee elected: every seat filled, the women quota met. */
const committeeElected: PhaseGate = {
  leaving: 'formalization',
  check: async (db, p) => {
    const body = (await quotaStatus(db, p.municipalityId, p.id)).find((b) => b.kind === 'oversight_committee');
    if (!body) return null;
    if (body.filled < body.seats) return { code: 'COMMITTEE_NOT_ELECTED', params: { filled: body.filled, seats: body.seats } };
    return body.women >= body.minWomen ? null : { code: 'COMMITTEE_QUOTA_NOT_MET', params: { women: body.women, required: body.minWomen } };
  },
};

export const COMMITTEE_GATES: readonly PhaseGate[] = [committeeElected];
