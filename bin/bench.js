#!/usr/bin/env node
// `npm run bench [suite]`: runs the benchmarks and prints a table per suite.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
