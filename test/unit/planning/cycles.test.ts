import { describe, expect, it } from 'vitest';
import { assertAcyclic, findCycle } from '../../../core/planning/graph';
import { schedule } from '../../../core/planning/scheduler';
import { calendar, dep, task } from './helpers';

const names: Record<number, string> = { 1: 'Design', 2: 'Print', 3: 'Ship', 4: 'Launch' };
const label = (id: number) => names[id] ?? `#${id}`;

describe('refusing dependency cycles with the cycle spelled out', () => {
  it('names both tasks of a 2-cycle', () => {
    expect(() => assertAcyclic([1, 2], [dep(1, 2), dep(2, 1)], label)).toThrow(
      'These dependencies form a cycle: Design → Print → Design.',
    );
  });

  it('refuses a task that depends on itself', () => {
    expect(() => assertAcyclic([1, 2], [dep(1, 2), dep(2, 2)], label)).toThrowError(
      expect.objectContaining({
        code: 'planning.self_dependency',
        message: expect.stringContaining('Print → Print'),
      }),
    );
  });

  it('spells out a long cycle in order, whatever the dependency types', () => {
    const deps = [dep(1, 2, 'SS'), dep(2, 3, 'FF', 2), dep(3, 4), dep(4, 1, 'SF', -1)];
    expect(() => assertAcyclic([1, 2, 3, 4], deps, label)).toThrowError(
      expect.objectContaining({
        code: 'planning.cycle',
        details: expect.objectContaining({ path: 'Design → Print → Ship → Launch → Design' }),
      }),
    );
  });

  it('finds a cycle 3,000 tasks long without overflowing the stack', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => i + 1);
    const deps = ids.map((id) => dep(id, (id % 3000) + 1));
    const cycle = findCycle(ids, deps)!;
    expect(cycle.length).toBe(3001);
    expect(cycle[0]).toBe(cycle[3000]);
  });

  it('accepts a diamond, which shares tasks but has no cycle', () => {
    expect(findCycle([1, 2, 3, 4], [dep(1, 2), dep(1, 3), dep(2, 4), dep(3, 4)])).toBeNull();
  });

  it('refuses to schedule a 2-cycle instead of looping', () => {
    const tasks = [task(1, '2026-12-07', 1), task(2, '2026-12-07', 1)];
    expect(() => schedule(tasks, [dep(1, 2), dep(2, 1)], calendar())).toThrow('T1 → T2 → T1');
  });
});
