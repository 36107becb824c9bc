import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../../core/api/customers';
import { formatDateTime, formatMoney } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { gridTheme } from '../../theme';

/** The customer's orders across every channel, newest first. */
export function OrdersGrid({ orders }: { orders: OrderSummary[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const columns = useMemo<ColDef<OrderSummary>[]>(
    () => [
      {
        field: 'orderedAt',
        headerName: t('orders.orderedAt'),
        // Room for a foreign store's zone after the time ("… 13:20 United Kingdom Time").
        width: 280,
        sort: 'desc',
        valueFormatter: (p) => formatDateTime(p.value as string, locale, p.data?.storeTimeZone),
      },
      { field: 'businessDay', headerName: t('orders.businessDay'), width: 110 },
      {
        field: 'channel',
        headerName: t('orders.channel'),
        width: 110,
        valueFormatter: (p) => t(`channel.${p.value as string}`, p.value as string),
      },
      {
        field: 'store',
        headerName: t('orders.store'),
        flex: 1,
        minWidth: 160,
        tooltipField: 'store',
      },
      {
        // A till's receipt number runs to 20 digits: room for it whole.
        field: 'externalId',
        headerName: t('orders.externalId'),
        flex: 1.2,
        minWidth: 190,
        tooltipField: 'externalId',
      },
      {
        field: 'kind',
        headerName: t('orders.kind'),
        width: 90,
        valueFormatter: (p) => t(`orderKind.${p.value as string}`, p.value as string),
      },
      { field: 'lines', headerName: t('orders.lines'), width: 90, type: 'numericColumn' },
      {
        field: 'amountFen',
        headerName: t('orders.amount'),
        flex: 1,
        minWidth: 120,
        type: 'numericColumn',
        valueFormatter: (p) => formatMoney(p.value as number, locale, p.data?.currency),
      },
    ],
    [t, locale],
  );
  const localeText = useMemo(
    () => t('grid', { returnObjects: true }) as Record<string, string>,
    [t],
  );

  return (
    <Card title={t('customer.orders', { count: orders.length })} size="small">
      <div style={{ height: 360 }}>
        <AgGridReact<OrderSummary>
          key={locale}
          theme={gridTheme}
          rowData={orders}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true }}
          localeText={localeText}
        />
      </div>
    </Card>
  );
}
