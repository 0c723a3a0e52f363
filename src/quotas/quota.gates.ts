import type { PhaseGate } from '../kernel/area.ts';
import { womenNeeded } from '../processes/process-rules.ts';
import { quotaStatus } from './quota.queries.ts';

/** The accredited delegates hold the women's share of the seats filled so far. */
const delegatesQuota: PhaseGate = {
  leaving: 'preparation',
  check: async (db, p) => {
    const bodies = await quotaStatus(db, p.municipalityId, p.id);
    const delegates = bodies.find((b) => b.kind === 'delegates');
    if (!delegates || delegates.filled === 0) return null;
    const required = womenNeeded(delegates.filled, p.rules.quotas.delegatesMinWomenShare);
    return delegates.women >= required ? null
      : { code: 'QUOTA_NOT_MET', params: { body: 'delegates', women: delegates.women, filled: delegates.filled, required } };
  },
};

export const QUOTA_GATES: readonly PhaseGate[] = [delegatesQuota];
