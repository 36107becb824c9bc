import { Progress, Space, Typography } from 'antd';
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
  /** What is counted: rows for an import, customers for a recompute. */
  unit?: 'rows' | 'items';
}

/**
 * A job's progress. While the job knows its total: a bar with the share done. Before
 * that: a moving bar with no value (indeterminate) and how many were read so far, at
 * what rate, so that a long first pass never looks stuck at 0 %.
 */
export function JobProgress({ status, failed, label, phase, unit = 'items' }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const running = !failed && (!status || status.state === 'running');
  const known = status !== null && status.progress !== null;
  const n = (v: number) => formatNumber(v, locale);

  let line: string;
  if (!status) line = t('job.starting');
  else if (!known && status.processed === 0) line = t('job.preparing');
  else if (!known) {
    line = t(`job.${unit}SoFar`, {
      processed: n(status.processed),
      rate: n(Math.round(status.ratePerSecond)),
    });
  } else {
    line = t(`job.${unit}OfTotal`, {
      processed: n(status.processed),
      total: status.total === null ? '?' : n(status.total),
      rate: n(Math.round(status.ratePerSecond)),
    });
  }

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
