import { describe, expect, it } from 'vitest';
import {
  formatShare,
  pieTotal,
  shareHundredths,
} from '../../../renderer/src/screens/dashboard/share';

describe('a dashboard pie slice’s share', () => {
  it('is each slice’s own share to two decimals, even when they do not add up to 100', () => {
    // Three equal slices: 1/3 = 33.333…% each → 33.33% (echarts would show one as 33.34%).
    const total = pieTotal([100, 100, 100]);
    expect([100, 100, 100].map((v) => formatShare(v, total, 'en'))).toEqual([
      '33.33%',
      '33.33%',
      '33.33%',
    ]);
  });

  it('rounds half up from the exact fraction', () => {
    // 1 of 20000 is 0.005% = 0.5 hundredths of a percent → 1; 1 of 80000 is 0.125 → 0.
    expect(shareHundredths(1, 20_000)).toBe(1);
    expect(shareHundredths(1, 80_000)).toBe(0);
    // 3684 of 10000 is exactly 36.84%; 368_450 of 1_000_000 is 36.845% → 36.85%.
    expect(shareHundredths(3684, 10_000)).toBe(3684);
    expect(shareHundredths(368_450, 1_000_000)).toBe(3685);
    expect(shareHundredths(7, 7)).toBe(10_000);
  });

  it('counts only positive slices in the whole, and says nothing of an empty pie', () => {
    expect(pieTotal([300, -50, 700])).toBe(1000);
    expect(formatShare(0, 0, 'zh-CN')).toBe('—');
    expect(formatShare(368_400, 1_000_000, 'zh-CN')).toBe('36.84%');
  });
});
