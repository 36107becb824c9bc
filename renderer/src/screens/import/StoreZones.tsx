import { Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportSummary, PresetInfo } from '../../../../core/api/imports';
import { api } from '../../api/client';
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

/** How many new stores the line names before it says how many more there are. */
const NAMED = 5;

interface NamedStore {
  code: string;
  name: string;
}

/**
 * The stores the import brought: none for an import that stored no batch, none said when
 * the question fails (the zone line then says no store was new); undefined meanwhile.
 */
function useNewStores(batchId: number | null): NamedStore[] | undefined {
  const [stores, setStores] = useState<{ batchId: number; list: NamedStore[] }>();
  useEffect(() => {
    if (batchId === null) return;
    let live = true;
    const done = (list: NamedStore[]) => live && setStores({ batchId, list });
    api.call('imports.newStores', { batchId }).then(done, () => done([]));
    return () => {
      live = false;
    };
  }, [batchId]);
  if (batchId === null) return [];
  return stores?.batchId === batchId ? stores.list : undefined;
}

/** The new stores by name (and code when it differs), the first few when there are many. */
function storeList(stores: NamedStore[], t: TFunction): string {
  const named = stores
    .slice(0, NAMED)
    .map((s) => (s.name === s.code ? s.code : `${s.name} ${s.code}`))
    .join(t('import.storeZones.join'));
  if (stores.length <= NAMED) return named;
  return t('import.storeZones.more', { stores: named, count: stores.length });
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
  // An import that added nothing names the earlier batch of the same file: it made no store.
  const made = useNewStores(summary.status === 'unchanged' ? null : summary.batchId);
  const preset = presetOf(options, presets.data ?? []);
  if (!presets.data || made === undefined) return null;

  const stores = storeList(made, t);
  const line =
    made.length === 0
      ? t('import.storeZones.madeNone')
      : preset?.timeZone
        ? t('import.storeZones.madeFromFileStores', {
            stores,
            zone: preset.timeZone,
            preset: localName(preset, locale),
          })
        : t('import.storeZones.madeDefaultStores', { stores, zone: DEFAULT_ZONE });
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
      <Typography.Paragraph style={{ marginBottom: 4 }}>{line}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('import.storeZones.kept')}</Typography.Text>
    </Card>
  );
}
