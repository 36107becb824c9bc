import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../../core/api/imports';
import { describeRowError } from '../../i18n/errors';

/** Rows the import could not take: line, column, value and the reason. */
export function RejectedTable({ rows }: { rows: RowError[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.line}:${r.column ?? ''}:${r.code}`}
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      columns={[
        { title: t('import.rejected.line'), dataIndex: 'line', width: 80 },
        { title: t('import.rejected.column'), dataIndex: 'column', width: 160 },
        { title: t('import.rejected.value'), dataIndex: 'value', width: 200, ellipsis: true },
        {
          title: t('import.rejected.reason'),
          key: 'reason',
          render: (_: unknown, r: RowError) => describeRowError(t, r),
        },
      ]}
    />
  );
}
