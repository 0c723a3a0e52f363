// Every action the audit log records, and every kind of thing it records them on, has a name in Spanish and English,
// so the log reads in the page's language rather than as codes. Checked against the code (each action written to the
// log) and against the full demo's log.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_DECISIONS, DECISIONS } from '@concerta/contracts';
import '../../src/areas.ts';
import { auditVocabulary } from '../../src/shared/errors.ts';
import { seedDemo } from '../../src/seed.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TEST_LOG_N } from '../support/app.ts';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The action codes the code writes to the audit log: literals given as `action:`, and the ones built from a prefix. */
function actionsInCode(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources(path.join(import.meta.dirname, '../../src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const call of text.matchAll(/appendAudit\(/g)) {
      const args = text.slice(call.index, call.index + 500);
      const action = /\baction:\s*([^,}\n]+)/.exec(args);
      for (const c of action?.[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g) ?? []) codes.add(c[1]!);
    }
    for (const m of text.matchAll(/exportAction:\s*'([a-z_.]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/auditPrefix:\s*'([a-z_.]+)'/g)) for (const verb of ['record', 'remove', 'check_in']) codes.add(`${m[1]}.${verb}`);
  }
  for (const d of DECISIONS) codes.add(`registration.${d}`);
  for (const d of CHALLENGE_DECISIONS) codes.add(`registration.challenge_${d}`);
  return codes;
}

describe('the audit log speaks both languages', () => {
  const { actions, entities } = auditVocabulary();
  const named = (words: Record<string, { es: string; en: string }>, code: string) => Boolean(words[code]?.es.trim() && words[code]?.en.trim());

  it('names every action the code records, and no action twice with one name', () => {
    const codes = [...actionsInCode()];
    expect(codes.length).toBeGreaterThan(70);
    expect(codes.filter((c) => !named(actions, c))).toEqual([]);
    const spanish = Object.values(actions).map((w) => w.es);
    expect(spanish.filter((w, i) => spanish.indexOf(w) !== i)).toEqual([]);
  });

  describe('on the full demo', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('sqlite');
      await seedDemo(db, { full: true, passwordLogN: TEST_LOG_N });
    });
    afterAll(async () => { await db.drop(); });

    it('names every action and every kind of thing in the log', async () => {
      const rows = await db.db.selectFrom('audit_log').select(['action', 'entity_type']).distinct().execute();
      expect(rows.length).toBeGreaterThan(20);
      expect([...new Set(rows.map((r) => r.action))].filter((a) => !named(actions, a))).toEqual([]);
      expect([...new Set(rows.map((r) => r.entity_type))].filter((e) => !named(entities, e))).toEqual([]);
    });
  });
});
