import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../renderer/src/shell/format';

describe('an order time as the console writes it', () => {
  // UCI's invoice 581492 was written 2011-12-09 10:03 in London, where December is UTC+0;
  // Shanghai is UTC+8 all year, so the same instant is 18:03 there (worked by hand).
  const instant = '2011-12-09T10:03:00.000Z';

  it('is Shanghai time for the chain’s own stores, with no place named', () => {
    expect(formatDateTime(instant, 'zh-CN')).toBe('2011-12-09 18:03');
    expect(formatDateTime(instant, 'en', 'Asia/Shanghai')).toBe('2011-12-09 18:03');
  });

  it('is the store’s own time for a store in another zone, its zone named in words', () => {
    expect(formatDateTime(instant, 'zh-CN', 'Europe/London')).toBe('2011-12-09 10:03 英国时间');
    expect(formatDateTime(instant, 'en', 'Europe/London')).toBe(
      '2011-12-09 10:03 United Kingdom Time',
    );
    // New York in July is UTC-4: 2021-07-01 14:30 UTC is 10:30 there.
    expect(formatDateTime('2021-07-01T14:30:00.000Z', 'en', 'America/New_York')).toBe(
      '2021-07-01 10:30 New York Time',
    );
  });
});
