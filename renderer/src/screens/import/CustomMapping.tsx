import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, TargetField } from '../../../../core/api/imports';
import { channelCodes, rowKinds, targetFields } from '../../../../core/api/imports';

export function emptyMapping(): ColumnMapping {
  return { rowKind: 'orderLine', channel: 'pos', fields: {}, currency: 'CNY' };
}

interface Props {
  headers: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** Maps each target field to one of the file's columns, by hand. */
export function CustomMapping({ headers, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const headerOptions = headers.map((h) => ({ value: h, label: h }));

  const setField = (field: TargetField, header: string | undefined) => {
    const fields = { ...mapping.fields };
    if (header) fields[field] = header;
    else delete fields[field];
    onChange({ ...mapping, fields });
  };

  return (
    <Form layout="vertical">
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label={t('import.mapping.rowKind')}>
            <Select
              aria-label={t('import.mapping.rowKind')}
              value={mapping.rowKind}
              onChange={(rowKind) => onChange({ ...mapping, rowKind })}
              options={rowKinds.map((k) => ({ value: k, label: t(`import.rowKind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('import.mapping.channel')}>
            <Select
              aria-label={t('import.mapping.channel')}
              value={mapping.channel}
              onChange={(channel) => onChange({ ...mapping, channel })}
              options={channelCodes.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('import.mapping.currency')}>
            <Input
              aria-label={t('import.mapping.currency')}
              value={mapping.currency}
              maxLength={3}
              onChange={(e) => onChange({ ...mapping, currency: e.target.value.toUpperCase() })}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('import.mapping.defaultStore')}>
            <Input
              aria-label={t('import.mapping.defaultStore')}
              value={mapping.defaultStore ?? ''}
              maxLength={64}
              onChange={(e) => onChange({ ...mapping, defaultStore: e.target.value || undefined })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={[16, 0]}>
        {targetFields.map((field) => (
          <Col span={6} key={field}>
            <Form.Item label={t(`field.${field}`)} style={{ marginBottom: 12 }}>
              <Select
                aria-label={t(`field.${field}`)}
                allowClear
                showSearch
                placeholder={t('import.mapping.notInFile')}
                value={mapping.fields[field]}
                onChange={(h: string | undefined) => setField(field, h)}
                options={headerOptions}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}
