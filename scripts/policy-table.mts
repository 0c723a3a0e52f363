// npm run policy-table: writes the policy table (actions, roles, routes per policy) into ARCHITECTURE.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { policyTable, withPolicyTable } from '../src/cli/policy-table.ts';

const target = new URL('../ARCHITECTURE.md', import.meta.url);
writeFileSync(target, withPolicyTable(readFileSync(target, 'utf8'), await policyTable()));
process.stdout.write(`wrote the policy table into ${target.pathname}\n`);
