import type { Executor } from '../db/database.ts';
import { BODY_KINDS, quotaState, type BodyKind, type QuotaState } from '../processes/quota-rules.ts';
import { listBodies } from '../processes/process.queries.ts';
import { bodyCounts } from './quota.repository.ts';

export { quotaState };
export type { BodyKind, QuotaState };

export interface BodyQuota {
  kind: BodyKind;
  seats: number;
  filled: number;
  women: number;
  men: number;
  minWomen: number;
  status: QuotaState;
}

/** Where each body of the process stands against its women quota. Delegates are the accredited, approved ones. */
export async function quotaStatus(db: Executor, municipalityId: string, processId: string): Promise<BodyQuota[]> {
  const bodies = await listBodies(db, municipalityId, processId);
  const result: BodyQuota[] = [];
  for (const b of bodies) {
    const { women, men } = await bodyCounts(db, municipalityId, processId, b);
    result.push({ kind: b.kind, seats: b.seats, filled: women + men, women, men, minWomen: b.minWomen, status: quotaState(b.seats, b.minWomen, women, men) });
  }
  return result.sort((x, y) => BODY_KINDS.indexOf(x.kind) - BODY_KINDS.indexOf(y.kind));
}
