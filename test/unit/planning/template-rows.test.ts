import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../core/planning/templates';
import {
  RowError,
  addRow,
  deleteRow,
  rowsToTemplate,
  templateToRows,
} from '../../../renderer/src/screens/planning/templateRows';

// A three-task template written by hand: b waits for a (FS), c starts 2 days after b starts.
const template = parseTemplate(
  {
    key: 'tiny',
    version: 3,
    nameZh: '小模板',
    nameEn: 'Tiny',
    anchor: { kind: 'T', labelZh: '开业日', labelEn: 'Opening day' },
    goal: { metric: 'sales', unit: 'fen', target: 100, periodDays: 30 },
    phases: [{ key: 'p', nameZh: '阶段', nameEn: 'Phase' }],
    tasks: [
      {
        key: 'a',
        phase: 'p',
        nameZh: '甲',
        nameEn: 'A',
        department: 'crm',
        offset: -15,
        duration: 2,
      },
      {
        key: 'b',
        phase: 'p',
        nameZh: '乙',
        nameEn: 'B',
        department: 'design',
        offset: 0,
        duration: 1,
        dependsOn: [{ task: 'a' }],
      },
      {
        key: 'c',
        phase: 'p',
        nameZh: '丙',
        nameEn: 'C',
        department: 'crm',
        offset: 30,
        duration: 0,
        dependsOn: [{ task: 'b', type: 'SS', lag: 2 }],
        checklist: ['核对'],
      },
    ],
  },
  'test',
);
const names = { nameZh: '小模板', nameEn: 'Tiny' };

describe('template task table', () => {
  it('shows offsets from the anchor and predecessors by row number', () => {
    const rows = templateToRows(template);
    expect(rows.map((r) => r.offset)).toEqual(['T-15', 'T0', 'T+30']);
    expect(rows.map((r) => r.predecessors)).toEqual(['', '1', '2SS+2']);
  });

  it('gives back the same tasks when nothing was edited, without the version', () => {
    const next = rowsToTemplate(template, names, templateToRows(template));
    expect(next.version).toBeUndefined();
    expect(next.tasks).toEqual(template.tasks);
  });

  it('reads typed offsets, durations and predecessor text into task keys', () => {
    const rows = templateToRows(template);
    rows[0] = { ...rows[0]!, offset: 'd -20', duration: ' 4 ' };
    rows[2] = { ...rows[2]!, offset: '7', predecessors: '1FF-1, 2' };
    const next = rowsToTemplate(template, names, rows);
    expect(next.tasks[0]).toMatchObject({ offset: -20, duration: 4 });
    expect(next.tasks[2]!.offset).toBe(7);
    expect(next.tasks[2]!.dependsOn).toEqual([
      { task: 'a', type: 'FF', lag: -1 },
      { task: 'b', type: 'FS', lag: 0 },
    ]);
    expect(next.tasks[2]!.checklist).toEqual(['核对']);
  });

  it('refuses an unreadable offset, a fractional duration and a row that does not exist', () => {
    const rows = templateToRows(template);
    const attempt = (row: number, patch: object) => () =>
      rowsToTemplate(
        template,
        names,
        rows.map((r, i) => (i === row ? { ...r, ...patch } : r)),
      );
    expect(attempt(1, { offset: 'D-x' })).toThrow(RowError);
    expect(attempt(1, { duration: '1.5' })).toThrow(/badDuration in row 2/);
    expect(attempt(2, { predecessors: '9' })).toThrow(/predecessorUnknown in row 3: 9/);
    expect(attempt(2, { predecessors: '2XX' })).toThrow(/Cannot read "2XX"/);
  });
});

describe('adding and deleting template tasks', () => {
  it('adds an empty task on the anchor day with a fresh key, refused until it has names', () => {
    const rows = addRow(templateToRows(template), 'T', 'p');
    expect(rows[3]).toMatchObject({ key: 'task-4', offset: 'T0', duration: '1', phase: 'p' });
    expect(() => rowsToTemplate(template, names, rows)).toThrow(/nameMissing in row 4/);

    rows[3] = { ...rows[3]!, nameZh: '丁', nameEn: 'D', predecessors: '3FS+1' };
    const next = parseTemplate({ ...rowsToTemplate(template, names, rows), version: 4 }, 'test');
    expect(next.tasks[3]).toMatchObject({ key: 'task-4', offset: 0, duration: 1 });
    expect(next.tasks[3]!.dependsOn).toEqual([{ task: 'c', type: 'FS', lag: 1 }]);
  });

  it('deletes a task with its links and renumbers later rows, saying which rows changed', () => {
    // Four rows: d (row 4) waits for a (1) and c (3). Deleting b (row 2) drops c's
    // link "2SS+2"; c becomes row 2, so d's "1, 3" becomes "1, 2".
    const rows = addRow(templateToRows(template), 'T', 'p');
    rows[3] = { ...rows[3]!, nameZh: '丁', nameEn: 'D', predecessors: '1, 3' };
    const { rows: left, unlinked } = deleteRow(rows, 1);
    expect(left.map((r) => [r.key, r.predecessors])).toEqual([
      ['a', ''],
      ['c', ''],
      ['task-4', '1, 2'],
    ]);
    expect(unlinked).toEqual([2]);
    const next = rowsToTemplate(template, names, left);
    expect(next.tasks[2]!.dependsOn.map((d) => d.task)).toEqual(['a', 'c']);
  });

  it('refuses to delete while a predecessor cell cannot be read', () => {
    const rows = templateToRows(template);
    rows[2] = { ...rows[2]!, predecessors: '2XX' };
    expect(() => deleteRow(rows, 0)).toThrow(/Cannot read "2XX"/);
  });
});
