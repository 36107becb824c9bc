import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en.json';
import zhCN from '../../../renderer/src/i18n/zh-CN.json';
import { customerColumnDefs } from '../../../renderer/src/screens/customers/columns';

const money = ['spend30', 'spend365', 'spendAll', 'aovFen', 'ltvFen'];

async function columns(locale: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return customerColumnDefs(i18n.t, locale);
}

describe('customers grid money columns say how they sort and filter across currencies', () => {
  it('explains the rule in the header tooltip and the filter, in Chinese and English', async () => {
    const cases = [
      { locale: 'zh-CN' as const, rule: '人民币客户在前', filter: '仅比较人民币客户' },
      { locale: 'en' as const, rule: 'customers in yuan first', filter: 'customers in yuan only' },
    ];
    for (const { locale, rule, filter } of cases) {
      const defs = await columns(locale);
      for (const field of money) {
        const def = defs.find((d) => d.field === field)!;
        expect(def.headerTooltip).toContain(rule);
        expect((def.filterParams as { filterPlaceholder: string }).filterPlaceholder).toContain(
          filter,
        );
      }
      // A count is compared across currencies: no money note on it.
      expect(defs.find((d) => d.field === 'ordersAll')!.headerTooltip).toBeUndefined();
    }
  });
});
