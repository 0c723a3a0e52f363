import { Rational } from '../arith/rational.ts';
import { codedError, type CodedError } from '../errors/catalogue.ts';
import type { KnapsackSettings } from '../model/types.ts';
import { checkChoiceCount, checkOrder, checkWhole, invalidSetting, type BallotKind } from './kind.ts';

/**
 * Knapsack: projects whose total cost fits in the budget (or `maxTotalCost`), optionally spending at
 * least `minShareSpent` of the budget so that a ballot is a real budget proposal.
 */
export const knapsackKind: BallotKind<KnapsackSettings> = {
  name: 'knapsack',
  takesPoints: false,
  checkSettings: (s) => {
    const errors: CodedError[] = [
      ...checkWhole('minChoices', s.minChoices, 0),
      ...checkWhole('maxChoices', s.maxChoices, 1),
      ...checkOrder('minChoices', s.minChoices, 'maxChoices', s.maxChoices),
    ];
    if (s.minShareSpent !== undefined && !(s.minShareSpent >= 0 && s.minShareSpent <= 1)) {
      errors.push(invalidSetting('minShareSpent', `must be between 0 and 1, got ${s.minShareSpent}`, `debe estar entre 0 y 1, se recibió ${s.minShareSpent}`));
    }
    if (s.maxTotalCost !== undefined && s.maxTotalCost.sign() <= 0) {
      errors.push(invalidSetting('maxTotalCost', `must be greater than zero`, `debe ser mayor que cero`));
    }
    return errors;
  },
  validate: (ballot, s, ctx) => {
    const errors = checkChoiceCount(ballot.projects.length, s.minChoices, s.maxChoices);
    let total = Rational.ZERO;
    for (const id of ballot.projects) total = total.add(ctx.costOf(id) ?? Rational.ZERO);
    const limit = s.maxTotalCost ?? ctx.budget;
    if (total.gt(limit)) errors.push(codedError('BALLOT_OVER_BUDGET', { total: total.toDecimalString(2), budget: limit.toDecimalString(2) }));
    if (s.minShareSpent !== undefined && s.minShareSpent > 0) {
      const share = Rational.of(s.minShareSpent);
      const minimum = ctx.budget.mul(share);
      if (total.lt(minimum)) {
        errors.push(
          codedError('BALLOT_UNDER_MIN_SPEND', {
            total: total.toDecimalString(2),
            minimum: minimum.toDecimalString(2),
            percent: share.mulInt(100n).toDecimalString(2),
          }),
        );
      }
    }
    return errors;
  },
  pointsScheme: () => ({ kind: 'one' }),
};
