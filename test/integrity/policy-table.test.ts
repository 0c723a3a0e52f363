import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '@concerta/contracts';
import { policyTable, POLICY_TABLE_END, POLICY_TABLE_START } from '../../src/cli/policy-table.ts';

describe('the policy table in ARCHITECTURE.md', () => {
  it('is the one generated from the actions and the routes: run `npm run policy-table` after changing either', async () => {
    const doc = readFileSync(new URL('../../ARCHITECTURE.md', import.meta.url), 'utf8');
    const committed = doc.slice(doc.indexOf(POLICY_TABLE_START), doc.indexOf(POLICY_TABLE_END) + POLICY_TABLE_END.length);
    const table = await policyTable();
    expect(committed).toBe(table);
    // Every action has its row, and no route is without a policy.
    for (const action of Object.keys(ACTIONS)) expect(table).toContain(`| \`${action}\` |`);
    expect(table).not.toContain('(none)');
  });
});
