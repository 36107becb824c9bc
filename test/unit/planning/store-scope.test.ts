import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import { addStore } from '../../support/crm-builders';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  app = await testApp('2026-12-05T02:00:00Z');
});
afterEach(() => app.cleanup());

const call = <M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>> =>
  callOn(app, name, input);

const projects = async () => (await call('projects.list', {})).length;

describe('the stores a project scope can name', () => {
  it('lists every store by code with its name, for the scope picker', async () => {
    // Added out of code order: the picker lists them SH01, SH02, SZ01.
    await addStore(app.ctx.db, 'SZ01', '深圳南山店');
    await addStore(app.ctx.db, 'SH02', '静安店');
    await addStore(app.ctx.db, 'SH01', '徐汇店');
    const stores = await call('stores.list', {});
    expect(stores.map((s) => [s.code, s.name])).toEqual([
      ['SH01', '徐汇店'],
      ['SH02', '静安店'],
      ['SZ01', '深圳南山店'],
    ]);
  });

  it('keeps the stores chosen for a new project and shows them in its view', async () => {
    const sh02 = await addStore(app.ctx.db, 'SH02', '静安店');
    const v = await call('projects.createFromTemplate', {
      templateKey: 'customer-win-back',
      anchorDay: '2026-12-07',
      scope: { storeIds: [sh02], regions: ['华东'] },
    });
    expect(v.project.scope).toEqual({ storeIds: [sh02], regions: ['华东'] });
    const again = await call('projects.get', { projectId: v.project.id });
    expect(again.project.scope.storeIds).toEqual([sh02]);
  });

  it('refuses a new project naming a store the database does not have, saving nothing', async () => {
    const sh02 = await addStore(app.ctx.db, 'SH02', '静安店');
    const missing = sh02 + 100;
    await expect(
      call('projects.createFromTemplate', {
        templateKey: 'customer-win-back',
        anchorDay: '2026-12-07',
        scope: { storeIds: [sh02, missing], regions: [] },
      }),
    ).rejects.toMatchObject({
      code: 'planning.unknown_store',
      message: expect.stringContaining(`no store #${missing}`),
      details: { storeIds: [missing], stores: `#${missing}` },
    });
    expect(await projects()).toBe(0);
  });

  it('refuses an unknown store when a scope or a task link is changed, keeping the old', async () => {
    const sh01 = await addStore(app.ctx.db, 'SH01', '徐汇店');
    const v = await call('projects.createFromTemplate', {
      templateKey: 'customer-win-back',
      anchorDay: '2026-12-07',
      scope: { storeIds: [sh01], regions: [] },
    });
    const projectId = v.project.id;
    await expect(
      call('projects.update', { projectId, scope: { storeIds: [sh01, 999], regions: [] } }),
    ).rejects.toMatchObject({ code: 'planning.unknown_store', details: { storeIds: [999] } });
    await expect(
      call('tasks.update', { taskId: v.tasks[0]!.id, links: { storeIds: [998] } }),
    ).rejects.toMatchObject({ code: 'planning.unknown_store', details: { storeIds: [998] } });
    await expect(
      call('tasks.create', { projectId, name: '巡店', links: { storeIds: [997] } }),
    ).rejects.toMatchObject({ code: 'planning.unknown_store' });

    const after = await call('projects.get', { projectId });
    expect(after.project.scope.storeIds).toEqual([sh01]);
    expect(after.tasks).toHaveLength(v.tasks.length);
    expect(after.tasks[0]!.links.storeIds).toEqual(v.tasks[0]!.links.storeIds);
  });
});
