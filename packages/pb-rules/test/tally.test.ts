import { describe, expect, it } from 'vitest';
import { tally, tallyByTerritory } from '../src/index.ts';
import { election } from './helpers.ts';

const row = (t: { rows: readonly { projectId: string; votes: number; points: number }[] }, id: string) => t.rows.find((r) => r.projectId === id);

describe('tally', () => {
  it('counts votes per project for approval ballots (points = votes)', () => {
    const r = tally(election(10, { A: 1, B: 1, C: 1 }, [['A', 'B'], ['A'], []]));
    expect(r.ok && r.value.ballots).toBe(3);
    expect(r.ok && r.value.rows).toEqual([
      { projectId: 'A', votes: 2, points: 2 },
      { projectId: 'B', votes: 1, points: 1 },
      { projectId: 'C', votes: 0, points: 0 },
    ]);
  });

  it('sums points for cumulative ballots; a zero never counts as a vote', () => {
    const e = election(10, { A: 1, B: 1 }, [{ projects: ['A', 'B'], points: [3, 2] }, { projects: ['A', 'B'], points: [5, 0] }], { kind: 'cumulative', totalPoints: 5 });
    const r = tally(e);
    expect(r.ok && row(r.value, 'A')).toEqual({ projectId: 'A', votes: 2, points: 8 });
    expect(r.ok && row(r.value, 'B')).toEqual({ projectId: 'B', votes: 1, points: 2 });
  });

  it('gives ranked ballots Borda-style scores: k for the first, k − 1 for the second...', () => {
    const e = election(10, { A: 1, B: 1, C: 1 }, [['A', 'B', 'C'], ['B', 'A'], ['C']], { kind: 'ranked', maxRanks: 3 });
    const r = tally(e);
    expect(r.ok && r.value.rows.map((x) => [x.projectId, x.votes, x.points])).toEqual([
      ['A', 2, 3 + 2],
      ['B', 2, 2 + 3],
      ['C', 2, 1 + 3],
    ]);
  });

  it('counts the default score of scoring ballots for unlisted projects', () => {
    const e = election(10, { A: 1, B: 1 }, [{ projects: ['A'], points: [4] }, { projects: [], points: [] }], { kind: 'scoring', minScore: 0, maxScore: 5, defaultScore: 1 });
    const r = tally(e);
    expect(r.ok && row(r.value, 'A')!.points).toBe(4 + 1);
    expect(r.ok && row(r.value, 'B')!.points).toBe(2);
  });

  it('groups ballots by territory, keeping the overall tally', () => {
    const e = election(10, { A: 1, B: 1 }, [
      { projects: ['A'], territory: 'north' },
      { projects: ['A', 'B'], territory: 'south' },
      { projects: ['B'], territory: 'north' },
      { projects: ['B'] },
    ]);
    const r = tallyByTerritory(e);
    if (!r.ok) throw new Error('unexpected');
    expect(r.value.overall.rows.map((x) => x.votes)).toEqual([2, 3]);
    expect(r.value.territories.map((t) => [t.territory, t.tally.ballots, t.tally.rows.map((x) => x.votes)])).toEqual([
      ['north', 2, [1, 1]],
      ['south', 1, [1, 1]],
      [null, 1, [0, 1]],
    ]);
  });

  it('returns a coded error for a ballot naming an unknown project, with its index', () => {
    const e = { ...election(10, { A: 1 }, []), ballots: [{ projects: ['A'] }, { projects: ['Z'] }] };
    const r = tally(e);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'UNKNOWN_PROJECT', ballot: 1, params: { project: 'Z' } });
  });
});
