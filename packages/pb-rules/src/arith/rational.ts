/**
 * Exact rational numbers on BigInt.
 *
 * Costs and budgets in real elections carry decimals (Kraków 2023: 2458488.22) and Equal Shares divides
 * them among voters, so a binary float could flip a tie or a "does it still fit" test and make the same
 * file give different winners on different machines. Every amount the rules compare is a Rational.
 */

export function bigAbs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return bigAbs((a / gcd(a, b)) * b);
}

/** Ceiling of num/den for den > 0. */
export function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return q * den < num ? q + 1n : q;
}

/** Floor of num/den for den > 0. */
export function floorDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return q * den > num ? q - 1n : q;
}

// Decimal literal as found in .pb files and typed by people: optional sign, digits, optional fraction,
// optional exponent. No thousands separators: "1,200" is ambiguous (decimal comma or grouping).
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export type RationalInput = Rational | bigint | number | string;

export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  readonly num: bigint;
  readonly den: bigint;

  /** Use {@link Rational.of} or {@link Rational.fraction}; this constructor trusts its arguments are reduced. */
  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static fraction(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError('Rational with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (den === 1n) return new Rational(num, 1n);
    const g = gcd(num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  /**
   * Exact conversion. A JS number is taken by its shortest decimal form (0.1 means one tenth, not the
   * nearest binary float), which is what a person typing the number meant.
   */
  static of(x: RationalInput): Rational {
    if (x instanceof Rational) return x;
    if (typeof x === 'bigint') return new Rational(x, 1n);
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
      if (Number.isInteger(x) && Number.isSafeInteger(x)) return new Rational(BigInt(x), 1n);
      const parsed = Rational.parse(String(x));
      if (!parsed) throw new RangeError(`cannot convert ${x} to a rational`);
      return parsed;
    }
    const parsed = Rational.parse(x);
    if (!parsed) throw new RangeError(`not a decimal number: '${x}'`);
    return parsed;
  }

  /** Parses a decimal literal ("12", "-3.50", "1e3", "2458488.22"); null when the text is not one. */
  static parse(text: string): Rational | null {
    const m = DECIMAL.exec(text.trim());
    if (!m) return null;
    const [, sign, intPart = '', fracPart = '', expPart] = m;
    if (intPart === '' && fracPart === '') return null;
    let num = BigInt((intPart || '0') + fracPart);
    let den = 10n ** BigInt(fracPart.length);
    if (expPart !== undefined) {
      const e = Number(expPart);
      if (!Number.isSafeInteger(e) || Math.abs(e) > 1000) return null;
      if (e >= 0) num *= 10n ** BigInt(e);
      else den *= 10n ** BigInt(-e);
    }
    if (sign === '-') num = -num;
    return Rational.fraction(num, den);
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.fraction(this.num + o.num, this.den);
    return Rational.fraction(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.fraction(this.num - o.num, this.den);
    return Rational.fraction(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    return Rational.fraction(this.num * o.num, this.den * o.den);
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('division by zero');
    return Rational.fraction(this.num * o.den, this.den * o.num);
  }

  mulInt(k: bigint): Rational {
    return Rational.fraction(this.num * k, this.den);
  }

  divInt(k: bigint): Rational {
    return Rational.fraction(this.num, this.den * k);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }

  floor(): bigint {
    return floorDiv(this.num, this.den);
  }
  ceil(): bigint {
    return ceilDiv(this.num, this.den);
  }

  static min(a: Rational, b: Rational): Rational {
    return a.le(b) ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.ge(b) ? a : b;
  }
  static sum(xs: Iterable<Rational>): Rational {
    let acc = Rational.ZERO;
    for (const x of xs) acc = acc.add(x);
    return acc;
  }

  /** Nearest double; for display and statistics only, never for decisions. */
  toNumber(): number {
    if (this.den === 1n) return Number(this.num);
    return Number(this.num) / Number(this.den);
  }

  /** True when the value has a finite decimal expansion (denominator of the form 2^a 5^b). */
  isTerminating(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * Decimal text. Exact when the expansion terminates within `maxDecimals` digits (or always, when
   * `maxDecimals` is undefined and the expansion terminates); otherwise rounded half away from zero.
   */
  toDecimalString(maxDecimals?: number): string {
    const negative = this.num < 0n;
    const n = bigAbs(this.num);
    let digits: number;
    if (maxDecimals === undefined) {
      if (!this.isTerminating()) digits = 12;
      else {
        digits = 0;
        let d = this.den;
        let p = 1n;
        while (p % d !== 0n) {
          p *= 10n;
          digits++;
        }
      }
    } else digits = maxDecimals;
    const scale = 10n ** BigInt(digits);
    let scaled = (n * scale) / this.den;
    const rem = (n * scale) % this.den;
    if (rem * 2n >= this.den) scaled += 1n;
    let text = scaled.toString();
    if (digits > 0) {
      text = text.padStart(digits + 1, '0');
      let intPart = text.slice(0, -digits);
      let frac = text.slice(-digits).replace(/0+$/, '');
      if (intPart === '') intPart = '0';
      text = frac ? `${intPart}.${frac}` : intPart;
    }
    return negative && text !== '0' ? `-${text}` : text;
  }

  toString(): string {
    return this.isTerminating() ? this.toDecimalString() : `${this.num}/${this.den}`;
  }

  /** JSON as an exact string ("2458488.22", or "1/3" when the decimal expansion does not end). */
  toJSON(): string {
    return this.toString();
  }
}

export function rat(x: RationalInput): Rational {
  return Rational.of(x);
}
