import type { ImportOptions, ImportSummary } from '../../api/imports';
import type { Db } from '../../db/open';
import { commitBatch } from './commit';
import { contentHash, inspectFile, readRecords, resolveFileImport } from './index';

export interface RunControl {
  at: Date;
  signal?: AbortSignal;
  /** Rows handled so far and the file's data rows in all (null until known). */
  onProgress?: (processed: number, total: number | null) => void;
}

/**
 * Imports one export file as one batch: reads it with its preset or mapping and
 * commits its records (see `commitBatch` for what is written when). The file's
 * name, bytes' hash, source, encoding and date order are kept with the batch.
 */
export async function importFile(
  db: Db,
  path: string,
  fileName: string,
  options: ImportOptions,
  acceptPartial: boolean,
  control: RunControl,
): Promise<ImportSummary> {
  const inspection = await inspectFile(path, fileName, {
    encoding: options.encoding,
    sheet: options.sheet,
    delimiter: options.delimiter,
  });
  const effective = await resolveFileImport(path, options);
  let total: number | null = null;

  const onLinesTotal = (lines: number) => {
    total = Math.max(0, lines - 1);
  };
  const records = readRecords(path, options, undefined, {
    signal: control.signal,
    onProgress: (p) => onLinesTotal(p.linesTotal),
  });
  return commitBatch(db, records, {
    facts: {
      fileName,
      contentHash: await contentHash(path),
      source: effective.source,
      encoding: inspection.encoding.used,
      dateOrder: effective.dateOrder,
    },
    channel: effective.mapping.channel,
    columns: effective.mapping.fields,
    cancelPrefix: effective.rules.cancelPrefix,
    storeTimeZone: effective.storeTimeZone,
    acceptPartial,
    at: control.at,
    signal: control.signal,
    onRows: (rows) => control.onProgress?.(rows, total),
  });
}
