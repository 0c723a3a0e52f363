/**
 * The body of `outcome FILE.pb --rule R ...` (outcome-command.ts defines the command and loads this
 * module only when the command runs). Node-only. Output contract: results on stdout (with --json,
 * exactly {"selected": [...], "cost": N} and nothing else), progress and errors on stderr, exit code 1
 * on any error.
 */
import { formatNumber, type Locale } from '../arith/format.ts';
import { Rational } from '../arith/rational.ts';
import { describeError, type CodedError } from '../errors/catalogue.ts';
import { formatExplanation } from '../explain/format.ts';
import { fileSize, readPabulibFile } from '../node/pabulib-file.ts';
import { pabulibToElection } from '../pabulib/to-election.ts';
import { computeOutcome, parseTieRule } from '../rules/registry.ts';
import { UTILITY_KINDS, type RuleOptions, type UtilityKind } from '../rules/types.ts';
import { PROGRESS_MIN_BYTES, type CliIO, type OutcomeCliOptions } from './options.ts';

function fail(io: CliIO, error: CodedError | string): number {
  io.stderr.write(`error: ${typeof error === 'string' ? error : describeError(error)}\n`);
  return 1;
}

/** Runs the command; returns the process exit code. */
export async function runOutcome(file: string, opts: OutcomeCliOptions, io: CliIO): Promise<number> {
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
