import { describe, expect, it } from 'vitest';
import { axisLabelFormat } from '../../../renderer/src/screens/planning/ganttOption';

describe('the Gantt time axis labels', () => {
  it('names each month once at month zoom: on its first day, blank on a mid-month tick', () => {
    const label = axisLabelFormat('month') as (value: number, index?: number) => string;
    // Ticks as echarts places them at month zoom: the 1st and the 16th, in local time.
    const ticks = [
      new Date(2026, 11, 1),
      new Date(2026, 11, 16),
      new Date(2027, 0, 1),
      new Date(2027, 0, 16),
    ];
    expect(ticks.map((d, i) => label(d.getTime(), i))).toEqual(['2026-12', '', '2027-01', '']);
  });

  it('labels the first tick even mid-month, so a short plan still names its month', () => {
    const label = axisLabelFormat('month') as (value: number, index?: number) => string;
    const ticks = [new Date(2026, 11, 16), new Date(2027, 0, 1), new Date(2027, 0, 16)];
    expect(ticks.map((d, i) => label(d.getTime(), i))).toEqual(['2026-12', '2027-01', '']);
  });

  it('numbers every day at day zoom, naming the month on its first day', () => {
    // The window starts at noon on 26 November 2026: its first two day ticks (27, 28) name
    // the month too, then only 1 December does. Ticks at local midnights, as echarts puts them.
    const windowStart = new Date(2026, 10, 26, 12).getTime();
    const label = axisLabelFormat('day', windowStart) as (value: number) => string;
    const ticks = [27, 28, 29, 30, 31, 32, 33].map((d) => new Date(2026, 10, d).getTime());
    expect(ticks.map((t) => label(t))).toEqual(['11-27', '11-28', '29', '30', '12-01', '02', '03']);
  });

  it('keeps month-day labels at week zoom', () => {
    expect(axisLabelFormat('week')).toBe('{MM}-{dd}');
  });
});
