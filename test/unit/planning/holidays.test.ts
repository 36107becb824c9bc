import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../../core/planning/builtin-templates';
import { WorkCalendar } from '../../../core/planning/calendar';
import {
  chineseArrangementStatus,
  chineseMakeUpWorkdays,
  chineseStoreCalendar,
} from '../../../core/planning/holidays';
import { instantiate } from '../../../core/planning/instantiate';
import { schedule } from '../../../core/planning/scheduler';
import { dep, task } from './helpers';

const store = () => new WorkCalendar(chineseStoreCalendar());
const displayRefresh = builtinTemplates().find((t) => t.key === 'store-display-refresh')!;
const scope = { storeIds: [7], regions: ['华北'] };

describe('make-up working days (调休) in the store calendar', () => {
  it('works on a make-up Sunday and rests on a bridge day, by default', () => {
    const c = store();
    // 2026 arrangement as shipped: Sun 4 Jan and Sun 20 Sep are make-up working days;
    // Fri 2 Jan and Mon 5 Oct are bridge days off; Sun 11 Oct stays a plain Sunday.
    expect(c.isWorkingDay('2026-01-04')).toBe(true);
    expect(c.isWorkingDay('2026-09-20')).toBe(true);
    expect(c.isWorkingDay('2026-01-02')).toBe(false);
    expect(c.isWorkingDay('2026-10-05')).toBe(false);
    expect(c.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('says which years still need their arrangement checked against the notice', () => {
    expect(chineseArrangementStatus()).toEqual({ '2026': 'confirmed', '2027': 'missing' });
    // Every make-up working day is a Saturday or a Sunday (ISO 6 or 7).
    for (const { day } of chineseMakeUpWorkdays()) {
      expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    }
  });

  it("follows the State Council's 2026 notice day by day", () => {
    // The notice of 4 Nov 2025 (国务院办公厅关于2026年部分节假日安排的通知), transcribed:
    // 元旦 1–3 Jan off, Sun 4 Jan works; 春节 15–23 Feb off, Sat 14 and Sat 28 Feb work;
    // 清明 4–6 Apr off; 劳动节 1–5 May off, Sat 9 May works; 端午 19–21 Jun off;
    // 中秋 25–27 Sep off; 国庆 1–7 Oct off, Sun 20 Sep and Sat 10 Oct work.
    const off = [
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ];
    const working = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20'];
    const c = store();
    for (const [from, to] of off) {
      for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`);) {
        const day = d.toISOString().slice(0, 10);
        expect(c.isWorkingDay(day), day).toBe(false);
        d = new Date(d.getTime() + 86_400_000);
      }
    }
    for (const day of [...working, '2026-10-10']) expect(c.isWorkingDay(day), day).toBe(true);
    // The day before and after each stretch off is a working day unless it is a weekend.
    expect(c.isWorkingDay('2026-02-24')).toBe(true);
    expect(c.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('starts a finish-to-start successor on the make-up Sunday, with no lag', () => {
    // A: Fri 18 Sep 2026, 1 day. The next working day is Sun 20 Sep (make-up day),
    // not Mon 21. B (2 days, planned Thu 17) works Sun 20 and Mon 21.
    const s = schedule(
      [task(1, '2026-09-18', 1), task(2, '2026-09-17', 2)],
      [dep(1, 2, 'FS')],
      store(),
    );
    expect([s.tasks.get(2)!.start, s.tasks.get(2)!.finish]).toEqual(['2026-09-20', '2026-09-21']);
  });

  it('carries a task over New Year 2026 onto the make-up Sunday', () => {
    // A: Wed 31 Dec 2025, 2 days. Thu 1 Jan holiday, Fri 2 bridge day, Sat 3 weekend,
    // Sun 4 make-up day: A works Wed 31 and Sun 4; its FS successor starts Mon 5.
    const s = schedule(
      [task(1, '2025-12-31', 2), task(2, '2025-12-01', 1)],
      [dep(1, 2, 'FS')],
      store(),
    );
    expect(s.tasks.get(1)!.finish).toBe('2026-01-04');
    expect(s.tasks.get(2)!.start).toBe('2026-01-05');
  });
});

describe('dating a template around Spring Festival 2027', () => {
  it('skips the statutory break (Fri 5 – Mon 8 Feb) with the calendar as shipped', () => {
    // D = Tue 9 Feb 2027. 2027 has statutory days only: Fri 5 (eve), Mon 8 off, and
    // the weekend Sat 6, Sun 7. Worked by hand:
    // guide D-21 = Tue 19 Jan, 5 days: 19, 20, 21, 22, Mon 25.
    // props D-16 = Sun 24 → Fri 22 (before D: previous working day); FS guide → Tue 26;
    //   5 days: 26, 27, 28, 29, Mon 1 Feb.
    // delivery D-10 = Sat 30 Jan → Fri 29; FS props → Tue 2 Feb; 3 days: 2, 3, Thu 4.
    // refresh D-5 = Thu 4; FS delivery → Tue 9 (5–8 off); 3 days: 9, 10, Thu 11.
    // photos D = Tue 9; SS+1 → Wed 10; FF+1: finish ≥ Thu 11 + 1 = Fri 12, 2 days → Thu 11.
    // fixes D+2 = Thu 11; FS photos (Thu 11, Fri 12) → Mon 15.
    const p = instantiate(displayRefresh, { anchorDay: '2027-02-09', scope });
    expect(Object.fromEntries(p.tasks.map((t) => [t.key, t.start]))).toEqual({
      guide: '2027-01-19',
      props: '2027-01-26',
      delivery: '2027-02-02',
      refresh: '2027-02-09',
      photos: '2027-02-11',
      fixes: '2027-02-15',
    });
  });

  it('uses a make-up Sunday the planner adds to this project’s calendar', () => {
    // The 2027 notice is not in the data; here the planner makes Sun 31 Jan 2027 a
    // working day for this project only (a test value, not a claim about the notice).
    // guide as before, ends Mon 25. props Tue 26: 26, 27, 28, 29, Sun 31.
    // delivery D-10 = Sat 30 → Fri 29; FS props → Mon 1 Feb; 3 days: 1, 2, Wed 3.
    // refresh D-5 = Thu 4, after delivery: 3 days: Thu 4, Tue 9, Wed 10.
    // photos D = Tue 9; SS+1 → Tue 9; FF+1: finish ≥ Wed 10 + 1 = Thu 11 → starts Wed 10.
    // fixes D+2 = Thu 11; FS photos (Wed 10, Thu 11) → Fri 12.
    const shipped = chineseStoreCalendar();
    const calendar = { ...shipped, workdays: [...shipped.workdays, '2027-01-31'] };
    const p = instantiate(displayRefresh, { anchorDay: '2027-02-09', scope, calendar });
    expect(Object.fromEntries(p.tasks.map((t) => [t.key, t.start]))).toEqual({
      guide: '2027-01-19',
      props: '2027-01-26',
      delivery: '2027-02-01',
      refresh: '2027-02-04',
      photos: '2027-02-10',
      fixes: '2027-02-12',
    });
    expect(p.calendar.workdays).toContain('2027-01-31');
  });

  it('lets a project take a national make-up day off by dropping it from its calendar', () => {
    const shipped = chineseStoreCalendar();
    const mine = new WorkCalendar({
      ...shipped,
      workdays: shipped.workdays.filter((d) => d !== '2026-09-20'),
    });
    expect(mine.isWorkingDay('2026-09-20')).toBe(false);
    expect(mine.isWorkingDay('2026-10-10')).toBe(true);
  });
});
