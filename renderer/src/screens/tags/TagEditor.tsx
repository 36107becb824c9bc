import { App, Button, Card, Form, Input, Popconfirm, Radio, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleGroup } from '../../../../core/api/rules';
import type { TagInfo } from '../../../../core/api/tags';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { describeError, ruleFieldName } from '../../i18n/errors';
import { formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { RuleBuilder } from './RuleBuilder';

function startingRule(tag: TagInfo | null): RuleGroup {
  if (tag?.rule?.type === 'group') return tag.rule;
  if (tag?.rule) return { type: 'group', op: 'and', children: [tag.rule] };
  return { type: 'group', op: 'and', children: [] };
}

/** Edits a tag's names and rule, showing how many customers the rule matches right now. */
export function TagEditor({ tag, onSaved }: { tag: TagInfo | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const fields = useApi('tags.fields', {});
  const [nameZh, setNameZh] = useState(tag?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(tag?.nameEn ?? '');
  const [kind, setKind] = useState<'rule' | 'manual'>(tag?.kind === 'manual' ? 'manual' : 'rule');
  const [rule, setRule] = useState<RuleGroup>(() => startingRule(tag));
  const editable = !tag || tag.kind === 'rule' || tag.kind === 'manual';
  const count = useLiveCount(kind === 'rule' ? rule : null);

  const save = async () => {
    try {
      const saved = await api.call('tags.save', {
        id: tag?.id,
        nameZh,
        nameEn,
        kind,
        rule: kind === 'rule' ? rule : null,
      });
      void message.success(t('tags.saved'));
      onSaved();
      navigate('tags', String(saved.id));
    } catch (e) {
      void message.error(describeError(t, e, ruleFieldName(e, fields.data ?? [], locale)));
    }
  };

  const remove = async () => {
    if (!tag) return;
    try {
      await api.call('tags.delete', { id: tag.id });
      onSaved();
      navigate('tags');
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  return (
    <Card title={tag ? t('tags.edit') : t('tags.new')}>
      <Form layout="vertical" disabled={!editable}>
        <Space wrap>
          <Form.Item label={t('tags.nameZh')}>
            <Input
              aria-label={t('tags.nameZh')}
              value={nameZh}
              maxLength={60}
              onChange={(e) => setNameZh(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('tags.nameEn')}>
            <Input
              aria-label={t('tags.nameEn')}
              value={nameEn}
              maxLength={60}
              onChange={(e) => setNameEn(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={t('tags.kind')}>
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as 'rule' | 'manual')}
              options={[
                { value: 'rule', label: t('tags.kinds.rule') },
                { value: 'manual', label: t('tags.kinds.manual') },
              ]}
            />
          </Form.Item>
        </Space>
      </Form>
      {!editable ? <p className="muted">{t('tags.derived')}</p> : null}
      <ErrorNote error={fields.error} />
      {kind === 'rule' && editable && fields.data ? (
        <>
          <RuleBuilder group={rule} fields={fields.data} onChange={setRule} />
          <div role="status" aria-live="polite" style={{ marginTop: 16 }}>
            <Statistic
              title={t('tags.liveCount')}
              value={count.value === null ? '—' : formatNumber(count.value, locale)}
              suffix={count.value === null ? '' : t('tags.customersUnit')}
              loading={count.loading}
            />
          </div>
          {count.notCompared > 0 ? (
            <p className="muted">
              {t('tags.notCompared', {
                count: count.notCompared,
                n: formatNumber(count.notCompared, locale),
              })}
            </p>
          ) : null}
          <ErrorNote error={count.error} />
        </>
      ) : null}
      {editable ? (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={save} disabled={!nameZh.trim() || !nameEn.trim()}>
            {t('common.save')}
          </Button>
          {tag && !tag.builtin ? (
            <Popconfirm title={t('tags.deleteConfirm')} onConfirm={remove}>
              <Button danger>{t('common.delete')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}

/** The live count of a rule, asked again 400 ms after the last edit. */
function useLiveCount(rule: RuleGroup | null) {
  const [state, setState] = useState<{
    value: number | null;
    notCompared: number;
    loading: boolean;
    error: unknown;
  }>({ value: null, notCompared: 0, loading: false, error: null });
  const text = rule ? JSON.stringify(rule) : '';

  useEffect(() => {
    if (!text) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      api.call('tags.count', { rule: JSON.parse(text) as RuleGroup }).then(
        (r) =>
          live &&
          setState({ value: r.count, notCompared: r.notCompared, loading: false, error: null }),
        (error: unknown) =>
          live && setState({ value: null, notCompared: 0, loading: false, error }),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  return state;
}
