import type { GetRowIdParams, GridApi, IDatasource, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Card, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../core/api/customers';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { StoreSelect } from '../../components/StoreSelect';
import { formatNumber, localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { gridTheme } from '../../theme';
import { customerColumnDefs } from './columns';
import { queryFor } from './gridQuery';
import type { Toolbar } from './gridQuery';
import { keepView, viewToRestore } from './listMemory';

const stages = ['new', 'active', 'repeat', 'sleeping', 'lost', 'none'];

function rfmParam(text: string | null): { r: number; f: number } | null {
  const match = /^([1-5])-([1-5])$/.exec(text ?? '');
  return match ? { r: Number(match[1]), f: Number(match[2]) } : null;
}

/** The first row wholly on screen (ag-grid's first displayed row counts its buffer too). */
function topRow(api: GridApi<CustomerRow>): number {
  const top = api.getVerticalPixelRange().top;
  for (let i = api.getFirstDisplayedRowIndex(); i <= api.getLastDisplayedRowIndex(); i++) {
    const rowTop = api.getDisplayedRowAtIndex(i)?.rowTop;
    if (typeof rowTop === 'number' && rowTop >= top) return i;
  }
  return 0;
}

/**
 * Every customer, paged, sorted and filtered by the core (ag-grid's infinite row
 * model), so a hundred thousand rows scroll as smoothly as a hundred.
 */
export function CustomersScreen({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tags = useApi('tags.list', {});
  // Back from a customer's page: the list as it was left (toolbar, filters, sort, rows).
  const [restored] = useState(() => viewToRestore(params));
  const [search, setSearch] = useState(restored?.search ?? '');
  const [tagIds, setTagIds] = useState<number[]>(
    () => restored?.tagIds ?? (params.get('tag') ? [Number(params.get('tag'))] : []),
  );
  const [lifecycle, setLifecycle] = useState<string[]>(restored?.lifecycle ?? []);
  const [storeIds, setStoreIds] = useState<number[]>(restored?.storeIds ?? []);
  const stores = useApi('stores.list', {});
  const gridApi = useRef<GridApi<CustomerRow> | null>(null);
  // The row to scroll back to once the first rows (and so the row count) have arrived.
  const scrollTo = useRef(restored?.firstRow ?? 0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rfm = rfmParam(params.get('rfm'));
  const rfmKey = params.get('rfm') ?? '';

  const datasource = useMemo<IDatasource>(() => {
    const toolbar: Toolbar = { search, tagIds, lifecycle, storeIds, rfm: rfmParam(rfmKey) };
    return {
      getRows: (block) => {
        api.call('customers.page', queryFor(block, toolbar)).then(
          (page) => {
            setError(null);
            setTotal(page.total);
            block.successCallback(page.rows, page.total);
            scrollBack();
          },
          (e: unknown) => {
            setError(e);
            block.failCallback();
          },
        );
      },
    };
  }, [search, tagIds, lifecycle, storeIds, rfmKey]);

  function scrollBack(): void {
    const row = scrollTo.current;
    if (row <= 0) return;
    scrollTo.current = 0;
    setTimeout(() => gridApi.current?.ensureIndexVisible(row, 'top'));
  }

  const openCustomer = (e: RowClickedEvent<CustomerRow>) => {
    if (!e.data) return;
    keepView({
      search,
      tagIds,
      lifecycle,
      storeIds,
      params: params.toString(),
      grid: e.api.getState(),
      firstRow: topRow(e.api),
    });
    navigate('customers', String(e.data.id));
  };

  const columnDefs = useMemo(() => customerColumnDefs(t, locale), [t, locale]);
  const localeText = useMemo(
    () => t('grid', { returnObjects: true }) as Record<string, string>,
    [t],
  );

  return (
    <Card
      title={
        <Space>
          {t('customers.title')}
          {total !== null ? (
            <Typography.Text type="secondary">
              {t('customers.total', { count: total, n: formatNumber(total, locale) })}
            </Typography.Text>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('customers.search')}
          placeholder={t('customers.searchHint')}
          allowClear
          defaultValue={restored?.search}
          onSearch={setSearch}
          style={{ width: 320 }}
        />
        <Select
          mode="multiple"
          aria-label={t('customers.tagFilter')}
          placeholder={t('customers.tagFilter')}
          allowClear
          style={{ minWidth: 240 }}
          value={tagIds}
          onChange={setTagIds}
          loading={tags.loading}
          options={(tags.data ?? []).map((tag) => ({
            value: tag.id,
            label: localName(tag, locale),
          }))}
          optionFilterProp="label"
        />
        <Select
          mode="multiple"
          aria-label={t('customers.lifecycleFilter')}
          placeholder={t('customers.lifecycleFilter')}
          allowClear
          style={{ minWidth: 200 }}
          value={lifecycle}
          onChange={setLifecycle}
          options={stages.map((s) => ({ value: s, label: t(`lifecycle.${s}`) }))}
        />
        <StoreSelect
          stores={stores.data}
          loading={stores.loading}
          value={storeIds}
          onChange={setStoreIds}
          label={t('customers.storeFilter')}
          placeholder={t('customers.storeFilter')}
          width={320}
        />
        {rfm ? (
          <Tag closable color="purple" onClose={() => navigate('customers')}>
            {t('customers.rfmCell', rfm)}
          </Tag>
        ) : null}
      </Space>
      <ErrorNote error={error} />
      <div style={{ height: 'calc(100vh - 240px)', minHeight: 400 }}>
        <AgGridReact<CustomerRow>
          key={locale}
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={100}
          maxBlocksInCache={50}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true }}
          getRowId={(p: GetRowIdParams<CustomerRow>) => String(p.data.id)}
          localeText={localeText}
          initialState={restored?.grid}
          onGridReady={(e) => (gridApi.current = e.api)}
          onRowClicked={openCustomer}
          rowStyle={{ cursor: 'pointer' }}
        />
      </div>
    </Card>
  );
}
