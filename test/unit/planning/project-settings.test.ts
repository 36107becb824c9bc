import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import { addStore } from '../../support/crm-builders';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  app = await testApp('2026-12-01T02:00:00Z');
});
afterEach(() => app.cleanup());

const call = <M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>> =>
  callOn(app, name, input);

describe('what a project from a template acts on', () => {
  it('links the audience to the customer tag named in the template, when it exists', async () => {
    const { id } = await app.ctx.db.k
      .insertInto('tags')
      .values({
        key: 'high-value-active',
        name_zh: '高价值活跃',
        name_en: 'High value, active',
        kind: 'rule',
        rule_json: null,
        created_at: 0,
        updated_at: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A scope names stores the database has (an unknown one is refused).
    const stores = [await addStore(app.ctx.db, 'GZ01'), await addStore(app.ctx.db, 'GZ02')];
    const v = await call('projects.createFromTemplate', {
      templateKey: 'quarterly-sales-push',
      anchorDay: '2027-04-01',
      scope: { storeIds: stores, regions: ['华南'] },
      goalTarget: 45,
    });
    const exposure = v.tasks.find((t) => t.key === 'exposure')!;
    expect(exposure.links).toMatchObject({ tagId: id, reach: 1_000_000 });
    expect(v.tasks.find((t) => t.key === 'logistics')!.links.storeIds).toEqual(stores);
    expect(v.project.goal).toMatchObject({ metric: 'sales_growth', target: 45 });
  });
});

describe('changing a project calendar', () => {
  it('re-dates tasks when a closure day is added', async () => {
    const v = await call('projects.createFromTemplate', {
      templateKey: 'staff-training',
      anchorDay: '2027-03-15',
    });
    const classroom = v.tasks.find((t) => t.key === 'classroom')!;
    // Classroom day T = Mon 15 Mar 2027, 2 days: Mon 15 and Tue 16.
    expect([classroom.start, classroom.finish]).toEqual(['2027-03-15', '2027-03-16']);

    // Close Tue 16 for a company event: the second day moves to Wed 17, and the exam
    // (FS after the classroom, planned T+2 = Wed 17) to Thu 18.
    const calendar = {
      ...v.project.calendar,
      holidays: [...v.project.calendar.holidays, '2027-03-16'],
    };
    const after = await call('projects.update', { projectId: v.project.id, calendar });
    const get = (key: string) => after.tasks.find((t) => t.key === key)!;
    expect(get('classroom').finish).toBe('2027-03-17');
    expect(get('exam').start).toBe('2027-03-18');
    expect(after.moved.map((m) => m.id)).toContain(get('exam').id);
  });

  it('works the national make-up Sunday by default, and drops it for one project', async () => {
    // T = Fri 18 Sep 2026. Sun 20 Sep is a make-up working day (2026 arrangement as
    // shipped), so the 2-day classroom works Fri 18 and Sun 20; the exam (T+2 = Sun 20,
    // FS after the classroom) starts Mon 21.
    const v = await call('projects.createFromTemplate', {
      templateKey: 'staff-training',
      anchorDay: '2026-09-18',
    });
    const before = (key: string) => v.tasks.find((t) => t.key === key)!;
    expect([before('classroom').start, before('classroom').finish]).toEqual([
      '2026-09-18',
      '2026-09-20',
    ]);
    expect(before('exam').start).toBe('2026-09-21');

    // These stores keep Sunday off: the classroom's second day moves to Mon 21 and the
    // exam (stored Mon 21) to Tue 22.
    const calendar = {
      ...v.project.calendar,
      workdays: v.project.calendar.workdays.filter((d) => d !== '2026-09-20'),
    };
    const after = await call('projects.update', { projectId: v.project.id, calendar });
    const get = (key: string) => after.tasks.find((t) => t.key === key)!;
    expect(get('classroom').finish).toBe('2026-09-21');
    expect(get('exam').start).toBe('2026-09-22');
  });
});
