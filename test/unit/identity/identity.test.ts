import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeCustomers, mergesOf, undoMerge } from '../../../core/crm/identity/merge';
import { tempDb } from '../../support/db';
import { badRow, commitRows, facts, factCounts, posLine } from '../commit/records';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const at = new Date('2026-12-05T02:00:00Z');

function ownerOf(kind: string, value: string): number | undefined {
  const row = db.raw
    .prepare('SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?')
    .get(kind, value) as { customer_id: number } | undefined;
  return row?.customer_id;
}

function customerOfOrder(externalId: string): number | null {
  const row = db.raw
    .prepare('SELECT customer_id FROM orders WHERE external_id = ?')
    .get(externalId) as { customer_id: number | null };
  return row.customer_id;
}

describe('one customer per person', () => {
  it('finds the same customer by member id, phone or e-mail across files', async () => {
    await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1', phone: '+8613800001234' } }),
    ]);
    const second = await commitRows(
      db,
      [
        posLine(2, 'R2', { customer: { phone: '+8613800001234', email: 'li@example.cn' } }),
        posLine(3, 'R3', { customer: { email: 'li@example.cn' } }),
      ],
      { facts: facts('mini-2026-11.csv') },
    );
    expect(second).toMatchObject({ customersNew: 0, customersMatched: 1 });
    expect(factCounts(db).customers).toBe(1);
    expect([customerOfOrder('R1'), customerOfOrder('R2'), customerOfOrder('R3')]).toEqual([
      1, 1, 1,
    ]);
  });

  it('never uses a masked phone to find a customer, but keeps it on the customer', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'D1', { customer: { maskedPhone: '138****1234' } }),
      posLine(3, 'D2', { customer: { maskedPhone: '138****1234' } }),
      posLine(4, 'D3', { customer: { platformId: 'mt-A', maskedPhone: '138****1234' } }),
      posLine(5, 'D4', { customer: { platformId: 'mt-B', maskedPhone: '138****1234' } }),
    ]);
    // D1 and D2 name nobody: anonymous. D3 and D4 are two people who share a masked phone.
    expect(summary).toMatchObject({ anonymousOrders: 2, customersNew: 2 });
    expect(customerOfOrder('D1')).toBeNull();
    expect(customerOfOrder('D3')).not.toBe(customerOfOrder('D4'));
    const masked = db.raw
      .prepare("SELECT count(*) AS n FROM customer_identities WHERE kind = 'masked_phone'")
      .get();
    expect(masked).toEqual({ n: 2 });
  });
});

describe('keys of a kind the database did not hold before the import', () => {
  it('keeps a masked phone once on the survivor of a merge within a first import', async () => {
    // D2 gives customer 2 (mt-B) the masked phone. D3 gives customer 1 (mt-A) the buyer id
    // x; D4 names mt-B with x, so customer 2 merges into 1 and its masked phone moves to 1.
    // D5 names customer 1 with that masked phone: already there, nothing to add.
    await commitRows(db, [
      posLine(2, 'D1', { customer: { platformId: 'mt-A' } }),
      posLine(3, 'D2', { customer: { platformId: 'mt-B', maskedPhone: '138****1234' } }),
      posLine(4, 'D3', { customer: { platformId: 'mt-A', externalId: 'x' } }),
      posLine(5, 'D4', { customer: { platformId: 'mt-B', externalId: 'x' } }),
      posLine(6, 'D5', { customer: { platformId: 'mt-A', maskedPhone: '138****1234' } }),
    ]);
    const masked = db.raw
      .prepare(
        `SELECT customer_id AS customer, count(*) AS n FROM customer_identities
         WHERE kind = 'masked_phone' GROUP BY customer_id`,
      )
      .all();
    expect(masked).toEqual([{ customer: 1, n: 1 }]);
    const owners = new Set(['D1', 'D2', 'D3', 'D4', 'D5'].map(customerOfOrder));
    expect(owners).toEqual(new Set([1]));
  });

  it('lists a masked phone both merged records had once, and undoes the merge', async () => {
    // D1 and D2: customers 1 (mt-A) and 2 (mt-B), each with the same masked phone. D3 gives
    // 1 the buyer id x; D4 names mt-B with x: 2 merges into 1. Customer 1 shows the masked
    // phone once; 2's copy stays on the merged record and is 2's again after the undo.
    await commitRows(db, [
      posLine(2, 'D1', { customer: { platformId: 'mt-A', maskedPhone: '138****1234' } }),
      posLine(3, 'D2', { customer: { platformId: 'mt-B', maskedPhone: '138****1234' } }),
      posLine(4, 'D3', { customer: { platformId: 'mt-A', externalId: 'x' } }),
      posLine(5, 'D4', { customer: { platformId: 'mt-B', externalId: 'x' } }),
    ]);
    const maskedPerCustomer = () =>
      db.raw
        .prepare(
          `SELECT customer_id AS customer, count(*) AS n FROM customer_identities
           WHERE kind = 'masked_phone' GROUP BY customer_id ORDER BY customer_id`,
        )
        .all();
    expect(maskedPerCustomer()).toEqual([
      { customer: 1, n: 1 },
      { customer: 2, n: 1 },
    ]);
    expect(ownerOf('platform', 'mt-B')).toBe(1);

    const [merge] = mergesOf(db, 1);
    undoMerge(db, merge!.id, at);
    expect(maskedPerCustomer()).toEqual([
      { customer: 1, n: 1 },
      { customer: 2, n: 1 },
    ]);
    expect(ownerOf('platform', 'mt-B')).toBe(2);
  });

  it('takes an order id of another channel as new, of its own channel as known', async () => {
    // Order ids are unique per channel: R1 of the mini-program shop is not R1 of the POS.
    await commitRows(db, [posLine(2, 'R1')]);
    const mini = await commitRows(
      db,
      [posLine(2, 'R1', { channel: 'miniprogram' }), posLine(3, 'R1', { lineNo: 1 })],
      { facts: facts('mini-2026-11.csv'), channel: 'miniprogram' },
    );
    // Line 3 is line 1 of POS order R1 again: a duplicate of the first file's row.
    expect(mini).toMatchObject({ rowsImported: 1, rowsDuplicate: 1 });
    const orders = db.raw.prepare('SELECT channel, external_id FROM orders ORDER BY id').all();
    expect(orders).toEqual([
      { channel: 'pos', external_id: 'R1' },
      { channel: 'miniprogram', external_id: 'R1' },
    ]);
  });
});

describe('a stored order named again by a later file', () => {
  it('takes more lines from the same customer, refuses them from another', async () => {
    await commitRows(db, [posLine(2, 'R1', { lineNo: 1, customer: { memberId: 'M1' } })]);
    const later = await commitRows(
      db,
      [
        posLine(2, 'R1', { lineNo: 2, customer: { memberId: 'M1' } }),
        posLine(3, 'R1', { lineNo: 3, customer: { memberId: 'M2' } }),
        posLine(4, 'R1', { lineNo: 4 }),
      ],
      { facts: facts('pos-2026-12.csv'), acceptPartial: true },
    );
    // Line 2: M1's own order, a new line. Line 3: M2 is customer 2, not the owner.
    // Line 4 names nobody: taken as a line of the order.
    expect(later).toMatchObject({ status: 'partial', rowsImported: 2, rowsRejected: 1 });
    expect(later.rejected[0]).toMatchObject({ line: 3, code: 'order_other_customer' });
    // Both customers named by the key the files show, not by an internal id.
    expect(later.rejected[0]!.reason).toContain('stored for the customer with member M1');
    expect(later.rejected[0]!.reason).toContain('this row names member M2');
    expect(later.rejected[0]!.details).toEqual({
      orderKeyKind: 'member',
      orderKey: 'M1',
      rowKeyKind: 'member',
      rowKey: 'M2',
    });
  });

  it('takes a line of an order whose customer the same row merges into its own', async () => {
    // R2 is stored for customer 2 (the phone). The later row names the member (customer 1)
    // and the phone: 2 merges into 1, R2 becomes 1's, and the line is 1's order's line.
    await commitRows(db, [
      posLine(2, 'R1', { lineNo: 1, customer: { memberId: 'M1' } }),
      posLine(3, 'R2', { lineNo: 1, customer: { phone: '+8613800001234' } }),
    ]);
    const later = await commitRows(
      db,
      [posLine(2, 'R2', { lineNo: 2, customer: { memberId: 'M1', phone: '+8613800001234' } })],
      { facts: facts('pos-2026-12.csv') },
    );
    expect(later).toMatchObject({ status: 'committed', rowsImported: 1, rowsRejected: 0 });
    expect(customerOfOrder('R2')).toBe(1);
  });
});

describe('an order whose rows in one file name different customers', () => {
  it('keeps the order with the customer of its first row and refuses the others', async () => {
    // Superstore writes orders whose lines name different customer ids (CA-2021-121465:
    // HO-15231 … HO-15234). R1's first row is M1's; line 3 names M2, line 4 names nobody,
    // line 5 names M1 again.
    const summary = await commitRows(
      db,
      [
        posLine(2, 'R1', { customer: { memberId: 'M1' } }),
        posLine(3, 'R1', { customer: { memberId: 'M2' } }),
        posLine(4, 'R1'),
        posLine(5, 'R1', { customer: { memberId: 'M1' } }),
      ],
      { acceptPartial: true },
    );
    expect(summary).toMatchObject({ status: 'partial', rowsImported: 3, rowsRejected: 1 });
    expect(summary.rejected[0]).toMatchObject({
      line: 3,
      column: '单号',
      value: 'R1',
      code: 'order_customers_differ',
      details: { orderKeyKind: 'member', orderKey: 'M1', rowKeyKind: 'member', rowKey: 'M2' },
    });
    expect(customerOfOrder('R1')).toBe(1);
    const lines = db.raw.prepare('SELECT count(*) AS n FROM order_lines').get();
    expect(lines).toEqual({ n: 3 });
  });

  it('commits nothing of such a file unless the valid rows are asked for', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R1', { customer: { memberId: 'M2' } }),
    ]);
    expect(summary).toMatchObject({ status: 'failed', rowsRejected: 1 });
    expect(db.raw.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
  });

  it('takes the rows once a later row of the file joins their customers', async () => {
    // Line 2 gives M2 the phone P. R1 begins with M1 (line 3); line 4 names M2, another
    // customer so far. Line 5 names M1 with P: M1 and M2 are one person, merged. The file
    // says the same as if line 5 came first, so R1 keeps both its lines and nothing is
    // refused.
    const p = '+8613800001234';
    const summary = await commitRows(db, [
      posLine(2, 'X0', { customer: { memberId: 'M2', phone: p } }),
      posLine(3, 'R1', { customer: { memberId: 'M1' } }),
      posLine(4, 'R1', { customer: { memberId: 'M2' } }),
      posLine(5, 'X3', { customer: { memberId: 'M1', phone: p } }),
    ]);
    expect(summary).toMatchObject({ status: 'committed', rowsImported: 4, rowsRejected: 0 });
    const lines = db.raw
      .prepare(
        `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.external_id = 'R1'`,
      )
      .get();
    expect(lines).toEqual({ n: 2 });
    expect(ownerOf('member', 'M1')).toBe(ownerOf('member', 'M2'));
  });

  it('lists a row still naming another customer at its line among the other refusals', async () => {
    // R1 is M1's; line 3 names M2 and nothing joins them: refused, listed before line 4's
    // unreadable quantity although it is decided after the file's last row.
    const summary = await commitRows(
      db,
      [
        posLine(2, 'R1', { customer: { memberId: 'M1' } }),
        posLine(3, 'R1', { customer: { memberId: 'M2' } }),
        badRow(4),
        posLine(5, 'R2', { customer: { memberId: 'M2' } }),
      ],
      { acceptPartial: true },
    );
    expect(summary).toMatchObject({ status: 'partial', rowsImported: 2, rowsRejected: 2 });
    expect(summary.rejected.map((r) => [r.line, r.code === 'order_customers_differ'])).toEqual([
      [3, true],
      [4, false],
    ]);
  });

  it('takes a row whose keys make its customer and the order’s one person', async () => {
    // Line 2: R1 for M1. Line 3 names M1's member id and a new phone: the same customer.
    // Line 4 names only that phone, now M1's key: the same customer again.
    const summary = await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R1', { customer: { memberId: 'M1', phone: '+8613800001234' } }),
      posLine(4, 'R1', { customer: { phone: '+8613800001234' } }),
    ]);
    expect(summary).toMatchObject({ status: 'committed', rowsImported: 3, rowsRejected: 0 });
  });
});

describe('a refused row changes no customer', () => {
  it('creates, keys and merges nobody when it names another customer than its order', async () => {
    // R1 is M1's. The later row of R1 names M2 (no one yet) and a phone that is M3's:
    // resolving it would key M2 on M3 (merging nobody, but adding a key); refused, nothing.
    await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R9', { customer: { memberId: 'M3', phone: '+8613800001234' } }),
    ]);
    const before = factCounts(db);
    const later = await commitRows(
      db,
      [posLine(2, 'R1', { lineNo: 2, customer: { memberId: 'M2', phone: '+8613800001234' } })],
      { facts: facts('pos-2026-12.csv'), acceptPartial: true },
    );
    expect(later).toMatchObject({ rowsRejected: 1, customersNew: 0, customersMatched: 0 });
    expect(factCounts(db)).toMatchObject({
      customers: before.customers,
      customer_identities: before.customer_identities,
      customer_merges: 0,
    });
  });
});

describe('an order this file began without a customer', () => {
  it('is the customer’s whom a later row of it names', async () => {
    // R1's first row names nobody, its second names M1: R1 is M1's order, with both lines.
    await commitRows(db, [posLine(2, 'R1'), posLine(3, 'R1', { customer: { memberId: 'M1' } })]);
    expect(customerOfOrder('R1')).toBe(1);
  });

  it('stays as it was when an earlier import stored it without one', async () => {
    // Another source's anonymous order may share the id: a later file does not claim it.
    await commitRows(db, [posLine(2, 'R1')]);
    await commitRows(db, [posLine(2, 'R1', { lineNo: 2, customer: { memberId: 'M1' } })], {
      facts: facts('pos-2026-12.csv'),
    });
    expect(customerOfOrder('R1')).toBe(null);
  });
});

describe('merging customers that turn out to be one person', () => {
  async function twoThenLinked() {
    await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R2', { customer: { phone: '+8613800001234', name: '李雷' } }),
    ]);
    return commitRows(
      db,
      [posLine(2, 'R3', { customer: { memberId: 'M1', phone: '+8613800001234' } })],
      { facts: facts('crm-members.csv') },
    );
  }

  it('merges when one row names two known customers, with a masked reason', async () => {
    const summary = await twoThenLinked();
    expect(summary.customersMatched).toBe(1);
    expect([customerOfOrder('R1'), customerOfOrder('R2'), customerOfOrder('R3')]).toEqual([
      1, 1, 1,
    ]);

    const [merge] = mergesOf(db, 1);
    expect(merge).toMatchObject({ intoCustomerId: 1, fromCustomerId: 2, rule: 'phone' });
    expect(merge!.reason).toContain('phone +86 138****1234');
    expect(merge!.reason).toContain('crm-members.csv, line 2');
    expect(merge!.reason).not.toContain('13800001234');
    // In parts too, for the console's sentence: the phone masked as well.
    expect(merge!.details).toEqual({
      fromKeyKind: 'phone',
      fromKey: '138****1234',
      intoKeyKind: 'member',
      intoKey: 'M1',
      file: 'crm-members.csv',
      line: 2,
    });
    const name = db.raw.prepare('SELECT name FROM customers WHERE id = 1').get();
    expect(name).toEqual({ name: '李雷' });
  });

  it('undoes a merge: identities, orders and filled fields go back', async () => {
    await twoThenLinked();
    const [merge] = mergesOf(db, 1);

    const info = undoMerge(db, merge!.id, at);
    expect(info.undoneAt).toBe(at.toISOString());
    expect(ownerOf('phone', '+8613800001234')).toBe(2);
    expect(ownerOf('member', 'M1')).toBe(1);
    expect(customerOfOrder('R2')).toBe(2);
    // R3 was imported after the merge, so it stays with the surviving customer.
    expect(customerOfOrder('R3')).toBe(1);
    const rows = db.raw.prepare('SELECT id, name, merged_into FROM customers ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, name: null, merged_into: null },
      { id: 2, name: '李雷', merged_into: null },
    ]);
    expect(() => undoMerge(db, merge!.id, at)).toThrow(/already undone/);
  });

  it('merges two customers by hand and undoes it exactly', async () => {
    await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R2', { customer: { memberId: 'M2' } }),
    ]);
    const before = db.raw.prepare('SELECT * FROM customer_identities ORDER BY id').all();

    const merge = mergeCustomers(db, 1, 2, 'same person, confirmed at the till', at);
    expect(merge).toMatchObject({ intoCustomerId: 1, fromCustomerId: 2, rule: 'manual' });
    expect(customerOfOrder('R2')).toBe(1);
    expect(() => mergeCustomers(db, 1, 2, 'again', at)).toThrow(/already merged/);

    undoMerge(db, merge.id, at);
    expect(db.raw.prepare('SELECT * FROM customer_identities ORDER BY id').all()).toEqual(before);
    expect(customerOfOrder('R2')).toBe(2);
  });
});

describe('a later export that only completes a profile', () => {
  it('keeps the new name although every order in it is known', async () => {
    await commitRows(db, [posLine(2, 'R1', { customer: { memberId: 'M1' } })]);
    const again = await commitRows(
      db,
      [posLine(2, 'R1', { customer: { memberId: 'M1', name: '韩梅梅' } })],
      { facts: facts('pos-with-names.csv') },
    );
    expect(again).toMatchObject({ status: 'committed', rowsImported: 0, rowsDuplicate: 1 });
    expect(db.raw.prepare('SELECT name FROM customers').get()).toEqual({ name: '韩梅梅' });
  });
});
