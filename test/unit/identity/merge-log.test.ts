import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeCustomers } from '../../../core/crm/identity/merge';
import { setLogLevel, setLogSink } from '../../../core/shared/log';
import type { LogLevel } from '../../../core/shared/log';
import { tempDb } from '../../support/db';
import { commitRows, facts, posLine } from '../commit/records';

let db: Awaited<ReturnType<typeof tempDb>>;
const lines: { level: LogLevel; line: string }[] = [];

beforeEach(async () => {
  db = await tempDb();
  lines.length = 0;
  setLogLevel('debug');
  setLogSink((level, line) => void lines.push({ level, line }));
});
afterEach(async () => {
  setLogLevel('info');
  setLogSink((_level, line) => process.stderr.write(line + '\n'));
  await db.cleanup();
});

const merges = (level: LogLevel) =>
  lines.filter((l) => l.level === level && l.line.includes('merged customer'));

describe('logging of customer merges', () => {
  it('logs a merge found by an import at debug, so a demo start is not flooded', async () => {
    // R1 (member M1) and R2 (phone) are two customers until R3 names both: one merge.
    await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R2', { customer: { phone: '+8613800001234' } }),
    ]);
    await commitRows(
      db,
      [posLine(2, 'R3', { customer: { memberId: 'M1', phone: '+8613800001234' } })],
      { facts: facts('crm-members.csv') },
    );
    expect(merges('debug')).toHaveLength(1);
    expect(merges('info')).toHaveLength(0);
  });

  it('logs a merge made by hand at info', async () => {
    await commitRows(db, [
      posLine(2, 'R1', { customer: { memberId: 'M1' } }),
      posLine(3, 'R2', { customer: { memberId: 'M2' } }),
    ]);
    mergeCustomers(db, 1, 2, 'same person, said the store manager', new Date(0));
    expect(merges('info')).toHaveLength(1);
  });
});
