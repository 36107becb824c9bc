import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../renderer/src/api/client';
import en from '../../../renderer/src/i18n/en.json';
import planningEn from '../../../renderer/src/i18n/planning.en.json';
import planningZh from '../../../renderer/src/i18n/planning.zh-CN.json';
import zhCN from '../../../renderer/src/i18n/zh-CN.json';
import { describePlanningError } from '../../../renderer/src/screens/planning/text';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    resources: {
      'zh-CN': { translation: { ...zhCN, ...planningZh } },
      en: { translation: { ...en, ...planningEn } },
    },
    lng,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

const refusals = [
  new ApiCallError('planning.no_working_days', 'The calendar has no working days…'),
  new ApiCallError('planning.bad_zone', 'Unknown time zone…', { zone: 'Mars/Olympus' }),
  new ApiCallError('planning.bad_weekend', 'Weekend day 6 is repeated…', { value: 6 }),
  new ApiCallError('planning.day_in_both', '2027-03-16 is both…', { day: '2027-03-16' }),
];

describe('calendar refusals in the console language', () => {
  it('says in Chinese what is wrong with the calendar, naming the value', async () => {
    const t = await translator('zh-CN');
    const texts = refusals.map((e) => describePlanningError(t, e));
    expect(texts[0]).toContain('没有工作日');
    expect(texts[1]).toContain('“Mars/Olympus”不是可识别的时区');
    expect(texts[2]).toContain('周末日 6 重复');
    expect(texts[3]).toContain('2027-03-16 不能同时是休息日和调休上班日');
  });

  it('says it in English too, never the core sentence', async () => {
    const t = await translator('en');
    const texts = refusals.map((e) => describePlanningError(t, e));
    expect(texts[0]).toContain('every day of the week is ticked as weekend');
    expect(texts[1]).toContain('"Mars/Olympus" is not a time zone');
    expect(texts[2]).toContain('Weekend day 6 is repeated');
    expect(texts[3]).toContain('2027-03-16 cannot be both a day off and a make-up working day');
    texts.forEach((text, i) => expect(text).not.toBe(refusals[i]!.message));
  });
});
