/**
 * `outcome FILE.pb --rule R [--utility U] [--ties T] [--json]`: computes the outcome of a Pabulib file
 * with one of the library's rules, so results can be compared with published ones. This module only
 * defines the command (commander, the rule and utility names): the library itself is loaded when the
 * command runs, so a program that adds the command starts as fast without it.
 */
import { Command, Option } from 'commander';
import { RULE_NAMES, UTILITY_KINDS } from '../rules/types.ts';

import type { CliIO, OutcomeCliOptions } from './options.ts';

export { PROGRESS_MIN_BYTES, type CliIO, type OutcomeCliOptions } from './options.ts';

/** Runs the command; returns the process exit code. */
export async function runOutcomeCommand(file: string, opts: OutcomeCliOptions, io: CliIO): Promise<number> {
  const { runOutcome } = await import('./run-outcome.ts');
  return runOutcome(file, opts, io);
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
