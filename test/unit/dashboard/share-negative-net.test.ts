import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dashboardSummary } from '../../../core/crm/customers/dashboard';
import en from '../../../renderer/src/i18n/en.json';
import { DashboardFigures } from '../../../renderer/src/screens/dashboard/DashboardFigures';
import { memberShareOption } from '../../../renderer/src/screens/dashboard/charts';
import { addCustomer, addIdentity, addOrder, addStore } from '../../support/crm-builders';
import { tempDb } from '../../support/db';

// Breaker9: a refund in the period of an anonymous sale made before it.

// The console's English strings, set up as the renderer's i18n does (without the browser).
const i18n = i18next.createInstance();
let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en' });
  }
});
afterEach(async () => {
  await db.cleanup();
});

/** The percents a text shows (outside HTML tags and their styles), as numbers. */
const percents = (text: string) =>
  [...text.replace(/<[^>]*>/g, ' ').matchAll(/(-?[\d,.]+)\s?%/g)].map((p) =>
    Number((p[1] ?? '').replace(/,/g, '')),
  );

interface PieSeries {
  data: { name: string; value: number; net: number }[];
  label: { formatter: (p: { name: string; value: number }) => string };
}
type Tip = (p: { name: string; value: number; data: { net: number } }) => string;

describe('the members’ share when a group’s net is negative', () => {
  it('stays within 0–100 %: the negative group counts as 0 in shares and donut', async () => {
    // At S01: an anonymous ¥8.00 sale on 2 May (before the 30 days), refunded on 12 June;
    // member M001 buys ¥10.00 on 10 June. Period 1–30 June: sales 10.00 − 8.00 = ¥2.00;
    // members 10.00, anonymous −8.00. Counted in shares: members 10.00, anonymous 0, so the
    // whole is 10.00: members' share 10/10 = 100 %, identified 100 %, anonymous 0 %.
    const s = await addStore(db, 'S01');
    const m = await addCustomer(db);
    await addIdentity(db, m, 'member', 'M001');
    await addOrder(db, { customerId: m, storeId: s, at: '2024-06-10T03:00:00Z', amountFen: 1000 });
    const sale = { customerId: null, storeId: s, at: '2024-05-02T03:00:00Z', amountFen: 800 };
    await addOrder(db, sale);
    const refund = { ...sale, at: '2024-06-12T03:00:00Z', amountFen: -800, kind: 'return' };
    await addOrder(db, refund as typeof sale);
    const data = await dashboardSummary(db, 30, new Date('2024-06-30T12:00:00Z'), [s]);
    expect([data.salesFen, data.memberSalesFen, data.anonymousSalesFen]).toEqual([200, 1000, -800]);

    const html = renderToStaticMarkup(
      createElement(DashboardFigures, { data, days: 30, locale: 'en' }),
    );
    // The sales figure keeps the net ¥2.00; the two shares read 100%.
    expect(html).toContain('2.00');
    expect(percents(html)).toEqual([100, 100]);
    expect(html).toContain('counts as 0 in the shares');

    const t = i18n.t.bind(i18n) as TFunction;
    const option = memberShareOption(data, t, 'en') as {
      series: PieSeries[];
      tooltip: { formatter: Tip };
    };
    const [series] = option.series;
    expect(series?.data.map((d) => [d.value, d.net])).toEqual([
      [1000, 1000],
      [0, 0],
      [0, -800],
    ]);
    const labels = (series?.data ?? []).map((d) => series?.label.formatter(d) ?? '');
    expect(labels.flatMap(percents)).toEqual([100, 0, 0]);
    const anonymous = series?.data[2];
    const tip = anonymous ? option.tooltip.formatter({ ...anonymous, data: anonymous }) : '';
    expect(tip).toContain('counted as 0 in the shares');
    expect(tip).toContain('-');
  });

  it('is unchanged when every group is positive', async () => {
    // Member ¥10.00 and anonymous ¥30.00 on 10 June: whole 40.00; 10/40 = 25 %.
    const m = await addCustomer(db);
    await addIdentity(db, m, 'member', 'M001');
    await addOrder(db, { customerId: m, at: '2024-06-10T03:00:00Z', amountFen: 1000 });
    await addOrder(db, { customerId: null, at: '2024-06-10T04:00:00Z', amountFen: 3000 });
    const data = await dashboardSummary(db, 30, new Date('2024-06-30T12:00:00Z'));
    const html = renderToStaticMarkup(
      createElement(DashboardFigures, { data, days: 30, locale: 'en' }),
    );
    expect(percents(html)).toEqual([25, 25]);
    expect(html).not.toContain('counts as 0');
  });
});
