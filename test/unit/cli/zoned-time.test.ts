import { describe, expect, it } from 'vitest';
import { zonedTime } from '../../../hosts/cli/output';

describe('CLI times', () => {
  it("names the store's zone and its offset after its wall-clock time", () => {
    // UCI's last invoice, 2011-12-09 12:50 in London: GMT (UTC+0) in December, so the
    // instant is 12:50Z and London's clock reads the same.
    expect(zonedTime('2011-12-09T12:50:00.000Z', 'Europe/London')).toBe(
      '2011-12-09 12:50 Europe/London (UTC+00:00)',
    );
  });

  it("follows the store's summer time", () => {
    // 1 June 2011, 12:00Z: London keeps BST (UTC+1) from 27 March to 30 October 2011,
    // so its clock reads 13:00.
    expect(zonedTime('2011-06-01T12:00:00.000Z', 'Europe/London')).toBe(
      '2011-06-01 13:00 Europe/London (UTC+01:00)',
    );
  });

  it('says Shanghai time by default, on the day it is there', () => {
    // 2026-12-04 20:30Z + 8 h (China keeps no summer time) = 2026-12-05 04:30.
    expect(zonedTime('2026-12-04T20:30:00.000Z')).toBe(
      '2026-12-05 04:30 Asia/Shanghai (UTC+08:00)',
    );
  });

  it('prints what is no instant as it came', () => {
    expect(zonedTime('not a time', 'Europe/London')).toBe('not a time');
  });
});

/*
 * In the hour a zone's clocks go back, the wall clock shows the same minute twice; a tester
 * found two instants an hour apart printed alike. The offset tells them apart.
 */
describe('CLI times in the hour the clocks go back', () => {
  it('tell the two London 01:30s of 30 October 2011 apart', () => {
    // British summer time ended 2011-10-30 01:00Z, when 02:00 BST became 01:00 GMT:
    //   00:30Z + 1 h = 01:30 BST;  01:30Z + 0 h = 01:30 GMT.
    expect(zonedTime('2011-10-30T00:30:00.000Z', 'Europe/London')).toBe(
      '2011-10-30 01:30 Europe/London (UTC+01:00)',
    );
    expect(zonedTime('2011-10-30T01:30:00.000Z', 'Europe/London')).toBe(
      '2011-10-30 01:30 Europe/London (UTC+00:00)',
    );
  });

  it('tell the two São Paulo 23:45s of 17 February 2018 apart', () => {
    // Brazil's summer time ended at local midnight 2018-02-18, clocks from UTC−2 to UTC−3, so
    // the hour from 23:00 on the 17th came twice (Olist's orders are in this zone):
    //   01:45Z − 2 h = 23:45 (UTC−2);  02:45Z − 3 h = 23:45 (UTC−3).
    expect(zonedTime('2018-02-18T01:45:00.000Z', 'America/Sao_Paulo')).toBe(
      '2018-02-17 23:45 America/Sao_Paulo (UTC-02:00)',
    );
    expect(zonedTime('2018-02-18T02:45:00.000Z', 'America/Sao_Paulo')).toBe(
      '2018-02-17 23:45 America/Sao_Paulo (UTC-03:00)',
    );
  });
});
