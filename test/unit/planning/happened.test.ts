import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import type { ProjectView } from '../../../core/api/planning';
import { calendarFor, defaultCalendar } from '../../../core/planning/calendar';
import { schedule } from '../../../core/planning/scheduler';
import { callOn, testApp } from './app';

// Dates worked by hand on the calendar of December 2026 (Mon 30 Nov, Mon 7 Dec, Mon 14 Dec;
// weekends off, no public holiday in these weeks). Shanghai is UTC+8: 02:00Z is 10:00.
const SAT_5_DEC = '2026-12-05T02:00:00Z';
const FRI_4_DEC = '2026-12-04T02:00:00Z';

let app: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  app = await testApp(SAT_5_DEC);
});
afterEach(() => app.cleanup());

const call = <M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>> =>
  callOn(app, name, input);
const at = (instant: string) => (app.ctx.now = () => new Date(instant));
const bySeq = (v: ProjectView, seq: number) => v.tasks.find((t) => t.seq === seq)!;
const days = (v: ProjectView, seq: number) => [bySeq(v, seq).start, bySeq(v, seq).finish];

/** A (`a` working days) then B (2 days, FS), both planned for the anchor day. */
async function pair(a: number, anchorDay = '2026-12-07'): Promise<ProjectView> {
  const step = (key: string, duration: number, after?: string) => ({
    key,
    phase: 'all',
    nameZh: key.toUpperCase(),
    nameEn: key.toUpperCase(),
    department: 'ops',
    offset: 0,
    duration,
    dependsOn: after ? [{ task: after, type: 'FS' as const, lag: 0 }] : [],
  });
  await call('templates.save', {
    template: {
      key: 'test-pair',
      nameZh: '两步',
      nameEn: 'Pair',
      anchor: { kind: 'D', labelZh: 'D', labelEn: 'D' },
      goal: { metric: 'x', unit: '', target: 1, periodDays: 5 },
      phases: [{ key: 'all', nameZh: '全部', nameEn: 'All' }],
      tasks: [step('a', a), step('b', 2, 'a')],
    },
  });
  return call('projects.createFromTemplate', { templateKey: 'test-pair', anchorDay });
}

describe('a task finished on a day off', () => {
  it('shows the Saturday it was started and finished on, and the project starts then', async () => {
    // The newcomer's case: the win-back project anchored on Sat 5 Dec; its first task
    // (1 day, D-10) is planned for Wed 25 Nov, and is started and finished on Sat 5 Dec.
    const v = await call('projects.createFromTemplate', {
      templateKey: 'customer-win-back',
      anchorDay: '2026-12-05',
    });
    expect(days(v, 1)).toEqual(['2026-11-25', '2026-11-25']);
    const first = bySeq(v, 1).id;
    await call('tasks.setStatus', { taskId: first, status: 'in_progress' });
    const after = await call('tasks.setStatus', { taskId: first, status: 'done' });

    expect(days(after, 1)).toEqual(['2026-12-05', '2026-12-05']);
    expect(after.start).toBe('2026-12-05');
    // #2 (2 days, FS after #1) starts the first working day after Sat 5: Mon 7 – Tue 8.
    expect(bySeq(after, 2).predecessors).toBe('1');
    expect(days(after, 2)).toEqual(['2026-12-07', '2026-12-08']);
    // One day of work, on the Saturday.
    expect(bySeq(after, 1).duration).toBe(1);
    const row = await app.ctx.db.k
      .selectFrom('planning_tasks')
      .select(['start_day', 'finish_day'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ start_day: '2026-12-05', finish_day: '2026-12-05' });
  });

  it('counts a Friday-to-Saturday task as two days and keeps it when the calendar changes', async () => {
    // A (1 day) planned Mon 30 Nov, B (2 days) Tue 1 – Wed 2 Dec. A starts late, on Fri 4:
    // B is pushed to Mon 7 – Tue 8. A is finished on Sat 5.
    at(FRI_4_DEC);
    const v = await pair(1, '2026-11-30');
    expect(days(v, 2)).toEqual(['2026-12-01', '2026-12-02']);
    const a = bySeq(v, 1).id;
    await call('tasks.setStatus', { taskId: a, status: 'in_progress' });
    at(SAT_5_DEC);
    const done = await call('tasks.setStatus', { taskId: a, status: 'done' });
    // Worked Fri 4 and Sat 5: two days; B follows from Mon 7 (Mon 7 – Tue 8).
    expect(days(done, 1)).toEqual(['2026-12-04', '2026-12-05']);
    expect(bySeq(done, 1).duration).toBe(2);
    expect(days(done, 2)).toEqual(['2026-12-07', '2026-12-08']);
    expect([done.start, done.finish]).toEqual(['2026-12-04', '2026-12-08']);

    // Fri 4 made a closure day afterwards: what happened stays where it happened.
    const calendar = { ...done.project.calendar, holidays: ['2026-12-04'] };
    const closed = await call('projects.update', { projectId: v.project.id, calendar });
    expect(days(closed, 1)).toEqual(['2026-12-04', '2026-12-05']);
    expect(days(closed, 2)).toEqual(['2026-12-07', '2026-12-08']);
    expect(closed.start).toBe('2026-12-04');
  });

  it('dates a task finished without being started, ahead of plan, on the day it was done', async () => {
    const v = await pair(3);
    // A was planned for Mon 7 – Wed 9; it is marked done on Sat 5 without a start.
    const done = await call('tasks.setStatus', { taskId: bySeq(v, 1).id, status: 'done' });
    expect(days(done, 1)).toEqual(['2026-12-05', '2026-12-05']);
    expect(bySeq(done, 1).duration).toBe(1);
    // B was placed after A when the project was made (Thu 10 – Fri 11) and stays there: a
    // predecessor done early never pulls its successors back (see the planning README).
    expect(days(done, 2)).toEqual(['2026-12-10', '2026-12-11']);
  });

  it('forgets the finish day when a done task is opened again', async () => {
    const v = await pair(1);
    const a = bySeq(v, 1).id;
    await call('tasks.setStatus', { taskId: a, status: 'done' });
    const reopened = await call('tasks.setStatus', { taskId: a, status: 'in_progress' });
    const row = await app.ctx.db.k
      .selectFrom('planning_tasks')
      .select('finish_day')
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    expect(row.finish_day).toBeNull();
    // Started (as recorded when done) on Sat 5, one day long: the Saturday itself.
    expect(days(reopened, 1)).toEqual(['2026-12-05', '2026-12-05']);
  });
});

describe('a task started on a day off, on the schedule alone', () => {
  it('counts the day off it was started on as its first day of work', () => {
    // 2 days from Sat 5 Dec: the Saturday and Mon 7. A successor (FS) starts Tue 8.
    const cal = calendarFor(defaultCalendar);
    const started = { name: 'A', start: '2026-12-05', pinned: false } as const;
    const s = schedule(
      [
        { ...started, id: 1, duration: 2, status: 'in_progress' },
        {
          id: 2,
          name: 'B',
          start: '2026-12-01',
          duration: 1,
          status: 'not_started',
          pinned: false,
        },
      ],
      [{ predecessorId: 1, successorId: 2, type: 'FS', lag: 0 }],
      cal,
    );
    expect([s.tasks.get(1)!.start, s.tasks.get(1)!.finish]).toEqual(['2026-12-05', '2026-12-07']);
    expect(s.tasks.get(2)!.start).toBe('2026-12-08');
    expect([s.start, s.finish]).toEqual(['2026-12-05', '2026-12-08']);
  });
});

describe('a done task given new dates by hand', () => {
  it('follows its start and duration once moved or resized', async () => {
    const v = await call('projects.createFromTemplate', {
      templateKey: 'customer-win-back',
      anchorDay: '2026-12-05',
    });
    const first = bySeq(v, 1).id;
    const done = await call('tasks.setStatus', { taskId: first, status: 'done' });
    expect(days(done, 1)).toEqual(['2026-11-25', '2026-12-05']);
    expect(bySeq(done, 1).duration).toBe(9);
    // Done on Sat 5 (from its planned Wed 25 Nov: 25–27, 30 Nov, 1–4 Dec and the Saturday,
    // 9 days). Resized to 2 days: Wed 25 – Thu 26 Nov, the kept finish let go.
    const resized = await call('tasks.update', { taskId: first, duration: 2 });
    expect(days(resized, 1)).toEqual(['2026-11-25', '2026-11-26']);
    // Moved to Mon 30 Nov: Mon 30 – Tue 1 Dec.
    const moved = await call('tasks.move', { taskId: first, start: '2026-11-30' });
    expect(days(moved, 1)).toEqual(['2026-11-30', '2026-12-01']);
  });
});
