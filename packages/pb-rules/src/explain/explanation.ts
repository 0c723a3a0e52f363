/**
 * Why each project was or was not funded, as data: a code and its parameters. A results page renders
 * them in Spanish or English with {@link formatExplanation}; amounts are exact decimal strings (rounded
 * to cents where a share does not end), counts are numbers.
 */
import type { ProjectId } from '../model/types.ts';

export type ScoreKind = 'votes' | 'points' | 'votes-per-cost' | 'points-per-cost';

export type Explanation =
  /** Greedy: funded at this place of the ranking; `remaining` is the budget left before it. */
  | { readonly code: 'GREEDY_FUNDED'; readonly params: { readonly rank: number; readonly score: string; readonly scoreKind: ScoreKind; readonly remaining: string; readonly cost: string } }
  /** Greedy: did not fit when its turn came ("skipped: 80,000 left, costs 120,000"). */
  | { readonly code: 'GREEDY_SKIPPED'; readonly params: { readonly rank: number; readonly score: string; readonly scoreKind: ScoreKind; readonly remaining: string; readonly cost: string } }
  /** Greedy without skipping: the first project that did not fit; the count stopped here. */
  | { readonly code: 'GREEDY_STOPPED_HERE'; readonly params: { readonly rank: number; readonly remaining: string; readonly cost: string } }
  /** Greedy without skipping: ranked after the project where the count stopped. */
  | { readonly code: 'GREEDY_EXCLUDED'; readonly params: { readonly rank: number; readonly by: ProjectId } }
  | { readonly code: 'GREEDY_RESERVE_FUNDED'; readonly params: { readonly rank: number; readonly remaining: string; readonly cost: string; readonly share: string } }
  | { readonly code: 'GREEDY_NOT_REACHED'; readonly params: { readonly rank: number; readonly stoppedAt: ProjectId } }
  /** Support below the minimum required to be eligible. */
  | { readonly code: 'BELOW_THRESHOLD'; readonly params: { readonly score: string; readonly scoreKind: ScoreKind; readonly threshold: string } }
  /** No ballot supports it. */
  | { readonly code: 'NO_SUPPORT'; readonly params: Record<string, never> }
  /** Equal Shares: bought in this round by its supporters, who paid between min and max each. */
  | {
      readonly code: 'MES_FUNDED';
      readonly params: {
        readonly round: number;
        readonly supporters: number;
        readonly payers: number;
        readonly minPayment: string;
        readonly maxPayment: string;
        readonly cost: string;
      };
    }
  /** Equal Shares: costs nothing and has support, so it is selected first. */
  | { readonly code: 'MES_FUNDED_FREE'; readonly params: { readonly supporters: number } }
  /** Equal Shares: the supporters' remaining money cannot buy it ("sum to X < cost"). */
  | { readonly code: 'MES_NOT_REACHED'; readonly params: { readonly supporters: number; readonly available: string; readonly cost: string } }
  /** Completion after Equal Shares: funded by the greedy pass over the leftover budget. */
  | { readonly code: 'COMPLETION_FUNDED'; readonly params: { readonly rank: number; readonly remaining: string; readonly cost: string } }
  /** Completion after Equal Shares: did not fit in what was left. */
  | { readonly code: 'COMPLETION_SKIPPED'; readonly params: { readonly rank: number; readonly remaining: string; readonly cost: string } }
  /** Sequential Phragmén: bought in this round, when its supporters' load reached `load`. */
  | { readonly code: 'PHRAGMEN_FUNDED'; readonly params: { readonly round: number; readonly supporters: number; readonly load: string } }
  /** Sequential Phragmén: the rule stopped before buying it (the next purchase did not fit). */
  | { readonly code: 'PHRAGMEN_STOPPED'; readonly params: { readonly stoppedAt: ProjectId; readonly remaining: string; readonly stopCost: string } }
  /** Sequential Phragmén: costs more than the whole budget, never considered. */
  | { readonly code: 'OVER_BUDGET'; readonly params: { readonly cost: string; readonly budget: string } }
  /** Comparison step: the greedy outcome was preferred by more voters and replaced Equal Shares. */
  | { readonly code: 'COMPARISON_GREEDY_USED'; readonly params: { readonly prefersGreedy: number; readonly prefersEqualShares: number } };

export type ExplanationCode = Explanation['code'];
