/**
 * Budgets of voter groups during one Equal Shares run.
 *
 * Voters with the same history hold the same budget, so the engine keeps groups, not voters. Each
 * group's budget (scaled money) is exact and affine in u, the extra money per voter being certified:
 *
 *     budget(g, u) = (a[g] + s[g]·u) · scale[epoch of g] / D
 *
 * D, the common denominator, grows by a factor q at each purchase; scale[e] is the product of the
 * factors since epoch e. So a purchase costs one multiplication of D, not one per group: numerators are
 * brought up to date when read (`A`, `S`). Doubles f[g] ≈ a/D and sf[g] ≈ s/D serve to sort and to
 * pre-screen sums; err[g] bounds the relative error of f[g], kept under 1e-11 by recomputing a double
 * from the exact value whenever a subtraction would make it drift further.
 */

/** a / d as the nearest double, even when both are far beyond the range of doubles (d > 0). */
export function ratio(a: bigint, d: bigint): number {
  const shift = BigInt(Math.max(0, d.toString(16).length * 4 - 64));
  return shift === 0n ? Number(a) / Number(d) : Number(a >> shift) / Number(d >> shift);
}

const MAX_DOUBLE_ERROR = 1e-11;

export class GroupBudgets {
  private readonly a: bigint[];
  private readonly s: bigint[];
  private readonly epochOf: number[];
  private readonly scale: bigint[] = [1n];
  private epoch = 0;
  /** The common denominator. */
  D: bigint;
  readonly f: number[];
  readonly sf: number[];
  private readonly err: number[];

  /** Group 0: nothing left. Group 1: everyone, with numerators a, s over D. */
  constructor(a: bigint, s: bigint, D: bigint) {
    this.a = [0n, a];
    this.s = [0n, s];
    this.epochOf = [0, 0];
    this.D = D;
    this.f = [0, ratio(a, D)];
    this.sf = [0, ratio(s, D)];
    this.err = [0, 2 ** -52];
  }

  get count(): number {
    return this.a.length;
  }

  /** Numerator at u = 0 over the current D. */
  A(g: number): bigint {
    const e = this.epochOf[g]!;
    if (e === this.epoch) return this.a[g]!;
    const factor = this.scale[e]!;
    this.a[g] = this.a[g]! * factor;
    this.s[g] = this.s[g]! * factor;
    this.epochOf[g] = this.epoch;
    return this.a[g]!;
  }

  /** Slope numerator over the current D. */
  S(g: number): bigint {
    this.A(g);
    return this.s[g]!;
  }

  /** D becomes D·q; every group keeps its value. */
  rescale(q: bigint): void {
    this.D *= q;
    for (let e = 0; e <= this.epoch; e++) this.scale[e] = this.scale[e]! * q;
    this.epoch++;
    this.scale.push(1n);
  }

  /**
   * A new group whose budget is the parent's minus a payment: numerators a, s over the current D, and
   * payF ≈ the payment as a double, to derive the double without a BigInt division when that is safe.
   */
  addAfterPayment(parent: number, a: bigint, s: bigint, payF: number, slopePayF: number): number {
    const id = this.push(a, s);
    const f = this.f[parent]! - payF;
    const err = f > 0 ? (this.err[parent]! * this.f[parent]! + 2 ** -51 * (this.f[parent]! + payF)) / f : Infinity;
    if (err <= MAX_DOUBLE_ERROR) {
      this.f.push(f);
      this.err.push(err);
    } else {
      this.f.push(ratio(a, this.D));
      this.err.push(2 ** -52);
    }
    this.sf.push(this.sf[parent]! - slopePayF);
    return id;
  }

  /** A new group with nothing left (budget identically 0). */
  addBroke(): number {
    const id = this.push(0n, 0n);
    this.f.push(0);
    this.err.push(0);
    this.sf.push(0);
    return id;
  }

  private push(a: bigint, s: bigint): number {
    this.a.push(a);
    this.s.push(s);
    this.epochOf.push(this.epoch);
    return this.a.length - 1;
  }
}
