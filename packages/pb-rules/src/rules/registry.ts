import { codedError, fail, type Result } from '../errors/catalogue.ts';
import type { Election } from '../model/types.ts';
import { mesAdd1ComparisonRule, mesAdd1GreedyRule, mesAdd1Rule, mesGreedyRule, mesRule } from './equal-shares/rules.ts';
import { greedyCustomRule, greedyExclusiveRule, greedyNoSkipRule, greedyRule, greedyThresholdRule } from './greedy.ts';
import { phragmenRule } from './phragmen.ts';
import { RULE_NAMES, type Outcome, type OutcomeRule, type RuleName, type RuleOptions, type TieRule } from './types.ts';

export const RULES: { readonly [N in RuleName]: OutcomeRule } = {
  greedy: greedyRule,
  'greedy-no-skip': greedyNoSkipRule,
  'greedy-threshold': greedyThresholdRule,
  'greedy-exclusive': greedyExclusiveRule,
  'greedy-custom': greedyCustomRule,
  mes: mesRule,
  'mes-add1': mesAdd1Rule,
  'mes-greedy': mesGreedyRule,
  'mes-add1-greedy': mesAdd1GreedyRule,
  'mes-add1-comparison': mesAdd1ComparisonRule,
  phragmen: phragmenRule,
};

export function isRuleName(name: string): name is RuleName {
  return (RULE_NAMES as readonly string[]).includes(name);
}

/** Runs the named rule; an unknown name is a coded error like any other bad input. */
export function computeOutcome(election: Election, rule: string, options: RuleOptions = {}): Result<Outcome> {
  if (!isRuleName(rule)) return fail(codedError('UNKNOWN_RULE', { rule, known: RULE_NAMES.join(', ') }));
  return RULES[rule].run(election, options);
}

export const TIE_RULE_NAMES = ['declared', 'id', 'lottery'] as const;

/** "declared" | "id" | "lottery" (with a seed) as a tie rule. */
export function parseTieRule(text: string, seed?: string): Result<TieRule> {
  if (text === 'declared') return { ok: true, value: { kind: 'declared' } };
  if (text === 'id') return { ok: true, value: { kind: 'id' } };
  if (text === 'lottery' && seed !== undefined && seed !== '') return { ok: true, value: { kind: 'lottery', seed } };
  return fail(codedError('UNKNOWN_TIE_RULE', { ties: text === 'lottery' ? 'lottery (needs a seed)' : text, known: 'declared, id, lottery' }));
}

/**
 * The library rule for a Pabulib META `rule` value, when it implements it: greedy variants, and the
 * Equal Shares variants cities used (add1; add1 with the comparison step).
 */
export function ruleForPabulib(metaRule: string): RuleName | null {
  switch (metaRule) {
    case 'greedy':
    case 'greedy-no-skip':
    case 'greedy-threshold':
    case 'greedy-exclusive':
    case 'greedy-custom':
      return metaRule;
    case 'equalshares':
      return 'mes';
    case 'equalshares/add1':
      return 'mes-add1';
    case 'equalshares/add1-comparison':
      return 'mes-add1-comparison';
    default:
      return null;
  }
}
