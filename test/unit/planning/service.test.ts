import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import type { ProjectView } from '../../../core/api/planning';
import { addStore } from '../../support/crm-builders';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>>;

beforeEach(async () => {
  app = await testApp('2026-12-01T02:00:00Z'); // Tue 1 Dec, 10:00 in Shanghai
});
afterEach(() => app.cleanup());

const call = <M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>> =>
  callOn(app, name, input);

const bySeq = (v: ProjectView, seq: number) => v.tasks.find((t) => t.seq === seq)!;

async function memberDay(storeIds: number[] = []): Promise<ProjectView> {
  return call('projects.createFromTemplate', {
    templateKey: 'member-day',
    anchorDay: '2026-12-12',
    scope: { storeIds, regions: [] },
  });
}

describe('a member-day project from its template', () => {
  it('is dated from D and freezes tasks behind unfinished predecessors', async () => {
    const v = await memberDay();
    expect(v.tasks).toHaveLength(11);
    expect(v.phases.map((p) => p.name)).toEqual(['筹备', '预热', '活动日', '复盘回访']);
    expect([v.start, v.finish]).toEqual(['2026-11-27', '2026-12-19']);
    expect(bySeq(v, 8).start).toBe('2026-12-12');
    expect(bySeq(v, 1).frozen).toBe(false);
    expect(bySeq(v, 2)).toMatchObject({
      frozen: true,
      predecessors: '1',
      frozenReason: 'waiting for "确定主题与会员权益" to be done (FS)',
    });
    expect((await call('projects.list', {})).map((p) => p.tasks)).toEqual([11]);
  });

  it('unfreezes a successor as soon as its predecessor is done', async () => {
    const v = await memberDay();
    const theme = bySeq(v, 1).id;
    await call('tasks.setStatus', { taskId: theme, status: 'in_progress' });
    const after = await call('tasks.setStatus', { taskId: theme, status: 'done' });
    expect(bySeq(after, 2).frozen).toBe(false);
    expect(bySeq(after, 1).progress).toBe(100);
  });

  it('refuses to start a frozen task without a reason and records an override', async () => {
    const v = await memberDay();
    const audience = bySeq(v, 2).id;
    await expect(
      call('tasks.setStatus', { taskId: audience, status: 'in_progress' }),
    ).rejects.toMatchObject({ code: 'planning.task_frozen' });

    app.ctx.now = () => new Date('2026-11-27T02:00:00Z'); // the day theme work starts
    const after = await call('tasks.setStatus', {
      taskId: audience,
      status: 'in_progress',
      overrideReason: 'CRM list reused from last month',
    });
    expect(bySeq(after, 2).status).toBe('in_progress');
    // Started today, Fri 27 Nov in Shanghai, while theme (27–28 Nov) may only be followed
    // from Sun 29 Nov (this calendar has no days off): kept, and flagged.
    expect(bySeq(after, 2).start).toBe('2026-11-27');
    expect(bySeq(after, 2).violations.map((x) => x.predecessorSeq)).toEqual([1]);
    expect(await call('projects.overrides', { projectId: v.project.id })).toEqual([
      expect.objectContaining({
        taskName: '圈选会员人群',
        reason: 'CRM list reused from last month',
        heldBy: ['确定主题与会员权益'],
      }),
    ]);
  });

  it('keeps who overrode a freeze, when, and which row the task is', async () => {
    const v = await memberDay();
    app.ctx.now = () => new Date('2026-11-27T02:00:00Z'); // 10:00 in Shanghai
    await call('tasks.setStatus', {
      taskId: bySeq(v, 5).id,
      status: 'in_progress',
      overrideReason: '供应商已确认',
      overrideBy: ' 王店长 ',
    });
    await call('tasks.setStatus', {
      taskId: bySeq(v, 3).id,
      status: 'in_progress',
      overrideReason: '券模板沿用',
    });
    const log = await call('projects.overrides', { projectId: v.project.id });
    expect(log.map((o) => [o.taskSeq, o.by, o.at, o.from, o.to, o.heldBy])).toEqual([
      [
        5,
        '王店长',
        '2026-11-27T02:00:00.000Z',
        'not_started',
        'in_progress',
        ['海报与小程序页面设计'],
      ],
      [3, null, '2026-11-27T02:00:00.000Z', 'not_started', 'in_progress', ['确定主题与会员权益']],
    ]);
  });

  it('refuses cycles from predecessor text with the cycle spelled out, storing nothing', async () => {
    const v = await memberDay();
    const first = bySeq(v, 1).id;
    await expect(call('tasks.setPredecessors', { taskId: first, text: '2' })).rejects.toMatchObject(
      {
        code: 'planning.cycle',
        message: expect.stringContaining(
          '#1 确定主题与会员权益 → #2 圈选会员人群 → #1 确定主题与会员权益',
        ),
      },
    );
    await expect(call('tasks.setPredecessors', { taskId: first, text: '1' })).rejects.toMatchObject(
      { code: 'planning.self_dependency' },
    );
    await expect(
      call('tasks.setPredecessors', { taskId: first, text: '11FS+1' }),
    ).rejects.toMatchObject({ code: 'planning.cycle', message: expect.stringMatching(/→ #11 /) });
    await expect(
      call('tasks.setPredecessors', { taskId: first, text: '3, 99SS' }),
    ).rejects.toMatchObject({ code: 'planning.predecessor_unknown' });
    await expect(
      call('tasks.setPredecessors', { taskId: first, text: '3, 4XS' }),
    ).rejects.toMatchObject({ code: 'planning.predecessor_invalid' });
    expect(bySeq(await call('projects.get', { projectId: v.project.id }), 1).predecessors).toBe('');
  });

  it('lists what a store is waiting on, and who holds it', async () => {
    // A scope names stores the database has (an unknown one is refused).
    const [store, other] = [await addStore(app.ctx.db, 'SH07'), await addStore(app.ctx.db, 'SH08')];
    await memberDay([store]);
    const waiting = await call('tasks.waiting', { storeId: store });
    expect(waiting.map((w) => w.taskName)).toEqual(['物料与赠品配送到店', '会员日门店执行']);
    expect(waiting[0]!.waitingOn.map((h) => h.name)).toEqual(['海报与小程序页面设计']);
    expect(await call('tasks.waiting', { storeId: other })).toEqual([]);
  });
});

describe('moving tasks through the scheduler', () => {
  // A (5 days) → B (3 days) → C (2 days), all planned for Mon 7 Dec 2026:
  // A Mon 7 – Fri 11, B Mon 14 – Wed 16, C Thu 17 – Fri 18.
  async function chain(): Promise<ProjectView> {
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
        key: 'test-chain',
        nameZh: '链',
        nameEn: 'Chain',
        anchor: { kind: 'D', labelZh: 'D', labelEn: 'D' },
        goal: { metric: 'x', unit: '', target: 1, periodDays: 5 },
        phases: [{ key: 'all', nameZh: '全部', nameEn: 'All' }],
        tasks: [step('a', 5), step('b', 3, 'a'), step('c', 2, 'b')],
      },
    });
    return call('projects.createFromTemplate', {
      templateKey: 'test-chain',
      anchorDay: '2026-12-07',
    });
  }

  it('moves successors as far as they must, and not back again', async () => {
    const v = await chain();
    expect(v.tasks.map((t) => t.start)).toEqual(['2026-12-07', '2026-12-14', '2026-12-17']);
    expect(v.criticalPath).toEqual(v.tasks.map((t) => t.id));

    // A from Wed 9: Wed 9 – Tue 15, so B Wed 16 – Fri 18 and C Mon 21 – Tue 22.
    const later = await call('tasks.move', { taskId: bySeq(v, 1).id, start: '2026-12-09' });
    expect(later.tasks.map((t) => t.start)).toEqual(['2026-12-09', '2026-12-16', '2026-12-21']);
    expect(later.moved.map((m) => [m.from, m.to])).toEqual([
      ['2026-12-07', '2026-12-09'],
      ['2026-12-14', '2026-12-16'],
      ['2026-12-17', '2026-12-21'],
    ]);

    const back = await call('tasks.move', { taskId: bySeq(v, 1).id, start: '2026-12-07' });
    expect(back.tasks.map((t) => t.start)).toEqual(['2026-12-07', '2026-12-16', '2026-12-21']);
    // A ends Fri 11, B keeps Wed 16: the two days between (Mon 14, Tue 15) are B's
    // buffer, not A's slack, so A stays on the critical chain.
    expect([bySeq(back, 2).buffer, bySeq(back, 1).slack]).toEqual([2, 0]);
    expect(back.criticalPath).toEqual(back.tasks.map((t) => t.id));
  });

  it('follows the real finish of a started task, pushing successors when it ends late', async () => {
    const v = await chain();
    const a = bySeq(v, 1).id;
    app.ctx.now = () => new Date('2026-12-07T01:00:00Z'); // Mon 7 Dec, 09:00 in Shanghai
    await call('tasks.setStatus', { taskId: a, status: 'in_progress' });
    // Done on Tue 15: 7 working days (7–11, 14, 15); B may start Wed 16, C Mon 21.
    app.ctx.now = () => new Date('2026-12-15T09:00:00Z');
    const late = await call('tasks.setStatus', { taskId: a, status: 'done' });
    expect([bySeq(late, 1).duration, bySeq(late, 1).finish]).toEqual([7, '2026-12-15']);
    expect([bySeq(late, 2).start, bySeq(late, 3).start]).toEqual(['2026-12-16', '2026-12-21']);
    expect(bySeq(late, 2).frozen).toBe(false);
  });

  it('places a dragged task at the earliest allowed day and says why', async () => {
    const v = await chain();
    const moved = await call('tasks.move', { taskId: bySeq(v, 3).id, start: '2026-12-14' });
    expect(bySeq(moved, 3).start).toBe('2026-12-17');
    expect(moved.adjusted).toMatchObject({ requested: '2026-12-14', placed: '2026-12-17' });
    expect(moved.adjusted!.reason).toContain('#2 B (FS)');
  });

  it('keeps a typed date that breaks a dependency and flags it', async () => {
    const v = await chain();
    const typed = await call('tasks.move', {
      taskId: bySeq(v, 3).id,
      start: '2026-12-14',
      pin: true,
    });
    expect(bySeq(typed, 3)).toMatchObject({ start: '2026-12-14', pinned: true });
    expect(bySeq(typed, 3).violations).toEqual([
      {
        predecessorId: bySeq(v, 2).id,
        predecessorSeq: 2,
        type: 'FS',
        lag: 0,
        earliestStart: '2026-12-17',
      },
    ]);
    expect((await call('projects.list', {}))[0]!.conflicts).toBe(1);
  });

  it('accepts a paste that is acyclic as a whole, whatever its row order', async () => {
    const v = await chain();
    const [a, b, c] = [1, 2, 3].map((seq) => bySeq(v, seq).id);
    // Row by row, "B after C" would first meet C-after-B; together they mean A → C → B.
    const pasted = await call('tasks.setPredecessorsMany', {
      projectId: v.project.id,
      rows: [
        { taskId: b!, text: '3' },
        { taskId: c!, text: '1' },
      ],
    });
    expect(pasted.tasks.map((t) => t.predecessors)).toEqual(['', '3', '1']);
    // C keeps its planned Thu 17 (A, Mon 7 – Fri 11, allows Mon 14), so B follows on
    // Mon 21. C's 3 days of buffer (14, 15, 16) are not slack: A still drives C, and
    // the critical chain runs A → C → B.
    expect(pasted.tasks.map((t) => t.start)).toEqual(['2026-12-07', '2026-12-21', '2026-12-17']);
    expect(bySeq(pasted, 3).buffer).toBe(3);
    expect(pasted.criticalPath).toEqual([a, c, b]);
    await expect(
      call('tasks.setPredecessorsMany', {
        projectId: v.project.id,
        rows: [{ taskId: a!, text: '2, 3FX' }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('row 1 (A): Cannot read "3FX"') });
  });

  it('adds, rewires and deletes tasks, renumbering rows', async () => {
    const v = await chain();
    const added = await call('tasks.create', {
      projectId: v.project.id,
      name: 'D',
      duration: 1,
      predecessors: '1SS+2',
    });
    // SS+2 from Mon 7: Wed 9.
    expect(bySeq(added, 4)).toMatchObject({
      name: 'D',
      start: '2026-12-09',
      predecessors: '1SS+2',
    });
    const gone = await call('tasks.delete', { taskId: bySeq(v, 2).id });
    expect(gone.tasks.map((t) => [t.seq, t.name])).toEqual([
      [1, 'A'],
      [2, 'C'],
      [3, 'D'],
    ]);
    expect(bySeq(gone, 3).predecessors).toBe('1SS+2');
  });
});

describe('templates over the contract', () => {
  it('lists the eleven built-ins and keeps edits as new versions', async () => {
    const list = await call('templates.list', {});
    expect(list.filter((t) => t.builtin)).toHaveLength(11);
    const t = await call('templates.get', { key: 'clearance' });
    const saved = await call('templates.save', { template: { ...t, nameEn: 'Clearance sale' } });
    expect([saved.version, saved.versions]).toEqual([2, [1, 2]]);
    expect((await call('templates.get', { key: 'clearance', version: 1 })).nameEn).toBe(
      'End-of-season clearance',
    );
  });

  it('saves a project as a template with its dependencies', async () => {
    const v = await memberDay();
    await call('templates.saveFromProject', {
      projectId: v.project.id,
      key: 'my-member-day',
      nameZh: '我的会员日',
      nameEn: 'My member day',
    });
    const again = await call('projects.createFromTemplate', {
      templateKey: 'my-member-day',
      anchorDay: '2026-12-12',
    });
    expect(again.tasks.map((t) => [t.start, t.predecessors])).toEqual(
      v.tasks.map((t) => [t.start, t.predecessors]),
    );
  });

  it('refuses a template with a cycle and names it', async () => {
    const t = await call('templates.get', { key: 'store-display-refresh' });
    t.tasks[0]!.dependsOn = [{ task: 'fixes', type: 'FS', lag: 0 }];
    await expect(call('templates.save', { template: t })).rejects.toMatchObject({
      code: 'planning.cycle',
      message: expect.stringContaining('陈列指引设计 → 道具采购'),
    });
  });
});

describe('exporting the plan', () => {
  it('writes CSV with a BOM and one row per task, and an XLSX Excel can read', async () => {
    const v = await memberDay();
    const csv = await call('projects.export', { projectId: v.project.id, format: 'csv' });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    const lines = text.trim().split('\r\n');
    expect(text.startsWith('\uFEFF序号,阶段,任务')).toBe(true);
    expect(lines).toHaveLength(12);
    expect(lines[2]).toContain('圈选会员人群');

    const xlsx = await call('projects.export', {
      projectId: v.project.id,
      format: 'xlsx',
      lang: 'en',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('plan')!;
    expect(sheet.rowCount).toBe(12);
    expect(sheet.getRow(1).getCell(3).value).toBe('Task');
  });
});
