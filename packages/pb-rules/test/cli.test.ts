import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outcomeCommand, runOutcomeCommand, type CliIO, type OutcomeCliOptions } from '../src/cli/outcome-command.ts';
import { computeOutcome, pabulibToElection } from '../src/index.ts';
import { corpus, corpusPath } from './corpus-files.ts';

function capture(isTTY = false): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (s: string) => ((io.out += s), true) },
    stderr: { isTTY, write: (s: string) => ((io.err += s), true) },
  };
  return io;
}
const defaults: OutcomeCliOptions = { rule: 'greedy', utility: 'cost', ties: 'declared', lang: 'en' };
const tmp = mkdtempSync(join(tmpdir(), 'pb-rules-cli-'));

afterEach(() => {
  process.exitCode = undefined;
});

describe('concerta outcome', () => {
  it('--json prints exactly {"selected": [...], "cost": N} and nothing else', async () => {
    const file = 'Worldwide_Mechanical_Turk_Ranking_value_8.pb';
    const io = capture();
    const code = await runOutcomeCommand(corpusPath(file), { ...defaults, utility: 'cost-points', json: true }, io);
    expect(code).toBe(0);
    expect(io.err).toBe('');
    const parsed = corpus(file).parsed;
    if (!parsed.ok) throw new Error('corpus');
    const converted = pabulibToElection(parsed.value);
    const expected = converted.ok ? computeOutcome(converted.value.election, 'greedy', { utility: 'cost-points' }) : null;
    if (!expected?.ok) throw new Error('outcome');
    expect(io.out).toBe(`{"selected":${JSON.stringify(expected.value.selected)},"cost":${expected.value.cost.toDecimalString()}}\n`);
    expect(JSON.parse(io.out)).toEqual({ selected: expected.value.selected, cost: expected.value.cost.toNumber() });
  });

  it('prints selected ids, total cost and leftover for people, in English or Spanish', async () => {
    const io = capture();
    await runOutcomeCommand(corpusPath('Poland_Warszawa_2019_Marysin_Wawerski_Poludniowy.pb'), defaults, io);
    expect(io.out).toBe(
      ['Rule: greedy (utility cost, ties declared)', 'Selected projects (in selection order), 2: 498, 2423', 'Total cost: 27,100', 'Leftover: 0 of a budget of 27,100', ''].join('\n'),
    );
    const es = capture();
    await runOutcomeCommand(corpusPath('Netherlands_Assen_2024.pb'), { ...defaults, rule: 'mes-add1', lang: 'es', explain: true }, es);
    expect(es.out).toMatch(/^Regla: mes-add1 \(utilidad cost, desempate declared\)\n/);
    expect(es.out).toMatch(/Presupuesto por votante: 1,190\.48 → 2,033\.48 \(\+843, \d+ ejecuciones\)/);
    expect(es.out).toMatch(/financiado en la ronda 1: sus \d+ votantes pagaron/);
  });

  it('errors are one line on stderr with a non-zero exit code', async () => {
    const missing = capture();
    expect(await runOutcomeCommand(join(tmp, 'nope.pb'), defaults, missing)).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/^error: PB_READ_FAILED: cannot read .*nope\.pb: ENOENT\n$/);

    const bad = join(tmp, 'bad.pb');
    writeFileSync(bad, 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;abc\nVOTES\nvoter_id;vote\n');
    const io = capture();
    expect(await runOutcomeCommand(bad, defaults, io)).toBe(1);
    expect(io.err).toBe("error: PB_BAD_NUMBER at line 7: cost must be a number, got 'abc'\n");

    const noThreshold = capture();
    expect(await runOutcomeCommand(corpusPath('Poland_Warszawa_2019_Las.pb'), { ...defaults, rule: 'greedy-threshold' }, noThreshold)).toBe(1);
    expect(noThreshold.err).toMatch(/^error: THRESHOLD_REQUIRED: /);
  });

  it('greedy-threshold takes the threshold from META unless --threshold is given', async () => {
    const file = corpusPath('Poland_Lodz_2022_Zdrowie-Mania.pb');
    const fromMeta = capture();
    await runOutcomeCommand(file, { ...defaults, rule: 'greedy-threshold', json: true }, fromMeta);
    const explicit = capture();
    await runOutcomeCommand(file, { ...defaults, rule: 'greedy-threshold', threshold: '50', json: true }, explicit);
    const none = capture();
    await runOutcomeCommand(file, { ...defaults, rule: 'greedy-threshold', threshold: '0', json: true }, none);
    expect(fromMeta.out).toBe(explicit.out);
    expect(none.out).not.toBe(fromMeta.out);
  });

  it('--ties id follows pabutools; --ties lottery needs a seed', async () => {
    const file = corpusPath('Poland_Lodz_2022_Zdrowie-Mania.pb');
    const declared = capture();
    const byId = capture();
    await runOutcomeCommand(file, { ...defaults, rule: 'greedy-threshold', json: true }, declared);
    await runOutcomeCommand(file, { ...defaults, rule: 'greedy-threshold', ties: 'id', json: true }, byId);
    expect(JSON.parse(byId.out).selected).toContain('P194ZM');
    expect(JSON.parse(declared.out).selected).not.toContain('P194ZM');
    const noSeed = capture();
    expect(await runOutcomeCommand(file, { ...defaults, ties: 'lottery' }, noSeed)).toBe(1);
    expect(noSeed.err).toMatch(/^error: UNKNOWN_TIE_RULE: /);
  });

  it('shows reading progress on stderr only, keeping stdout clean', async () => {
    const io = capture();
    const file = corpusPath('Poland_Warszawa_2019_Las.pb');
    await runOutcomeCommand(file, { ...defaults, json: true, progress: true }, io);
    expect(io.err).toMatch(/reading .*: 100%\n$/);
    const quiet = capture();
    await runOutcomeCommand(file, { ...defaults, json: true }, quiet);
    expect(quiet.err).toBe('');
    expect(io.out).toBe(quiet.out);
  });

  it('is a commander command named outcome', async () => {
    const io = capture();
    const cmd = outcomeCommand(io);
    expect(cmd.name()).toBe('outcome');
    await cmd.parseAsync([corpusPath('Poland_Warszawa_2019_Las.pb'), '--rule', 'phragmen', '--json'], { from: 'user' });
    expect(process.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(io.out))).toEqual(['selected', 'cost']);
  });
});
