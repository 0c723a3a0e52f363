import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, Rational } from '../src/index.ts';

describe('Rational', () => {
  it('parses decimal literals exactly', () => {
    expect(Rational.parse('2458488.22')!.eq(Rational.fraction(245848822n, 100n))).toBe(true);
    expect(Rational.parse('-0.5')!.eq(Rational.fraction(-1n, 2n))).toBe(true);
    expect(Rational.parse('1e3')!.eq(Rational.of(1000))).toBe(true);
    expect(Rational.parse('100000.0')!.eq(Rational.of(100000))).toBe(true);
    expect(Rational.parse('.25')!.eq(Rational.fraction(1n, 4n))).toBe(true);
    for (const bad of ['', 'abc', '1,5', '1.2.3', '--1', '1e']) expect(Rational.parse(bad)).toBeNull();
  });

  it('takes a JS number by its shortest decimal form, so 0.1 is one tenth', () => {
    expect(Rational.of(0.1).eq(Rational.fraction(1n, 10n))).toBe(true);
    expect(Rational.of(0.1).add(Rational.of(0.2)).eq(Rational.of('0.3'))).toBe(true);
  });

  it('prints exact decimals, and rounds only when asked or when the expansion does not end', () => {
    expect(Rational.parse('2458488.22')!.toDecimalString()).toBe('2458488.22');
    expect(Rational.fraction(1n, 3n).toDecimalString(2)).toBe('0.33');
    expect(Rational.fraction(2n, 3n).toDecimalString(2)).toBe('0.67');
    expect(Rational.fraction(-5n, 2n).toDecimalString(0)).toBe('-3');
    expect(Rational.fraction(1n, 3n).toString()).toBe('1/3');
    expect(JSON.stringify({ cost: Rational.parse('12.50') })).toBe('{"cost":"12.5"}');
  });

  it('is a field: (a + b) - b = a, (a * b) / b = a', () => {
    const small = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }));
    fc.assert(
      fc.property(small, small, ([an, ad], [bn, bd]) => {
        const a = Rational.fraction(an, ad);
        const b = Rational.fraction(bn, bd);
        expect(a.add(b).sub(b).eq(a)).toBe(true);
        if (!b.isZero()) expect(a.mul(b).div(b).eq(a)).toBe(true);
        expect(a.cmp(b)).toBe(-b.cmp(a));
      }),
    );
  });

  it('floors and ceils', () => {
    expect(Rational.fraction(7n, 2n).ceil()).toBe(4n);
    expect(Rational.fraction(7n, 2n).floor()).toBe(3n);
    expect(Rational.fraction(-7n, 2n).floor()).toBe(-4n);
    expect(Rational.of(5).ceil()).toBe(5n);
  });
});

describe('formatNumber', () => {
  it('groups thousands the way Peru and English write them', () => {
    expect(formatNumber(Rational.of(1200000), 'en')).toBe('1,200,000');
    expect(formatNumber(Rational.of(1200000), 'es')).toBe('1,200,000');
    expect(formatNumber('2458488.22', 'es')).toBe('2,458,488.22');
    expect(formatNumber(Rational.fraction(1n, 3n), 'en')).toBe('0.33');
    expect(formatNumber(-1234, 'en')).toBe('-1,234');
    expect(formatNumber('P9', 'en')).toBe('P9');
  });
});
