// Rules benchmark suite (`npm run bench:rules`): the table of packages/pb-rules/bench/rules.bench.ts.
import { runRulesBench } from '../packages/pb-rules/bench/rules.bench.ts';

export default async function (): Promise<void> {
  await runRulesBench();
}
