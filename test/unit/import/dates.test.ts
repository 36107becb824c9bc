import { describe, expect, it } from 'vitest';
import {
  fromExcelSerial,
  fullYear,
  orderEvidence,
  parseLocalDateTime,
  type LocalDateTime,
} from '../../../core/crm/import/dates';
import { ZoneClock } from '../../../core/crm/import/zone';

function ymd(value: LocalDateTime | string): string {
  if (typeof value === 'string') return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${value.year}-${pad(value.month)}-${pad(value.day)}`;
  return value.hasTime
    ? `${day} ${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}`
    : day;
}

describe('reading dates', () => {
  it('reads year-first dates whatever the file order', () => {
    expect(ymd(parseLocalDateTime('2011-03-10 16:16:00', null))).toBe('2011-03-10 16:16:00');
    expect(ymd(parseLocalDateTime('2010/12/01 10:05', 'dmy'))).toBe('2010-12-01 10:05:00');
    expect(ymd(parseLocalDateTime('2024年5月31日 14:30', null))).toBe('2024-05-31 14:30:00');
    expect(ymd(parseLocalDateTime('2024-05-31T08:00:00', null))).toBe('2024-05-31 08:00:00');
    expect(ymd(parseLocalDateTime('20240531', null))).toBe('2024-05-31');
  });

  it('reads 03/01/19 in a day-first file as 3 January 2019', () => {
    expect(ymd(parseLocalDateTime('03/01/19', 'dmy'))).toBe('2019-01-03');
    expect(ymd(parseLocalDateTime('03/01/19', 'mdy'))).toBe('2019-03-01');
    expect(ymd(parseLocalDateTime('01-12-2010 10:15', 'dmy'))).toBe('2010-12-01 10:15:00');
  });

  it('refuses to guess the order of an ambiguous date when the file did not decide', () => {
    expect(parseLocalDateTime('03/01/19', null)).toBe('order_unknown');
  });

  it('rejects dates that do not exist in the file order', () => {
    expect(parseLocalDateTime('13/01/2019', 'mdy')).toBe('invalid');
    expect(parseLocalDateTime('2023-02-29', null)).toBe('invalid');
    expect(parseLocalDateTime('2024-02-29', null)).not.toBe('invalid');
    expect(parseLocalDateTime('2024-05-31 24:10', null)).toBe('invalid');
    expect(parseLocalDateTime('yesterday', null)).toBe('invalid');
    expect(parseLocalDateTime('', null)).toBe('missing');
    expect(parseLocalDateTime('NA', null)).toBe('missing');
  });

  it('pivots two-digit years at 70', () => {
    expect(fullYear(19)).toBe(2019);
    expect(fullYear(69)).toBe(2069);
    expect(fullYear(70)).toBe(1970);
    expect(fullYear(99)).toBe(1999);
    expect(ymd(parseLocalDateTime('31/12/99', 'dmy'))).toBe('1999-12-31');
  });

  it('reads Excel serial day numbers (1900 system)', () => {
    // python3: date(1899,12,30) + timedelta(45000) → 2023-03-15
    expect(ymd(fromExcelSerial(45000))).toBe('2023-03-15');
    expect(ymd(parseLocalDateTime('45000', null))).toBe('2023-03-15');
    // 0.75 of a day is 18:00.
    expect(ymd(parseLocalDateTime('45000.75', null))).toBe('2023-03-15 18:00:00');
    expect(ymd(fromExcelSerial(1))).toBe('1900-01-01');
    expect(ymd(fromExcelSerial(61))).toBe('1900-03-01');
    expect(fromExcelSerial(60)).toBe('invalid');
  });

  it('reads times with seconds, fractions, AM/PM and 下午', () => {
    expect(ymd(parseLocalDateTime('2024-05-31 2:05 PM', null))).toBe('2024-05-31 14:05:00');
    expect(ymd(parseLocalDateTime('2024-05-31 12:05 AM', null))).toBe('2024-05-31 00:05:00');
    expect(ymd(parseLocalDateTime('2024-05-31 下午 3:00', null))).toBe('2024-05-31 15:00:00');
    const withFraction = parseLocalDateTime('2024-05-31 08:00:01.250', null);
    expect(typeof withFraction !== 'string' && withFraction.millisecond).toBe(250);
  });

  it('takes the evidence of one value for the file order', () => {
    expect(orderEvidence('13/01/19')).toBe('dayFirst');
    expect(orderEvidence('01/13/19')).toBe('monthFirst');
    expect(orderEvidence('01/02/19')).toBe('ambiguous');
    expect(orderEvidence('2019-01-02')).toBe('yearFirst');
    expect(orderEvidence('Office Supplies')).toBe('none');
  });
});

describe('instants and business days', () => {
  const shanghai = new ZoneClock('Asia/Shanghai', 'Asia/Shanghai');

  function utc(text: string, clock: ZoneClock): number {
    const local = parseLocalDateTime(text, 'dmy');
    if (typeof local === 'string') throw new Error(local);
    return clock.toUtc(local);
  }

  it('turns Shanghai wall clock into UTC (UTC+8, no daylight saving)', () => {
    expect(new Date(utc('2024-06-01 00:30:00', shanghai)).toISOString()).toBe(
      '2024-05-31T16:30:00.000Z',
    );
  });

  it('puts 2024-05-31T16:30Z on business day 2024-06-01 in Asia/Shanghai', () => {
    // 16:30 UTC + 8 h = 00:30 on 1 June (python3 astimezone gives the same).
    const instant = Date.UTC(2024, 4, 31, 16, 30);
    expect(shanghai.businessDay(instant)).toBe('2024-06-01');
    expect(shanghai.businessDay(instant - 60_000 * 31)).toBe('2024-05-31');
  });

  it('keeps an offset written in the cell instead of the file zone', () => {
    const local = parseLocalDateTime('2024-05-31T16:30:00Z', null);
    if (typeof local === 'string') throw new Error(local);
    expect(shanghai.toUtc(local)).toBe(Date.UTC(2024, 4, 31, 16, 30));
    expect(shanghai.businessDay(shanghai.toUtc(local), local)).toBe('2024-06-01');
  });

  it('follows daylight saving in a file written in London time', () => {
    const london = new ZoneClock('Europe/London', 'Asia/Shanghai');
    // 31 March 2024 clocks go forward at 01:00 UTC: 00:30 is GMT, 02:30 is BST (UTC+1).
    expect(utc('2024-03-31 00:30', london)).toBe(Date.UTC(2024, 2, 31, 0, 30));
    expect(utc('2024-03-31 02:30', london)).toBe(Date.UTC(2024, 2, 31, 1, 30));
    expect(utc('2024-07-01 23:30', london)).toBe(Date.UTC(2024, 6, 1, 22, 30));
    // 22:30 UTC is 06:30 the next morning in Shanghai.
    expect(london.businessDay(Date.UTC(2024, 6, 1, 22, 30))).toBe('2024-07-02');
  });
});
