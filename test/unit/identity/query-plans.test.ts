import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityQueries } from '../../../core/crm/identity/resolver';
import { keyKinds } from '../../../core/crm/identity/keys';
import { tempDb } from '../../support/db';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

/** SQLite's plan of a statement, one line per step. */
function plan(sql: string, ...values: string[]): string {
  const rows = db.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

// Every import runs these per batch or per row: a plan that reads the whole identities
// table costs ~17 ms at 100k customers (a one-order batch must take well under 20 ms).
describe('the identity look-ups of an import', () => {
  it.each(keyKinds)('finds a %s key with one seek in the (kind, value) index', (kind) => {
    const steps = plan(identityQueries.lookup[kind], 'v');
    expect(steps).toContain('USING INDEX customer_identities_key');
    expect(steps).not.toMatch(/SCAN/);
  });

  it.each(keyKinds)('asks whether any customer has a %s key with one seek', (kind) => {
    const steps = plan(identityQueries.anyOfKind[kind]);
    expect(steps).toContain('USING COVERING INDEX customer_identities_key');
    expect(steps).not.toMatch(/SCAN/);
  });
});
