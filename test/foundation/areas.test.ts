import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BALLOT_KINDS as KINDS, RULE_NAMES } from '@concerta/pb-rules';
import { BALLOT_KINDS, OUTCOME_RULES } from '@concerta/contracts';
import { AREAS } from '../../src/areas.ts';
import { createTestDatabase } from '../support/db.ts';

const SRC = path.join(import.meta.dirname, '../../src');

function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/**
 * The two reads of another area's table that its queries cannot serve: the owner comes later in src/areas.ts, so
 * importing its queries file would close a folder cycle. Each is a join for a name shown beside the reader's own rows.
 */
const READS_AGAINST_AREA_ORDER: Record<string, string> = {
  'audit/audit-log.ts reads users': 'the log names its actors; every area appends to the log, so audit comes before accounts',
  'accounts/accounts.repository.ts reads municipalities': "the actor's roles carry their municipality's slug and name; territory, which lists a municipality's processes, comes after accounts",
};

describe('areas as modules', () => {
  it('gives every table exactly one owning area', async () => {
    const owners = new Map<string, string>();
    for (const area of AREAS) {
      for (const table of area.tables) {
        expect(owners.get(table), `${table} owned twice`).toBeUndefined();
        owners.set(table, area.name);
      }
    }
    const t = await createTestDatabase('sqlite');
    try {
      const rows = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'schema_migrations%'`.execute(t.db);
      expect(rows.rows.map((r) => r.name).sort()).toEqual([...owners.keys()].sort());
    } finally { await t.drop(); }
  });

  it('lets only the owning area write a table, and the demo seed through the areas only', () => {
    const foreign: string[] = [];
    // src/demo owns no table: its runner calls each area's demo step (src/<area>/<area>.demo.ts), which writes its own.
    for (const [dir, tables] of [...AREAS.map((a) => [a.name, a.tables] as const), ['demo', []] as const]) {
      for (const file of filesOf(path.join(SRC, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b(?:insertInto|updateTable|deleteFrom)\('(\w+)/g)) {
          if (!(tables as readonly string[]).includes(m[1]!)) foreign.push(`${path.relative(SRC, file)} writes ${m[1]}`);
        }
      }
    }
    expect(foreign).toEqual([]);
  });

  it("lets an area's files name only its own tables: other areas' data comes through their queries", () => {
    const foreign: string[] = [];
    for (const area of AREAS) {
      for (const file of filesOf(path.join(SRC, area.name))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/\b(?:selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'(\w+)/g)) {
          if (!(area.tables as readonly string[]).includes(m[1]!)) foreign.push(`${path.relative(SRC, file)} reads ${m[1]}`);
        }
      }
    }
    expect(foreign.filter((read) => !(read in READS_AGAINST_AREA_ORDER))).toEqual([]);
    // An exception that no longer happens is taken off the list.
    expect(Object.keys(READS_AGAINST_AREA_ORDER).filter((read) => !foreign.includes(read))).toEqual([]);
  });

  it('gives each area its part of the demo, in its own folder', () => {
    const withDemo = AREAS.filter((a) => a.demo).map((a) => a.name);
    expect(withDemo).toEqual(expect.arrayContaining(['territory', 'accounts', 'plan', 'processes', 'communication', 'registration', 'quotas', 'training']));
    for (const name of withDemo) expect(fs.existsSync(path.join(SRC, name, `${name}.demo.ts`)), name).toBe(true);
  });

  it('names each area after its folder, once', () => {
    const names = AREAS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(fs.existsSync(path.join(SRC, name, 'index.ts')), name).toBe(true);
  });
});

describe('the contract and the voting rules agree', () => {
  it('offers exactly the ballot kinds of pb-rules, under its names', () => {
    expect([...BALLOT_KINDS].sort()).toEqual(Object.keys(KINDS).sort());
  });

  it('offers only outcome rules pb-rules has', () => {
    for (const rule of OUTCOME_RULES) expect(RULE_NAMES).toContain(rule);
  });
});
