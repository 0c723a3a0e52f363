/**
 * `concerta outcome FILE.pb --rule R [--utility U] [--ties T] [--json]`: computes the outcome of a
 * Pabulib file with one of the library's rules, so results can be compared with published ones.
 * Node-only. Output contract: results on stdout (with --json, exactly {"selected": [...], "cost": N}
 * and nothing else), progress and errors on stderr, exit code 1 on any error.
 */
import { Command, Option } from 'commander';
import { formatNumber, type Locale } from '../arith/format.ts';
import { Rational } from '../arith/rational.ts';
import { describeError, type CodedError } from '../errors/catalogue.ts';
import { formatExplanation } from '../explain/format.ts';
import { fileSize, readPabulibFile } from '../node/pabulib-file.ts';
import { pabulibToElection } from '../pabulib/to-election.ts';
import { computeOutcome, parseTieRule } from '../rules/registry.ts';
import { RULE_NAMES, UTILITY_KINDS, type RuleOptions, type UtilityKind } from '../rules/types.ts';

export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

export interface OutcomeCliOptions {
  readonly rule: string;
  readonly utility: string;
  readonly ties: string;
  readonly seed?: string;
  readonly threshold?: string;
  readonly json?: boolean;
  readonly explain?: boolean;
  readonly lang: string;
  readonly progress?: boolean;
}

/** Files from this size on show a reading progress on stderr (when it is a terminal, or with --progress). */
export const PROGRESS_MIN_BYTES = 2 * 1024 * 1024;

function fail(io: CliIO, error: CodedError | string): number {
  io.stderr.write(`error: ${typeof error === 'string' ? error : describeError(error)}\n`);
  return 1;
}

/** Runs the command; returns the process exit code. */
export async function runOutcomeCommand(file: string, opts: OutcomeCliOptions, io: CliIO): Promise<number> {
  if (!(UTILITY_KINDS as readonly string[]).includes(opts.utility)) {
    return fail(io, `unknown utility '${opts.utility}' (known: ${UTILITY_KINDS.join(', ')})`);
  }
  const locale: Locale = opts.lang === 'es' ? 'es' : 'en';
  const ties = parseTieRule(opts.ties, opts.seed);
  if (!ties.ok) return fail(io, ties.errors[0]!);

  const size = (await fileSize(file)) ?? 0;
  const showProgress = (opts.progress ?? false) || (size >= PROGRESS_MIN_BYTES && io.stderr.isTTY === true);
  let lastPercent = -1;
  const read = await readPabulibFile(file, {
    ...(showProgress
      ? {
          onProgress: ({ bytesRead, totalBytes }) => {
            const percent = totalBytes > 0 ? Math.floor((100 * bytesRead) / totalBytes) : 100;
            if (percent !== lastPercent) {
              lastPercent = percent;
              io.stderr.write(`\rreading ${file}: ${percent}%`);
            }
          },
        }
      : {}),
  });
  if (showProgress) io.stderr.write('\n');
  if (!read.ok) return fail(io, read.errors[0]!);
  const converted = pabulibToElection(read.value);
  if (!converted.ok) return fail(io, converted.errors[0]!);
  const { election, threshold: metaThreshold } = converted.value;

  let threshold: Rational | undefined;
  if (opts.threshold !== undefined) {
    const parsed = Rational.parse(opts.threshold);
    if (!parsed || parsed.sign() < 0) return fail(io, `the threshold must be a number of at least 0, got '${opts.threshold}'`);
    threshold = parsed;
  } else if (opts.rule === 'greedy-threshold' && metaThreshold) threshold = metaThreshold;

  const options: RuleOptions = { utility: opts.utility as UtilityKind, ties: ties.value, ...(threshold ? { threshold } : {}) };
  const result = computeOutcome(election, opts.rule, options);
  if (!result.ok) return fail(io, result.errors[0]!);
  const outcome = result.value;

  if (opts.json) {
    // Built by hand so that the cost is written exactly (2458488.22, not a binary float).
    io.stdout.write(`{"selected":${JSON.stringify(outcome.selected)},"cost":${outcome.cost.toDecimalString()}}\n`);
    return 0;
  }
  const n = (v: Rational | number) => formatNumber(v, locale, 2);
  const t =
    locale === 'es'
      ? { rule: 'Regla', utility: 'utilidad', ties: 'desempate', selected: 'Proyectos seleccionados (en orden de selección)', cost: 'Costo total', left: 'Saldo', of: 'de un presupuesto de' }
      : { rule: 'Rule', utility: 'utility', ties: 'ties', selected: 'Selected projects (in selection order)', cost: 'Total cost', left: 'Leftover', of: 'of a budget of' };
  const tieText = outcome.ties.kind === 'lottery' ? `lottery (seed ${outcome.ties.seed})` : outcome.ties.kind;
  const lines = [
    `${t.rule}: ${outcome.rule} (${t.utility} ${outcome.utility}, ${t.ties} ${tieText})`,
    `${t.selected}, ${outcome.selected.length}: ${outcome.selected.join(', ')}`,
    `${t.cost}: ${n(outcome.cost)}`,
    `${t.left}: ${n(outcome.leftover)} ${t.of} ${n(outcome.budget)}`,
  ];
  if (outcome.equalShares && outcome.equalShares.add1Increments > 0) {
    const es = outcome.equalShares;
    lines.push(
      locale === 'es'
        ? `Presupuesto por votante: ${n(es.initialVoterBudget)} → ${n(es.finalVoterBudget)} (+${es.add1Increments}, ${es.runs} ejecuciones)`
        : `Per-voter budget: ${n(es.initialVoterBudget)} → ${n(es.finalVoterBudget)} (+${es.add1Increments}, ${es.runs} runs)`,
    );
  }
  for (const tie of outcome.tieBreaks) lines.push(`${locale === 'es' ? 'Empate' : 'Tie'} (${tie.stage}): ${tie.order.join(' > ')} [${tie.by}]`);
  if (opts.explain) {
    for (const verdict of outcome.verdicts) {
      lines.push(`  ${verdict.projectId}: ${verdict.reasons.map((r) => formatExplanation(r, locale)).join('; ')}`);
    }
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The `outcome` command, to be added to the root program: `program.addCommand(outcomeCommand())`. */
export function outcomeCommand(io: CliIO = { stdout: process.stdout, stderr: process.stderr }): Command {
  return new Command('outcome')
    .description('Compute the outcome of a Pabulib .pb file with a voting rule (greedy, Equal Shares, Phragmén)')
    .argument('<file>', 'the .pb file')
    .addOption(new Option('--rule <rule>', 'outcome rule').choices(RULE_NAMES).default('greedy'))
    .addOption(new Option('--utility <utility>', 'voter utility: cost | approval | points | cost-points').choices(UTILITY_KINDS).default('cost'))
    .addOption(new Option('--ties <ties>', 'tie-breaking: declared (votes, lower cost, id) | id (as pabutools) | lottery').choices(['declared', 'id', 'lottery']).default('declared'))
    .option('--seed <seed>', 'seed of the tie lottery (with --ties lottery)')
    .option('--threshold <n>', 'minimum support to be eligible (greedy rules; greedy-threshold defaults to META min_project_score_threshold)')
    .option('--json', 'print exactly {"selected": [ids in selection order], "cost": N}')
    .option('--explain', 'print why each project was or was not funded')
    .addOption(new Option('--lang <lang>', 'language of the human output').choices(['en', 'es']).default('en'))
    .option('--progress', 'show reading progress on stderr even when it is not a terminal')
    .action(async (file: string, opts: OutcomeCliOptions) => {
      process.exitCode = await runOutcomeCommand(file, opts, io);
    });
}
