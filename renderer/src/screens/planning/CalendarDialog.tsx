import { Alert, Checkbox, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSpec, ProjectView } from '../../../../core/api/planning';
import { api } from '../../api/client';
import { dayListText, parseDayList } from './calendar';
import { describePlanningError } from './text';

interface Props {
  open: boolean;
  projectId: number;
  calendar: CalendarSpec;
  onClose(): void;
  /** The project as re-dated on the new calendar. */
  onSaved(view: ProjectView): void;
}

const weekdays = [1, 2, 3, 4, 5, 6, 7];

/**
 * This project's working calendar: weekend days, days off and make-up working days
 * (调休). It starts as the national calendar; changes here touch this project only.
 */
export function CalendarDialog({ open, projectId, calendar, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [weekend, setWeekend] = useState<number[]>(calendar.weekendDays);
  const [off, setOff] = useState(() => dayListText(calendar.holidays));
  const [on, setOn] = useState(() => dayListText(calendar.workdays));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    // Make-up days alone cannot carry a plan: the core refuses a week with no working day.
    if (new Set(weekend).size >= weekdays.length) {
      return setError(t('planning.calendar.noWorkingDays'));
    }
    const holidays = parseDayList(off);
    const workdays = parseDayList(on);
    const bad = holidays.bad ?? workdays.bad;
    if (bad !== null) return setError(t('planning.calendar.badDay', { value: bad }));
    const both = holidays.days.find((d) => workdays.days.includes(d));
    if (both) return setError(t('planning.calendar.both', { day: both }));

    setSaving(true);
    setError(null);
    try {
      const view = await api.call('projects.update', {
        projectId,
        calendar: {
          ...calendar,
          weekendDays: weekend,
          holidays: holidays.days,
          workdays: workdays.days,
        },
      });
      onSaved(view);
    } catch (e) {
      setError(describePlanningError(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('planning.calendar.title')}
      okText={t('planning.calendar.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {/*
        For developers, not users: the built-in days come from
        resources/calendars/cn-public-holidays.json. Its 2026 arrangement was checked day by
        day against the State Council's notice ('confirmed'); 2027 holds the statutory days
        only ('missing') until its notice is entered. Update the intro when a year changes.
      */}
      <Typography.Paragraph type="secondary">{t('planning.calendar.intro')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text strong>{t('planning.calendar.weekend')}</Typography.Text>
          <Checkbox.Group
            style={{ display: 'flex', marginTop: 6 }}
            value={weekend}
            onChange={(v) => setWeekend(v)}
            options={weekdays.map((d) => ({ value: d, label: t(`planning.calendar.day${d}`) }))}
          />
        </div>
        <label>
          <Typography.Text strong>{t('planning.calendar.holidays')}</Typography.Text>
          <Input.TextArea
            value={off}
            onChange={(e) => setOff(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
            style={{ marginTop: 6 }}
          />
        </label>
        <label>
          <Typography.Text strong>{t('planning.calendar.workdays')}</Typography.Text>
          <Input.TextArea
            value={on}
            onChange={(e) => setOn(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            style={{ marginTop: 6 }}
          />
        </label>
        {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      </Space>
    </Modal>
  );
}
