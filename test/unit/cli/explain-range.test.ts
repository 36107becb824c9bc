import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recomputeAll } from '../../../core/crm/recompute';
import { saveTag } from '../../../core/crm/tags/store';
import { openDb } from '../../../core/db/open';
import { main } from '../../../hosts/cli/program';
import { addCustomer, addOrder } from '../../support/crm-builders';

/** Runs the CLI in this process and returns its exit code and what it printed on stdout. */
async function cli(...args: string[]) {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { code: await main(args), stdout: out.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

/*
 * Worked by hand: the rule "total spend between 10000 and 50000" (fen) is ¥100.00 to
 * ¥500.00; the customer's one order of 20000 fen is ¥200.00, inside the range.
 */
describe('explain, for a rule with a money range', () => {
  let dir: string;
  let file: string;
  let tagKey = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-explain-range-'));
    file = path.join(dir, 'console.db');
    const db = await openDb({ file });
    const asOf = new Date('2024-06-30T12:00:00Z');
    const customerId = await addCustomer(db, { name: '林艳' });
    await addOrder(db, { customerId, at: '2024-06-01T03:00:00Z', amountFen: 20000 });
    await recomputeAll(db, asOf);
    const rule = {
      type: 'group' as const,
      op: 'and' as const,
      children: [
        {
          type: 'condition' as const,
          field: 'spend_all',
          cmp: 'between' as const,
          value: [10000, 50000],
        },
      ],
    };
    const tag = await saveTag(
      db,
      { nameZh: '中等消费', nameEn: 'Mid spenders', kind: 'rule', rule },
      asOf,
    );
    tagKey = tag.key;
    await db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes both ends of the range in yuan, as it writes a single value', async () => {
    const run = await cli('explain', '--customer', '1', '--tag', tagKey, '--db', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('between CN¥100.00 and CN¥500.00');
    expect(run.stdout).toContain("customer's value CN¥200.00");
    expect(run.stdout).not.toContain('10000');
  });
});
