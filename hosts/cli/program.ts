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
import { CliFailure, exitCodes, usageError } from './exit';
import { coreFailure } from './call';
import { listBatches } from './batches';
import { showCustomer } from './customer';
import { explain } from './explain';
import { checkOutIsNotDatabase } from './out-file';
import { nearestWord } from './nearest';
import { environmentLocale, localeOf, messages, speak } from './i18n';

/** Which options each command accepts, beyond the options of every command. */
const commandOptions: Record<string, (keyof Flags)[]> = {
  import: ['preset', 'mapping', 'accept-partial', 'encoding', 'date-order'],
  batches: [],
  recompute: [],
  tags: [],
  export: ['tag', 'format', 'out', 'unmask-phones'],
  explain: ['customer', 'member', 'phone', 'tag'],
  customer: ['customer', 'member', 'phone'],
};

const everyCommand = ['db', 'json', 'help', 'lang'];

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      lang: { type: 'string' },
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
      if (args.length !== 1) throw usageError(messages().importOneFile);
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
  const m = messages();
  console.error(m.error(failure.error.code, failure.message));
  if (failure.exitCode === exitCodes.usage) console.error(m.seeHelp);
  return failure.exitCode;
}

/** Node's parseArgs error in the CLI's words (its own text suggests `--` tricks instead). */
function parseProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const m = messages();
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return m.unknownOption(option);
  if (/argument missing/.test(message)) return m.optionNeedsValue(option);
  if (/does not take an argument/.test(message)) return m.optionTakesNoValue(option);
  return message;
}

/**
 * The language of this run: --lang (`--lang zh-CN`, `--lang=en`), read before the rest of
 * the command line so that even its errors are said in it, else the environment's locale.
 * A --lang naming no language the CLI speaks is said in the environment's.
 */
function chooseLanguage(argv: string[]): string | null {
  const given = langFlag(argv);
  const locale = given === undefined ? undefined : localeOf(given);
  speak(locale ?? environmentLocale(process.env));
  return given !== undefined && locale === undefined ? messages().langUnknown(given) : null;
}

/** --lang's value as typed (`--lang zh-CN`, `--lang=zh-CN`), or undefined without one. */
function langFlag(argv: string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') return undefined; // what follows is no option
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
    if (arg === '--lang') return argv[i + 1];
  }
  return undefined;
}

/**
 * What is wrong with the command and its options, if anything: an unknown command is said
 * with the commands there are and the nearest one; an option the command does not take,
 * with the ones it does.
 */
function commandLineProblem(command: string, args: string[], options: string[]): string | null {
  const allowed = commandOptions[command];
  const m = messages();
  if (!allowed) {
    const names = Object.keys(commandOptions);
    return m.unknownCommand(command, names, nearestWord(command, names));
  }
  const misplaced = options.find(
    (k) => !everyCommand.includes(k) && !allowed.includes(k as keyof Flags),
  );
  if (misplaced) {
    return m.optionNotTaken(
      command,
      misplaced,
      allowed.map((k) => `--${k}`),
    );
  }
  if (command !== 'import' && args.length > 0) return m.noWordsAfter(command, args);
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
  const langProblem = chooseLanguage(argv);
  if (langProblem) return report(usageError(langProblem));
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    return report(usageError(parseProblem(error)));
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (values.help ? console.log : console.error)(messages().usage(defaultDbFile()));
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
      return report(coreFailure(error));
    }
    console.error(messages().bug, error);
    return exitCodes.bug;
  } finally {
    await app?.close();
  }
}
