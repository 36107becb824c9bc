import type { TagExplanation } from '../../../core/api/customers';
import type { ImportSummary } from '../../../core/api/imports';
import { formatCount, plural } from '../count';

/*
 * The CLI's words in English: help, errors of its own command line, and what its commands
 * print for people. Machine-readable output (--json), exit codes, error codes and command
 * and option names are the same in every language and are not here. zh-CN.ts has the same
 * keys; the compiler checks that it has every one.
 */

const count = formatCount;

const databaseFiles = {
  db: 'the database itself',
  wal: "the database's write-ahead log",
  shm: "the database's shared-memory file",
  journal: "the database's rollback journal",
};

export const en = {
  /** The language, for formatting money the way it writes it (CN¥30.00). */
  locale: 'en' as 'zh-CN' | 'en',

  usage: (dbFile: string) => `Usage: npm run cli -- <command> [options]

Commands:
  import <file> (--preset <id> | --mapping <name>) [--accept-partial]
                [--encoding <name>] [--date-order ymd|dmy|mdy]
      import one CSV/XLSX export as one batch; with rejected rows nothing is
      committed unless --accept-partial is given
  batches                        the import history, refused files included
  recompute                      recompute metrics, RFM and tags as of now
  tags                           list the tags and their member counts
  export --tag <key|id> --out <file> [--format csv|xlsx] [--unmask-phones]
      write the customers with a tag; phones are masked unless asked
  explain <who> [--tag <key|id>]
      why a customer has (or has not) each of their tags
  customer <who>                 a customer with their tags and newest orders

  <who> is one of:
    --customer <number>   the console's customer number (the grid's 编号/ID column)
    --member <member id>  the member id your files show (the grid's key, 会员号 12347)
    --phone <number>      a whole phone number, written any way (never printed whole)

Options for every command:
  --db <file>   database (default: ${dbFile}); created empty if missing
  --json        print the result as JSON, and nothing else, on stdout (through npm,
                use npm run --silent cli -- … so that npm's own banner stays out)
  --lang zh-CN|en
                the language of messages: any Chinese tag (zh, zh-TW, zh_TW.UTF-8…) or
                English one (en, en-US…); default: from LC_ALL, LC_MESSAGES or LANG, read
                the same way (English when none names Chinese); --json output is the same
                in both
  -h, --help    this text

Times are printed in the store's zone with the zone and its UTC offset named (e.g.
2011-12-09 12:50 Europe/London (UTC+00:00); Asia/Shanghai when no store is concerned);
--json keeps ISO instants in UTC.
Progress and log lines go to stderr; results go to stdout.
Exit codes:
  0  ok
  1  usage: the command line is wrong (unknown command or option, missing or wrong
     value, a preset, format, date order or encoding that does not exist)
  2  input rejected: a file that cannot be read or written (a --db that is a folder
     or not a console database, an --out that is the database), rows rejected, a
     saved mapping that no longer fits the data
  3  other expected failure: a tag, customer or saved mapping not found, cancelled,
     a database from a newer version
  4  bug (see the log on stderr)`,

  // How every failure is said, and the hint after a wrong command line.
  error: (code: string, message: string) => `error [${code}]: ${message}`,
  seeHelp: 'Run with --help for usage.',
  bug: 'bug:',

  // A wrong command line.
  langUnknown: (given: string) =>
    `--lang must name Chinese (zh, zh-CN, zh-TW, zh_TW.UTF-8… any tag starting with zh) or ` +
    `English (en, en-US… any tag starting with en), not "${given}".`,
  unknownOption: (option: string) => `Unknown option "${option}".`,
  optionNeedsValue: (option: string) => `Option ${option} needs a value.`,
  optionTakesNoValue: (option: string) => `Option ${option} takes no value.`,
  unknownCommand: (command: string, names: string[], near: string | null) =>
    `Unknown command "${command}". Commands: ${names.join(', ')}.` +
    (near ? ` Did you mean ${near}?` : ''),
  optionNotTaken: (command: string, option: string, takes: string[]) =>
    `${command} does not take --${option} (its own options: ` +
    `${takes.length ? takes.join(', ') : 'none'}).`,
  noWordsAfter: (command: string, given: string[]) =>
    `${command} takes no file or word after it (given: ${given.join(' ')}).`,
  importOneFile: 'import needs exactly one file.',
  importOneSource: 'import needs exactly one of --preset <id> or --mapping <name>.',
  dateOrderUnknown: (orders: readonly string[]) =>
    `--date-order must be one of ${orders.join(', ')} (e.g. --date-order dmy).`,
  withEncodingHint: (message: string) =>
    `${message} Try --encoding utf-8, gb18030, gbk or windows-1252.`,
  presetUnknown: (id: string, known: string[]) =>
    `There is no preset "${id}". Presets: ${known.join(', ')}.`,
  mappingUnusable: (name: string, problem: string) =>
    `The saved mapping "${name}" can no longer be used: ${problem}. Map the columns again ` +
    `(in the console's import wizard) and save it under the same name.`,
  mappingUnknown: (name: string, known: string[]) =>
    `No saved mapping "${name}" (saved: ${known.length ? known.join(', ') : 'none yet'}).`,
  exportNeeds: 'export needs --tag <key|id> and --out <file>.',
  formatUnknown: '--format must be csv or xlsx.',
  tagUnknown: (keyOrId: string) => `No tag "${keyOrId}"; see: npm run cli -- tags`,
  cancelled: (label: string) => `${label} cancelled.`,
  failed: (label: string) => `${label} failed.`,

  // A --db or --out path that cannot be used.
  dbNotADatabase: (file: string) =>
    `--db ${file} is not a console database (SQLite says "file is not a database"); it was ` +
    'left as it was. Give --db the console database, or a new file name to start an empty one.',
  dbFolderPathIsFile: (file: string) =>
    `--db ${file}: a part of its folder path is a file, not a folder.`,
  dbCannotOpen: (file: string, code: string | undefined) =>
    `--db ${file} cannot be opened (the system answered ${code}).`,
  dbIsFolder: (file: string, example: string) =>
    `--db ${file} is a folder, not a database file. Give --db a file, e.g. ${example}.`,
  dbCannotRead: (file: string, code: string | undefined) =>
    `--db ${file} cannot be read (the system answered ${code}).`,
  dbCannotWrite: (file: string, code: string) =>
    `--db ${file} cannot be opened for writing (SQLite answered ${code}). ` +
    'Check the path, or give --db a file in a folder you can write to.',
  cannotWrite: (file: string, problem: string) => `Cannot write ${file}: ${problem}`,
  outNoFolder: (folder: string) =>
    `the folder ${folder} does not exist. ` +
    'Create it first, or give --out a file in a folder that exists.',
  outNotFolder: (folder: string) =>
    `${folder} is not a folder. Give --out a file in a folder that exists.`,
  outIsFolder: (example: string) => `it is a folder. Give --out a file name, e.g. ${example}.`,
  outForbidden: 'this account may not write there. Choose a folder you can write to.',
  outOther: (code: string | undefined) =>
    `the system answered ${code ?? 'no'}. Check the path or choose another folder.`,
  outIsDatabase: (
    out: string,
    what: 'db' | 'wal' | 'shm' | 'journal',
    db: string,
    example: string,
  ) =>
    `--out ${out} is ${databaseFiles[what]} (--db ${db}); writing there would destroy it. ` +
    `Give --out another file, e.g. ${example}.`,

  /**
   * A failure the core answered with, as this language says it: the core's own English
   * message here; a catalogue with a sentence for its code says that instead.
   */
  coreMessage: (e: { code: string; message: string; details?: Record<string, unknown> }) =>
    e.message,
  /** A customer merged into another, named with the one they are part of now. */
  mergedCustomer: (e: { message: string; id: number; survivor: number }) => e.message,

  // Naming a customer.
  whoNeeded: (command: string, given: string[]) =>
    `${command} needs exactly one of --customer <number>, --member <member id> or ` +
    `--phone <number>` +
    (given.length > 1 ? ` (given: ${given.join(', ')}).` : '.'),
  customerNumberWrong: (value: string) =>
    `--customer must be a positive whole number (the console's customer number), ` +
    `not "${value}". For the member id your files show, use --member ${value}.`,
  memberNeeded: '--member needs a member id, e.g. --member 12347.',
  phoneNeeded:
    '--phone needs a whole phone number, e.g. --phone 13800001234 or --phone +44 20 7946 0000 ' +
    '(a masked one such as 138****1234 names no single customer).',
  byMember: (shown: string) => `member id ${shown}`,
  byPhone: (shown: string) => `phone ${shown}`,
  foundAs: (label: string, id: number) => `${label}: customer ${id}`,
  noneHas: (label: string) => `No customer has ${label} (as the imported files wrote it).`,
  noSuchCustomer: (id: number) =>
    `No customer ${id} exists (the console's customer number, the grid's 编号/ID ` +
    `column). For a member id from your files, use --member ${id}.`,

  // An import's summary.
  importRefused: (file: string, rejected: number) =>
    `${file}: refused, nothing was written (${plural(rejected, 'row')} rejected; ` +
    `fix them, or run again with --accept-partial to import the other rows)`,
  fileHolds: (total: number, good: number, rejected: number) =>
    `  the file holds ${plural(total, 'row')}: ${count(good)} readable, ` +
    `${count(rejected)} rejected`,
  keptAsRefused: (batch: number) => `  kept in the import history as refused batch ${batch}`,
  importStatus: (file: string, status: string, batch: number | null) =>
    `${file}: ${status}` + (batch !== null ? ` (batch ${batch})` : ''),
  importRows: (total: number, imported: number, duplicate: number, rejected: number) =>
    `  rows ${count(total)}: imported ${count(imported)}, ` +
    `already imported or repeated ${count(duplicate)}, rejected ${count(rejected)}`,
  importOrders: (o: ImportSummary['orders'] & { anonymous: number }) =>
    `  orders: ${plural(o.sales, 'sale')}, ${plural(o.returns, 'return')}, ` +
    `${plural(o.cancellations, 'cancellation')}, ${plural(o.writeoffs, 'write-off')}, ` +
    `${plural(o.adjustments, 'adjustment')}; ${count(o.anonymous)} anonymous`,
  importCustomers: (created: number, matched: number) =>
    `  customers: ${count(created)} new, ${count(matched)} matched`,
  storeZone: (store: string, from: string, to: string) =>
    `  store ${store}: time zone corrected from ${from} to ${to} (kept)`,
  encodingAndDates: (encoding: string, dates: string) => `  encoding ${encoding}, dates ${dates}`,
  rejectedRow: (line: number, column: string | null, reason: string, code: string, hint: string) =>
    `  line ${line}${column ? `, ${column}` : ''}: ${reason}${hint} [${code}]`,
  /** A rejected row's reason: the core's own sentence, for a code this language has none. */
  rowReason: (r: {
    code: string;
    reason: string;
    value: string | null;
    details?: Record<string, string>;
  }) => r.reason,
  moreRejected: (n: number) => `  … ${count(n)} more rejected rows`,
  dateOrderName: { ymd: 'year-month-day', dmy: 'day-month-year', mdy: 'month-day-year' },
  dateOrderRead: (name: string, order: string, given: boolean) =>
    `read ${name} (${order}, ${given ? 'as given by --date-order' : 'detected from the file'})`,
  dateOrderUndecided:
    'undecided: some dates could be day-first or month-first; ' +
    'run again with --date-order dmy or --date-order mdy',
  dateOrderNotNeeded: 'need no day/month order (none could be read two ways, or the file has none)',

  // A job's progress on stderr, e.g. "import pos.csv: 1,200 / 5,000 rows (24 %), 800 rows/s".
  importJob: (file: string) => `import ${file}`,
  recomputeJob: 'recompute',
  rows: 'rows',
  steps: 'steps',
  progress: (p: { label: string; processed: number; total: number | null; unit: string }) =>
    `${p.label}: ${count(p.processed)}${p.total !== null ? ` / ${count(p.total)}` : ''} ${p.unit}`,
  percent: (percent: number) => ` (${percent} %)`,
  rate: (rate: number, unit: string) => `${count(rate)} ${unit}/s`,
  jobEnded: (label: string, state: string, processed: number, unit: string, rate: string) =>
    `${label}: ${state}, ${count(processed)} ${unit} at ${rate}`,
  jobState: (state: string) => state,
  cancelling: 'cancelling…',

  // A customer's page.
  customerHead: (c: {
    id: number;
    name: string | null;
    lifecycle: string;
    orders: number;
    spend: string;
    phone: string | null;
  }) =>
    `customer ${c.id}${c.name ? ` ${c.name}` : ''}: ${c.lifecycle}, ` +
    `${plural(c.orders, 'order')}, spend ${c.spend}` +
    (c.phone ? `, phone ${c.phone}` : ''),
  customerDates: (first: string, last: string, store: string | null) =>
    `  first order ${first}, last order ${last}` + (store ? `; store ${store}` : ''),
  noTime: 'none',
  customerTag: (t: { key: string; nameZh: string; nameEn: string; since: string }) =>
    `  tag ${t.key} (${t.nameEn}) since ${t.since}`,
  newestOrders: (n: number) => `  newest ${plural(n, 'order')}:`,
  orderHeaders: ['order', 'store', 'kind', 'ordered at', 'amount', 'lines'],
  /** A lifecycle stage or an order kind by its code, as the database keeps it. */
  lifecycle: (code: string) => code,
  orderKind: (kind: string) => kind,

  // Why a customer has a tag.
  noTags: (id: number) => `customer ${id} has no tags`,
  mergedInto: (id: number, survivor: number) =>
    `customer ${id} was merged into customer ${survivor} (times in their zone); ` +
    `their own tags: npm run cli -- explain --customer ${survivor}`,
  explainHead: (
    e: Pick<TagExplanation, 'nameZh' | 'nameEn' | 'kind' | 'has' | 'since' | 'version' | 'asOf'>,
  ) =>
    `${e.nameZh} / ${e.nameEn} [${e.kind}]: ${e.has ? 'has it' : 'does not have it'}` +
    (e.since ? ` since ${e.since}` : '') +
    `; rule version ${e.version}, as of ${e.asOf}`,
  /** The sentence for a tag reason the core returns as a code with parameters. */
  reasons: {
    'tags.reason.manual': 'Added by hand on {at}, reason: {reason}.',
    'tags.reason.manual_absent': 'This manual tag is not on the customer.',
    'tags.reason.rfm': 'RFM scores R{r} F{f} M{m} put the customer in this segment ({segment}).',
    'tags.reason.lifecycle': 'Lifecycle stage {stage}: last order {recencyDays}, {orders} in all.',
  } as Record<string, string>,
  noOrderYet: 'none yet',
  daysAgo: (days: number) => `${plural(days, 'day')} ago`,
  orderCount: (n: number) => plural(n, 'order'),
  rfmSegment: (code: string) => code,
  condition: (c: { mark: string; label: string; field: string; cmp: string; rule: string }) =>
    `${c.mark} ${c.label} (${c.field}) ${c.cmp} ${c.rule}: customer's value`,
  noValue: '(none)',
  between: ' and ',
  notComparedWithYuan: (currency: string) => ` (in ${currency}: not compared with yuan)`,
  /** A rule field's label in this language. */
  label: (f: { labelZh: string; labelEn: string }) => f.labelEn,

  // The other commands' results.
  recomputed: (r: {
    customers: number;
    tags: number;
    asOf: string;
    added: number;
    removed: number;
    ms: number;
  }) =>
    `recomputed ${plural(r.customers, 'customer')} and ${plural(r.tags, 'tag')} ` +
    `as of ${r.asOf}: +${r.added} / -${r.removed} memberships in ${r.ms} ms`,
  tagHeaders: ['id', 'key', '名称', 'name', 'kind', 'members'],
  exported: (rows: number, tag: string, file: string) =>
    `wrote ${count(rows)} customers with tag ${tag} to ${file}`,
  noImports: 'no imports yet',
  batchHeaders: ['batch', 'status', 'file', 'started', 'rows', 'imported', 'known', 'rejected'],
  /** An import's or a batch's status; 'failed' is a file refused whole. */
  status: (status: string) => (status === 'failed' ? 'refused' : status),
};

/** Every message the CLI says to people, in one language. */
export type CliMessages = typeof en;
