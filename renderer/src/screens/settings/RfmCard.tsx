import { App, Button, Card, InputNumber, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmCutsInUse, RfmSettings } from '../../../../core/api/tags';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { describeError } from '../../i18n/errors';
import { formatDate, formatNumber, formatYuan, yuanSign } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';

type Dimension = keyof RfmSettings;
const dimensions: Dimension[] = ['recencyDays', 'frequency', 'monetaryFen'];

/** What the person types: money in yuan, the others as they are; null for "quantiles". */
type Draft = Record<Dimension, (number | null)[] | null>;

function toDraft(saved: RfmSettings): Draft {
  const yuan = saved.monetaryFen?.map((fen) => fen / 100) ?? null;
  return { recencyDays: saved.recencyDays, frequency: saved.frequency, monetaryFen: yuan };
}

/** The cut points in use of a dimension as the person types them (money in yuan). */
function inUseDraft(d: Dimension, inUse: RfmCutsInUse | null): (number | null)[] {
  const cuts = inUse?.[d];
  if (!cuts || cuts.length !== 4) return [null, null, null, null];
  return d === 'monetaryFen' ? cuts.map((fen) => fen / 100) : [...cuts];
}

/** Four numbers, each above the one before; anything else is a sentence saying what to fix. */
function checkCuts(cuts: (number | null)[]): 'missing' | 'order' | null {
  if (cuts.some((c) => c === null || c < 0)) return 'missing';
  return cuts.every((c, i) => i === 0 || (cuts[i - 1] as number) < (c as number)) ? null : 'order';
}

/** RFM scoring: quantiles of the data, or four cut points per dimension. */
export function RfmCard() {
  const { t } = useTranslation();
  const settings = useApi('rfm.settings', {});
  const inUse = useApi('rfm.cutsInUse', {});
  return (
    <Card title={t('settings.rfm.title')} size="small">
      <p className="muted">{t('settings.rfm.hint')}</p>
      <ErrorNote error={settings.error ?? inUse.error} onRetry={settings.reload} />
      {settings.data && inUse.data !== undefined ? (
        <RfmForm key={JSON.stringify(settings.data)} saved={settings.data} inUse={inUse.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}

function RfmForm({ saved, inUse }: { saved: RfmSettings; inUse: RfmCutsInUse | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [prefilled, setPrefilled] = useState<Dimension[]>([]);
  const problems = dimensions.map((d) => {
    const cuts = draft[d];
    return cuts ? checkCuts(cuts) : null;
  });

  const setCut = (d: Dimension, i: number, value: number | null) =>
    setDraft((old) => ({ ...old, [d]: old[d]?.map((c, j) => (j === i ? value : c)) ?? null }));

  const save = async () => {
    const fen = draft.monetaryFen?.map((yuan) => Math.round((yuan as number) * 100)) ?? null;
    try {
      await api.call('rfm.setSettings', {
        recencyDays: draft.recencyDays as number[] | null,
        frequency: draft.frequency as number[] | null,
        monetaryFen: fen,
      });
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {dimensions.map((d, k) => (
        <div key={d} role="group" aria-label={t(`settings.rfm.${d}`)}>
          <Typography.Text strong>{t(`settings.rfm.${d}`)}</Typography.Text>
          <div className="rule-row">
            <Radio.Group
              value={draft[d] ? 'custom' : 'quantiles'}
              onChange={(e) => {
                const custom = e.target.value === 'custom';
                // Custom starts from the cut points in use: the person edits, not retypes.
                setDraft((old) => ({ ...old, [d]: custom ? inUseDraft(d, inUse) : null }));
                setPrefilled((old) => (custom && inUse ? [...old, d] : old.filter((x) => x !== d)));
              }}
              options={[
                { value: 'quantiles', label: t('settings.rfm.quantiles') },
                { value: 'custom', label: t('settings.rfm.custom') },
              ]}
            />
            {draft[d]?.map((cut, i) => (
              <InputNumber
                key={i}
                value={cut}
                min={0}
                precision={d === 'monetaryFen' ? 2 : 0}
                prefix={d === 'monetaryFen' ? yuanSign(locale) : undefined}
                aria-label={t('settings.rfm.cut', { dimension: t(`settings.rfm.${d}`), n: i + 1 })}
                onChange={(v) => setCut(d, i, v)}
                style={{ width: 120 }}
              />
            ))}
          </div>
          <InUseLine dimension={d} inUse={inUse} />
          {prefilled.includes(d) && draft[d] ? (
            <Typography.Text type="secondary">{t('settings.rfm.prefilled')}</Typography.Text>
          ) : null}
          {problems[k] ? (
            <Typography.Text type="danger">{t(`settings.rfm.${problems[k]}`)}</Typography.Text>
          ) : null}
        </div>
      ))}
      <Button type="primary" onClick={save} disabled={problems.some(Boolean)}>
        {t('settings.rfm.save')}
      </Button>
    </Space>
  );
}

/** The cut points the scores on screen were made with, as of the last full recompute. */
function InUseLine({ dimension, inUse }: { dimension: Dimension; inUse: RfmCutsInUse | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!inUse) return <div className="muted">{t('settings.rfm.inUseNone')}</div>;
  const cuts = inUse[dimension].map((c) =>
    dimension === 'monetaryFen' ? formatYuan(c, locale) : formatNumber(c, locale),
  );
  return (
    <div className="muted">
      {t('settings.rfm.inUse', { day: formatDate(inUse.asOf, locale), cuts: cuts.join(' · ') })}
    </div>
  );
}
