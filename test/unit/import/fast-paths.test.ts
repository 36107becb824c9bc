import { describe, expect, it } from 'vitest';
import { orderEvidence, parseLocalDateTime } from '../../../core/crm/import/dates';
import { decimalText, detectDecimalComma, parseMinor } from '../../../core/crm/import/numbers';

describe('the fixed-position date path', () => {
  it('reads `YYYY-MM-DD HH:mm:ss` into the same parts as any other date', () => {
    expect(parseLocalDateTime('2024-12-01 07:12:59', null)).toEqual({
      year: 2024,
      month: 12,
      day: 1,
      hour: 7,
      minute: 12,
      second: 59,
      millisecond: 0,
      hasTime: true,
    });
    expect(parseLocalDateTime('2024-02-29T23:59:59', 'dmy')).toMatchObject({ day: 29, hour: 23 });
    expect(parseLocalDateTime('2024-05-31', null)).toMatchObject({ day: 31, hasTime: false });
  });

  it('rejects impossible days and times written in that shape', () => {
    // 2023 is no leap year; April has 30 days; hours end at 23, minutes and seconds at 59.
    expect(parseLocalDateTime('2023-02-29 10:00:00', null)).toBe('invalid');
    expect(parseLocalDateTime('2024-04-31', null)).toBe('invalid');
    expect(parseLocalDateTime('2024-13-01 10:00:00', null)).toBe('invalid');
    expect(parseLocalDateTime('2024-05-31 24:00:00', null)).toBe('invalid');
    expect(parseLocalDateTime('2024-05-31 10:60:00', null)).toBe('invalid');
  });

  it('leaves other shapes of the same length to the general reader', () => {
    expect(parseLocalDateTime('2024-05-31 2:03 PM', null)).toMatchObject({ hour: 14, minute: 3 });
    expect(parseLocalDateTime(' 2024-05-31 ', null)).toMatchObject({ day: 31, hasTime: false });
    expect(parseLocalDateTime('2024/5/31 9:03', null)).toMatchObject({ month: 5, hour: 9 });
  });
});

describe('the plain-decimal number path', () => {
  it('passes plain decimal text through and sends anything else to the full reader', () => {
    expect(decimalText('12.80')).toBe('12.80');
    expect(decimalText('-6')).toBe('-6');
    expect(decimalText('12,5', true)).toBe('12.5');
    expect(decimalText('1,234.50')).toBe('1234.50');
    expect(decimalText('12.')).toBe('12');
    expect(decimalText('.5')).toBe('0.5');
    expect(decimalText('-')).toBeUndefined();
    expect(decimalText('1.2.3x')).toBeNull();
    // 9.90 yuan is 990 fen; -0.72 × 100 = -72 fen.
    expect(parseMinor('9.90')).toBe(990);
    expect(parseMinor('-0.72')).toBe(-72);
  });
});

describe('the samples taken before reading', () => {
  it('counts a fixed-position timestamp as year-first, as the general pattern does', () => {
    expect(orderEvidence('2024-12-01 07:31:26')).toBe('yearFirst');
    expect(orderEvidence(' 2024-12-01 ')).toBe('yearFirst');
    expect(orderEvidence('2024-12-01T07:31:26')).toBe('yearFirst');
    // Impossible days still have the year-first shape: the row reports them when read.
    expect(orderEvidence('2024-13-45')).toBe('yearFirst');
    expect(orderEvidence('12-01-2024')).toBe('ambiguous');
    expect(orderEvidence('20241201')).toBe('none');
  });

  it('lets only cells with a comma or a point vote on the decimal mark', () => {
    // Two commas as decimal marks against one point; the plain numbers and text say nothing.
    const cells = ['12,5', '3,25', '7.5', '12', '1000', '门店', '2024-12-01', 'NA'];
    expect(detectDecimalComma(cells)).toBe(true);
    expect(detectDecimalComma(['12', '1000', '门店'])).toBe(false);
  });
});
