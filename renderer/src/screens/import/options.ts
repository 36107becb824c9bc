import type { InputOf } from '../../../../core/api/contract';
import type { TFunction } from 'i18next';
import type { RowError } from '../../../../core/api/imports';
import { describeRowError } from '../../i18n/errors';

/** What the wizard gathers before preview and import (the contract's import options). */
export type WizardOptions = InputOf<'imports.start'>['options'];

/** How the person asked the file to be read, where it differs from what was detected. */
export interface ReadChoice {
  encoding?: string;
  sheet?: string;
}

/** The encodings offered as overrides; the detected one is always added. */
export const encodings = ['UTF-8', 'GB18030', 'GBK', 'ISO-8859-1', 'windows-1252'];

export const delimiters: { value: ',' | ';' | '\t' | '|'; key: string }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: '|', key: 'pipe' },
];

/** How many rows of a preview would be rejected: a row with several errors counts once. */
export function rejectedRowCount(errors: readonly RowError[]): number {
  return new Set(errors.map((e) => e.line)).size;
}

/** Saves text as a download named `fileName` (used for the rejected rows and segments). */
export function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One CSV field, quoted when it holds a delimiter, quote or line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rejected rows as a CSV file to save (UTF-8 with a byte-order mark, for Excel):
 * headers and reasons in the person's language, as on screen; the code stays for scripts.
 */
export function rejectedRowsCsv(t: TFunction, rows: readonly RowError[]): string {
  const header = [
    t('import.rejected.line'),
    t('import.rejected.column'),
    t('import.rejected.value'),
    'code',
    t('import.rejected.reason'),
  ];
  const lines = rows.map((r) => [r.line, r.column, r.value, r.code, describeRowError(t, r)]);
  return '\uFEFF' + [header, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
