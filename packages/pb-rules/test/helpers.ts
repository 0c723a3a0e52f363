/** Small builders shared by the tests. */
import { createElection, type Ballot, type Election, type VoteSettings } from '../src/index.ts';

export function election(
  budget: number | string,
  costs: Record<string, number | string>,
  ballots: readonly (readonly string[] | Ballot)[],
  settings: VoteSettings = { kind: 'approval' },
): Election {
  const built = createElection({
    budget,
    settings,
    projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })),
    ballots: ballots.map((b) => (Array.isArray(b) ? { projects: b as readonly string[] } : (b as Ballot))),
  });
  if (!built.ok) throw new Error(built.errors.map((e) => e.message.en).join('; '));
  return built.value;
}

/** `n` copies of a ballot. */
export function times(n: number, ballot: readonly string[]): (readonly string[])[] {
  return Array.from({ length: n }, () => ballot);
}
