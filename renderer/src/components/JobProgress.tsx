import { Progress, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../core/api/system';
import { formatNumber } from '../shell/format';
import { useLocale } from '../shell/locale';

interface Props {
  status: JobStatus | null;
  failed?: boolean;
  /** Accessible name of the bar, e.g. "Import progress". */
  label: string;
  /** The job's phase as a sentence, when it reports one. */
  phase?: string | null;
  /** What is counted: rows for an import, steps for a recompute or a demo reset. */
  unit?: JobUnit;
}

/**
 * Rows read per second tell how fast an import goes; steps per second (a recompute has
 * four) tell nothing, so a job counted in steps shows no rate.
 */
export type JobUnit = 'rows' | 'steps';

/**
 * A job's progress. While the job knows its total: a bar with the share done. Before
 * that: a moving bar with no value (indeterminate) and how many were read so far, at
 * what rate, so that a long first pass never looks stuck at 0 %.
 */
export function JobProgress({ status, failed, label, phase, unit = 'steps' }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const running = !failed && (!status || status.state === 'running');
  const known = status !== null && status.progress !== null;

  const line = progressLine(status, unit, t, (v) => formatNumber(v, locale));

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {known || !running ? (
        <Progress
          percent={known ? Math.floor((status.progress ?? 0) * 100) : 0}
          status={failed ? 'exception' : running ? 'active' : 'normal'}
          aria-label={label}
        />
      ) : (
        <div className="indeterminate" role="progressbar" aria-label={label} aria-busy="true">
          <div className="indeterminate-bar" />
        </div>
      )}
      <Typography.Text className="muted">
        {phase ? `${phase} · ` : ''}
        {line}
      </Typography.Text>
    </Space>
  );
}

/** The sentence under a job's bar: how far it is and, for rows, how fast. */
export function progressLine(
  status: JobStatus | null,
  unit: JobUnit,
  t: TFunction,
  n: (v: number) => string,
): string {
  if (!status) return t('job.starting');
  if (status.progress === null && status.processed === 0) return t('job.preparing');

  const values = {
    count: status.processed,
    processed: n(status.processed),
    total: status.total === null ? '?' : n(status.total),
    rate: n(Math.round(status.ratePerSecond)),
  };
  return status.progress === null ? t(`job.${unit}SoFar`, values) : t(`job.${unit}OfTotal`, values);
}
