import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../core/api/imports';
import type { JobStatus } from '../../../../core/api/system';
import { api, ApiCallError } from '../../api/client';
import { followJob } from '../../api/jobs';
import { ErrorNote } from '../../components/ErrorNote';
import { JobProgress } from '../../components/JobProgress';
import type { WizardOptions } from './options';

interface Props {
  fileId: string;
  options: WizardOptions;
  acceptPartial: boolean;
  onFinished: (summary: ImportSummary) => void;
  onStopped: () => void;
}

/** Runs the import as a job: a progress bar with rows per second and a Cancel button. */
export function RunStep({ fileId, options, acceptPartial, onFinished, onStopped }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    // One job per visit, even when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    const run = async () => {
      const job = await api.call('imports.start', { fileId, options, acceptPartial });
      setStatus(job);
      const last = await followJob(job.id, setStatus);
      if (last.state === 'done' || last.state === 'cancelled') {
        if (last.result) onFinished(last.result as ImportSummary);
        else onStopped();
      } else if (last.error) {
        setError(new ApiCallError(last.error.code, last.error.message, last.error.details));
      }
    };
    run().catch(setError);
  }, [fileId, options, acceptPartial, onFinished, onStopped]);

  const cancel = () => {
    if (status) api.call('jobs.cancel', { id: status.id }).catch(setError);
  };

  const running = !error && (!status || status.state === 'running');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={5}>{t('import.run.title')}</Typography.Title>
      <JobProgress
        status={status}
        failed={Boolean(error)}
        label={t('import.run.progress')}
        phase={status?.message ? t(`import.run.phase.${status.message}`, status.message) : null}
        unit="rows"
      />
      <ErrorNote error={error} />
      <Space>
        {running ? (
          <Button danger onClick={cancel} disabled={!status}>
            {t('common.cancel')}
          </Button>
        ) : (
          <Button onClick={onStopped}>{t('common.back')}</Button>
        )}
      </Space>
    </Space>
  );
}
