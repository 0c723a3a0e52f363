/**
 * The byte path of the reader (VOTES rows read straight from UTF-8 bytes) must give exactly what reading
 * every line as text gives: the same instance, or the same error at the same line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePabulib, parsePabulibBytes, parsePabulibChunks, type PbInstance, type Result } from '../src/index.ts';
import { parsePabulibAsText } from '../src/pabulib/parse.ts';

const IDS = ['1', '2', 'c3', 'Łódź-4', 'L/05', '6 6'];

const HEAD = (voteType: string, columns: string): string =>
  [
    'META',
    'key;value',
    'budget;1000',
    `vote_type;${voteType}`,
    ...(voteType === 'cumulative' ? ['max_sum_points;10'] : []),
    'PROJECTS',
    'project_id;cost;name',
    ...IDS.map((id, i) => `${id};${100 * (i + 1)};Proyecto ${i}`),
    'VOTES',
    columns,
  ].join('\n');

const space = fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00a0', '\u2003');
const idText = fc.oneof(fc.constantFrom(...IDS), fc.constantFrom('C3', 'x', '', '7', 'votes'));
const paddedId = fc.tuple(space, idText, space).map(([a, id, b]) => a + id + b);
const voteField = fc.array(paddedId, { maxLength: 5 }).map((ids) => ids.join(','));
const point = fc.oneof(fc.integer({ min: -3, max: 20 }).map(String), fc.constantFrom('1.5', '+2', '1e1', 'x', '', '007', '-0', '1e400'));
const pointsField = fc.array(fc.tuple(space, point, space).map(([a, p, b]) => a + p + b), { maxLength: 5 }).map((ps) => ps.join(','));
const other = fc.oneof(fc.constantFrom('34', 'F', 'internet', 'Śródmieście', ' x ', '', '"quoted; field"', '"a ""b"""', 'VOTES', 'meta'), fc.string({ maxLength: 6 }).filter((t) => !/[\n\r;"]/.test(t)));

/** Mostly well-formed votes: distinct known ids with as many points, padded with spaces. */
const goodVote = fc
  .tuple(fc.subarray(IDS), fc.array(fc.tuple(space, fc.integer({ min: -5, max: 99 }), space), { minLength: IDS.length, maxLength: IDS.length }))
  .map(([ids, pts]) => ({
    vote: ids.map((id, i) => pts[i]![0] + id + pts[i]![2]).join(','),
    points: ids.map((_, i) => pts[i]![2] + String(pts[i]![1]) + pts[i]![0]).join(','),
  }));
const anyVote = fc.oneof(goodVote, goodVote, goodVote, fc.record({ vote: voteField, points: pointsField }));

const row = (withPoints: boolean) =>
  fc
    .tuple(fc.oneof(fc.nat(9999).map(String), other), anyVote, other, fc.integer({ min: 0, max: 30 }))
    .map(([voter, { vote, points }, extra, shape]) => {
      const fields = withPoints ? [voter, vote, points, extra] : [voter, vote, extra];
      if (shape === 0) fields.push('surplus');
      if (shape === 1) fields.pop();
      if (shape === 2) return '';
      if (shape === 3) return '   ';
      return fields.join(';');
    });

function normalize(r: Result<PbInstance>): unknown {
  if (!r.ok) return { error: r.errors[0] };
  return { ...r.value, votes: r.value.votes.map((v) => ({ ...v })) };
}

describe('reading VOTES from bytes', () => {
  for (const [type, columns] of [
    ['approval', 'voter_id;vote;age'],
    ['cumulative', 'voter_id;vote;points;age'],
  ] as const) {
    it(`gives what reading the lines as text gives (${type}): instance or error and line`, () => {
      fc.assert(
        fc.property(fc.array(row(type === 'cumulative'), { maxLength: 12 }), fc.boolean(), (rows, crlf) => {
          let text = `${HEAD(type, columns)}\n${rows.join('\n')}\n`;
          if (crlf) text = text.replaceAll('\n', '\r\n');
          const expected = normalize(parsePabulibAsText(text));
          expect(normalize(parsePabulib(text))).toEqual(expected);
          expect(normalize(parsePabulibBytes(new TextEncoder().encode(text)))).toEqual(expected);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('gives the same instance when the bytes arrive in chunks cut anywhere (inside a character, a CRLF)', async () => {
    const text = `${HEAD('approval', 'voter_id;vote;district')}\r\n1;1,Łódź-4;Śródmieście\r\n2;"c3";Bałuty\r\n3; L/05 ,2;\r\n`;
    const bytes = new TextEncoder().encode(text);
    const expected = normalize(parsePabulibAsText(text));
    expect((expected as { votes: unknown[] }).votes).toHaveLength(3);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 20 }), async (cuts) => {
        const points = [...new Set([0, ...cuts, bytes.length])].sort((a, b) => a - b);
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        expect(normalize(await parsePabulibChunks(chunks))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
