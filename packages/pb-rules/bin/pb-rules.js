#!/usr/bin/env node
// `pb-rules outcome FILE.pb --rule R ...` (see src/cli/bin.ts), from the built package (npm run build).
import { main } from '../dist/cli/bin.js';

process.exitCode = await main(process.argv.slice(2));
