import { describe, expect, it } from 'vitest';
import { checkTransition, freezeStates } from '../../../core/planning/freeze';
import type { FreezeTask } from '../../../core/planning/freeze';
import type { TaskStatus } from '../../../core/planning/types';
import { dep } from './helpers';

const t = (id: number, status: TaskStatus = 'not_started'): FreezeTask => ({
  id,
  name: ['', 'Design', 'Print', 'Ship'][id] ?? `#${id}`,
  status,
});

describe('freezing a task while a predecessor is unfinished', () => {
  it('freezes a finish-to-start successor until the predecessor is done', () => {
    const held = freezeStates([t(1, 'in_progress'), t(2)], [dep(1, 2)]).get(2)!;
    expect(held.frozen).toBe(true);
    expect(held.reason).toBe('waiting for "Design" to be done (FS)');
    expect(freezeStates([t(1, 'done'), t(2)], [dep(1, 2)]).get(2)!.frozen).toBe(false);
    expect(freezeStates([t(1, 'cancelled'), t(2)], [dep(1, 2)]).get(2)!.frozen).toBe(false);
  });

  it('releases a start-to-start successor as soon as the predecessor starts', () => {
    expect(freezeStates([t(1), t(2)], [dep(1, 2, 'SS')]).get(2)!.frozen).toBe(true);
    expect(freezeStates([t(1, 'in_progress'), t(2)], [dep(1, 2, 'SS')]).get(2)!.frozen).toBe(false);
  });

  it('lets a finish-to-finish successor start but holds its finish', () => {
    const notStarted = freezeStates([t(1, 'in_progress'), t(2)], [dep(1, 2, 'FF')]).get(2)!;
    expect(notStarted.frozen).toBe(false);
    const started = freezeStates([t(1, 'in_progress'), t(2, 'in_progress')], [dep(1, 2, 'FF')]);
    expect(started.get(2)!.frozen).toBe(true);
    expect(started.get(2)!.holds[0]!.blocks).toBe('finish');
  });

  it('holds a start-to-finish successor’s finish until the predecessor starts', () => {
    const s = freezeStates([t(1), t(2, 'in_progress')], [dep(1, 2, 'SF')]).get(2)!;
    expect(s.reason).toBe('waiting for "Design" to start (SF)');
  });

  it('names every holding predecessor', () => {
    const s = freezeStates([t(1), t(3, 'in_progress'), t(2)], [dep(1, 2), dep(3, 2)]).get(2)!;
    expect(s.holds.map((h) => h.predecessorName)).toEqual(['Design', 'Ship']);
  });
});

describe('starting a frozen task', () => {
  const state = freezeStates([t(1, 'in_progress'), t(2)], [dep(1, 2)]).get(2)!;

  it('is refused without a reason, naming the predecessor', () => {
    expect(() => checkTransition(t(2), 'in_progress', state, null)).toThrowError(
      expect.objectContaining({
        code: 'planning.task_frozen',
        message: expect.stringContaining('"Print" is frozen: waiting for "Design"'),
      }),
    );
  });

  it('goes through with a reason and returns what was overridden', () => {
    const overridden = checkTransition(t(2), 'in_progress', state, 'supplier shipped early');
    expect(overridden.map((h) => h.predecessorId)).toEqual([1]);
  });

  it('never needs an override to cancel', () => {
    expect(checkTransition(t(2), 'cancelled', state, null)).toEqual([]);
  });
});
