import { canonicalJson } from '../audit/audit-log.ts';
import type { PaperContent } from './voting.ts';

/**
 * Where a paper ballot stands, from its entries (pure): typed once and waiting for the second entry; counted (two
 * matching entries, or a mismatch resolved by a third entry against the paper); or in the table's mismatch list.
 */
export type PaperState = 'awaiting_second' | 'counted' | 'mismatch' | 'resolved';

export interface PaperBallot {
  tableId: string;
  serial: string;
  state: PaperState;
  /** What counts: null while awaiting or in mismatch. */
  content: PaperContent | null;
}

export function paperBallots(entries: readonly { tableId: string; serial: string; entryNo: 1 | 2 | 3; content: PaperContent }[]): PaperBallot[] {
  const groups = new Map<string, typeof entries[number][]>();
  for (const e of entries) {
    const key = `${e.tableId}\u0000${e.serial}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((g) => {
    const byNo = (n: number) => g.find((e) => e.entryNo === n);
    const [first, second, third] = [byNo(1), byNo(2), byNo(3)];
    const base = { tableId: g[0]!.tableId, serial: g[0]!.serial };
    if (third) return { ...base, state: 'resolved', content: third.content };
    if (!first || !second) return { ...base, state: 'awaiting_second', content: null };
    if (canonicalJson(first.content) === canonicalJson(second.content)) return { ...base, state: 'counted', content: first.content };
    return { ...base, state: 'mismatch', content: null };
  });
}
