import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectView } from '../../../core/api/planning';
import { releasedTasks, statusChangeText } from '../../../renderer/src/screens/planning/released';
import { translator } from '../i18n/translator';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  app = await testApp('2026-12-01T02:00:00Z');
});
afterEach(() => app.cleanup());

async function memberDay(): Promise<ProjectView> {
  return callOn(app, 'projects.createFromTemplate', {
    templateKey: 'member-day',
    anchorDay: '2026-12-12',
    lang: 'en',
    scope: { storeIds: [], regions: [] },
  });
}

const finish = (view: ProjectView, seq: number) =>
  callOn(app, 'tasks.setStatus', {
    taskId: view.tasks.find((t) => t.seq === seq)!.id,
    status: 'done',
  });

describe('what finishing a task released', () => {
  it('names the tasks that were waiting only for it, by number and name', async () => {
    // resources/templates/member-day.json: #2, #3, #4 and #6 depend on #1 (theme) alone,
    // FS; #5 waits for #4, #7 for #2 and #3, so they stay frozen.
    const before = await memberDay();
    const after = await finish(before, 1);
    const released = releasedTasks(before, after);
    expect(released.map((r) => r.seq)).toEqual([2, 3, 4, 6]);

    const text = statusChangeText(await translator('en'), before.tasks[0]!, 'done', released);
    expect(text).toBe(
      'Finished #1 Set the theme and member benefits. No longer frozen: ' +
        '#2 Select the member audience, #3 Configure coupons and points rules, ' +
        '#4 Design posters and the mini-program page, #6 Train staff on the member-day script',
    );
  });

  it('says only what was done when nothing was waiting for the task', async () => {
    // After #1, finishing #2 alone does not free #7 (it also waits for #3).
    const first = await finish(await memberDay(), 1);
    const second = await finish(first, 2);
    const zh = await translator('zh-CN');
    const task = first.tasks.find((t) => t.seq === 2)!;
    expect(releasedTasks(first, second)).toEqual([]);
    expect(statusChangeText(zh, task, 'done', [])).toBe('已完成 #2 Select the member audience');
  });
});
