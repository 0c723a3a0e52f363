/**
 * Ballot kinds are strategies behind this one small interface: the vote's settings say which kind is in
 * use, and everything kind-specific (limits, how points count) lives in the kind's own file.
 */
import type { Rational } from '../arith/rational.ts';
import { codedError, type CodedError } from '../errors/catalogue.ts';
import type { Ballot, VoteSettings } from '../model/types.ts';

/** How a ballot's listed projects turn into points for tallies and the `points` utility. */
export type PointsScheme =
  | { readonly kind: 'one' } // each listed project gets 1 (single, approval, knapsack)
  | { readonly kind: 'given' } // the points written on the ballot (cumulative, scoring)
  | { readonly kind: 'borda'; readonly top: number }; // top - position (ranked)

export interface BallotContext {
  readonly budget: Rational;
  readonly nProjects: number;
  readonly costOf: (projectId: string) => Rational | undefined;
}

export interface BallotKind<S extends VoteSettings = VoteSettings> {
  readonly name: S['kind'];
  /** Whether ballots of this kind carry a points list aligned with the projects. */
  readonly takesPoints: boolean;
  checkSettings(settings: S, budget: Rational, nProjects: number): CodedError[];
  /** Kind limits, on a ballot already known to name existing projects once each. */
  validate(ballot: Ballot, settings: S, ctx: BallotContext): CodedError[];
  pointsScheme(settings: S, nProjects: number): PointsScheme;
}

// ---- helpers shared by the kinds ------------------------------------------------------------------

export function invalidSetting(setting: string, en: string, es: string): CodedError {
  return codedError('INVALID_SETTING', { setting, reason_en: en, reason_es: es });
}

/** A whole-number setting with a lower bound, when present. */
export function checkWhole(name: string, value: number | undefined, min: number): CodedError[] {
  if (value === undefined) return [];
  if (!Number.isInteger(value) || value < min) {
    return [invalidSetting(name, `must be a whole number of at least ${min}, got ${value}`, `debe ser un número entero mayor o igual a ${min}, se recibió ${value}`)];
  }
  return [];
}

export function checkOrder(minName: string, min: number | undefined, maxName: string, max: number | undefined): CodedError[] {
  if (min !== undefined && max !== undefined && min > max) {
    return [invalidSetting(minName, `${minName} (${min}) is above ${maxName} (${max})`, `${minName} (${min}) es mayor que ${maxName} (${max})`)];
  }
  return [];
}

export function checkChoiceCount(count: number, min: number | undefined, max: number | undefined): CodedError[] {
  if (max !== undefined && count > max) return [codedError('TOO_MANY_CHOICES', { count, max })];
  if (min !== undefined && count < min) return [codedError('TOO_FEW_CHOICES', { count, min })];
  return [];
}
