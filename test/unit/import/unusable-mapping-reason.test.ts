import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMappings } from '../../../core/service/imports';
import { tempDb } from '../../support/db';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

describe('why a saved mapping cannot be used', () => {
  it('says that a mapping whose stored text is not JSON cannot be read', async () => {
    // A row of column_mappings whose mapping_json is cut short, as a hand edit could leave
    // it: the problem names the unreadable stored text, not what validation made of it.
    db.raw
      .prepare('INSERT INTO column_mappings (name, mapping_json, updated_at) VALUES (?, ?, ?)')
      .run('cut-short', '{"rowKind":"orderL', 0);
    const { unusable } = await readMappings(db);
    expect(unusable).toHaveLength(1);
    expect(unusable[0]!.name).toBe('cut-short');
    expect(unusable[0]!.problem).toBe('its stored text is not readable JSON');
  });
});
