import { LockOutlined } from '@ant-design/icons';
import { Card, Empty, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingItem } from '../../../../core/api/planning';
import { ErrorNote } from '../../components/ErrorNote';
import { useApi } from '../../shell/useApi';
import { departmentName } from './text';

function WaitingEntry({ item, showProject }: { item: WaitingItem; showProject: boolean }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <div className="plan-waiting-item">
        <Space wrap>
          <LockOutlined className="plan-frozen-icon" />
          <Typography.Text strong>
            #{item.taskSeq} {item.taskName}
          </Typography.Text>
          {item.owner ? <Tag>{item.owner}</Tag> : null}
          <Typography.Text type="secondary">
            {t('planning.waiting.plannedStart')} {item.start}
          </Typography.Text>
          {showProject ? (
            <Typography.Link href={`#/planning/${item.projectId}`}>
              {item.projectName}
            </Typography.Link>
          ) : null}
        </Space>
        <ul className="plan-waiting-on" aria-label={t('planning.waiting.waitingOn')}>
          {item.waitingOn.map((w) => (
            <li key={w.taskId}>
              {t('planning.waiting.waitingOnColon')}
              <b>{w.name}</b>
              {w.owner ? ` · ${w.owner}` : ''}
              {w.department ? ` · ${departmentName(t, w.department)}` : ''}
              {' · '}
              {t(`planning.status.${w.status}`)} · {t('planning.waiting.due', { day: w.finish })}
            </li>
          ))}
        </ul>
      </div>
    </List.Item>
  );
}

/**
 * "Waiting on others": every frozen task (of one project, or of a store or an owner
 * across projects) with the tasks holding it, who owns them and when they are due.
 */
export function WaitingView({ projectId, version }: { projectId?: number; version?: unknown }) {
  const { t } = useTranslation();
  const [owner, setOwner] = useState('');
  const [storeId, setStoreId] = useState<number | null>(null);
  const filter = {
    ...(owner.trim() ? { owner: owner.trim() } : {}),
    ...(storeId ? { storeId } : {}),
  };
  const waiting = useApi('tasks.waiting', filter, version);
  const items = (waiting.data ?? []).filter(
    (i) => projectId === undefined || i.projectId === projectId,
  );

  return (
    <div>
      <Typography.Paragraph type="secondary">{t('planning.waiting.intro')}</Typography.Paragraph>
      <Space className="plan-toolbar" wrap>
        <Input.Search
          allowClear
          aria-label={t('planning.waiting.owner')}
          placeholder={t('planning.waiting.owner')}
          onSearch={setOwner}
          style={{ width: 220 }}
        />
        {projectId === undefined ? (
          <InputNumber
            aria-label={t('planning.waiting.store')}
            placeholder={t('planning.waiting.store')}
            min={1}
            value={storeId}
            onChange={(v) => setStoreId(v)}
            style={{ width: 200 }}
          />
        ) : null}
      </Space>
      <ErrorNote error={waiting.error} onRetry={waiting.reload} />
      {items.length === 0 && !waiting.loading ? (
        <Empty description={t('planning.waiting.none')} />
      ) : (
        <List
          aria-label={t('planning.waiting.title')}
          dataSource={items}
          loading={waiting.loading && !waiting.data}
          renderItem={(item) => <WaitingEntry item={item} showProject={projectId === undefined} />}
        />
      )}
    </div>
  );
}

/** The store manager's page: waiting items across every project. */
export function WaitingScreen() {
  const { t } = useTranslation();
  return (
    <Card title={t('planning.waiting.title')}>
      <WaitingView />
    </Card>
  );
}
