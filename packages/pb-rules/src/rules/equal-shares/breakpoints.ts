/**
 * Exact tracking of where a run's decisions could turn.
 *
 * A run takes every decision at u = 0 (u: extra currency units per voter) from quantities that are
 * affine in u, da + ds·u. The breakpoint is the smallest u ≥ 0 at which one of those decisions could come
 * out differently; below it the run, hence its outcome, is the same.
 */
import { Rational } from '../../arith/rational.ts';
import { ratio } from './groups.ts';

const FLOAT_STEP = 1n << 20n;

export class Breakpoints {
  private num = -1n; // < 0: none yet
  private den = 1n;

  /** The test "da + ds·u ≥ 0" was decided at u = 0: note the first u at which its answer could change. */
  observeGe(da: bigint, ds: bigint): void {
    if (ds === 0n) return;
    if (da > 0n) {
      if (ds < 0n) this.offer(da, -ds);
    } else if (da === 0n) {
      if (ds < 0n) this.offer(0n, 1n);
    } else if (ds > 0n) this.offer(-da, ds);
  }

  /** A breakpoint known as a double that is already a safe lower bound: floored to a multiple of 2^-20. */
  observeAtLeast(u: number): void {
    this.offer(BigInt(Math.floor(Math.min(Math.max(u, 0), 2 ** 32) * Number(FLOAT_STEP))), FLOAT_STEP);
  }

  /** The smallest breakpoint so far as a double (Infinity when none), to skip candidates that cannot win. */
  approx(): number {
    return this.num < 0n ? Infinity : ratio(this.num, this.den);
  }

  value(): Rational | null {
    return this.num < 0n ? null : Rational.fraction(this.num, this.den);
  }

  private offer(num: bigint, den: bigint): void {
    if (this.num < 0n || num * this.den < this.num * den) {
      this.num = num;
      this.den = den;
    }
  }
}
