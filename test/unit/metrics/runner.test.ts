import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRunner } from '../../../core/crm/metrics/runner';
import { tempDb } from '../../support/db';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const read = (key: string) =>
  db.raw.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(key);

describe('statements compiled once per shape', () => {
  it('binds new values to the statement built the first time', () => {
    const r = rawRunner(db.k, db.raw);
    const write = (values: { key: string; json: string }) =>
      r.runShaped(
        'test:write',
        values,
        (v) => sql`INSERT INTO settings (key, value_json) VALUES (${v.key}, ${v.json})`,
      );
    expect(write({ key: 'a', json: '1' })).toBe(1);
    expect(write({ key: 'b', json: '2' })).toBe(1);
    expect([read('a'), read('b')]).toEqual(['1', '2']);
  });

  it('binds each id of a list to its own place', () => {
    const r = rawRunner(db.k, db.raw);
    for (const [key, json] of [
      ['x', '10'],
      ['y', '20'],
      ['z', '30'],
    ]) {
      db.raw.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run(key, json);
    }
    const remove = (keys: string[]) =>
      r.runShaped(`test:remove:${keys.length}`, { keys }, (v) =>
        r.k.deleteFrom('settings').where('key', 'in', v.keys),
      );
    expect(remove(['x', 'y'])).toBe(2);
    // Same shape (two keys), other values: only 'z' is left to delete of these two.
    expect(remove(['z', 'x'])).toBe(1);
    expect([read('x'), read('y'), read('z')]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses a statement whose text a value shapes instead of being bound', () => {
    const r = rawRunner(db.k, db.raw);
    // The value picks a column: built from a slot it would name another column.
    const pick = (column: string) =>
      r.runShaped('test:bad', { column }, (v) =>
        typeof v.column === 'string'
          ? sql`UPDATE settings SET ${sql.ref(v.column)} = 'x' WHERE 0`
          : sql`UPDATE settings SET value_json = 'x' WHERE 0`,
      );
    expect(() => pick('key')).toThrow(/shapes its text/);
  });

  it('reads one column as plain values, and the same text still as rows', () => {
    const r = rawRunner(db.k, db.raw);
    for (const [key, json] of [
      ['k1', '"a"'],
      ['k2', '"b"'],
    ]) {
      db.raw.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run(key, json);
    }
    const query = () => r.k.selectFrom('settings').select('key').orderBy('key');
    expect(r.column<string>(query())).toEqual(['k1', 'k2']);
    // Same statement text through `all`: objects, not plucked values.
    expect(r.all<{ key: string }>(query())).toEqual([{ key: 'k1' }, { key: 'k2' }]);
    expect(r.column<string>(query())).toEqual(['k1', 'k2']);
  });
});
