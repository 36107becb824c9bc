import { App, Button, Card, DatePicker, Descriptions, Space, Tag } from 'antd';
import type { DatePickerProps } from 'antd';
import zhPicker from 'antd/es/date-picker/locale/zh_CN';
import { cloneElement, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { zonedParts } from '../../../../core/shared/zoned-time';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { useClock } from '../../shell/clock';
import { formatDateTime } from '../../shell/format';
import { useLocale } from '../../shell/locale';

/**
 * A wall-clock time typed as Asia/Shanghai ('YYYY-MM-DDTHH:mm') as a UTC instant.
 * Shanghai keeps +08:00 all year (no summer time), so the offset is fixed.
 */
export function shanghaiToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const date = new Date(`${local}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The picker's value (a dayjs instant): typed through antd so that dayjs is not imported. */
type Picked = Exclude<DatePickerProps['value'], unknown[]>;

/** How the console writes a business day and time (as everywhere else in the console). */
const consoleFormat = 'YYYY-MM-DD HH:mm';

/**
 * Chinese week-day and month names for the picker's panel: antd's zh_CN locale leaves them
 * to dayjs's locale, which the console does not load, so they would read "Su Mo" and "Dec".
 */
const zhPanel: DatePickerProps['locale'] = {
  ...zhPicker,
  lang: {
    ...zhPicker.lang,
    shortWeekDays: ['日', '一', '二', '三', '四', '五', '六'],
    shortMonths: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
  },
};

/** The console's clock: stores keep Shanghai time, whatever the PC's own zone is. */
const SHANGHAI = 'Asia/Shanghai';

/**
 * Now as Shanghai's wall clock, on a picker value of the panel (the only way to a date
 * object of the picker's library without importing it): its date and its hour and minute.
 */
function shanghaiNow(like: NonNullable<Picked>): NonNullable<Picked> {
  const { date, time } = zonedParts(Date.now(), SHANGHAI);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return like
    .year(year)
    .month(month - 1)
    .date(day)
    .hour(hour)
    .minute(minute)
    .second(0)
    .millisecond(0);
}

/** The simulated clock for trainers' scenarios: a chosen Shanghai time, or the system clock. */
export function ClockCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { info, setInfo } = useClock();
  const [picked, setPicked] = useState<Picked>(null);
  // A date of the panel, kept from its cells, to build Shanghai's now on (see shanghaiNow).
  const panelDate = useRef<NonNullable<Picked> | null>(null);
  // The picker shows wall-clock time; it is read as Shanghai time whatever the PC's zone.
  const chosen = picked ? shanghaiToIso(picked.format('YYYY-MM-DDTHH:mm')) : null;

  const setClock = async (now: string | null) => {
    try {
      const next = await api.call('settings.setClock', { now });
      setInfo(next);
      void message.success(t(now ? 'settings.clock.setDone' : 'settings.clock.systemDone'));
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  return (
    <Card title={t('settings.clock.title')} size="small">
      <p className="muted">{t('settings.clock.hint')}</p>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('settings.clock.now')}>
          <Space>
            {formatDateTime(info?.now, locale)}
            {info ? (
              <Tag color={info.simulatedClock ? 'orange' : 'default'}>
                {t(info.simulatedClock ? 'settings.clock.simulated' : 'settings.clock.system')}
              </Tag>
            ) : null}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format={consoleFormat}
          locale={locale === 'zh-CN' ? zhPanel : undefined}
          placeholder={consoleFormat}
          aria-label={t('settings.clock.input')}
          value={picked}
          onChange={(value) => setPicked(value)}
          // The panel's "today" and "now" are the browser's; the console's are Shanghai's.
          classNames={{ popup: { root: 'console-clock-popup' } }}
          cellRender={(current, info) => {
            if (info.type !== 'date' || typeof current !== 'object') return info.originNode;
            panelDate.current = info.today;
            const today = zonedParts(Date.now(), SHANGHAI).date;
            if (current.format('YYYY-MM-DD') !== today) return info.originNode;
            const node = info.originNode as ReactElement<{ className?: string }>;
            return cloneElement(node, { className: `${node.props.className} console-today` });
          }}
          showNow={false}
          renderExtraFooter={() => (
            <Button
              type="link"
              size="small"
              onClick={() => panelDate.current && setPicked(shanghaiNow(panelDate.current))}
            >
              {t('settings.clock.shanghaiNow')}
            </Button>
          )}
          style={{ width: 220 }}
        />
        <Button type="primary" disabled={!chosen} onClick={() => setClock(chosen)}>
          {t('settings.clock.set')}
        </Button>
        <Button disabled={!info?.simulatedClock} onClick={() => setClock(null)}>
          {t('settings.clock.useSystem')}
        </Button>
      </Space>
    </Card>
  );
}
