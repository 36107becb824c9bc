import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import type { CustomerQuery } from '../../../core/api/customers';
import { importThroughService, preset, tempApp } from '../../acceptance/import-support';
import { dataFile } from '../../support/paths';

/*
 * The UCI sample's customers have no name, only a CustomerID (kept as a member id). From
 * the CSV with Python's csv module:
 *   ids = {r['CustomerID'] for r in csv.DictReader(open('online-retail-uci-sample.csv'))
 *          if r['CustomerID'] not in ('NA', '')}
 *   len(ids) == 3049; min(ids) == '12347'
 *   len([i for i in ids if '123' in i]) == 32
 */
let app: Awaited<ReturnType<typeof tempApp>>;

beforeAll(async () => {
  app = await tempApp();
  await importThroughService(
    app,
    dataFile('online-retail-uci-sample.csv'),
    preset('uci-online-retail'),
  );
}, 60_000);
afterAll(async () => {
  await app.cleanup();
});

/** A page as the grid asks for it, through the contract's schema (its defaults filled). */
const page = (q: Partial<CustomerQuery>) =>
  app.handlers['customers.page'](customerQuerySchema.parse(q));

describe('the UCI sample’s customers in the grid', () => {
  it('each have their CustomerID as their key, all 3,049 of them told apart', async () => {
    const keys: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const shown = await page({ offset, limit: 500, sort: [{ column: 'id', dir: 'asc' }] });
      for (const row of shown.rows) {
        expect(row.name).toBeNull();
        expect(row.key?.kind).toBe('member');
        keys.push(row.key!.value);
      }
      if (offset + 500 >= shown.total) break;
    }
    expect(keys).toHaveLength(3049);
    expect(new Set(keys).size).toBe(3049);
    expect(keys.every((k) => /^\d{5}$/.test(k))).toBe(true);
    expect([...keys].sort()[0]).toBe('12347');
  });

  it('can be found by part of their CustomerID', async () => {
    const found = await page({
      limit: 100,
      filters: [{ type: 'text', column: 'key', contains: '123' }],
    });
    expect(found.total).toBe(32);
    expect(found.rows).toHaveLength(32);
    expect(found.rows.every((r) => r.key!.value.includes('123'))).toBe(true);
  });
});
