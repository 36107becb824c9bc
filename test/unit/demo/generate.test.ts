import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../../core/crm/import/types';
import { generateDemo } from '../../../core/demo/generate';
import type { DemoSize } from '../../../core/demo/plan';

const asOf = new Date('2026-06-30T09:00:00Z');
const small: DemoSize = { customers: 400, days: 120, orderLines: 3000 };

function records(seed: number, size: DemoSize = small): ImportRecord[] {
  const all: ImportRecord[] = [];
  for (const batch of generateDemo({ asOf, seed, size }).batches()) all.push(...batch.records);
  return all;
}

function hashOf(rows: ImportRecord[]): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(JSON.stringify(r) + '\n');
  return hash.digest('hex');
}

describe('the demo chain generator', () => {
  it('gives identical records for the same seed and as-of, and different ones for another seed', () => {
    const first = hashOf(records(7));
    expect(hashOf(records(7))).toBe(first);
    expect(hashOf(records(8))).not.toBe(first);
  });

  it('splits sales orders 50/30/20 over POS, mini-program and delivery', () => {
    // Counted here from the records themselves: distinct order ids of sale rows per
    // channel. With ~15,000 orders the sampling error of a share is about 0.4 points,
    // so 2.5 points of tolerance fails only if the mix itself is off.
    const rows = records(11, { customers: 4000, days: 365, orderLines: 30_000 });
    const orders = { pos: new Set<string>(), miniprogram: new Set<string>(), delivery: new Set() };
    for (const r of rows) {
      if (r.kind === 'sale') orders[r.channel as keyof typeof orders].add(r.orderId!);
    }
    const total = orders.pos.size + orders.miniprogram.size + orders.delivery.size;
    expect(total).toBeGreaterThan(10_000);
    expect(Math.abs(orders.pos.size / total - 0.5)).toBeLessThan(0.025);
    expect(Math.abs(orders.miniprogram.size / total - 0.3)).toBeLessThan(0.025);
    expect(Math.abs(orders.delivery.size / total - 0.2)).toBeLessThan(0.025);
  });

  it('lands near the order lines asked for and keeps every order within the period', () => {
    const rows = records(3);
    expect(rows.length).toBeGreaterThan(small.orderLines * 0.9);
    expect(rows.length).toBeLessThan(small.orderLines * 1.1);
    // 120 business days ending 2026-06-30 in Shanghai start on 2026-03-03.
    for (const r of rows) {
      expect(r.orderedAt!).toBeLessThanOrEqual(asOf.getTime());
      expect(r.businessDay! >= '2026-03-03' && r.businessDay! <= '2026-06-30').toBe(true);
    }
  });

  it('writes phones that are valid in form and plainly fake, and masks them for delivery', () => {
    const rows = records(5);
    const phones = rows.flatMap((r) => (r.customer.phone ? [r.customer.phone] : []));
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^\+861[3-9]\d0000\d{4}$/);

    const delivery = rows.filter((r) => r.channel === 'delivery');
    for (const r of delivery) expect(r.customer.maskedPhone).toMatch(/^1\d\d\*{4}\d{4}$/);
    // Some delivery rows show the full number (so identities can be merged), most not.
    const shown = delivery.filter((r) => r.customer.phone).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(delivery.length / 2);
  });

  it('includes anonymous till sales, returns and cancellations that reverse their sale', () => {
    const rows = records(9);
    const anonymous = rows.filter((r) => Object.keys(r.customer).length === 0);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((r) => r.channel === 'pos')).toBe(true);

    const cancellations = rows.filter((r) => r.kind === 'cancellation');
    expect(cancellations.length).toBeGreaterThan(0);
    for (const c of cancellations) {
      expect(c.quantity!).toBeLessThan(0);
      const saleId = c.orderId!.slice(1); // 'C' + the sale's id, as UCI writes it
      const sale = rows.find((r) => r.orderId === saleId && r.lineNo === c.lineNo);
      expect(sale?.lineAmountFen).toBe(-c.lineAmountFen!);
    }
    expect(rows.some((r) => r.kind === 'return' && r.lineAmountFen! < 0)).toBe(true);
  });
});
