import type { Executor } from '../db/database.ts';
import { newId } from '../shared/clock.ts';
import { type ProcessRules } from '@concerta/contracts';
import { womenNeeded } from './process-rules.ts';

/** The representative bodies every process has, with seats and quota taken from its rules. */
export function bodiesFromRules(rules: ProcessRules) {
  const q = rules.quotas;
  return [
    { kind: 'delegates' as const, seats: q.delegateSeats, minWomen: womenNeeded(q.delegateSeats, q.delegatesMinWomenShare) },
    { kind: 'directive_committee' as const, seats: q.directiveSeats, minWomen: Math.min(q.directiveMinWomen, q.directiveSeats) },
    { kind: 'oversight_committee' as const, seats: q.oversightSeats, minWomen: womenNeeded(q.oversightSeats, q.oversightMinWomenShare) },
  ];
}

/** Creates the bodies of a new process, or brings their seats and quotas in line with changed rules. */
export async function syncBodies(db: Executor, municipalityId: string, processId: string, rules: ProcessRules): Promise<void> {
  for (const b of bodiesFromRules(rules)) {
    const existing = await db.selectFrom('bodies').select('id').where('municipality_id', '=', municipalityId)
      .where('process_id', '=', processId).where('kind', '=', b.kind).executeTakeFirst();
    if (existing) {
      await db.updateTable('bodies').set({ seats: b.seats, min_women: b.minWomen })
        .where('municipality_id', '=', municipalityId).where('id', '=', existing.id).execute();
    } else {
      await db.insertInto('bodies').values({ municipality_id: municipalityId, id: newId(), process_id: processId, kind: b.kind, seats: b.seats, min_women: b.minWomen }).execute();
    }
  }
}
