import path from 'node:path';
import type { RecomputeSummary } from '../../core/api/customers';
import { dateOrders } from '../../core/api/imports';
import type { DateOrder, ImportOptions, ImportSummary } from '../../core/api/imports';
import type { App } from '../../core/service';
import { call, findTag, followJob } from './call';
import { CliFailure, exitCodes, usageError } from './exit';
import { checkOutFile, writeOutFile } from './out-file';
import { formatCount, plural, table, zonedTime } from './output';

export interface Flags {
  preset?: string;
  mapping?: string;
  'accept-partial'?: boolean;
  encoding?: string;
  'date-order'?: string;
  tag?: string;
  format?: string;
  out?: string;
  'unmask-phones'?: boolean;
  customer?: string;
  member?: string;
  phone?: string;
}

/** What a command prints to stdout: text for people, the value itself with --json. */
export interface Output {
  text: string;
  json: unknown;
  exitCode?: number;
}

/** Imports one file as one batch, through a preset or a saved mapping. */
export async function importFile(app: App, file: string, flags: Flags): Promise<Output> {
  if (Boolean(flags.preset) === Boolean(flags.mapping)) {
    throw usageError('import needs exactly one of --preset <id> or --mapping <name>.');
  }
  const dateOrder = flags['date-order'];
  if (dateOrder !== undefined && !dateOrders.includes(dateOrder as DateOrder)) {
    throw usageError(
      `--date-order must be one of ${dateOrders.join(', ')} (e.g. --date-order dmy).`,
    );
  }

  // The arguments first (a wrong one is said as such), then the file.
  if (flags.preset) await checkPreset(app, flags.preset);
  const options: ImportOptions = {
    source: flags.preset
      ? { kind: 'preset', id: flags.preset }
      : await savedMapping(app, flags.mapping ?? ''),
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(dateOrder ? { dateOrder: dateOrder as DateOrder } : {}),
  };
  const registered = app.ctx.files.register(path.resolve(file), path.basename(file));
  const summary = await runImport(app, registered, options, flags['accept-partial'] ?? false);
  return {
    text: describeImport(summary, dateOrder),
    json: summary,
    exitCode: summary.status === 'failed' ? exitCodes.rejected : exitCodes.ok,
  };
}

async function runImport(
  app: App,
  file: { id: string; name: string },
  options: ImportOptions,
  acceptPartial: boolean,
): Promise<ImportSummary> {
  try {
    const job = await call(app, 'imports.start', { fileId: file.id, options, acceptPartial });
    return (await followJob(app, job, `import ${file.name}`)) as ImportSummary;
  } catch (error) {
    // Only --encoding names an encoding here (otherwise it is detected): a wrong argument.
    if (error instanceof CliFailure && error.error.code === 'imports.encoding_unknown') {
      throw usageError(`${error.message} Try --encoding utf-8, gb18030, gbk or windows-1252.`);
    }
    throw error;
  }
}

/** An unknown preset is named with the ones there are, before the file is even opened. */
async function checkPreset(app: App, id: string): Promise<void> {
  const presets = await call(app, 'imports.presets', {});
  if (presets.some((p) => p.id === id)) return;
  const known = presets.map((p) => p.id).join(', ');
  // The presets are the program's own list, like --date-order's: a wrong one is a usage error.
  throw usageError(`There is no preset "${id}". Presets: ${known}.`);
}

async function savedMapping(app: App, name: string): Promise<ImportOptions['source']> {
  const saved = await call(app, 'mappings.list', {});
  const found = saved.find((m) => m.name === name);
  const unusable = found ? undefined : await unusableMapping(app, name);
  if (unusable) {
    throw new CliFailure(
      {
        code: 'imports.mapping_unusable',
        message:
          `The saved mapping "${name}" can no longer be used: ${unusable.problem}. ` +
          `Map the columns again (in the console's import wizard) and save it under the same name.`,
      },
      exitCodes.rejected,
    );
  }
  if (!found) {
    const known = saved.map((m) => m.name).join(', ') || 'none yet';
    // Like a tag or a customer, a saved mapping is the user's own data: not found, 3.
    throw new CliFailure(
      { code: 'imports.mapping_unknown', message: `No saved mapping "${name}" (saved: ${known}).` },
      exitCodes.failed,
    );
  }
  return { kind: 'mapping', name: found.name, mapping: found.mapping };
}

async function unusableMapping(app: App, name: string) {
  return (await call(app, 'mappings.unusable', {})).find((m) => m.name === name);
}

function describeImport(s: ImportSummary, chosenOrder: string | undefined): string {
  const refused = s.status === 'failed';
  const lines = refused ? describeRefused(s) : describeWritten(s);
  lines.splice(1, 0, `  encoding ${s.encoding}, dates ${describeDateOrder(s, chosenOrder)}`);
  for (const r of s.rejected) {
    const hint = r.code === 'date.order_unknown' ? ' (--date-order dmy|mdy)' : '';
    lines.push(
      `  line ${r.line}${r.column ? `, ${r.column}` : ''}: ${r.reason}${hint} [${r.code}]`,
    );
  }
  if (s.rowsRejected > s.rejected.length) {
    lines.push(`  … ${formatCount(s.rowsRejected - s.rejected.length)} more rejected rows`);
  }
  return lines.join('\n');
}

/**
 * A refused file wrote nothing: only what the file held is said, no duplicates. It is kept
 * in the import history (with its rejected rows) under a batch number of its own, which is
 * said, so that the next import's number, one more, skips nothing the person has not seen.
 */
function describeRefused(s: ImportSummary): string[] {
  const good = s.rowsTotal - s.rowsRejected;
  const history =
    s.batchId !== null ? [`  kept in the import history as refused batch ${s.batchId}`] : [];
  return [
    `${s.fileName}: refused, nothing was written (${plural(s.rowsRejected, 'row')} rejected; ` +
      `fix them, or run again with --accept-partial to import the other rows)`,
    `  the file holds ${plural(s.rowsTotal, 'row')}: ${formatCount(good)} readable, ` +
      `${formatCount(s.rowsRejected)} rejected`,
    ...history,
  ];
}

function describeWritten(s: ImportSummary): string[] {
  return [
    `${s.fileName}: ${s.status}` + (s.batchId !== null ? ` (batch ${s.batchId})` : ''),
    `  rows ${formatCount(s.rowsTotal)}: imported ${formatCount(s.rowsImported)}, ` +
      `already imported or repeated ${formatCount(s.rowsDuplicate)}, ` +
      `rejected ${formatCount(s.rowsRejected)}`,
    `  orders: ${plural(s.orders.sales, 'sale')}, ${plural(s.orders.returns, 'return')}, ` +
      `${plural(s.orders.cancellations, 'cancellation')}, ` +
      `${plural(s.orders.writeoffs, 'write-off')}, ` +
      `${plural(s.orders.adjustments, 'adjustment')}; ` +
      `${formatCount(s.anonymousOrders)} anonymous`,
    `  customers: ${formatCount(s.customersNew)} new, ${formatCount(s.customersMatched)} matched`,
    ...s.storeZones.map(
      (z) => `  store ${z.store}: time zone corrected from ${z.from} to ${z.to} (kept)`,
    ),
  ];
}

const orderNames: Record<DateOrder, string> = {
  ymd: 'year-month-day',
  dmy: 'day-month-year',
  mdy: 'month-day-year',
};

/** Which date order was used and who chose it, or why none was. */
function describeDateOrder(s: ImportSummary, chosen: string | undefined): string {
  if (s.dateOrder) {
    const who = chosen ? 'as given by --date-order' : 'detected from the file';
    return `read ${orderNames[s.dateOrder]} (${s.dateOrder}, ${who})`;
  }
  const ambiguous = s.rejected.some((r) => r.code === 'date.order_unknown');
  return ambiguous
    ? 'undecided: some dates could be day-first or month-first; ' +
        'run again with --date-order dmy or --date-order mdy'
    : 'need no day/month order (none could be read two ways, or the file has none)';
}

/** Recomputes every customer's metrics, RFM scores and tags as of now. */
export async function recompute(app: App): Promise<Output> {
  const job = await call(app, 'customers.recompute', {});
  const s = (await followJob(app, job, 'recompute', 'steps')) as RecomputeSummary;
  const text =
    `recomputed ${plural(s.customers, 'customer')} and ${plural(s.tagsEvaluated, 'tag')} ` +
    `as of ${zonedTime(s.asOf)}: +${s.membershipsAdded} / -${s.membershipsRemoved} memberships ` +
    `in ${s.durationMs} ms`;
  return { text, json: s };
}

/** Lists the tags with their member counts. */
export async function listTags(app: App): Promise<Output> {
  const tags = await call(app, 'tags.list', {});
  const rows = tags.map((t) => [t.id, t.key, t.nameZh, t.nameEn, t.kind, formatCount(t.members)]);
  return { text: table(['id', 'key', '名称', 'name', 'kind', 'members'], rows), json: tags };
}

/** Writes the customers with a tag to a CSV or XLSX file; phones masked unless asked. */
export async function exportSegment(app: App, flags: Flags): Promise<Output> {
  if (!flags.tag || !flags.out) throw usageError('export needs --tag <key|id> and --out <file>.');
  const format = flags.format ?? (flags.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw usageError('--format must be csv or xlsx.');

  const out = path.resolve(flags.out);
  checkOutFile(out);
  const tag = await findTag(app, flags.tag);
  const file = await call(app, 'segments.export', {
    tagId: tag.id,
    format,
    unmaskPhones: flags['unmask-phones'] ?? false,
  });
  writeOutFile(out, Buffer.from(file.contentBase64, 'base64'));
  return {
    text: `wrote ${formatCount(file.rows)} customers with tag ${tag.key} to ${out}`,
    json: { file: out, rows: file.rows, tag: tag.key, format },
  };
}
