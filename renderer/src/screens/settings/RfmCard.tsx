import { App, Button, Card, InputNumber, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmSettings } from '../../../../core/api/tags';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { describeError } from '../../i18n/errors';
import { yuanSign } from '../../shell/format';
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

/** Four numbers, each above the one before; anything else is a sentence saying what to fix. */
function checkCuts(cuts: (number | null)[]): 'missing' | 'order' | null {
  if (cuts.some((c) => c === null || c < 0)) return 'missing';
  return cuts.every((c, i) => i === 0 || (cuts[i - 1] as number) < (c as number)) ? null : 'order';
}

/** RFM scoring: quantiles of the data, or four cut points per dimension. */
export function RfmCard() {
  const { t } = useTranslation();
  const settings = useApi('rfm.settings', {});
  return (
    <Card title={t('settings.rfm.title')} size="small">
      <p className="muted">{t('settings.rfm.hint')}</p>
      <ErrorNote error={settings.error} onRetry={settings.reload} />
      {settings.data ? (
        <RfmForm key={JSON.stringify(settings.data)} saved={settings.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}

function RfmForm({ saved }: { saved: RfmSettings }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
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
              onChange={(e) =>
                setDraft((old) => ({
                  ...old,
                  [d]: e.target.value === 'custom' ? [null, null, null, null] : null,
                }))
              }
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
