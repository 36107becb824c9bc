import {
  AppstoreOutlined,
  CalendarOutlined,
  DashboardOutlined,
  HeatMapOutlined,
  ClockCircleOutlined,
  ImportOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerPage } from '../screens/customers/CustomerPage';
import { CustomersScreen } from '../screens/customers/CustomersScreen';
import { DashboardScreen } from '../screens/dashboard/DashboardScreen';
import { ImportWizard } from '../screens/import/ImportWizard';
import { PlanningScreen } from '../screens/planning/PlanningScreen';
import { RfmScreen } from '../screens/rfm/RfmScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { TagsScreen } from '../screens/tags/TagsScreen';
import type { AppInfo } from '../../../core/api/system';
import { api } from '../api/client';
import { ClockContext, useClock } from './clock';
import { formatDateTime } from './format';
import { useLocale } from './locale';
import { navigate, useRoute } from './route';
import type { Route } from './route';

function screenFor(route: Route): ReactNode {
  switch (route.screen) {
    case 'import':
      return <ImportWizard />;
    case 'customers':
      return route.rest[0] ? (
        <CustomerPage id={Number(route.rest[0])} />
      ) : (
        <CustomersScreen params={route.params} />
      );
    case 'tags':
      return <TagsScreen selected={route.rest[0] ? Number(route.rest[0]) : null} />;
    case 'rfm':
      return <RfmScreen />;
    case 'planning':
      return <PlanningScreen rest={route.rest} />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <DashboardScreen />;
  }
}

/** Side navigation, header with the language switch, and the current screen. */
export function Shell() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const route = useRoute();
  const [info, setInfo] = useState<AppInfo | undefined>(undefined);
  const clock = useMemo(() => ({ info, setInfo }), [info]);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => undefined);
  }, []);

  const items: MenuProps['items'] = [
    { key: 'dashboard', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    { key: 'import', icon: <ImportOutlined />, label: t('nav.import') },
    { key: 'customers', icon: <TeamOutlined />, label: t('nav.customers') },
    { key: 'tags', icon: <TagsOutlined />, label: t('nav.tags') },
    { key: 'rfm', icon: <HeatMapOutlined />, label: t('nav.rfm') },
    { type: 'divider' },
    { key: 'planning', icon: <CalendarOutlined />, label: t('nav.planning') },
    // Scoring arrives with a later issue; its place is kept, greyed out.
    { key: 'scoring', icon: <TrophyOutlined />, label: t('nav.scoring'), disabled: true },
    { type: 'divider' },
    { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ];

  return (
    <ClockContext.Provider value={clock}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #e5e6eb' }}>
          <div className="brand">
            <AppstoreOutlined />
            <span>{t('app.title')}</span>
          </div>
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={[route.screen]}
              items={items}
              onClick={(e) => navigate(e.key)}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header className="header">
            <Typography.Text strong>{t(`nav.${route.screen}`, t('nav.dashboard'))}</Typography.Text>
            <Space>
              <SimulatedClockBadge />
              <span className="muted">{t('header.language')}</span>
              <Segmented
                aria-label={t('header.language')}
                value={locale}
                onChange={(v) => setLocale(v as 'zh-CN' | 'en')}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Space>
          </Layout.Header>
          <Layout.Content className="content">{screenFor(route)}</Layout.Content>
        </Layout>
      </Layout>
    </ClockContext.Provider>
  );
}

/** Shown only while a trainer's simulated clock is on, so nobody mistakes it for today. */
function SimulatedClockBadge() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { info } = useClock();
  if (!info?.simulatedClock) return null;
  return (
    <Tag
      color="orange"
      icon={<ClockCircleOutlined />}
      className="clock-badge"
      role="status"
      onClick={() => navigate('settings')}
      style={{ cursor: 'pointer' }}
    >
      {t('header.simulatedClock', { now: formatDateTime(info.now, locale) })}
    </Tag>
  );
}
