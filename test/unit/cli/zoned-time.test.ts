import { describe, expect, it } from 'vitest';
import { zonedTime } from '../../../hosts/cli/output';

describe('CLI times', () => {
  it("names the store's zone after its wall-clock time", () => {
    // UCI's last invoice, 2011-12-09 12:50 in London: GMT (UTC+0) in December, so the
    // instant is 12:50Z and London's clock reads the same.
    expect(zonedTime('2011-12-09T12:50:00.000Z', 'Europe/London')).toBe(
      '2011-12-09 12:50 Europe/London',
    );
  });

  it("follows the store's summer time", () => {
    // 1 June 2011, 12:00Z: London keeps BST (UTC+1) from 27 March to 30 October 2011,
    // so its clock reads 13:00.
    expect(zonedTime('2011-06-01T12:00:00.000Z', 'Europe/London')).toBe(
      '2011-06-01 13:00 Europe/London',
    );
  });

  it('says Shanghai time by default, on the day it is there', () => {
    // 2026-12-04 20:30Z + 8 h (China keeps no summer time) = 2026-12-05 04:30.
    expect(zonedTime('2026-12-04T20:30:00.000Z')).toBe('2026-12-05 04:30 Asia/Shanghai');
  });

  it('prints what is no instant as it came', () => {
    expect(zonedTime('not a time', 'Europe/London')).toBe('not a time');
  });
});
