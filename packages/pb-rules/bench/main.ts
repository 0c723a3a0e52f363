// `npm run bench` in packages/pb-rules: the rules table over the shared Pabulib corpus (PABULIB_DIR).
import { runRulesBench } from './rules.bench.ts';

await runRulesBench({ files: process.argv.slice(2) });
