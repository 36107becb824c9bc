import path from 'node:path';
import { parseArgs } from 'node:util';
import type { App } from '../../core/service';
import { isCoreError } from '../../core/shared/errors';
import { setLogLevel } from '../../core/shared/log';
import { defaultDbFile } from '../shared/data-dir';
import { openConsole } from '../shared/open-console';
import { consoleVersion } from '../shared/version';
import { exportSegment, importFile, listTags, recompute } from './commands';
import { checkDbFile, dbOpenFailure } from './db-file';
import type { Flags, Output } from './commands';
import { CliFailure, exitCodeFor, exitCodes, usageError } from './exit';
import { listBatches } from './batches';
import { showCustomer } from './customer';
import { explain } from './explain';
import { checkOutIsNotDatabase } from './out-file';
import { nearestWord } from './nearest';

const usage = `Usage: npm run cli -- <command> [options]

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
  --db <file>   database (default: ${defaultDbFile()}); created empty if missing
  --json        print the result as JSON, and nothing else, on stdout (through npm,
                use npm run --silent cli -- … so that npm's own banner stays out)
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
  4  bug (see the log on stderr)`;

/** Which options each command accepts, beyond --db, --json and --help. */
const commandOptions: Record<string, (keyof Flags)[]> = {
  import: ['preset', 'mapping', 'accept-partial', 'encoding', 'date-order'],
  batches: [],
  recompute: [],
  tags: [],
  export: ['tag', 'format', 'out', 'unmask-phones'],
  explain: ['customer', 'member', 'phone', 'tag'],
  customer: ['customer', 'member', 'phone'],
};

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      'accept-partial': { type: 'boolean' },
      encoding: { type: 'string' },
      'date-order': { type: 'string' },
      tag: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'unmask-phones': { type: 'boolean' },
      customer: { type: 'string' },
      member: { type: 'string' },
      phone: { type: 'string' },
    },
  });
}

async function run(app: App, command: string, args: string[], flags: Flags): Promise<Output> {
  switch (command) {
    case 'import':
      if (args.length !== 1) throw usageError('import needs exactly one file.');
      return importFile(app, args[0] ?? '', flags);
    case 'batches':
      return listBatches(app);
    case 'recompute':
      return recompute(app);
    case 'tags':
      return listTags(app);
    case 'export':
      return exportSegment(app, flags);
    case 'customer':
      return showCustomer(app, flags);
    default:
      return explain(app, flags);
  }
}

/** Says an expected failure on stderr, in one shape for all, and returns its exit code. */
function report(failure: CliFailure): number {
  console.error(`error [${failure.error.code}]: ${failure.message}`);
  if (failure.exitCode === exitCodes.usage) console.error('Run with --help for usage.');
  return failure.exitCode;
}

/** Node's parseArgs error in the CLI's words (its own text suggests `--` tricks instead). */
function parseProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option "${option}".`;
  if (/argument missing/.test(message)) return `Option ${option} needs a value.`;
  if (/does not take an argument/.test(message)) return `Option ${option} takes no value.`;
  return message;
}

/**
 * What is wrong with the command and its options, if anything: an unknown command is said
 * with the commands there are and the nearest one; an option the command does not take,
 * with the ones it does.
 */
function commandLineProblem(command: string, args: string[], options: string[]): string | null {
  const allowed = commandOptions[command];
  if (!allowed) {
    const names = Object.keys(commandOptions);
    const near = nearestWord(command, names);
    return (
      `Unknown command "${command}". Commands: ${names.join(', ')}.` +
      (near ? ` Did you mean ${near}?` : '')
    );
  }
  const misplaced = options.find(
    (k) => !['db', 'json', 'help'].includes(k) && !allowed.includes(k as keyof Flags),
  );
  if (misplaced) {
    const takes = allowed.length ? allowed.map((k) => `--${k}`).join(', ') : 'none';
    return `${command} does not take --${misplaced} (its own options: ${takes}).`;
  }
  if (command !== 'import' && args.length > 0) {
    return `${command} takes no file or word after it (given: ${args.join(' ')}).`;
  }
  return null;
}

/** Opens the console on --db; SQLite's refusal of the file is the user's input problem. */
async function openDatabase(file: string): Promise<App> {
  try {
    return await openConsole({
      file,
      host: 'cli',
      version: consoleVersion,
      demoOnFirstStart: false,
    });
  } catch (error) {
    throw dbOpenFailure(error, file) ?? error;
  }
}

/** Runs the CLI on its arguments (without node and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    return report(usageError(parseProblem(error)));
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? console.log : console.error)(usage);
    return values.help ? exitCodes.ok : exitCodes.usage;
  }
  const problem = commandLineProblem(command, args, Object.keys(values));
  if (problem) return report(usageError(problem));

  setLogLevel('warn');
  let app: App | undefined;
  try {
    const file = path.resolve(values.db ?? defaultDbFile());
    // Wrong paths are refused before the database is opened: nothing is created or written.
    checkDbFile(file);
    if (values.out !== undefined) checkOutIsNotDatabase(path.resolve(values.out), file);
    app = await openDatabase(file);
    const output = await run(app, command, args, values as Flags);
    console.log(values.json ? JSON.stringify(output.json, null, 2) : output.text);
    return output.exitCode ?? exitCodes.ok;
  } catch (error) {
    if (error instanceof CliFailure) return report(error);
    if (isCoreError(error)) {
      // Thrown outside dispatch: opening the database, registering the file.
      console.error(`error [${error.code}]: ${error.message}`);
      return exitCodeFor(error);
    }
    console.error('bug:', error);
    return exitCodes.bug;
  } finally {
    await app?.close();
  }
}
