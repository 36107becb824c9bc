import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import { WorkCalendar } from '../../../core/planning/calendar';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  app = await testApp('2026-12-01T02:00:00Z');
});
afterEach(() => app.cleanup());

const call = <M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>> =>
  callOn(app, name, input);

async function project() {
  return call('projects.createFromTemplate', {
    templateKey: 'staff-training',
    anchorDay: '2027-03-15',
  });
}

describe('a project calendar that cannot plan is refused', () => {
  it('refuses a time zone luxon does not know and keeps the old calendar', async () => {
    const v = await project();
    const calendar = { ...v.project.calendar, zone: 'Mars/Olympus' };
    await expect(
      call('projects.update', { projectId: v.project.id, calendar }),
    ).rejects.toMatchObject({ code: 'planning.bad_zone', details: { zone: 'Mars/Olympus' } });

    const after = await call('projects.get', { projectId: v.project.id });
    expect(after.project.calendar.zone).toBe('Asia/Shanghai');
  });

  it('accepts another real zone', async () => {
    const v = await project();
    const calendar = { ...v.project.calendar, zone: 'Europe/London' };
    const after = await call('projects.update', { projectId: v.project.id, calendar });
    expect(after.project.calendar.zone).toBe('Europe/London');
  });

  it('refuses a weekend day listed more than once', async () => {
    const v = await project();
    const calendar = { ...v.project.calendar, weekendDays: [6, 6, 6] };
    await expect(
      call('projects.update', { projectId: v.project.id, calendar }),
    ).rejects.toMatchObject({ code: 'planning.bad_weekend', details: { value: 6 } });
  });

  it('refuses a day that is both a day off and a make-up working day', async () => {
    const v = await project();
    const calendar = {
      ...v.project.calendar,
      holidays: ['2027-03-16'],
      workdays: ['2027-03-13', '2027-03-16'],
    };
    await expect(
      call('projects.update', { projectId: v.project.id, calendar }),
    ).rejects.toMatchObject({ code: 'planning.day_in_both', details: { day: '2027-03-16' } });
  });

  it('says "no working days" when all seven days are weekend, with or without make-up days', async () => {
    const v = await project();
    const allOff = { ...v.project.calendar, weekendDays: [1, 2, 3, 4, 5, 6, 7] };
    await expect(
      call('projects.update', { projectId: v.project.id, calendar: allOff }),
    ).rejects.toMatchObject({ code: 'planning.no_working_days' });

    // The breaker's case: one make-up Sunday used to end in "2200-01-01 is outside…".
    const oneMakeUp = { ...allOff, holidays: [], workdays: ['2026-12-20'] };
    await expect(
      call('projects.update', { projectId: v.project.id, calendar: oneMakeUp }),
    ).rejects.toMatchObject({ code: 'planning.no_working_days' });
  });
});

describe('a calendar with every weekday off, built directly', () => {
  it('runs out with "no working days", not with a date out of range', () => {
    // Only Sun 20 Dec 2026 is worked: working day 0 exists, working day 1 never does.
    const calendar = new WorkCalendar({
      zone: 'Asia/Shanghai',
      weekendDays: [1, 2, 3, 4, 5, 6, 7],
      holidays: [],
      workdays: ['2026-12-20'],
    });
    expect(calendar.onOrAfter('2026-12-01')).toBe('2026-12-20');
    expect(() => calendar.addWorkingDays('2026-12-20', 1)).toThrow(
      expect.objectContaining({ code: 'planning.no_working_days' }),
    );
  });
});
