import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateRow } from '../../../../core/api/imports';
import { formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';

interface Props {
  /** The duplicate rows the summary lists (the first ones, in file order). */
  rows: DuplicateRow[];
  /** How many rows of the file were duplicates in all. */
  total: number;
}

/** Rows that added nothing: where they are, their order, and what they matched. */
export function DuplicateTable({ rows, total }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const counts = { count: total, total: formatNumber(total, locale), shown: rows.length };
  const caption =
    rows.length < total
      ? t('import.duplicates.listFirst', counts)
      : t('import.duplicates.listAll', counts);
  return (
    <section aria-label={t('import.summary.rowsDuplicate')}>
      <Typography.Paragraph>{caption}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => `${r.line}:${r.code}`}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: t('import.duplicates.line'), dataIndex: 'line', width: 80 },
          { title: t('import.duplicates.order'), dataIndex: 'orderId', width: 160 },
          { title: t('import.duplicates.lineNo'), dataIndex: 'lineNo', width: 100 },
          {
            title: t('import.duplicates.reason'),
            key: 'reason',
            render: (_: unknown, r: DuplicateRow) =>
              t(`import.duplicates.code.${r.code}`, {
                order: r.orderId ?? '',
                lineNo: r.lineNo ?? '',
                defaultValue: r.reason,
              }),
          },
        ]}
      />
    </section>
  );
}
