import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';

/** A failure shown as a sentence with a next step, never as a stack or a code alone. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={describeError(t, error)}
      action={
        onRetry ? (
          <a onClick={onRetry} role="button">
            {t('common.retry')}
          </a>
        ) : undefined
      }
    />
  );
}
