import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeOutcome,
  createElection,
  describeError,
  electionToPabulib,
  linesOf,
  pabulibToElection,
  parsePabulib,
  parsePabulibChunks,
  writePabulib,
  type CodedError,
} from '../src/index.ts';

const SAMPLE = [
  'META',
  'key;value',
  'description;Municipal PB in Wieliczka',
  'country;Poland',
  'unit;Wieliczka',
  'instance;2020',
  'num_projects;3',
  'num_votes;3',
  'budget;2500.50',
  'vote_type;approval',
  'rule;greedy',
  'min_length;1',
  'max_length;3',
  'PROJECTS',
  'project_id;cost;name;selected',
  '1;600;"Park; phase II";1',
  '2;800;"""Konikowo"" playground";0',
  'c3;1100.25;Library;1',
  'VOTES',
  'voter_id;vote;age',
  '1;1,2,c3;34',
  '2;1,c3;51',
  '3;;19',
  '',
].join('\n');

function parseOk(text: string) {
  const r = parsePabulib(text);
  if (!r.ok) throw new Error(describeError(r.errors[0]!));
  return r.value;
}
function parseErr(text: string): CodedError {
  const r = parsePabulib(text);
  if (r.ok) throw new Error('expected an error');
  return r.errors[0]!;
}

describe('reading .pb text', () => {
  it('reads META, PROJECTS and VOTES with CSV quoting and exact amounts', () => {
    const pb = parseOk(SAMPLE);
    expect(pb.voteType).toBe('approval');
    expect(pb.budget.toString()).toBe('2500.5');
    expect(pb.meta['rule']).toBe('greedy');
    expect(pb.projects.map((p) => [p.id, p.cost.toString(), p.fields['name']])).toEqual([
      ['1', '600', 'Park; phase II'],
      ['2', '800', '"Konikowo" playground'],
      ['c3', '1100.25', 'Library'],
    ]);
    expect(pb.votes.map((v) => [v.voterId, v.vote, v.fields['age']])).toEqual([
      ['1', ['1', '2', 'c3'], '34'],
      ['2', ['1', 'c3'], '51'],
      ['3', [], '19'],
    ]);
  });

  it('gives the same instance for CRLF line endings, a BOM, blank lines and no final newline', () => {
    const expected = parseOk(SAMPLE);
    expect(parseOk(SAMPLE.replaceAll('\n', '\r\n'))).toEqual(expected);
    expect(parseOk('\uFEFF' + SAMPLE)).toEqual(expected);
    expect(parseOk(SAMPLE.replace('PROJECTS\n', '\n\nPROJECTS\n\n').trimEnd())).toEqual(expected);
  });

  it('reads a quoted field spanning lines', () => {
    const pb = parseOk(SAMPLE.replace('Library', '"Library\non two lines"'));
    expect(pb.projects[2]!.fields['name']).toBe('Library\non two lines');
  });

  it('streams from chunks cut anywhere, including inside a CRLF', async () => {
    const text = SAMPLE.replaceAll('\n', '\r\n');
    const expected = parseOk(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 30 }), async (cuts) => {
        const points = [...new Set([0, ...cuts, text.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((end, i) => text.slice(points[i], end));
        const r = await parsePabulibChunks(chunks);
        expect(r.ok && r.value).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    const lines: string[] = [];
    for await (const line of linesOf(['a\r', '\nb', '\r\n', 'c'])) lines.push(line);
    expect(lines).toEqual(['a', 'b', 'c']);
  });
});

describe('malformed input: a coded error with the line, never a crash', () => {
  it('an empty file', () => {
    expect(parseErr('').code).toBe('PB_EMPTY_FILE');
    expect(parseErr('\n\r\n  \n').code).toBe('PB_EMPTY_FILE');
  });
  it('a missing section', () => {
    const e = parseErr(SAMPLE.slice(0, SAMPLE.indexOf('VOTES')));
    expect(e).toMatchObject({ code: 'PB_SECTION_MISSING', params: { section: 'VOTES' } });
  });
  it('a VOTES row before PROJECTS', () => {
    const text = 'META\nkey;value\nbudget;10\nvote_type;approval\nVOTES\nvoter_id;vote\n1;1\nPROJECTS\nproject_id;cost\n1;5\n';
    expect(parseErr(text)).toMatchObject({ code: 'PB_VOTES_BEFORE_PROJECTS', line: 5 });
  });
  it('PROJECTS before META', () => {
    expect(parseErr('PROJECTS\nproject_id;cost\n')).toMatchObject({ code: 'PB_SECTION_ORDER', line: 1 });
  });
  it('data before any section', () => {
    expect(parseErr('hello;world\nMETA\n')).toMatchObject({ code: 'PB_ROW_OUTSIDE_SECTION', line: 1 });
  });
  it('a cost that is not a number, with its line and what was expected', () => {
    const e = parseErr(SAMPLE.replace('2;800;', '2;abc;'));
    expect(e).toMatchObject({ code: 'PB_BAD_NUMBER', line: 17, params: { field: 'cost', value: 'abc' } });
    expect(describeError(e)).toBe("PB_BAD_NUMBER at line 17: cost must be a number, got 'abc'");
    expect(describeError(e, 'es')).toBe("PB_BAD_NUMBER en la línea 17: cost debe ser un número, se recibió 'abc'");
  });
  it('a negative cost', () => {
    expect(parseErr(SAMPLE.replace('2;800;', '2;-800;'))).toMatchObject({ code: 'PB_NEGATIVE_COST', line: 17, params: { project: '2' } });
  });
  it('a budget of zero', () => {
    expect(parseErr(SAMPLE.replace('budget;2500.50', 'budget;0'))).toMatchObject({ code: 'PB_BUDGET_NOT_POSITIVE', line: 9 });
  });
  it('a budget that is not a number, or missing', () => {
    expect(parseErr(SAMPLE.replace('budget;2500.50', 'budget;lots'))).toMatchObject({ code: 'PB_BAD_NUMBER', line: 9 });
    expect(parseErr(SAMPLE.replace('budget;2500.50\n', ''))).toMatchObject({ code: 'PB_META_MISSING', params: { key: 'budget' } });
  });
  it('a ballot naming an unknown project', () => {
    const e = parseErr(SAMPLE.replace('2;1,c3;51', '2;1,C3;51'));
    expect(e).toMatchObject({ code: 'PB_UNKNOWN_PROJECT', line: 22, params: { project: 'C3' } });
    expect(e.message.en).toBe("vote names project 'C3', which is not in PROJECTS");
  });
  it('a project named twice in one vote, or twice in PROJECTS', () => {
    expect(parseErr(SAMPLE.replace('2;1,c3;51', '2;1,1;51'))).toMatchObject({ code: 'PB_DUPLICATE_IN_VOTE', line: 22 });
    expect(parseErr(SAMPLE.replace('c3;1100.25', '1;1100.25'))).toMatchObject({ code: 'PB_DUPLICATE_PROJECT', line: 18 });
  });
  it('a row with more or fewer fields than its header', () => {
    expect(parseErr(SAMPLE.replace('2;1,c3;51', '2;1,c3;51;x'))).toMatchObject({ code: 'PB_FIELD_COUNT', line: 22, params: { expected: 3, got: 4 } });
  });
  it('a missing column, an unknown vote type, an unclosed quote, wrong counts', () => {
    expect(parseErr(SAMPLE.replace('project_id;cost;name;selected', 'project_id;price;name;selected'))).toMatchObject({ code: 'PB_COLUMN_MISSING', params: { column: 'cost' }, line: 15 });
    expect(parseErr(SAMPLE.replace('vote_type;approval', 'vote_type;borda'))).toMatchObject({ code: 'PB_UNKNOWN_VOTE_TYPE', line: 10 });
    expect(parseErr(SAMPLE.replace('Library', '"Library'))).toMatchObject({ code: 'PB_UNTERMINATED_QUOTE', line: 18 });
    expect(parseErr(SAMPLE.replace('num_votes;3', 'num_votes;4'))).toMatchObject({ code: 'PB_COUNT_MISMATCH', line: 8, params: { declared: 4, actual: 3 } });
  });
  it('points that do not align with the vote', () => {
    const text = SAMPLE.replace('vote_type;approval', 'vote_type;cumulative\nmax_sum_points;5')
      .replace('num_votes;3', 'num_votes;1')
      .replace('voter_id;vote;age\n1;1,2,c3;34\n2;1,c3;51\n3;;19', 'voter_id;vote;points\n1;1,2;3');
    expect(parseErr(text)).toMatchObject({ code: 'PB_POINTS_MISMATCH', params: { points: 1, projects: 2 } });
    expect(parseErr(text.replace('1;1,2;3', '1;1,2;3,x'))).toMatchObject({ code: 'PB_BAD_NUMBER', params: { field: 'points', value: 'x' } });
  });
});

describe('writing .pb text', () => {
  it('read, write, read gives an identical instance, with LF or CRLF', () => {
    const pb = parseOk(SAMPLE.replace('Library', '"Library\non two lines"'));
    expect(parseOk(writePabulib(pb))).toEqual(pb);
    expect(parseOk(writePabulib(pb, { lineEnding: '\r\n' }))).toEqual(pb);
    expect(writePabulib(pb)).toContain('1;600;"Park; phase II";1\n2;800;"""Konikowo"" playground";0\n');
  });

  it('exports an election and reads it back as the same election', () => {
    const built = createElection({
      budget: '1000.5',
      settings: { kind: 'cumulative', totalPoints: 5, maxPerProject: 3 },
      projects: [
        { id: 'A', cost: 400, name: 'Plaza; east' },
        { id: 'B', cost: '250.25', name: 'Posta "médica"' },
      ],
      ballots: [
        { projects: ['A', 'B'], points: [3, 2] },
        { projects: ['B'], points: [1] },
      ],
    });
    if (!built.ok) throw new Error('bad');
    const pb = electionToPabulib(built.value, { description: 'Ilo 2025', country: 'Peru', unit: 'Ilo', instance: '2025' });
    const back = pabulibToElection(parseOk(writePabulib(pb)));
    expect(back.ok && back.value.election).toEqual({ ...built.value, ballots: built.value.ballots.map((b, i) => ({ ...b, voterId: String(i + 1) })) });
  });
});

describe('from .pb to an election', () => {
  it('maps vote types and META limits to ballot kinds', () => {
    const kinds = (replace: [string, string][]) => {
      let text = SAMPLE;
      for (const [a, b] of replace) text = text.replace(a, b);
      const r = pabulibToElection(parseOk(text));
      if (!r.ok) throw new Error(describeError(r.errors[0]!));
      return r.value.election.settings;
    };
    expect(kinds([])).toEqual({ kind: 'approval', minChoices: 1, maxChoices: 3 });
    expect(kinds([['max_length;3', 'max_sum_cost;2500.50']]).kind).toBe('knapsack');
    expect(kinds([['vote_type;approval', 'vote_type;ordinal']])).toEqual({ kind: 'ranked', minRanks: 1, maxRanks: 3 });
    expect(kinds([['vote_type;approval', 'vote_type;choose-1']])).toEqual({ kind: 'single' });
  });

  it('passes on the organiser rule, threshold and official winners', () => {
    const r = pabulibToElection(parseOk(SAMPLE.replace('rule;greedy', 'rule;greedy-threshold\nmin_project_score_threshold;2')));
    expect(r.ok && [r.value.rule, r.value.threshold?.toString(), r.value.selected]).toEqual(['greedy-threshold', '2', ['1', 'c3']]);
    if (r.ok) expect(computeOutcome(r.value.election, 'greedy-threshold', { threshold: r.value.threshold! }).ok).toBe(true);
  });
});
