/**
 * Speed of the rules on the real Pabulib instances: for each file, the median time to parse it, to tally
 * it, and to run greedy, Equal Shares, Equal Shares with add1, and sequential Phragmén. A benchmark, not
 * a test: it prints a table and the two target ratios (add1 within 20× of parsing on the largest
 * instance, greedy within 2× of a plain tally). Takes a few minutes: add1 on Budapest 2024 alone (22,001
 * forints added per voter) takes over a minute.
 *
 * Files: PABULIB_DIR, or ../shared/pabulib from the repository root; `files` narrows them (names or
 * substrings). Env PB_BENCH_RUNS sets the runs per measure (default 3).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { computeOutcome, pabulibToElection, parsePabulib, tally, type Election } from '../src/index.ts';

export interface RulesBenchOptions {
  readonly files?: string[];
  readonly runs?: number;
  /** A measure whose first run takes longer than this (ms) is not repeated. */
  readonly slowMs?: number;
  readonly print?: (line: string) => void;
}

export interface BenchRow {
  readonly file: string;
  readonly bytes: number;
  readonly voters: number;
  readonly projects: number;
  readonly parse: number;
  readonly tally: number;
  readonly greedy: number;
  readonly mes: number;
  readonly add1: number;
  readonly add1Units: number;
  readonly add1Runs: number;
  readonly phragmen: number;
}

const RULES = ['greedy', 'mes', 'mes-add1', 'phragmen'] as const;

export function pabulibDir(): string {
  return process.env['PABULIB_DIR'] ?? resolve(import.meta.dirname, '../../..', '../shared/pabulib');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median wall time in ms of `fn`. The first run warms the JIT and is discarded when it is quick (under
 * a second); then `runs` timed runs (at least 9 for measures under 10 ms, where one run is noise). A
 * measure whose first run exceeds `slowMs` is not repeated.
 */
function measure<T>(fn: () => T, runs: number, slowMs: number): { ms: number; value: T } {
  let start = performance.now();
  let value = fn();
  const first = performance.now() - start;
  if (first > slowMs) return { ms: first, value };
  const times: number[] = first < 1000 ? [] : [first];
  const wanted = first < 10 ? Math.max(runs, 9) : runs;
  while (times.length < wanted) {
    start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
}

export async function runRulesBench(opts: RulesBenchOptions = {}): Promise<BenchRow[]> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const runs = opts.runs ?? Number(process.env['PB_BENCH_RUNS'] ?? 3);
  const slowMs = opts.slowMs ?? 5000;
  const dir = pabulibDir();
  let files = readdirSync(dir)
    .filter((f) => f.endsWith('.pb'))
    .sort();
  if (opts.files && opts.files.length > 0) files = files.filter((f) => opts.files!.some((want) => f.includes(basename(want))));

  const rows: BenchRow[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const parse = measure(() => parsePabulib(text), runs, slowMs);
    if (!parse.value.ok) {
      print(`${file}: does not parse (${parse.value.errors[0]!.code})`);
      continue;
    }
    const converted = pabulibToElection(parse.value.value);
    if (!converted.ok) continue;
    const election: Election = converted.value.election;
    const tallied = measure(() => tally(election), runs, slowMs);
    const times: Record<string, number> = {};
    let add1Units = 0;
    let add1Runs = 0;
    for (const rule of RULES) {
      const m = measure(() => computeOutcome(election, rule), runs, slowMs);
      times[rule] = m.ms;
      if (rule === 'mes-add1' && m.value.ok) {
        add1Units = m.value.value.equalShares?.add1Increments ?? 0;
        add1Runs = m.value.value.equalShares?.runs ?? 0;
      }
    }
    rows.push({
      file,
      bytes: statSync(path).size,
      voters: election.ballots.length,
      projects: election.projects.length,
      parse: parse.ms,
      tally: tallied.ms,
      greedy: times['greedy']!,
      mes: times['mes']!,
      add1: times['mes-add1']!,
      add1Units,
      add1Runs,
      phragmen: times['phragmen']!,
    });
  }
  printTable(rows, runs, print);
  return rows;
}

function printTable(rows: readonly BenchRow[], runs: number, print: (line: string) => void): void {
  const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
  const header = ['instance', 'KB', 'voters', 'proj', 'parse', 'tally', 'greedy', 'mes', 'mes-add1', 'add1 units/runs', 'phragmen'];
  const body = rows.map((r) => [
    r.file.replace(/\.pb$/, '').slice(0, 44),
    String(Math.round(r.bytes / 1024)),
    String(r.voters),
    String(r.projects),
    ms(r.parse),
    ms(r.tally),
    ms(r.greedy),
    ms(r.mes),
    ms(r.add1),
    `${r.add1Units}/${r.add1Runs}`,
    ms(r.phragmen),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  print(`pb-rules: median of ${runs} runs after a warm-up (9 under 10 ms, 1 over 5 s), milliseconds (Node ${process.version})`);
  print(line(header));
  for (const b of body) print(line(b));
  if (rows.length === 0) return;
  const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  print(`target: mes-add1 / parse on the largest instance (${largest.file}): ${(largest.add1 / largest.parse).toFixed(1)}× (≤ 20×)`);
  // On tiny files both take well under a millisecond and the ratio is noise: look at the big ones.
  const big = rows.filter((r) => r.voters >= 10000);
  if (big.length > 0) {
    const worst = big.reduce((a, b) => (b.greedy / b.tally > a.greedy / a.tally ? b : a));
    print(
      `target: greedy / tally: ${(largest.greedy / largest.tally).toFixed(2)}× on the largest instance, at most ` +
        `${(worst.greedy / worst.tally).toFixed(2)}× over the ${big.length} instances with 10,000 voters or more (${worst.file}) (≤ 2×)`,
    );
  }
}
