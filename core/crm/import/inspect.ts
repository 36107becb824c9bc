import fs from 'node:fs';
import type { FileInspection } from '../../api/imports';
import { orderEvidence } from './dates';
import { scanDateOrder } from './date-order';
import { columnIndexesOf } from './mapping';
import { presetById, suggestPresetFor } from './presets';
import { openSource, type ReadSettings } from './source';

const sampleRowCount = 20;

/**
 * What the wizard's first step shows about a file. The date order is decided from
 * the columns of the suggested preset, or, without one, from every column whose first
 * values look like dates.
 */
export async function inspectSource(
  path: string,
  name: string,
  settings: ReadSettings,
): Promise<Omit<FileInspection, 'fileId' | 'savedMappings' | 'unusableMappings'>> {
  const source = await openSource(path, settings);
  const sampleRows: string[][] = [];
  for (const row of source.rows()) {
    sampleRows.push(row.cells);
    if (sampleRows.length >= sampleRowCount) break;
  }

  const suggestedPreset = suggestPresetFor(source.headers);
  const dateColumns = suggestedPreset
    ? presetDateColumns(suggestedPreset, source.headers)
    : dateLikeColumns(sampleRows);

  return {
    fileName: name,
    sizeBytes: fs.statSync(path).size,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    sheets: source.sheets,
    headers: source.headers,
    sampleRows,
    suggestedPreset,
    dateOrder: scanDateOrder(source, dateColumns),
    decimalComma: source.decimalComma.used,
  };
}

function presetDateColumns(presetId: string, headers: string[]): number[] {
  const columns = columnIndexesOf(presetById(presetId).mapping, headers);
  return [columns.orderedAt, columns.customerBirthDate].filter(
    (index): index is number => index !== undefined,
  );
}

function dateLikeColumns(rows: string[][]): number[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const columns: number[] = [];
  for (let column = 0; column < width; column++) {
    const dated = rows.some((row) => orderEvidence(row[column] ?? '') !== 'none');
    if (dated) columns.push(column);
  }
  return columns;
}
