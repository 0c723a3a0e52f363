/** What other areas may read of the oversight committee's election (the Acta): the seats, candidates, votes and members. */
export { committee, type Committee, type CandidateView } from './committee.service.ts';
export { ELECTION_RULE } from './committee.ts';

import type { Executor } from '../db/database.ts';
import { quotaStatus } from '../quotas/quota.queries.ts';

/** Whether the oversight committee is seated: every seat filled, the women quota met (what Formalization's gate asks). */
export async function committeeSeated(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  const body = (await quotaStatus(db, municipalityId, processId)).find((b) => b.kind === 'oversight_committee');
  return body ? body.filled >= body.seats && body.women >= body.minWomen : true;
}
