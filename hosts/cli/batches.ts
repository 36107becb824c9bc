import type { App } from '../../core/service';
import { call } from './call';
import type { Output } from './commands';
import { messages } from './i18n';
import { formatCount, table, zonedTime } from './output';

/**
 * The import history, newest first: every batch with its number, what became of it and
 * its rows. A refused file (rows rejected, nothing written) keeps its batch, so that its
 * rejected rows can be listed again: it is shown as refused, and the number it took
 * explains why the next import's number is one more.
 */
export async function listBatches(app: App): Promise<Output> {
  const batches = await call(app, 'imports.batches', {});
  const m = messages();
  if (batches.length === 0) return { text: m.noImports, json: batches };
  const rows = batches.map((b) => [
    b.id,
    m.status(b.status),
    b.fileName,
    // An import is no store's: its time is the console's default zone's, named.
    zonedTime(b.startedAt),
    formatCount(b.rowsTotal),
    formatCount(b.rowsImported),
    formatCount(b.rowsDuplicate),
    formatCount(b.rowsRejected),
  ]);
  return { text: table(m.batchHeaders, rows), json: batches };
}
