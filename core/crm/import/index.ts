/**
 * Reading channel exports: the parse side of an import. Everything here is pure
 * (no database): a file goes in, `ImportRecord`s or `RowError`s come out. The
 * commit side (batches, identities, orders) builds on `readRecords`.
 *
 * Sign convention of records: quantities and amounts keep the sign the export
 * wrote. UCI cancellations and returns carry negative quantities and line amounts;
 * a row cancelled by its status column keeps its positive amounts. `kind` says what
 * the row is; only `sale` counts as a purchase. `refundFen` is a positive amount.
 * Every record of a file has the same properties; an absent value is `undefined`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type {
  ColumnMapping,
  FileInspection,
  ImportOptions,
  ImportPreview,
  PresetInfo,
} from '../../api/imports';
import { CoreError } from '../../shared/errors';
import { converter, firstOutcomes } from './convert';
import { decideDateOrder } from './date-order';
import { inspectSource } from './inspect';
import { resolveImport, type EffectiveImport } from './mapping';
import { presetList, suggestPresetFor } from './presets';
import { previewRow } from './preview';
import { openSource, releaseSource } from './source';
import type { RecordOutcome } from './types';

export type { EffectiveImport } from './mapping';

/** Overrides the user gave when (re)inspecting a file; omitted means "detect". */
export interface InspectOverrides {
  encoding?: string;
  sheet?: string;
  delimiter?: ImportOptions['delimiter'];
}

/** A file as the wizard's first step shows it; the service adds fileId and saved mappings. */
export type Inspection = Omit<FileInspection, 'fileId' | 'savedMappings' | 'unusableMappings'>;

/** How far reading has come; `linesRead` counts file lines including the header. */
export interface ReadProgress {
  linesRead: number;
  /** Lines of the file in all (known for CSV and XLSX before reading starts). */
  linesTotal: number;
  records: number;
  rejected: number;
}

export interface ReadControl {
  /** Aborting stops reading at the next chunk with CoreError 'imports.cancelled'. */
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** Outcomes per yielded chunk; default 4,000. */
  chunkSize?: number;
  /** Zone of the stores' business days; default the preset's zone, else Asia/Shanghai. */
  storeTimeZone?: string;
}

/**
 * Looks at an export before anything is mapped: format, encoding (detected and
 * used), delimiter, sheets, headers, the first rows as raw text, the date order the
 * file's values decide, decimal comma, and the preset its headers suggest.
 */
export async function inspectFile(
  path: string,
  name: string,
  overrides: InspectOverrides = {},
): Promise<Inspection> {
  return inspectSource(path, name, overrides);
}

/**
 * The first `limit` rows of a file exactly as they would be stored (formatted for
 * reading), plus the errors of those rows, for the wizard's mapping step.
 */
export async function previewFile(
  path: string,
  options: ImportOptions,
  mapping?: ColumnMapping,
  limit = 20,
): Promise<ImportPreview> {
  const source = await openSource(path, options);
  const effective = resolveImport(options, mapping, source);
  const dateOrder = await decideDateOrder(source, effective);
  const outcomes = firstOutcomes(source.cursor(), { ...effective, dateOrder }, limit);
  const rows = [];
  const errors = [];
  for (const outcome of outcomes) {
    if (outcome.ok) rows.push(previewRow(outcome.record, effective));
    else errors.push(...outcome.errors);
  }
  return { rows, errors, dateOrder };
}

/**
 * Reads every row of an export and converts it into an ImportRecord or the
 * RowErrors that explain why it cannot be taken, in chunks of a few thousand, so a
 * million-line file streams without holding a row object per line. Every data line
 * yields exactly one outcome: records + rejected rows = data lines.
 */
export async function* readRecords(
  path: string,
  options: ImportOptions,
  mapping?: ColumnMapping,
  control: ReadControl = {},
): AsyncGenerator<RecordOutcome[]> {
  const source = await openSource(path, options);
  try {
    const effective = resolveImport(options, mapping, source, control.storeTimeZone);
    const dateOrder = await decideDateOrder(source, effective);
    const next = converter(source.cursor(), { ...effective, dateOrder });
    yield* inChunks(next, source.linesTotal, path, control);
  } finally {
    releaseSource(path);
  }
}

async function* inChunks(
  next: () => RecordOutcome | null,
  linesTotal: number,
  path: string,
  control: ReadControl,
): AsyncGenerator<RecordOutcome[]> {
  const chunkSize = control.chunkSize ?? 4000;
  const progress: ReadProgress = { linesRead: 1, linesTotal, records: 0, rejected: 0 };
  let chunk: RecordOutcome[] = [];
  for (let outcome = next(); outcome; outcome = next()) {
    chunk.push(outcome);
    if (outcome.ok) progress.records++;
    else progress.rejected++;
    if (chunk.length < chunkSize) continue;

    progress.linesRead = lastLine(chunk);
    throwIfCancelled(control.signal, path);
    control.onProgress?.({ ...progress });
    yield chunk;
    chunk = [];
  }

  throwIfCancelled(control.signal, path);
  progress.linesRead = linesTotal;
  control.onProgress?.({ ...progress });
  if (chunk.length > 0) yield chunk;
}

/** The effective mapping and reading settings for a file, for the batch's own records. */
export async function resolveFileImport(
  path: string,
  options: ImportOptions,
  mapping?: ColumnMapping,
  storeTimeZone?: string,
): Promise<EffectiveImport> {
  const source = await openSource(path, options);
  const effective = resolveImport(options, mapping, source, storeTimeZone);
  return { ...effective, dateOrder: await decideDateOrder(source, effective) };
}

/** sha256 of the file's bytes in hex: the same export imported twice has the same hash. */
export async function contentHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of fs.createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** Every built-in preset (known export layouts), validated. */
export function loadPresets(): PresetInfo[] {
  return presetList();
}

/** The id of the preset whose columns a file's headers carry, or null when none fits. */
export function suggestPreset(headers: string[]): string | null {
  return suggestPresetFor(headers);
}

function lastLine(chunk: RecordOutcome[]): number {
  const last = chunk[chunk.length - 1];
  if (!last) return 0;
  return last.ok ? last.record.line : (last.errors[0]?.line ?? 0);
}

function throwIfCancelled(signal: AbortSignal | undefined, path: string): void {
  if (!signal?.aborted) return;
  throw new CoreError('imports.cancelled', 'The import was cancelled; nothing was committed.', {
    path,
  });
}
