import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../../core/planning/builtin-templates';
import { calendarFor } from '../../../core/planning/calendar';
import { instantiate } from '../../../core/planning/instantiate';
import { schedule } from '../../../core/planning/scheduler';
import { calendar, dep, task } from './helpers';

describe('the critical chain when planned starts leave buffers', () => {
  it('keeps a predecessor critical when its successor waits for its planned day', () => {
    // 1: Mon 7 Dec 2026, 3 days (7, 8, 9). 2 (FS after 1) is planned Mon 14 though 1
    // allows Thu 10: 2 working days of buffer (Thu 10, Fri 11). 2 lasts 2 days and
    // ends the project. The buffer is not slack: 1 still drives 2, both are critical.
    const s = schedule(
      [task(1, '2026-12-07', 3), task(2, '2026-12-14', 2)],
      [dep(1, 2)],
      calendar(),
    );
    expect([s.tasks.get(2)!.buffer, s.tasks.get(1)!.slack]).toEqual([2, 0]);
    expect(s.criticalPath).toEqual([1, 2]);
  });

  it('measures a side branch against the binding dependency, not the planned day', () => {
    // As above, plus 3 (1 day, Mon 7) FS → 2. 2's binding constraint is Thu 10 (from
    // 1); 3 allows Tue 8, so 3 can slip 2 days (Tue 8, Wed 9) before it binds.
    const s = schedule(
      [task(1, '2026-12-07', 3), task(2, '2026-12-14', 2), task(3, '2026-12-07', 1)],
      [dep(1, 2), dep(3, 2)],
      calendar(),
    );
    expect([s.tasks.get(3)!.slack, s.tasks.get(3)!.critical]).toEqual([2, false]);
    expect(s.tasks.get(3)!.lateStart).toBe('2026-12-09');
  });
});

describe('the member-day template', () => {
  it('shows the chain that drives member day as critical, worked by hand', () => {
    // D = Sat 12 Dec 2026; the member-day calendar works every day, so working days
    // are calendar days. Start, duration, earliest day its dependencies allow (bound):
    //   theme D-15 2d (no predecessor)      audience D-13 1d, bound D-13 (theme)
    //   coupons D-12 2d, bound D-13         materials D-12 3d, bound D-13
    //   delivery D-8 3d, bound D-9          staff-script D-5 1d, bound D-13
    //   warm-up D-3 3d, bound max(D-12, D-10) = D-10 (coupons)
    //   event-day D 1d, bound max(D-5, D-4, D) = D (warm-up)
    //   results D+1 2d, bound D+1   second-touch D+3 3d, bound D+3   archive D+7, bound D+6
    // The project ends with archive (D+7). Slack = room before a task passes its
    // successor's bound, plus that successor's slack (or to the finish):
    //   archive 0; second-touch 0 + (D+6) − (D+6) = 0; results 0; event-day 0;
    //   warm-up 0 + D − D = 0; delivery 0 + D − (D-5) = 5; staff-script D − (D-4) = 4;
    //   coupons 0 + (D-10) − (D-10) = 0; audience (D-10) − (D-12) = 2;
    //   materials 5 + (D-9) − (D-9) = 5; theme min(2, 0, 5, 4) + 0 = 0.
    const memberDay = builtinTemplates().find((t) => t.key === 'member-day')!;
    const p = instantiate(memberDay, {
      anchorDay: '2026-12-12',
      scope: { storeIds: [], regions: [] },
    });
    const id = new Map(p.tasks.map((t, i) => [t.key, i + 1]));
    const s = schedule(
      p.tasks.map((t, i) => task(i + 1, t.start, t.duration)),
      p.dependencies.map((d) =>
        dep(id.get(d.predecessorKey)!, id.get(d.successorKey)!, d.type, d.lag),
      ),
      calendarFor(p.calendar),
    );
    const of = (key: string) => s.tasks.get(id.get(key)!)!;

    expect(s.criticalPath.map((n) => p.tasks[n - 1]!.key)).toEqual([
      'theme',
      'coupons',
      'warm-up-push',
      'event-day',
      'results',
      'second-touch',
      'archive',
    ]);
    expect(
      Object.fromEntries(p.tasks.map((t) => [t.key, [of(t.key).slack, of(t.key).buffer]])),
    ).toEqual({
      theme: [0, 0],
      audience: [2, 0],
      coupons: [0, 1],
      materials: [5, 1],
      delivery: [5, 1],
      'staff-script': [4, 8],
      'warm-up-push': [0, 7],
      'event-day': [0, 0],
      results: [0, 0],
      'second-touch': [0, 0],
      archive: [0, 1],
    });
    expect([of('warm-up-push').start, of('archive').start]).toEqual(['2026-12-09', '2026-12-19']);
  });
});
