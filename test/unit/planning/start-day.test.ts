import { afterEach, describe, expect, it } from 'vitest';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>> | undefined;
afterEach(() => app?.cleanup());

/** The quarterly push's first task sits at T-30; its start as created with the clock at `now`. */
async function firstStart(now: string, anchorDay: string): Promise<string> {
  app = await testApp(now);
  const view = await callOn(app, 'projects.createFromTemplate', {
    templateKey: 'quarterly-sales-push',
    anchorDay,
    scope: { storeIds: [], regions: [] },
  });
  return view.tasks.find((t) => t.seq === 1)!.start;
}

describe('the first day of a new project', () => {
  it('is never rolled back before today in the stores zone', async () => {
    // 2026-12-04T20:00Z is Sat 5 Dec 04:00 in Shanghai (UTC still says the 4th).
    // T = Mon 2027-01-04, T-30 = Sat 2026-12-05: a day off that is today, so the task
    // starts on the next working day, Mon 12-07, not on Fri 12-04 (yesterday).
    expect(await firstStart('2026-12-04T20:00:00Z', '2027-01-04')).toBe('2026-12-07');
  });

  it('still rolls a day off back to the working day before when that day is not past', async () => {
    // Clock on Tue 1 Dec in Shanghai: T-30 = Sat 12-05 rolls back to Fri 12-04, as before.
    expect(await firstStart('2026-12-01T02:00:00Z', '2027-01-04')).toBe('2026-12-04');
  });

  it('keeps a start in the past that the planner chose through the anchor', async () => {
    // T = Fri 2027-01-01 (a holiday, but offsets count calendar days): T-30 = Wed 12-02,
    // before today (Sat 12-05); it stays, and the new-project form says it is past.
    expect(await firstStart('2026-12-05T02:00:00Z', '2027-01-01')).toBe('2026-12-02');
  });
});
