/**
 * `npm run bench [suite]`: performance figures as tables. Targets live here, never in timed tests.
 * Suites: `rules` (PB outcome rules over the Pabulib corpus), `http` (API throughput with autocannon), `fuzz` (malformed
 * requests to every route: cases run, answers by status, time; FUZZ_PER_ROUTE, FUZZ_SEED, FUZZ_DIALECT). Default: all.
 */
const suites: Record<string, () => Promise<{ default: () => Promise<void> }>> = {
  rules: () => import('./rules.ts'),
  http: () => import('./http.ts'),
  fuzz: () => import('./fuzz.ts'),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) {
  const load = suites[name];
  if (!load) {
    process.stderr.write(`bench: unknown suite "${name}"; known: ${Object.keys(suites).join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`\n## ${name}\n`);
  await (await load()).default();
}
