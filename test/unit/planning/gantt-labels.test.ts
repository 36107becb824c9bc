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

  it('keeps month-day labels at day and week zoom', () => {
    expect(axisLabelFormat('day')).toBe('{MM}-{dd}');
    expect(axisLabelFormat('week')).toBe('{MM}-{dd}');
  });
});
