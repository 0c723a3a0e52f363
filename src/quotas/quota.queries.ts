import type { Executor } from '../db/database.ts';

export type BodyKind = 'delegates' | 'directive_committee' | 'oversight_committee';
export type QuotaState = 'met' | 'open' | 'broken';

export interface BodyQuota {
  kind: BodyKind;
  seats: number;
  filled: number;
  women: number;
  men: number;
  minWomen: number;
  status: QuotaState;
}

/** met: enough women already; open: still reachable with the free seats; broken: no longer reachable. */
export function quotaState(seats: number, minWomen: number, women: number, men: number): QuotaState {
  if (women >= minWomen) return 'met';
  return men > seats - minWomen ? 'broken' : 'open';
}

/** Where each body of the process stands against its women quota. Delegates are the accredited, approved ones. */
export async function quotaStatus(db: Executor, municipalityId: string, processId: string): Promise<BodyQuota[]> {
  const bodies = await db.selectFrom('bodies').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  const result: BodyQuota[] = [];
  for (const b of bodies) {
    const rows = b.kind === 'delegates'
      ? await db.selectFrom('agents').select(['sex', (eb) => eb.fn.countAll<number>().as('n')])
        .where('municipality_id', '=', municipalityId).where('process_id', '=', processId)
        .where('status', '=', 'approved').where('organization_id', 'is not', null).groupBy('sex').execute()
      : await db.selectFrom('body_members as bm')
        .innerJoin('agents as a', (j) => j.onRef('a.id', '=', 'bm.agent_id').onRef('a.municipality_id', '=', 'bm.municipality_id'))
        .select(['a.sex', (eb) => eb.fn.countAll<number>().as('n')])
        .where('bm.municipality_id', '=', municipalityId).where('bm.body_id', '=', b.id).groupBy('a.sex').execute();
    const women = Number(rows.find((r) => r.sex === 'female')?.n ?? 0);
    const men = Number(rows.find((r) => r.sex === 'male')?.n ?? 0);
    result.push({ kind: b.kind, seats: Number(b.seats), filled: women + men, women, men, minWomen: Number(b.min_women), status: quotaState(Number(b.seats), Number(b.min_women), women, men) });
  }
  const order: BodyKind[] = ['delegates', 'directive_committee', 'oversight_committee'];
  return result.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
}
