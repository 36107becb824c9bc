import { Alert, Button, Form, Input, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, DateOrder, FileInspection } from '../../../../core/api/imports';
import { dateOrders } from '../../../../core/api/imports';
import { ErrorNote } from '../../components/ErrorNote';
import { describeUnusableMapping } from '../../i18n/errors';
import { localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';
import { CustomMapping, emptyMapping } from './CustomMapping';
import { delimiters } from './options';
import type { ReadChoice, WizardOptions } from './options';

type SourceKind = 'preset' | 'saved' | 'custom';

interface Props {
  inspection: FileInspection;
  choice: ReadChoice;
  initial: WizardOptions | null;
  onBack: () => void;
  onNext: (options: WizardOptions) => void;
}

/** Where each column goes: a recognised preset, a saved mapping, or one mapped by hand. */
export function MappingStep({ inspection, choice, initial, onBack, onNext }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const presets = useApi('imports.presets', {});
  const saved = useApi('mappings.list', {});

  const [kind, setKind] = useState<SourceKind>(() => initialKind(inspection, initial));
  const [presetId, setPresetId] = useState<string | undefined>(
    initial?.source.kind === 'preset'
      ? initial.source.id
      : (inspection.suggestedPreset ?? undefined),
  );
  const [savedName, setSavedName] = useState<string | undefined>(inspection.savedMappings[0]);
  const [mapping, setMapping] = useState<ColumnMapping>(() =>
    initial?.source.kind === 'mapping' ? (initial.source.mapping as ColumnMapping) : emptyMapping(),
  );
  const [delimiter, setDelimiter] = useState(initial?.delimiter);
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>(initial?.dateOrder);
  const [decimalComma, setDecimalComma] = useState(
    initial?.decimalComma ?? inspection.decimalComma,
  );
  const [saveAs, setSaveAs] = useState('');

  const needsDateOrder = inspection.dateOrder.ambiguous && !dateOrder;
  const detected = inspection.dateOrder.detected;
  const detectedOrder =
    detected && !inspection.dateOrder.ambiguous ? t(`import.dateOrder.${detected}`) : null;
  const savedMapping = saved.data?.find((m) => m.name === savedName)?.mapping;
  const ready =
    !needsDateOrder &&
    ((kind === 'preset' && presetId) ||
      (kind === 'saved' && savedMapping) ||
      (kind === 'custom' && Object.keys(mapping.fields).length > 0));

  const startCustom = () => {
    const preset = presets.data?.find((p) => p.id === presetId);
    // Made from the preset, the mapping keeps its zone and rules (cancellation prefix…).
    if (preset && Object.keys(mapping.fields).length === 0) {
      setMapping({ ...preset.mapping, basedOn: preset.id });
    }
    setKind('custom');
  };

  const submit = () => {
    const source: WizardOptions['source'] =
      kind === 'preset'
        ? { kind: 'preset', id: presetId ?? '' }
        : kind === 'saved'
          ? { kind: 'mapping', name: savedName, mapping: savedMapping ?? mapping }
          : { kind: 'mapping', mapping };
    onNext({
      source,
      encoding: choice.encoding,
      sheet: choice.sheet,
      delimiter,
      dateOrder,
      decimalComma: decimalComma === inspection.decimalComma ? undefined : decimalComma,
      saveMappingAs: kind === 'custom' && saveAs.trim() ? saveAs.trim() : undefined,
    });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ErrorNote error={presets.error ?? saved.error} />
      {inspection.unusableMappings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.mapping.unusable')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {inspection.unusableMappings.map((m) => (
                <li key={m.name}>
                  <b>{m.name}</b>: {describeUnusableMapping(t, m)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Radio.Group
        value={kind}
        onChange={(e) => (e.target.value === 'custom' ? startCustom() : setKind(e.target.value))}
        optionType="button"
        options={[
          { value: 'preset', label: t('import.mapping.preset') },
          {
            value: 'saved',
            label: t('import.mapping.saved'),
            disabled: inspection.savedMappings.length === 0,
          },
          { value: 'custom', label: t('import.mapping.custom') },
        ]}
      />
      {kind === 'preset' ? (
        <Form layout="vertical">
          <Form.Item label={t('import.mapping.presetLabel')}>
            <Select
              aria-label={t('import.mapping.presetLabel')}
              value={presetId}
              onChange={setPresetId}
              loading={presets.loading}
              style={{ maxWidth: 480 }}
              options={(presets.data ?? []).map((p) => ({
                value: p.id,
                label: localName(p, locale),
              }))}
            />
          </Form.Item>
          <p className="muted">
            {(() => {
              const p = presets.data?.find((x) => x.id === presetId);
              return p ? (locale === 'zh-CN' ? p.descriptionZh : p.descriptionEn) : '';
            })()}
          </p>
        </Form>
      ) : null}
      {kind === 'saved' ? (
        <Form.Item label={t('import.mapping.savedLabel')}>
          <Select
            aria-label={t('import.mapping.savedLabel')}
            value={savedName}
            onChange={setSavedName}
            style={{ maxWidth: 480 }}
            options={inspection.savedMappings.map((m) => ({ value: m, label: m }))}
          />
        </Form.Item>
      ) : null}
      {kind === 'custom' ? (
        <CustomMapping headers={inspection.headers} mapping={mapping} onChange={setMapping} />
      ) : null}

      <Form layout="inline">
        {inspection.format === 'csv' ? (
          <Form.Item label={t('import.inspect.delimiter')}>
            <Select
              aria-label={t('import.inspect.delimiter')}
              style={{ width: 220 }}
              value={delimiter ?? auto}
              onChange={(v) => setDelimiter(v === auto ? undefined : (v as Delimiter))}
              options={[
                { value: auto, label: detectedLabel(t, delimiterLabel(t, inspection.delimiter)) },
                ...delimiters.map((d) => ({
                  value: d.value,
                  label: t(`import.delimiter.${d.key}`),
                })),
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('import.inspect.dateOrder')}>
          <Select
            aria-label={t('import.inspect.dateOrder')}
            style={{ width: 300 }}
            value={dateOrder ?? auto}
            onChange={(v) => setDateOrder(v === auto ? undefined : (v as DateOrder))}
            options={[
              { value: auto, label: detectedLabel(t, detectedOrder) },
              ...dateOrders.map((d) => ({ value: d, label: t(`import.dateOrder.${d}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('import.mapping.decimalComma')}>
          <Switch checked={decimalComma} onChange={setDecimalComma} />
        </Form.Item>
        {kind === 'custom' ? (
          <Form.Item label={t('import.mapping.saveAs')}>
            <Input
              aria-label={t('import.mapping.saveAs')}
              value={saveAs}
              maxLength={100}
              onChange={(e) => setSaveAs(e.target.value)}
              placeholder={t('import.mapping.saveAsHint')}
            />
          </Form.Item>
        ) : null}
      </Form>
      {needsDateOrder ? (
        <Alert type="warning" showIcon title={t('import.mapping.askDateOrder')} />
      ) : null}
      <Space>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" disabled={!ready} onClick={submit}>
          {t('import.mapping.toPreview')}
        </Button>
      </Space>
    </Space>
  );
}

type Delimiter = (typeof delimiters)[number]['value'];

/** The select value that keeps what was detected (no override sent). */
const auto = 'auto';

/** "Auto (detected: comma ,)", or "Auto (not decided)" when detection found nothing. */
function detectedLabel(t: TFunction, value: string | null): string {
  return value ? t('import.mapping.autoDetected', { value }) : t('import.mapping.autoUndecided');
}

function delimiterLabel(t: (key: string) => string, d: string | null): string | null {
  const known = delimiters.find((x) => x.value === d);
  return known ? t(`import.delimiter.${known.key}`) : d;
}

function initialKind(inspection: FileInspection, initial: WizardOptions | null): SourceKind {
  if (initial) return initial.source.kind === 'preset' ? 'preset' : 'custom';
  if (inspection.suggestedPreset) return 'preset';
  return inspection.savedMappings.length > 0 ? 'saved' : 'custom';
}
