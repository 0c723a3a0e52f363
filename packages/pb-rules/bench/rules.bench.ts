/**
 * Speed of the rules on the real Pabulib instances: for each file, the median time to parse it, to tally
 * it, to run every rule of RULE_NAMES, and the whole-process time of the `pb-rules outcome --rule mes`
 * command (the built package). A benchmark, not a test: targets are printed, never asserted. Takes
 * several minutes: the add1 rules on Budapest 2024 (22,001 forints added per voter) take the longest.
 *
 * Files: PABULIB_DIR, or ../shared/pabulib from the repository root; `files` narrows them (names or
 * substrings). Env PB_BENCH_RUNS sets the runs per measure (default 3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { computeOutcome, pabulibToElection, parsePabulibBytes, RULE_NAMES, tally, type Election } from '../src/index.ts';

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
  /** Median ms per rule, every rule of RULE_NAMES. */
  readonly rules: Readonly<Record<string, number>>;
  readonly add1Units: number;
  readonly add1Runs: number;
  readonly add1Certificates: number;
  /** Whole process (start to exit) of `pb-rules outcome FILE --rule mes --json`, from the built package; null when not built. */
  readonly cliMes: number | null;
}

const RULES = RULE_NAMES;
const CLI = resolve(import.meta.dirname, '../bin/pb-rules.js');
const CLI_BUILT = existsSync(resolve(import.meta.dirname, '../dist/cli/bin.js'));

/** Median wall time of the command as a whole process (3 runs). */
function cliTime(path: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < Math.max(runs, 3); i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'outcome', path, '--rule', 'mes', '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`pb-rules outcome ${path}: ${result.stderr}`);
  }
  return median(times);
}

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
    const bytes = readFileSync(path);
    const parse = measure(() => parsePabulibBytes(bytes), runs, slowMs);
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
    let add1Certificates = 0;
    for (const rule of RULES) {
      const options = rule === 'greedy-threshold' ? { threshold: converted.value.threshold ?? 0 } : {};
      const m = measure(() => computeOutcome(election, rule, options), runs, slowMs);
      times[rule] = m.ms;
      if (rule === 'mes-add1' && m.value.ok) {
        add1Units = m.value.value.equalShares?.add1Increments ?? 0;
        add1Runs = m.value.value.equalShares?.runs ?? 0;
        add1Certificates = m.value.value.equalShares?.certificates ?? 0;
      }
    }
    rows.push({
      file,
      bytes: statSync(path).size,
      voters: election.ballots.length,
      projects: election.projects.length,
      parse: parse.ms,
      tally: tallied.ms,
      rules: times,
      add1Units,
      add1Runs,
      add1Certificates,
      cliMes: CLI_BUILT ? cliTime(path, runs) : null,
    });
  }
  printTable(rows, runs, print);
  return rows;
}

const SHORT: Record<string, string> = {
  greedy: 'greedy',
  'greedy-no-skip': 'no-skip',
  'greedy-threshold': 'thresh',
  'greedy-exclusive': 'excl',
  'greedy-custom': 'custom',
  mes: 'mes',
  'mes-add1': 'add1',
  'mes-greedy': 'mes+g',
  'mes-add1-greedy': 'add1+g',
  'mes-add1-comparison': 'add1+cmp',
  phragmen: 'phragmen',
};

function printTable(rows: readonly BenchRow[], runs: number, print: (line: string) => void): void {
  const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
  const header = ['instance', 'KB', 'voters', 'proj', 'parse', 'tally', ...RULES.map((r) => SHORT[r] ?? r), 'add1 units/runs+cert', 'cli mes'];
  const body = rows.map((r) => [
    r.file.replace(/\.pb$/, '').slice(0, 40),
    String(Math.round(r.bytes / 1024)),
    String(r.voters),
    String(r.projects),
    ms(r.parse),
    ms(r.tally),
    ...RULES.map((rule) => (r.rules[rule] === undefined ? '-' : ms(r.rules[rule]!))),
    `${r.add1Units}/${r.add1Runs}+${r.add1Certificates}`,
    r.cliMes === null ? '-' : ms(r.cliMes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  print(`pb-rules: median of ${runs} runs after a warm-up (9 under 10 ms, 1 over 5 s), milliseconds (Node ${process.version})`);
  print('parse: parsePabulibBytes on the bytes in memory; rules: computeOutcome with default options (greedy-threshold with the META threshold, else 0);');
  print(`cli mes: whole process of \`pb-rules outcome FILE --rule mes --json\` (the built package${CLI_BUILT ? '' : ': not built, run npm run build'})`);
  print(line(header));
  for (const b of body) print(line(b));
  if (rows.length === 0) return;
  const largest = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  print(`largest instance (${largest.file}): mes-add1 / parse ${(largest.rules['mes-add1']! / largest.parse).toFixed(1)}×` + (largest.cliMes === null ? '' : `, whole-process cli mes / parse ${(largest.cliMes / largest.parse).toFixed(1)}×`));
  const slowest = rows.reduce((a, b) => (b.rules['mes-add1']! > a.rules['mes-add1']! ? b : a));
  print(`slowest add1: ${slowest.file}, ${ms(slowest.rules['mes-add1']!)} ms (target: under 1,000 ms on every instance)`);
  const big = rows.filter((r) => r.voters >= 10000);
  if (big.length > 0) {
    const worst = big.reduce((a, b) => (b.rules['greedy']! / b.tally > a.rules['greedy']! / a.tally ? b : a));
    print(`greedy / tally: at most ${(worst.rules['greedy']! / worst.tally).toFixed(2)}× over the ${big.length} instances with 10,000 voters or more (${worst.file})`);
  }
}
