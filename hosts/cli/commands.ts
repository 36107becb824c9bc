import path from 'node:path';
import type { RecomputeSummary } from '../../core/api/customers';
import { dateOrders } from '../../core/api/imports';
import type { DateOrder, ImportOptions, ImportSummary } from '../../core/api/imports';
import type { App } from '../../core/service';
import { call, findTag, followJob } from './call';
import { CliFailure, exitCodes, usageError } from './exit';
import { checkOutFile, writeOutFile } from './out-file';
import { messages } from './i18n';
import { formatCount, table, zonedTime } from './output';

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
    throw usageError(messages().importOneSource);
  }
  const dateOrder = flags['date-order'];
  if (dateOrder !== undefined && !dateOrders.includes(dateOrder as DateOrder)) {
    throw usageError(messages().dateOrderUnknown(dateOrders));
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
    return (await followJob(app, job, messages().importJob(file.name))) as ImportSummary;
  } catch (error) {
    // Only --encoding names an encoding here (otherwise it is detected): a wrong argument.
    if (error instanceof CliFailure && error.error.code === 'imports.encoding_unknown') {
      throw usageError(messages().withEncodingHint(error.message));
    }
    throw error;
  }
}

/** An unknown preset is named with the ones there are, before the file is even opened. */
async function checkPreset(app: App, id: string): Promise<void> {
  const presets = await call(app, 'imports.presets', {});
  if (presets.some((p) => p.id === id)) return;
  const known = presets.map((p) => p.id);
  // The presets are the program's own list, like --date-order's: a wrong one is a usage error.
  throw usageError(messages().presetUnknown(id, known));
}

async function savedMapping(app: App, name: string): Promise<ImportOptions['source']> {
  const saved = await call(app, 'mappings.list', {});
  const found = saved.find((m) => m.name === name);
  const unusable = found ? undefined : await unusableMapping(app, name);
  if (unusable) {
    throw new CliFailure(
      {
        code: 'imports.mapping_unusable',
        message: messages().mappingUnusable(name, unusable.problem),
      },
      exitCodes.rejected,
    );
  }
  if (!found) {
    const known = saved.map((m) => m.name);
    const message = messages().mappingUnknown(name, known);
    // Like a tag or a customer, a saved mapping is the user's own data: not found, 3.
    throw new CliFailure({ code: 'imports.mapping_unknown', message }, exitCodes.failed);
  }
  return { kind: 'mapping', name: found.name, mapping: found.mapping };
}

async function unusableMapping(app: App, name: string) {
  return (await call(app, 'mappings.unusable', {})).find((m) => m.name === name);
}

function describeImport(s: ImportSummary, chosenOrder: string | undefined): string {
  const m = messages();
  const refused = s.status === 'failed';
  const lines = refused ? describeRefused(s) : describeWritten(s);
  lines.splice(1, 0, m.encodingAndDates(s.encoding, describeDateOrder(s, chosenOrder)));
  for (const r of s.rejected) {
    const hint = r.code === 'date.order_unknown' ? ' (--date-order dmy|mdy)' : '';
    lines.push(m.rejectedRow(r.line, r.column, m.rowReason(r), r.code, hint));
  }
  if (s.rowsRejected > s.rejected.length) {
    lines.push(m.moreRejected(s.rowsRejected - s.rejected.length));
  }
  return lines.join('\n');
}

/**
 * A refused file wrote nothing: only what the file held is said, no duplicates. It is kept
 * in the import history (with its rejected rows) under a batch number of its own, which is
 * said, so that the next import's number, one more, skips nothing the person has not seen.
 */
function describeRefused(s: ImportSummary): string[] {
  const m = messages();
  const good = s.rowsTotal - s.rowsRejected;
  return [
    m.importRefused(s.fileName, s.rowsRejected),
    m.fileHolds(s.rowsTotal, good, s.rowsRejected),
    ...(s.batchId !== null ? [m.keptAsRefused(s.batchId)] : []),
  ];
}

function describeWritten(s: ImportSummary): string[] {
  const m = messages();
  const o = s.orders;
  return [
    m.importStatus(s.fileName, m.status(s.status), s.batchId),
    m.importRows(s.rowsTotal, s.rowsImported, s.rowsDuplicate, s.rowsRejected),
    m.importOrders({ ...o, anonymous: s.anonymousOrders }),
    m.importCustomers(s.customersNew, s.customersMatched),
    ...s.storeZones.map((z) => m.storeZone(z.store, z.from, z.to)),
  ];
}

/** Which date order was used and who chose it, or why none was. */
function describeDateOrder(s: ImportSummary, chosen: string | undefined): string {
  const m = messages();
  if (s.dateOrder) {
    return m.dateOrderRead(m.dateOrderName[s.dateOrder], s.dateOrder, chosen !== undefined);
  }
  const ambiguous = s.rejected.some((r) => r.code === 'date.order_unknown');
  return ambiguous ? m.dateOrderUndecided : m.dateOrderNotNeeded;
}

/** Recomputes every customer's metrics, RFM scores and tags as of now. */
export async function recompute(app: App): Promise<Output> {
  const job = await call(app, 'customers.recompute', {});
  const m = messages();
  const s = (await followJob(app, job, m.recomputeJob, m.steps)) as RecomputeSummary;
  const text = messages().recomputed({
    customers: s.customers,
    tags: s.tagsEvaluated,
    asOf: zonedTime(s.asOf),
    added: s.membershipsAdded,
    removed: s.membershipsRemoved,
    ms: s.durationMs,
  });
  return { text, json: s };
}

/** Lists the tags with their member counts. */
export async function listTags(app: App): Promise<Output> {
  const tags = await call(app, 'tags.list', {});
  const rows = tags.map((t) => [t.id, t.key, t.nameZh, t.nameEn, t.kind, formatCount(t.members)]);
  return { text: table(messages().tagHeaders, rows), json: tags };
}

/** Writes the customers with a tag to a CSV or XLSX file; phones masked unless asked. */
export async function exportSegment(app: App, flags: Flags): Promise<Output> {
  if (!flags.tag || !flags.out) throw usageError(messages().exportNeeds);
  const format = flags.format ?? (flags.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') throw usageError(messages().formatUnknown);

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
    text: messages().exported(file.rows, tag.key, out),
    json: { file: out, rows: file.rows, tag: tag.key, format },
  };
}
