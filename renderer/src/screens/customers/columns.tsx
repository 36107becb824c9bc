import type { ColDef } from 'ag-grid-community';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../../core/api/customers';
import type { Locale } from '../../i18n';
import { formatDateTime, formatMoney, localName } from '../../shell/format';
import { moneyColumns, numberFilterOptions } from './gridQuery';

const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: { filterOptions: numberFilterOptions, maxNumConditions: 1 },
};
const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: { filterOptions: ['contains'], maxNumConditions: 1 },
};

/** A code shown by its name in the person's language (the code itself if it has none). */
function named(t: TFunction, group: string, code: unknown): string {
  return typeof code === 'string' && code ? t(`${group}.${code}`, code) : '—';
}

/** An empty cell shows a dash, like every other empty value in the console. */
function orDash(p: { value?: unknown }): string {
  const v = p.value;
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

/** The key's value, after the kind of id it is in a muted word ("会员号 17850"). */
function KeyCell({ shown, t }: { shown: CustomerRow['key']; t: TFunction }) {
  if (!shown) return '—';
  return (
    <>
      <Typography.Text type="secondary">{t(`identity.${shown.kind}`)}</Typography.Text>{' '}
      {shown.value}
    </>
  );
}

/** The customers grid's columns: profile, metrics, RFM, lifecycle and tags. */
export function customerColumnDefs(t: TFunction, locale: Locale): ColDef<CustomerRow>[] {
  const moneyFilter = {
    filter: 'agNumberColumnFilter',
    filterParams: {
      ...numberFilter.filterParams,
      filterPlaceholder: t('customers.moneyFilterPlaceholder'),
    },
  };
  const num = (field: keyof CustomerRow, width = 110): ColDef<CustomerRow> => ({
    field,
    headerName: t(`customers.col.${field}`),
    width: moneyColumns.has(field) ? 130 : width,
    type: 'numericColumn',
    ...(moneyColumns.has(field) ? moneyFilter : numberFilter),
    // The core sorts money within a currency (yuan first, then each other currency by
    // code) and applies a money filter, typed in yuan, to yuan customers only: say so.
    headerTooltip: moneyColumns.has(field) ? t('customers.moneyTip') : undefined,
    valueFormatter: moneyColumns.has(field)
      ? (p) => formatMoney(p.value as number | null, locale, p.data?.currency)
      : orDash,
  });

  return [
    { field: 'id', headerName: t('customers.col.id'), width: 90, ...numberFilter, pinned: 'left' },
    {
      field: 'name',
      headerName: t('customers.col.name'),
      width: 140,
      ...textFilter,
      valueFormatter: orDash,
      pinned: 'left',
    },
    {
      // Who the customer is when they have no name (UCI's customers have only an id).
      field: 'key',
      headerName: t('customers.col.key'),
      headerTooltip: t('customers.keyTip'),
      width: 200,
      ...textFilter,
      sortable: false,
      pinned: 'left',
      cellRenderer: (p: { value?: CustomerRow['key'] }) => (
        <KeyCell shown={p.value ?? null} t={t} />
      ),
    },
    {
      field: 'gender',
      headerName: t('customers.col.gender'),
      width: 90,
      valueFormatter: (p) => (p.value ? t(`gender.${p.value as string}`) : '—'),
    },
    num('age', 80),
    {
      field: 'city',
      headerName: t('customers.col.city'),
      width: 110,
      ...textFilter,
      valueFormatter: orDash,
    },
    {
      field: 'phone',
      headerName: t('customers.col.phone'),
      width: 130,
      sortable: false,
      valueFormatter: orDash,
    },
    {
      field: 'lifecycle',
      headerName: t('customers.col.lifecycle'),
      width: 110,
      valueFormatter: (p) => named(t, 'lifecycle', p.value),
    },
    {
      field: 'rfmSegment',
      headerName: t('customers.col.rfmSegment'),
      width: 150,
      valueFormatter: (p) =>
        p.value ? t(`rfmSegment.${p.value as string}`, p.value as string) : '—',
    },
    num('rfmR', 70),
    num('rfmF', 70),
    num('rfmM', 70),
    num('recencyDays'),
    num('orders30'),
    num('orders365'),
    num('ordersAll'),
    num('spend30'),
    num('spend365'),
    num('spendAll'),
    num('aovFen'),
    num('ltvFen'),
    {
      field: 'currency',
      headerName: t('customers.col.currency'),
      width: 100,
      sortable: false,
      // Orders in other currencies are left out of the money columns: say how many.
      valueFormatter: (p) =>
        p.data && p.data.otherCurrencyOrders > 0
          ? t('customers.currencyWithOthers', {
              currency: p.data.currency,
              count: p.data.otherCurrencyOrders,
            })
          : (p.data?.currency ?? '—'),
    },
    {
      field: 'preferredChannel',
      headerName: t('customers.col.preferredChannel'),
      width: 120,
      valueFormatter: (p) => named(t, 'channel', p.value),
    },
    {
      // Filtered by the toolbar's store picker (a set of stores, in the core).
      field: 'preferredStore',
      headerName: t('customers.col.preferredStore'),
      headerTooltip: t('customers.preferredStoreTip'),
      width: 200,
      valueFormatter: (p) => {
        const store = p.value as CustomerRow['preferredStore'];
        return store ? `${store.code} ${store.name}` : '—';
      },
    },
    {
      field: 'lastOrderAt',
      headerName: t('customers.col.lastOrderAt'),
      width: 250,
      valueFormatter: (p) => formatDateTime(p.value as string | null, locale, p.data?.timeZone),
    },
    {
      field: 'tags',
      headerName: t('customers.col.tags'),
      minWidth: 220,
      flex: 1,
      sortable: false,
      cellRenderer: (p: { value?: CustomerRow['tags'] }) =>
        (p.value ?? []).map((tag) => (
          <Tag key={tag.id} color="blue">
            {localName(tag, locale)}
          </Tag>
        )),
    },
  ];
}
