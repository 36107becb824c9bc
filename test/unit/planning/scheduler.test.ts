import { describe, expect, it } from 'vitest';
import { schedule } from '../../../core/planning/scheduler';
import { calendar, dep, task } from './helpers';

// Working by hand on the 2026 calendar (Monday 2026-11-30 … Sunday 2026-12-06,
// then Monday 2026-12-07): task A starts Wednesday 2026-12-02 and lasts 3 working
// days, so it works Wed 2, Thu 3, Fri 4 December.
const a = task(1, '2026-12-02', 3);

function startOf(deps: ReturnType<typeof dep>[], b = task(2, '2026-11-23', 2)) {
  const s = schedule([a, b], deps, calendar());
  return s.tasks.get(2)!;
}

describe('placing a task after its predecessor in working days', () => {
  it('starts a finish-to-start successor on Monday when the predecessor ends on Friday', () => {
    const b = startOf([dep(1, 2, 'FS')]);
    expect(b.start).toBe('2026-12-07');
    expect(b.finish).toBe('2026-12-08');
    expect(b.shifted).toBe(true);
  });

  it('counts a lag in working days: FS+2 from Friday is Wednesday', () => {
    // Mon 7 is +0, Tue 8 is +1, Wed 9 is +2.
    expect(startOf([dep(1, 2, 'FS', 2)]).start).toBe('2026-12-09');
  });

  it('lets a lead overlap: FS-1 starts on the predecessor’s last day', () => {
    expect(startOf([dep(1, 2, 'FS', -1)]).start).toBe('2026-12-04');
  });

  it('starts a start-to-start successor with the predecessor, or lag days later', () => {
    expect(startOf([dep(1, 2, 'SS')]).start).toBe('2026-12-02');
    expect(startOf([dep(1, 2, 'SS', 2)]).start).toBe('2026-12-04');
    // SS+3 from Wednesday: Thu +1, Fri +2, Mon +3.
    expect(startOf([dep(1, 2, 'SS', 3)]).start).toBe('2026-12-07');
  });

  it('finishes a finish-to-finish successor no earlier than the predecessor', () => {
    // B lasts 2 days and must end on or after Fri 4: Thu 3 + Fri 4.
    const b = startOf([dep(1, 2, 'FF')]);
    expect([b.start, b.finish]).toEqual(['2026-12-03', '2026-12-04']);
    // FF+1: end on or after Mon 7, so Fri 4 + Mon 7, across the weekend.
    const late = startOf([dep(1, 2, 'FF', 1)]);
    expect([late.start, late.finish]).toEqual(['2026-12-04', '2026-12-07']);
  });

  it('finishes a start-to-finish successor no earlier than the predecessor starts', () => {
    // A starts Wed 2, so B's work may end the day before: Mon 30 Nov + Tue 1 Dec.
    const b = startOf([dep(1, 2, 'SF')]);
    expect([b.start, b.finish]).toEqual(['2026-11-30', '2026-12-01']);
    // SF+2: B must end on or after Thu 3: Wed 2 + Thu 3.
    expect(startOf([dep(1, 2, 'SF', 2)]).start).toBe('2026-12-02');
  });

  it('leaves a successor that already starts late enough where it is', () => {
    const b = startOf([dep(1, 2, 'FS')], task(2, '2026-12-10', 2));
    expect(b.start).toBe('2026-12-10');
    expect(b.shifted).toBe(false);
  });

  it('skips holidays: National Day off pushes a successor to the next working day', () => {
    // Holidays Thu 1 – Wed 7 Oct 2026 as a planner entered them; Sat 3 and Sun 4 are
    // weekend anyway. A works Tue 29 and Wed 30 Sep; B may start Thu 8 Oct.
    const cal = calendar([1, 2, 5, 6, 7].map((d) => `2026-10-0${d}`));
    const s = schedule(
      [task(1, '2026-09-29', 2), task(2, '2026-09-01', 1)],
      [dep(1, 2, 'FS')],
      cal,
    );
    expect(s.tasks.get(2)!.start).toBe('2026-10-08');
  });

  it('works a make-up Saturday when the calendar says so', () => {
    // Sat 10 Oct 2026 made a working day: A on Fri 9 is followed by B on Sat 10.
    const cal = calendar([], ['2026-10-10']);
    const s = schedule([task(1, '2026-10-09', 1), task(2, '2026-10-01', 1)], [dep(1, 2)], cal);
    expect(s.tasks.get(2)!.start).toBe('2026-10-10');
  });
});

describe('slack and the critical path', () => {
  it('finds the longer branch critical and gives the shorter one its slack', () => {
    // 1 (2d) → 2 (5d) → 4 (1d) and 1 → 3 (2d) → 4, all from Mon 7 Dec 2026.
    // 1: Mon 7–Tue 8; 2: Wed 9–Tue 15; 3: Wed 9–Thu 10; 4: Wed 16.
    // 3 could end as late as Tue 15: 3 working days of slack (Fri 11, Mon 14, Tue 15).
    const tasks = [
      task(1, '2026-12-07', 2),
      task(2, '2026-12-07', 5),
      task(3, '2026-12-07', 2),
      task(4, '2026-12-07', 1),
    ];
    const s = schedule(tasks, [dep(1, 2), dep(1, 3), dep(2, 4), dep(3, 4)], calendar());
    expect(s.tasks.get(4)!.start).toBe('2026-12-16');
    expect(s.tasks.get(3)!.slack).toBe(3);
    expect(s.tasks.get(3)!.lateStart).toBe('2026-12-14');
    expect(s.criticalPath).toEqual([1, 2, 4]);
    expect([1, 2, 3, 4].map((id) => s.tasks.get(id)!.critical)).toEqual([true, true, false, true]);
    expect([s.start, s.finish]).toEqual(['2026-12-07', '2026-12-16']);
  });
});

describe('dates a planner typed by hand', () => {
  it('keeps a pinned date that breaks a dependency and flags it', () => {
    const b = task(2, '2026-12-03', 1, { pinned: true });
    const s = schedule([a, b], [dep(1, 2)], calendar());
    expect(s.tasks.get(2)!.start).toBe('2026-12-03');
    expect(s.tasks.get(2)!.violations).toEqual([
      { predecessorId: 1, type: 'FS', lag: 0, earliestStart: '2026-12-07' },
    ]);
  });

  it('stops a cancelled predecessor from holding its successor back', () => {
    const s = schedule(
      [{ ...a, status: 'cancelled' as const }, task(2, '2026-12-01', 1)],
      [dep(1, 2)],
      calendar(),
    );
    expect(s.tasks.get(2)!.start).toBe('2026-12-01');
  });
});
