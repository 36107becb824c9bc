import { InboxOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, uploadFile } from '../../api/client';
import type { PickedFile } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';

/**
 * The first step: in Electron the shell's open dialog registers the file; in a
 * browser the chosen file is uploaded to the loopback host.
 */
export function ChooseFileStep({ onChosen }: { onChosen: (file: PickedFile) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shell = bridge();

  const run = async (work: () => Promise<PickedFile | null>) => {
    setBusy(true);
    setError(null);
    try {
      const picked = await work();
      if (picked) onChosen(picked);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph className="muted">{t('import.choose.hint')}</Typography.Paragraph>
      {shell?.pickFile ? (
        <Button type="primary" size="large" loading={busy} onClick={() => run(shell.pickFile!)}>
          {t('import.choose.button')}
        </Button>
      ) : (
        <Spin spinning={busy}>
          <Upload.Dragger
            accept=".csv,.txt,.tsv,.xlsx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void run(() => uploadFile(file));
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.choose.button')}</p>
            <p className="ant-upload-hint">{t('import.choose.formats')}</p>
          </Upload.Dragger>
        </Spin>
      )}
      <ErrorNote error={error} />
    </Space>
  );
}
