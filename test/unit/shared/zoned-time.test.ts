import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../../core/shared/zoned-time';

/*
 * Worked by hand from the zones' 2011 rules:
 * - London: BST (UTC+1) from 27 March 01:00 UTC until 30 October 01:00 UTC, when clocks go
 *   back from 02:00 BST to 01:00 GMT, so 01:00–01:59 comes twice that morning.
 * - New York: EST (UTC-5) until 13 March 07:00 UTC (02:00 EST), when clocks jump to 03:00
 *   EDT (UTC-4); EDT until 6 November 06:00 UTC (02:00 EDT), back to 01:00 EST.
 * - Shanghai: UTC+8 all year, no summer time.
 */
const at = (iso: string, zone: string) => zonedParts(Date.parse(iso), zone);

describe('London’s 2011 clock changes', () => {
  it('shows 01:30 twice on 30 October, told apart by the offset', () => {
    // 00:30Z + 1 h (BST) = 01:30; 01:30Z + 0 h (GMT) = 01:30.
    expect(at('2011-10-30T00:30:00Z', 'Europe/London')).toEqual({
      date: '2011-10-30',
      time: '01:30',
      offset: '+01:00',
    });
    expect(at('2011-10-30T01:30:00Z', 'Europe/London')).toEqual({
      date: '2011-10-30',
      time: '01:30',
      offset: '+00:00',
    });
  });

  it('skips from 00:59 GMT to 02:00 BST on 27 March', () => {
    // 00:59Z + 0 h = 00:59; 01:00Z + 1 h = 02:00 (01:00–01:59 never shows).
    expect(at('2011-03-27T00:59:00Z', 'Europe/London').time).toBe('00:59');
    expect(at('2011-03-27T01:00:00Z', 'Europe/London')).toEqual({
      date: '2011-03-27',
      time: '02:00',
      offset: '+01:00',
    });
  });
});

describe('New York’s 2011 clock changes', () => {
  it('jumps from 01:59 EST to 03:00 EDT on 13 March', () => {
    // 06:59Z - 5 h = 01:59; 07:00Z - 4 h = 03:00.
    expect(at('2011-03-13T06:59:00Z', 'America/New_York')).toEqual({
      date: '2011-03-13',
      time: '01:59',
      offset: '-05:00',
    });
    expect(at('2011-03-13T07:00:00Z', 'America/New_York')).toEqual({
      date: '2011-03-13',
      time: '03:00',
      offset: '-04:00',
    });
  });

  it('shows 01:30 twice on 6 November', () => {
    // 05:30Z - 4 h = 01:30 EDT; 06:30Z - 5 h = 01:30 EST.
    expect(at('2011-11-06T05:30:00Z', 'America/New_York').offset).toBe('-04:00');
    expect(at('2011-11-06T06:30:00Z', 'America/New_York')).toEqual({
      date: '2011-11-06',
      time: '01:30',
      offset: '-05:00',
    });
  });

  it('puts an evening order on the day before in UTC terms', () => {
    // 2011-12-01 03:15Z - 5 h = 2011-11-30 22:15.
    expect(at('2011-12-01T03:15:00Z', 'America/New_York').date).toBe('2011-11-30');
  });
});

describe('Shanghai', () => {
  it('is eight hours ahead all year, crossing midnight into the next day', () => {
    // 16:00Z + 8 h = 00:00 the next day; 15:59Z + 8 h = 23:59 the same day.
    expect(at('2011-06-30T16:00:00Z', 'Asia/Shanghai')).toEqual({
      date: '2011-07-01',
      time: '00:00',
      offset: '+08:00',
    });
    expect(at('2011-12-31T15:59:59Z', 'Asia/Shanghai').time).toBe('23:59');
  });

  it('keeps the minutes of an instant and drops its seconds', () => {
    // 1,000 ms before 00:00 on 2024-01-01 in Shanghai is 2023-12-31 23:59:59.
    expect(at('2023-12-31T15:59:59Z', 'Asia/Shanghai')).toEqual({
      date: '2023-12-31',
      time: '23:59',
      offset: '+08:00',
    });
  });
});

describe('the offset', () => {
  it('is +00:00 at UTC itself', () => {
    expect(at('2011-12-09T12:50:00Z', 'UTC').offset).toBe('+00:00');
  });

  it('names half-hour and seconds offsets whole', () => {
    // India is UTC+5:30: 00:00Z → 05:30. London's local mean time before 1847 was
    // -0:01:15, so 1800-01-01 00:00Z was 23:58:45 the evening before.
    expect(at('2011-01-01T00:00:00Z', 'Asia/Kolkata')).toEqual({
      date: '2011-01-01',
      time: '05:30',
      offset: '+05:30',
    });
    expect(at('1800-01-01T00:00:00Z', 'Europe/London')).toEqual({
      date: '1799-12-31',
      time: '23:58',
      offset: '-00:01:15',
    });
  });
});
