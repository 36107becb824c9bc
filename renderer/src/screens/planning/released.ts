import type { TFunction } from 'i18next';
import type { ProjectView, TaskInfo, TaskStatus } from '../../../../core/api/planning';

/** The tasks a change released: frozen before it, no longer frozen after it, in task order. */
export function releasedTasks(before: ProjectView, after: ProjectView): TaskInfo[] {
  const wasFrozen = new Set(before.tasks.filter((t) => t.frozen).map((t) => t.id));
  return after.tasks
    .filter((t) => wasFrozen.has(t.id) && !t.frozen && t.status === 'not_started')
    .sort((a, b) => a.seq - b.seq);
}

/**
 * What a start or finish did, in a sentence: "Finished #1 Set the theme. No longer
 * frozen: #2 Pick the tag, #3 Book the ads." Null for other changes that released nothing.
 */
export function statusChangeText(
  t: TFunction,
  task: { seq: number; name: string },
  status: TaskStatus,
  released: TaskInfo[],
): string | null {
  const done =
    status === 'done' || status === 'in_progress'
      ? t(`planning.grid.${status === 'done' ? 'finished' : 'started'}`, {
          seq: task.seq,
          name: task.name,
        })
      : null;
  if (!released.length) return done;

  const tasks = released
    .map((r) => t('planning.grid.taskLabel', { seq: r.seq, name: r.name }))
    .join(t('planning.grid.listSeparator'));
  return done
    ? t('planning.grid.released', { done, tasks })
    : t('planning.grid.releasedOnly', { tasks });
}
