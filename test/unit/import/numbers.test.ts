import { describe, expect, it } from 'vitest';
import {
  decimalText,
  decimalToMinor,
  detectDecimalComma,
  isMissing,
  parseMinor,
  parseNumber,
} from '../../../core/crm/import/numbers';

describe('numbers as exports write them', () => {
  it('reads thousands separators in point, comma and space styles', () => {
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('1.234,50', true)).toBe(1234.5);
    expect(parseNumber('1 234,50', true)).toBe(1234.5);
    expect(parseNumber('1\u00a0234.50')).toBe(1234.5);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('1.234.567', true)).toBe(1234567);
  });

  it('reads a decimal comma only where the file uses one', () => {
    expect(parseNumber('12,5', true)).toBe(12.5);
    // In a point file "12,5" cannot be thousands grouping: it is not a number.
    expect(parseNumber('12,5')).toBeNaN();
  });

  it('reads by order of marks when a value carries both, whatever the file setting', () => {
    expect(parseNumber('1.234,50')).toBe(1234.5);
    expect(parseNumber('1,234.50', true)).toBe(1234.5);
  });

  it('strips currency symbols and codes on either side', () => {
    expect(parseNumber('¥12.80')).toBe(12.8);
    expect(parseNumber('￥1,299')).toBe(1299);
    expect(parseNumber('RMB 35')).toBe(35);
    expect(parseNumber('CNY35.5')).toBe(35.5);
    expect(parseNumber('$3.50')).toBe(3.5);
    expect(parseNumber('€ 3,50', true)).toBe(3.5);
    expect(parseNumber('R$ 1.299,00', true)).toBe(1299);
    expect(parseNumber('£2.95')).toBe(2.95);
    expect(parseNumber('12.5元')).toBe(12.5);
  });

  it('reads negatives: a leading space before the minus, a minus after the symbol, parentheses', () => {
    expect(parseNumber(' -6')).toBe(-6);
    expect(parseNumber('-¥12')).toBe(-12);
    expect(parseNumber('¥-12')).toBe(-12);
    expect(parseNumber('(5.00)')).toBe(-5);
    expect(parseNumber('−3')).toBe(-3);
  });

  it('tells a missing value from a bad one', () => {
    for (const missing of ['', '  ', 'NA', 'N/A', 'null', '#N/A']) {
      expect(parseNumber(missing)).toBeUndefined();
      expect(isMissing(missing)).toBe(true);
    }
    for (const bad of ['abc', '12a', '1,23', '--5x', '1.2.3']) expect(parseNumber(bad)).toBeNaN();
  });

  it('gives the canonical decimal text', () => {
    expect(decimalText('  1 234,5 ', true)).toBe('1234.5');
    expect(decimalText(' .5')).toBe('0.5');
    expect(decimalText('-0')).toBe('-0');
  });
});

describe('money in integer minor units, exactly', () => {
  it('shifts the decimal point in the text instead of multiplying floats', () => {
    // 1.15 * 100 is 114.99999999999999 in floating point; the text gives 115.
    expect(parseMinor('1.15')).toBe(115);
    expect(parseMinor('0.29')).toBe(29);
    expect(parseMinor('4.35')).toBe(435);
    expect(parseMinor('1,234.56')).toBe(123456);
    expect(parseMinor('1.234,56', true)).toBe(123456);
  });

  it('rounds half away from zero beyond the minor unit', () => {
    // Superstore writes Sales with three decimals: 16.448 → 1644.8 fen → 1645.
    expect(parseMinor('16.448')).toBe(1645);
    expect(parseMinor('16.444')).toBe(1644);
    expect(parseMinor('0.005')).toBe(1);
    expect(parseMinor('-0.005')).toBe(-1);
    expect(parseMinor('-2.55')).toBe(-255);
  });

  it('respects currencies without minor units', () => {
    expect(decimalToMinor('1299', 0)).toBe(1299);
    expect(decimalToMinor('1299.5', 0)).toBe(1300);
  });

  it('reports price NA as missing and text as not money', () => {
    expect(parseMinor('NA')).toBeUndefined();
    expect(parseMinor('free')).toBeNaN();
  });
});

describe('deciding a file uses decimal commas', () => {
  it('votes by unambiguous values and ignores 1,234 alone', () => {
    expect(detectDecimalComma(['12,50', '3,5', '1.234,00'])).toBe(true);
    expect(detectDecimalComma(['12.50', '1,234.00', '1,234'])).toBe(false);
    expect(detectDecimalComma(['1,234', 'abc'])).toBe(false);
  });
});
