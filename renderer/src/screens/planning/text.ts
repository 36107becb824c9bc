import type { TFunction } from 'i18next';
import type { TaskInfo } from '../../../../core/api/planning';
import { ApiCallError } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { zonedParts } from '../../../../core/shared/zoned-time';

/**
 * Words of the planning screens: a core failure as a sentence in the person's language
 * (the cycle or the bad token named), a hold as "waiting for #3 Design to finish".
 */
export function describePlanningError(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError && error.code.startsWith('planning.')) {
    const details = (error.details ?? {}) as Record<string, unknown>;
    const holds = Array.isArray(details.holds)
      ? (details.holds as TaskInfo['holds'])
          .map((h) => holdText(t, h))
          .join(t('planning.hold.separator'))
      : '';
    return describeError(t, error, { holds });
  }
  return describeError(t, error);
}

/** "Waiting for #1 Set the theme to finish (FS)". */
export function holdText(
  t: TFunction,
  hold: { predecessorSeq?: number; predecessorName: string; type: string },
): string {
  const need = hold.type === 'FS' || hold.type === 'FF' ? 'needDone' : 'needStart';
  return t('planning.hold.start', {
    seq: hold.predecessorSeq ?? '?',
    name: hold.predecessorName,
    need: t(`planning.hold.${need}`),
    type: hold.type,
  });
}

/** Why a task is frozen, in the person's language: every hold that keeps it waiting. */
export function frozenText(t: TFunction, task: TaskInfo): string {
  if (!task.frozen) return '';
  const next = task.status === 'not_started' ? 'start' : 'finish';
  const holds = task.holds.filter((h) => h.blocks === next);
  return (holds.length ? holds : task.holds)
    .map((h) => holdText(t, h))
    .join(t('planning.hold.separator'));
}

export function departmentName(t: TFunction, key: string | null): string {
  return key ? t(`planning.dept.${key}`, key) : '';
}

export function metricName(t: TFunction, key: string): string {
  return t(`planning.metric.${key}`, key);
}

/** Today in the project's time zone, from the console's clock (which may be simulated). */
export function dayIn(instant: string | number, zone: string): string {
  return zonedParts(new Date(instant).getTime(), zone).date;
}

/** Saves a file the core produced (base64) under its name. */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  downloadUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(fileName: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
