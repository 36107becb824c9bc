import { describe, expect, it } from 'vitest';
import { firstPlannedStart } from '../../../core/api/planning';
import { builtinTemplates } from '../../../core/planning/builtin-templates';
import { instantiate } from '../../../core/planning/instantiate';
import type { Template } from '../../../core/planning/templates';

/*
 * The new-project form warns "the first task would start on <day>, before today" by
 * firstPlannedStart, the rule instantiate dates tasks with. Days worked by hand:
 * 2026-12-04 is a Friday, 12-05 Saturday, 12-06 Sunday, 12-07 Monday; the quarterly push
 * keeps Saturday and Sunday off and its first task sits at T-30.
 */
const quarterly = builtinTemplates().find((t) => t.key === 'quarterly-sales-push')!;

/** The template with every offset moved by `days` (a planner's own template). */
const shifted = (template: Template, days: number): Template => ({
  ...template,
  tasks: template.tasks.map((t) => ({ ...t, offset: t.offset + days })),
});

/** The first start of the project instantiate dates, the scheduler's pushes included. */
const created = (template: Template, anchorDay: string, today: string) =>
  instantiate(template, { anchorDay, today, scope: { storeIds: [], regions: [] } })
    .tasks.map((t) => t.start)
    .sort()[0];

describe("the new-project form's first start", () => {
  it('names the working day a past day off is rounded back to, not the day off', () => {
    // T = 2027-01-05: T-30 = Sun 12-06, a day off. Today Mon 12-07: the task starts on the
    // working day before, Fri 12-04 (the old warning named Sunday 12-06).
    expect(firstPlannedStart(quarterly, '2027-01-05', '2026-12-07')).toBe('2026-12-04');
    expect(created(quarterly, '2027-01-05', '2026-12-07')).toBe('2026-12-04');
  });

  it('does not warn when a day off is rounded forward to today or later', () => {
    // A planner's template whose first task is at T+0: T = Sat 12-05, today Sun 12-06.
    // The task moves to Mon 12-07, not in the past (the old warning compared Sat 12-05).
    const ownTemplate = shifted(quarterly, 30);
    const first = firstPlannedStart(ownTemplate, '2026-12-05', '2026-12-06');
    expect(first).toBe('2026-12-07');
    expect(first! < '2026-12-06').toBe(false);
    expect(created(ownTemplate, '2026-12-05', '2026-12-06')).toBe('2026-12-07');
  });

  it('never rolls a day off back before today, as creating the project does not', () => {
    // T = 2027-01-04: T-30 = Sat 12-05, today. Rolling back would give Fri 12-04 (past),
    // so it moves forward to Mon 12-07: no warning.
    expect(firstPlannedStart(quarterly, '2027-01-04', '2026-12-05')).toBe('2026-12-07');
    expect(created(quarterly, '2027-01-04', '2026-12-05')).toBe('2026-12-07');
  });

  it('still says a start the anchor itself puts in the past', () => {
    // T = 2027-01-01: T-30 = Wed 12-02, a working day before today (Sat 12-05): it stays.
    expect(firstPlannedStart(quarterly, '2027-01-01', '2026-12-05')).toBe('2026-12-02');
    expect(created(quarterly, '2027-01-01', '2026-12-05')).toBe('2026-12-02');
  });

  it('agrees with the dated project for every built-in template', () => {
    for (const template of builtinTemplates()) {
      for (const anchor of ['2026-12-05', '2026-12-20', '2027-01-01']) {
        const today = '2026-12-06';
        expect(firstPlannedStart(template, anchor, today), template.key).toBe(
          created(template, anchor, today),
        );
      }
    }
  });
});
