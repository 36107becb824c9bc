import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { LocalDateTime } from '../../../core/crm/import/dates';
import { ZoneClock } from '../../../core/crm/import/zone';

const hourMs = 3_600_000;

function wallParts(wall: number): LocalDateTime {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: 0,
    millisecond: 0,
    hasTime: true,
  };
}

/**
 * The clock keeps zone offsets per day for the whole process; here half past every fifth
 * hour of 2024 (so every hour of the day comes round) is checked against luxon's own DateTime (a separate path through the zone
 * rules), in zones with and without daylight saving. Wall times that do not exist (the
 * hour skipped in spring) or exist twice (the hour repeated in autumn) are left out:
 * there the answer is a convention, covered in dates.test.ts.
 */
describe('the zone clock over a whole year', () => {
  const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Australia/Sydney'];

  for (const zoneName of zones) {
    it(`turns wall-clock hours all through 2024 in ${zoneName} into luxon's instant`, () => {
      const clock = new ZoneClock(zoneName, zoneName);
      const start = Date.UTC(2024, 0, 1, 0, 30);
      let checked = 0;
      for (let wall = start; wall < Date.UTC(2025, 0, 1); wall += 5 * hourMs) {
        const local = wallParts(wall);
        const { year, month, day, hour, minute } = local;
        const reference = DateTime.fromObject(
          { year, month, day, hour, minute },
          { zone: zoneName },
        );
        const back = reference.toObject();
        const exists = back.hour === local.hour && back.day === local.day;
        const repeated = reference.offset !== reference.plus({ hours: 1 }).offset;
        const repeatedBefore = reference.offset !== reference.minus({ hours: 1 }).offset;
        if (!exists || repeated || repeatedBefore) continue;
        expect(clock.toUtc(local)).toBe(reference.toMillis());
        checked++;
      }
      // 8,784 hours in 2024, a fifth of them looked at; a few around each change are skipped.
      expect(checked).toBeGreaterThan(1740);
    });
  }

  it('gives hours all through 2024 the business day luxon gives them in the stores zone', () => {
    const clock = new ZoneClock('Asia/Shanghai', 'America/New_York');
    const end = Date.UTC(2025, 0, 1);
    for (let instant = Date.UTC(2024, 0, 1); instant < end; instant += 3 * hourMs) {
      const reference = DateTime.fromMillis(instant, { zone: 'America/New_York' }).toISODate();
      expect(clock.businessDay(instant)).toBe(reference);
    }
  });

  it('gives a second clock of the same zone the same answers as the first', () => {
    const first = new ZoneClock('Europe/London', 'Europe/London');
    const local = wallParts(Date.UTC(2024, 6, 1, 12, 0));
    const once = first.toUtc(local);
    // 12:00 BST (UTC+1) is 11:00 UTC.
    expect(once).toBe(Date.UTC(2024, 6, 1, 11, 0));
    expect(new ZoneClock('Europe/London', 'Asia/Shanghai').toUtc(local)).toBe(once);
  });
});
