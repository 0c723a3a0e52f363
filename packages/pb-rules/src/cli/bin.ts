/**
 * `pb-rules outcome FILE.pb --rule R ...`: the outcome command of the package on its own, without
 * commander (node:util's parseArgs): same options, same output and exit codes as `concerta outcome`.
 */
import { parseArgs } from 'node:util';
import { RULE_NAMES, UTILITY_KINDS } from '../rules/types.ts';
import type { OutcomeCliOptions } from './options.ts';

const USAGE = `Usage: pb-rules outcome <file.pb> [options]

Compute the outcome of a Pabulib .pb file with a voting rule (greedy, Equal Shares, Phragmén)

Options:
  --rule <rule>        outcome rule: ${RULE_NAMES.join(', ')} (default: greedy)
  --utility <utility>  voter utility: ${UTILITY_KINDS.join(' | ')} (default: cost)
  --ties <ties>        tie-breaking: declared (votes, lower cost, id) | id (as pabutools) | lottery (default: declared)
  --seed <seed>        seed of the tie lottery (with --ties lottery)
  --threshold <n>      minimum support to be eligible (greedy rules; greedy-threshold defaults to META min_project_score_threshold)
  --json               print exactly {"selected": [ids in selection order], "cost": N}
  --explain            print why each project was or was not funded
  --lang <lang>        language of the human output: en | es (default: en)
  --progress           show reading progress on stderr even when it is not a terminal
  -h, --help           display this help
`;

const CHOICES: Record<string, readonly string[]> = {
  rule: RULE_NAMES,
  utility: UTILITY_KINDS,
  ties: ['declared', 'id', 'lottery'],
  lang: ['en', 'es'],
};

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        rule: { type: 'string', default: 'greedy' },
        utility: { type: 'string', default: 'cost' },
        ties: { type: 'string', default: 'declared' },
        seed: { type: 'string' },
        threshold: { type: 'string' },
        json: { type: 'boolean' },
        explain: { type: 'boolean' },
        lang: { type: 'string', default: 'en' },
        progress: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] !== 'outcome' || positionals.length !== 2) {
    process.stderr.write(positionals[0] === 'outcome' ? `error: expected one file\n${USAGE}` : USAGE);
    return 1;
  }
  for (const [option, allowed] of Object.entries(CHOICES)) {
    const value = values[option as keyof typeof values];
    if (typeof value === 'string' && !allowed.includes(value)) {
      process.stderr.write(`error: option '--${option}' argument '${value}' is invalid. Allowed choices are ${allowed.join(', ')}.\n`);
      return 1;
    }
  }
  const opts: OutcomeCliOptions = {
    rule: values.rule,
    utility: values.utility,
    ties: values.ties,
    lang: values.lang,
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values.threshold !== undefined ? { threshold: values.threshold } : {}),
    ...(values.json ? { json: true } : {}),
    ...(values.explain ? { explain: true } : {}),
    ...(values.progress ? { progress: true } : {}),
  };
  const { runOutcome } = await import('./run-outcome.ts');
  return runOutcome(positionals[1]!, opts, { stdout: process.stdout, stderr: process.stderr });
}
