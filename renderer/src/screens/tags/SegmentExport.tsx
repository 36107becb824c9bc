import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagInfo } from '../../../../core/api/tags';
import { api } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { download } from '../import/options';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The tag's customers as a CSV or XLSX file; phones stay masked unless asked. */
export function SegmentExport({ tag }: { tag: TagInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale } = useLocale();
  const [unmask, setUnmask] = useState(false);
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);

  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const file = await api.call('segments.export', {
        tagId: tag.id,
        format,
        unmaskPhones: unmask,
        // The file is named by the tag's name in the language on screen.
        locale,
      });
      download(file.fileName, new Blob([bytesOf(file.contentBase64)], { type: file.mime }));
      void message.success(t('tags.exported', { count: file.rows }));
    } catch (e) {
      void message.error(describeError(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('tags.segment')} size="small">
      <Space wrap>
        <Button onClick={() => navigate('customers', '', { tag: String(tag.id) })}>
          {t('tags.showCustomers')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => run('csv')}>
          {t('tags.exportCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => run('xlsx')}>
          {t('tags.exportXlsx')}
        </Button>
        <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)}>
          {t('tags.unmask')}
        </Checkbox>
      </Space>
    </Card>
  );
}
