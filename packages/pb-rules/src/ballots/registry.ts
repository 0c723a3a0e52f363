import type { Rational } from '../arith/rational.ts';
import type { CodedError } from '../errors/catalogue.ts';
import type { BallotKindName, VoteSettings } from '../model/types.ts';
import { approvalKind } from './approval.ts';
import { cumulativeKind } from './cumulative.ts';
import type { BallotKind, PointsScheme } from './kind.ts';
import { knapsackKind } from './knapsack.ts';
import { rankedKind } from './ranked.ts';
import { scoringKind } from './scoring.ts';
import { singleKind } from './single.ts';

type KindFor<K extends BallotKindName> = BallotKind<Extract<VoteSettings, { kind: K }>>;

export const BALLOT_KINDS: { readonly [K in BallotKindName]: KindFor<K> } = {
  single: singleKind,
  approval: approvalKind,
  knapsack: knapsackKind,
  cumulative: cumulativeKind,
  ranked: rankedKind,
  scoring: scoringKind,
};

/** The strategy for the settings' kind, typed loosely so callers need not narrow the union first. */
export function kindOf(settings: VoteSettings): BallotKind<VoteSettings> {
  return BALLOT_KINDS[settings.kind] as unknown as BallotKind<VoteSettings>;
}

export function checkSettings(settings: VoteSettings, budget: Rational, nProjects: number): CodedError[] {
  return kindOf(settings).checkSettings(settings, budget, nProjects);
}

export function pointsScheme(settings: VoteSettings, nProjects: number): PointsScheme {
  return kindOf(settings).pointsScheme(settings, nProjects);
}
