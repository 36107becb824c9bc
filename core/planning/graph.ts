import { CoreError } from '../shared/errors';

/** The edges a cycle check needs: predecessor → successor by task id. */
export interface Edge {
  predecessorId: number;
  successorId: number;
}

/**
 * One cycle among the dependencies, as the ids along it with the first repeated at
 * the end (`[a, b, c, a]`; a self-dependency is `[a, a]`), or null when there is
 * none. Iterative depth-first search: deep plans cannot overflow the stack.
 */
export function findCycle(ids: readonly number[], edges: readonly Edge[]): number[] | null {
  const known = new Set(ids);
  const next = successorsOf(edges, known);
  const state = new Map<number, 'open' | 'closed'>();

  for (const root of ids) {
    if (state.has(root)) continue;
    const path: number[] = [root];
    const cursors: number[] = [0];
    state.set(root, 'open');

    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const succ = next.get(node) ?? [];
      const i = cursors[cursors.length - 1]!;
      if (i >= succ.length) {
        state.set(node, 'closed');
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = i + 1;
      const s = succ[i]!;
      if (state.get(s) === 'open') return [...path.slice(path.indexOf(s)), s];
      if (!state.has(s)) {
        state.set(s, 'open');
        path.push(s);
        cursors.push(0);
      }
    }
  }
  return null;
}

/**
 * Refuses dependencies that form a cycle, with the cycle spelled out in task names:
 * "Design → Print → Design". `label` turns an id into what the planner sees.
 */
export function assertAcyclic(
  ids: readonly number[],
  edges: readonly Edge[],
  label: (id: number) => string,
): void {
  const cycle = findCycle(ids, edges);
  if (!cycle) return;
  const path = cycle.map(label).join(' → ');
  const self = cycle.length === 2;
  throw new CoreError(
    self ? 'planning.self_dependency' : 'planning.cycle',
    self
      ? `A task cannot depend on itself: ${path}. Remove that predecessor.`
      : `These dependencies form a cycle: ${path}. Remove one of them.`,
    { cycle, path },
  );
}

function successorsOf(edges: readonly Edge[], known: Set<number>): Map<number, number[]> {
  const next = new Map<number, number[]>();
  for (const e of edges) {
    if (!known.has(e.predecessorId) || !known.has(e.successorId)) continue;
    const list = next.get(e.predecessorId);
    if (list) list.push(e.successorId);
    else next.set(e.predecessorId, [e.successorId]);
  }
  return next;
}
