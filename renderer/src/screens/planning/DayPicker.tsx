import { DatePicker } from 'antd';
import dayjs from 'dayjs';
// The Chinese names of months and week days (and Monday first) for antd's zh_CN panel.
import 'dayjs/locale/zh-cn';
import { useLocale } from '../../shell/locale';

/** How the console writes a business day, in every language: 2026-12-05. */
export const DAY_FORMAT = 'YYYY-MM-DD';

interface Props {
  /** A business day 'YYYY-MM-DD', or empty. */
  value?: string | null;
  onChange?(day: string | undefined): void;
  id?: string;
  'aria-label'?: string;
  allowClear?: boolean;
}

/**
 * A business-day field: shown and typed as 2026-12-05 whatever the browser's own locale
 * (a native date input would show 12/05/2026), with the panel in the console's language.
 * The form keeps the day as text, as the contract takes it.
 */
export function DayPicker({ value, onChange, id, allowClear = false, ...rest }: Props) {
  const { locale } = useLocale();
  const parsed = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  const picked = parsed?.isValid() ? parsed.locale(locale === 'zh-CN' ? 'zh-cn' : 'en') : null;

  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      style={{ width: '100%' }}
      format={DAY_FORMAT}
      placeholder={DAY_FORMAT}
      allowClear={allowClear}
      value={picked}
      onChange={(day) => onChange?.(day ? day.format(DAY_FORMAT) : undefined)}
      // A whole day typed is taken at once (as a plain field would), not only on Enter or
      // leaving the field: what depends on it, such as the past-start warning, follows.
      onCalendarChange={(day) => {
        if (day && !Array.isArray(day)) onChange?.(day.format(DAY_FORMAT));
      }}
    />
  );
}
