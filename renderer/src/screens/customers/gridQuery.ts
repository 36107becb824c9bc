import type { IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { InputOf } from '../../../../core/api/contract';
import type { CustomerColumn, FilterColumn } from '../../../../core/api/customers';
import { customerColumns, customerKeyColumn } from '../../../../core/api/customers';

type Query = InputOf<'customers.page'>;
type Filter = NonNullable<Query['filters']>[number];

/** Columns whose values are fen: people filter them in yuan. */
export const moneyColumns = new Set<string>([
  'spend30',
  'spend90',
  'spend365',
  'spendAll',
  'aovFen',
  'ltvFen',
]);

const numberOps: Record<string, 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'> = {
  equals: 'eq',
  notEqual: 'ne',
  greaterThan: 'gt',
  greaterThanOrEqual: 'gte',
  lessThan: 'lt',
  lessThanOrEqual: 'lte',
};

export const numberFilterOptions = [...Object.keys(numberOps), 'inRange'];

function isColumn(id: string): id is CustomerColumn {
  return (customerColumns as readonly string[]).includes(id);
}

/** A column a filter may name: a grid column, or the customer's key (text only). */
function isFilterColumn(id: string): id is FilterColumn {
  return isColumn(id) || id === customerKeyColumn;
}

function sortOf(model: SortModelItem[]): Query['sort'] {
  return model
    .filter((s) => isColumn(s.colId))
    .slice(0, 3)
    .map((s) => ({ column: s.colId as CustomerColumn, dir: s.sort }));
}

interface GridFilter {
  filterType?: string;
  type?: string;
  filter?: number | string;
  filterTo?: number;
}

/** ag-grid's filter model → the contract's whitelisted filters (money typed in yuan). */
function filtersOf(model: Record<string, GridFilter>): Filter[] {
  const out: Filter[] = [];
  for (const [column, f] of Object.entries(model ?? {})) {
    if (!isFilterColumn(column)) continue;
    const scale = moneyColumns.has(column) ? 100 : 1;
    if (f.filterType === 'text' && typeof f.filter === 'string') {
      out.push({ type: 'text', column, contains: f.filter });
    } else if (!isColumn(column)) {
      continue;
    } else if (f.filterType === 'number' && typeof f.filter === 'number') {
      const value = Math.round(f.filter * scale);
      if (f.type === 'inRange' && typeof f.filterTo === 'number') {
        out.push({ type: 'number', column, cmp: 'gte', value });
        out.push({ type: 'number', column, cmp: 'lte', value: Math.round(f.filterTo * scale) });
      } else if (f.type && numberOps[f.type]) {
        out.push({ type: 'number', column, cmp: numberOps[f.type]!, value });
      }
    }
  }
  return out;
}

export interface Toolbar {
  search: string;
  tagIds: number[];
  lifecycle: string[];
  /** Preferred stores (ids); empty: any store or none. */
  storeIds: number[];
  rfm: { r: number; f: number } | null;
}

/** One block of the infinite row model as a customers.page query. */
export function queryFor(params: IGetRowsParams, toolbar: Toolbar): Query {
  const filters = filtersOf(params.filterModel as Record<string, GridFilter>);
  if (toolbar.lifecycle.length > 0) {
    filters.push({ type: 'set', column: 'lifecycle', values: toolbar.lifecycle });
  }
  if (toolbar.storeIds.length > 0) {
    filters.push({ type: 'set', column: 'preferredStore', values: toolbar.storeIds.map(String) });
  }
  return {
    offset: params.startRow,
    limit: Math.min(500, params.endRow - params.startRow),
    sort: sortOf(params.sortModel),
    tagIds: toolbar.tagIds,
    search: toolbar.search.trim() || undefined,
    rfm: toolbar.rfm ?? undefined,
    filters,
  };
}
