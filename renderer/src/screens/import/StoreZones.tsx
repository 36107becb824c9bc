import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, PresetInfo } from '../../../../core/api/imports';
import { localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';
import type { WizardOptions } from './options';

/** The stores' zone when neither the file's layout nor anything else names one. */
const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * The preset a file was read with: the chosen one, or the one a custom mapping was made from
 * (it lends its zone, as the import does: core/crm/import/mapping.ts).
 */
function presetOf(options: WizardOptions, presets: PresetInfo[]): PresetInfo | undefined {
  const id = options.source.kind === 'preset' ? options.source.id : options.source.mapping.basedOn;
  return presets.find((p) => p.id === id);
}

/**
 * Where the stores' time zones came from, as the CLI and the log say it: the stores this
 * import corrected (from the default to the file's zone), and the zone the stores it made
 * took, set by the file's layout or left at the default. Stores already known keep theirs.
 */
export function StoreZones({
  summary,
  options,
}: {
  summary: ImportSummary;
  options: WizardOptions;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const presets = useApi('imports.presets', {});
  const preset = presetOf(options, presets.data ?? []);
  if (!presets.data) return null;

  const made = preset?.timeZone
    ? t('import.storeZones.madeFromFile', {
        zone: preset.timeZone,
        preset: localName(preset, locale),
      })
    : t('import.storeZones.madeDefault', { zone: DEFAULT_ZONE });
  return (
    <Card
      size="small"
      title={t('import.storeZones.title')}
      role="group"
      aria-label={t('import.storeZones.title')}
    >
      {summary.storeZones.map((z) => (
        <Typography.Paragraph key={z.store} style={{ marginBottom: 4 }}>
          {t('import.storeZones.corrected', { store: z.store, from: z.from, to: z.to })}
        </Typography.Paragraph>
      ))}
      <Typography.Paragraph style={{ marginBottom: 4 }}>{made}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('import.storeZones.kept')}</Typography.Text>
    </Card>
  );
}
