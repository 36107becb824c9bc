import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../core/planning/templates';
import {
  RowError,
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
