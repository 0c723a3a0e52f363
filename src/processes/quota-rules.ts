/**
 * Gender quotas of the representative bodies of a process (Ilo: at least 50% of delegate seats and 3 seats of the
 * directive committee held by women). Pure arithmetic, no database.
 *
 * With S seats of which at least W must be held by women, a body can still meet its quota as long as its men do not
 * exceed S - W. An election (or accreditation) that would push the men past that line is refused: no sequence of
 * accepted elections can end in a full body below its quota.
 */
export { BODY_KINDS, ELECTED_BODY_KINDS, type BodyKind, type ElectedBodyKind } from '@concerta/contracts';

export type QuotaState = 'met' | 'open' | 'broken';

export interface BodyCounts {
  seats: number;
  minWomen: number;
  women: number;
  men: number;
}

/** met: enough women already; open: still reachable with the free seats; broken: no longer reachable. */
export function quotaState(seats: number, minWomen: number, women: number, men: number): QuotaState {
  if (women >= minWomen) return 'met';
  return men > seats - minWomen ? 'broken' : 'open';
}

export type AdmissionRefusal =
  | { code: 'BODY_FULL'; seats: number; filled: number; requested: number }
  /** women: the most women the body could still reach after the change (women then + seats still free). */
  | { code: 'QUOTA_BROKEN'; women: number; seats: number; required: number };

/**
 * Whether `add` new members (a single election, or a batch of accreditations checked as a whole) may join the body.
 * Adding women never breaks the quota; adding men does when the men would exceed seats - minWomen.
 */
export function checkAdmission(body: BodyCounts, add: { women: number; men: number }): AdmissionRefusal | null {
  const requested = add.women + add.men;
  if (requested === 0) return null;
  const filledBefore = body.women + body.men;
  const filled = filledBefore + requested;
  if (filled > body.seats) return { code: 'BODY_FULL', seats: body.seats, filled: filledBefore, requested };
  const men = body.men + add.men;
  if (add.men > 0 && men > body.seats - body.minWomen) {
    return { code: 'QUOTA_BROKEN', women: body.women + add.women + (body.seats - filled), seats: body.seats, required: body.minWomen };
  }
  return null;
}
