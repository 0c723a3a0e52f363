// npm run contracts: writes packages/contracts/src/api.ts, the API types generated from the OpenAPI document.
import { writeFileSync } from 'node:fs';
import { apiTypes } from '../src/cli/contracts.ts';

const target = new URL('../packages/contracts/src/api.ts', import.meta.url);
writeFileSync(target, await apiTypes());
process.stdout.write(`wrote ${target.pathname}\n`);
