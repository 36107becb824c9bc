import { Button, Descriptions, Select, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileInspection } from '../../../../core/api/imports';
import type { PickedFile } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { formatNumber, localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';
import { encodings } from './options';
import type { ReadChoice } from './options';

interface Props {
  file: PickedFile;
  inspection: FileInspection | null;
  /** The inspection, and the encoding and sheet the person chose (undefined: detected). */
  onInspected: (inspection: FileInspection, choice: ReadChoice) => void;
  onBack: () => void;
  onNext: () => void;
}

/** What the core read from the file: encoding (overridable), delimiter, sheet, headers, rows. */
export function InspectStep({ file, inspection, onInspected, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [encoding, setEncoding] = useState<string | undefined>(undefined);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const read = useApi('imports.inspect', { fileId: file.fileId, encoding, sheet });
  const presets = useApi('imports.presets', {});

  useEffect(() => {
    if (read.data) onInspected(read.data, { encoding, sheet });
    // Report each new inspection once; the choice travels with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read.data, onInspected]);

  const busy = read.loading;
  const error = read.error;
  const i = inspection;
  const encodingChoices = i ? withDetected(i.encoding.detected) : encodings;
  const preset = presets.data?.find((p) => p.id === i?.suggestedPreset);

  return (
    <Spin spinning={busy}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ErrorNote error={error} />
        {i ? (
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('import.inspect.file')}>{i.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('import.inspect.size')}>
              {formatNumber(Math.ceil(i.sizeBytes / 1024), locale)} KB · {i.format.toUpperCase()}
            </Descriptions.Item>
            <Descriptions.Item label={t('import.inspect.encoding')}>
              <Space>
                <Select
                  aria-label={t('import.inspect.encoding')}
                  style={{ width: 160 }}
                  value={encoding ?? i.encoding.used}
                  onChange={setEncoding}
                  options={encodingChoices.map((e) => ({ value: e, label: e }))}
                />
                <span className="muted">
                  {t('import.inspect.detected', {
                    encoding: i.encoding.detected,
                    confidence: Math.round(i.encoding.confidence * 100),
                  })}
                </span>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('import.inspect.delimiter')}>
              {i.format === 'csv' ? delimiterName(t, i.delimiter) : '—'}
            </Descriptions.Item>
            {i.sheets.length > 0 ? (
              <Descriptions.Item label={t('import.inspect.sheet')}>
                <Select
                  aria-label={t('import.inspect.sheet')}
                  style={{ width: 200 }}
                  value={sheet ?? i.sheets[0]}
                  onChange={setSheet}
                  options={i.sheets.map((s) => ({ value: s, label: s }))}
                />
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('import.inspect.suggested')}>
              {i.suggestedPreset ? (
                <Tag color="blue">{preset ? localName(preset, locale) : i.suggestedPreset}</Tag>
              ) : (
                <span className="muted">{t('import.inspect.noPreset')}</span>
              )}
              {i.savedMappings.map((m) => (
                <Tag key={m}>{m}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('import.inspect.dateOrder')}>
              {i.dateOrder.detected ? t(`import.dateOrder.${i.dateOrder.detected}`) : '—'}
              {i.dateOrder.ambiguous ? (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('import.inspect.ambiguous')}
                </Tag>
              ) : null}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        {i ? <SampleTable inspection={i} /> : null}
        <Space>
          <Button onClick={onBack}>{t('common.back')}</Button>
          <Button type="primary" disabled={!i || busy} onClick={onNext}>
            {t('common.next')}
          </Button>
        </Space>
      </Space>
    </Spin>
  );
}

/** The offered encodings with the detected one first, without case-only duplicates. */
function withDetected(detected: string): string[] {
  const others = encodings.filter((e) => e.toLowerCase() !== detected.toLowerCase());
  return [detected, ...others];
}

function delimiterName(t: (key: string) => string, d: string | null): string {
  const names: Record<string, string> = {
    ',': 'comma',
    ';': 'semicolon',
    '\t': 'tab',
    '|': 'pipe',
  };
  return d && names[d] ? t(`import.delimiter.${names[d]}`) : (d ?? '—');
}

/** The first rows exactly as read, under the file's own headers. */
function SampleTable({ inspection }: { inspection: FileInspection }) {
  const { t } = useTranslation();
  const columns = inspection.headers.map((h, index) => ({
    title: h || `#${index + 1}`,
    dataIndex: String(index),
    key: String(index),
    ellipsis: true,
  }));
  const rows = inspection.sampleRows.map((r, n) => ({
    key: n,
    ...Object.fromEntries(r.map((v, k) => [String(k), v])),
  }));
  return (
    <Table
      size="small"
      title={() => t('import.inspect.sample')}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 320 }}
    />
  );
}
