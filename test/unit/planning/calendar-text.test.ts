import { describe, expect, it } from 'vitest';
import { dayListText, parseDayList } from '../../../renderer/src/screens/planning/calendar';

describe('days typed into the project calendar', () => {
  it('reads days on lines or between commas, sorted and without repeats', () => {
    expect(parseDayList('2027-02-07\n2027-01-31, 2027-02-07 ，2027-02-20\n\n')).toEqual({
      days: ['2027-01-31', '2027-02-07', '2027-02-20'],
      bad: null,
    });
    expect(dayListText(['2026-10-10', '2026-09-20'])).toBe('2026-09-20\n2026-10-10');
  });

  it('names the first thing that is not a real date', () => {
    expect(parseDayList('2027-01-31\n2027-02-30').bad).toBe('2027-02-30');
    expect(parseDayList('2027-1-31').bad).toBe('2027-1-31');
    expect(parseDayList('').days).toEqual([]);
  });
});
