import { Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope, StoreChoice } from '../../../../core/api/planning';
import { storeLabel, storeMatches } from './storeText';

interface PickerProps {
  stores: StoreChoice[] | undefined;
  value?: number[];
  onChange?(ids: number[]): void;
  id?: string;
}

/**
 * The stores of a project's scope, picked from those the database has by code or name.
 * Text that names no store is never kept silently: the list says so while typing, and a
 * line under the field repeats it once the field is left.
 */
export function StorePicker({ stores, value, onChange, id }: PickerProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  // Text left in the field when it lost focus, and whether some store not picked matches it.
  const [left, setLeft] = useState<{ text: string; matches: boolean } | null>(null);
  const none = stores !== undefined && stores.length === 0;

  return (
    <>
      <Select<number[]>
        id={id}
        mode="multiple"
        value={value ?? []}
        onChange={(ids) => {
          setLeft(null);
          onChange?.(ids);
        }}
        loading={stores === undefined}
        disabled={none}
        placeholder={t(none ? 'planning.dialog.noStores' : 'planning.dialog.storesPlaceholder')}
        options={(stores ?? []).map((s) => ({ value: s.id, label: storeLabel(s) }))}
        showSearch={{
          filterOption: (text, option) => {
            const store = stores?.find((s) => s.id === option?.value);
            return store ? storeMatches(store, text) : false;
          },
          onSearch: (text) => {
            setTyped(text);
            if (text) setLeft(null);
          },
        }}
        notFoundContent={typed.trim() ? t('planning.dialog.storeNotFound', { text: typed }) : null}
        onBlur={() => {
          const text = typed.trim();
          const open = (stores ?? []).filter((s) => !value?.includes(s.id));
          const picked = (stores ?? []).filter((s) => value?.includes(s.id));
          // Text naming only stores already picked said nothing new; anything else is said.
          const covered = picked.some((s) => storeMatches(s, text));
          const matches = open.some((s) => storeMatches(s, text));
          if (text && (matches || !covered)) setLeft({ text, matches });
          setTyped('');
        }}
      />
      {left ? (
        <Typography.Text type="warning" role="status">
          {t(left.matches ? 'planning.dialog.storeNotPicked' : 'planning.dialog.storeUnmatched', {
            text: left.text,
          })}
        </Typography.Text>
      ) : null}
    </>
  );
}

/** A project's scope as tags: its regions, then its stores by code and name. */
export function ScopeTags({ scope, stores }: { scope: Scope; stores: StoreChoice[] | undefined }) {
  const { t } = useTranslation();
  if (scope.regions.length === 0 && scope.storeIds.length === 0) {
    return <Typography.Text type="secondary">{t('planning.project.scopeNone')}</Typography.Text>;
  }
  const byId = new Map((stores ?? []).map((s) => [s.id, s]));
  return (
    <Space size={4} wrap>
      {scope.regions.map((r) => (
        <Tag key={`r-${r}`} color="blue">
          {r}
        </Tag>
      ))}
      {scope.storeIds.map((id) => {
        const store = byId.get(id);
        // While the list loads a store shows by number; one gone since is said to be gone.
        const text = store
          ? storeLabel(store)
          : stores
            ? t('planning.project.storeMissing', { id })
            : `#${id}`;
        return <Tag key={`s-${id}`}>{text}</Tag>;
      })}
    </Space>
  );
}
