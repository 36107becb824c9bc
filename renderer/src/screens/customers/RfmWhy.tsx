import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RfmBandTrace, RfmSegmentCells, RfmTrace } from '../../../../core/api/customers';
import type { Locale } from '../../i18n';
import { formatDate, formatMoney, formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';

type Dimension = 'recency' | 'frequency' | 'monetary';
const dimensions: Dimension[] = ['recency', 'frequency', 'monetary'];
const letters: Record<Dimension, string> = { recency: 'R', frequency: 'F', monetary: 'M' };

/** One number of a dimension as the person reads it: days, orders, or money. */
function shown(d: Dimension, value: number | null, trace: RfmTrace, locale: Locale, t: TFunction) {
  if (value === null) return '—';
  if (d === 'monetary') return formatMoney(value, locale, trace.currency);
  return t(`rfmWhy.unit.${d}`, { value: formatNumber(value, locale), count: value });
}

/** Where the value fell: between two cut points, under the lowest, or over the highest. */
function bandText(d: Dimension, band: RfmBandTrace, trace: RfmTrace, l: Locale, t: TFunction) {
  if (band.cuts.length === 0) return t('rfmWhy.noCuts');
  const above = shown(d, band.above, trace, l, t);
  const atMost = shown(d, band.atMost, trace, l, t);
  if (band.above === null) return t('rfmWhy.belowAll', { atMost });
  if (band.atMost === null) return t('rfmWhy.aboveAll', { above });
  return t('rfmWhy.between', { above, atMost });
}

/** Cells of the segment table as "R3–4 × F4–5". */
function cellsText(cells: RfmSegmentCells[], t: TFunction): string {
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  return cells
    .map((c) => `R${range(c.rFrom, c.rTo)} × F${range(c.fFrom, c.fTo)}`)
    .join(t('rfmWhy.cellsJoin'));
}

/**
 * Why a customer has an RFM segment: each of R, F and M with the customer's own value, the
 * cut points it fell between, and the cells of the segment table its R and F fell in.
 */
export function RfmWhy({ trace }: { trace: RfmTrace }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rows = dimensions.map((d) => {
    const band = trace[d];
    return {
      key: d,
      dimension: t(`rfmWhy.dimension.${d}`),
      value: shown(d, band.value, trace, locale, t),
      // No score (no purchase): the value falls nowhere.
      band: band.score === null ? '—' : bandText(d, band, trace, locale, t),
      cuts: band.cuts.map((c) => shown(d, c, trace, locale, t)).join(' · ') || '—',
      score: band.score === null ? '—' : `${letters[d]}${band.score}`,
    };
  });
  const { recency, frequency } = trace;

  return (
    <div>
      <p>
        {trace.cutsAsOf
          ? t('rfmWhy.intro', { day: formatDate(trace.cutsAsOf, locale) })
          : t('rfmWhy.noCuts')}
      </p>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('rfmWhy.column.dimension'), dataIndex: 'dimension' },
          { title: t('rfmWhy.column.value'), dataIndex: 'value' },
          { title: t('rfmWhy.column.band'), dataIndex: 'band' },
          { title: t('rfmWhy.column.cuts'), dataIndex: 'cuts' },
          { title: t('rfmWhy.column.score'), dataIndex: 'score', width: 64 },
        ]}
      />
      <p className="muted">{t('rfmWhy.direction')}</p>
      {trace.segment && recency.score !== null && frequency.score !== null ? (
        <Typography.Paragraph>
          {t('rfmWhy.segment', {
            r: recency.score,
            f: frequency.score,
            cells: cellsText(trace.segmentCells, t),
            segment: t(`rfmSegment.${trace.segment}`),
          })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
