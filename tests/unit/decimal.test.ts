import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/ui/decimal';

describe('numbers as a trainee types them', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseDecimal('200,45')).toEqual({ ok: true, value: 200.45 });
    expect(parseDecimal('200.45')).toEqual({ ok: true, value: 200.45 });
    expect(parseDecimal(' 7,2 ')).toEqual({ ok: true, value: 7.2 });
    expect(parseDecimal('0,5')).toEqual({ ok: true, value: 0.5 });
    expect(parseDecimal(',5')).toEqual({ ok: true, value: 0.5 });
    expect(parseDecimal('12')).toEqual({ ok: true, value: 12 });
  });

  it('reads a sign, and thousands spaced as French writes them', () => {
    expect(parseDecimal('-80')).toEqual({ ok: true, value: -80 });
    expect(parseDecimal('−1,5')).toEqual({ ok: true, value: -1.5 });
    expect(parseDecimal('1 234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal('1\u202f234,5')).toEqual({ ok: true, value: 1234.5 });
  });

  it('refuses what is not one number, so nothing is recorded', () => {
    for (const bad of ['20,0,1', 'abc', '1.234,5', '12 3', '2e5', '7,', '--1', '0x10', '200,45 g']) {
      expect(parseDecimal(bad), bad).toEqual({ ok: false, empty: false });
    }
    expect(parseDecimal('   ')).toEqual({ ok: false, empty: true });
  });
});
