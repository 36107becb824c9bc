import { Select } from 'antd';
import type { StoreChoice } from '../../../core/api/planning';

interface Props {
  stores: StoreChoice[] | undefined;
  loading: boolean;
  value: number[];
  onChange(ids: number[]): void;
  /** The field's name for assistive technology, and its text while nothing is picked. */
  label: string;
  placeholder: string;
  width: number;
}

/**
 * A filter by a set of stores (the dashboard's, the customers grid's): the list names each
 * store by code and name and is searched by either; a picked store's tag shows its code
 * alone, so that several fit in the field.
 */
export function StoreSelect({
  stores,
  loading,
  value,
  onChange,
  label,
  placeholder,
  width,
}: Props) {
  return (
    <Select
      mode="multiple"
      aria-label={label}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      value={value}
      onChange={onChange}
      loading={loading}
      options={(stores ?? []).map((s) => ({
        value: s.id,
        label: `${s.code} ${s.name}`,
        code: s.code,
      }))}
      optionFilterProp="label"
      optionLabelProp="code"
      maxTagCount="responsive"
    />
  );
}
