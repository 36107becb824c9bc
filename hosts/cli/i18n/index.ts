import { en } from './en';
import type { CliMessages } from './en';
import { zhCN } from './zh-CN';

export type { CliMessages };

/** The languages the CLI speaks. */
export type CliLocale = 'zh-CN' | 'en';

const catalogues: Record<CliLocale, CliMessages> = { 'zh-CN': zhCN, en };

/**
 * The language a tag names, the same way for --lang and for the environment: any Chinese
 * tag (`zh`, `zh-CN`, `zh-Hans`, `zh-TW`, `zh_TW.UTF-8`, `zh_CN.GB18030`) is Chinese, the
 * only Chinese the CLI has; any English one (`en`, `en-US`, `en_GB.UTF-8`) is English; any
 * other (`fr`, `C.UTF-8`, `zhx`) none. Case, an underscore for the hyphen and spaces
 * around do not matter.
 */
export function languageOf(tag: string): CliLocale | undefined {
  const match = /^(zh|en)(?:[-_.@]|$)/i.exec(tag.trim());
  if (!match) return undefined;
  return match[1]!.toLowerCase() === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The language the environment asks for, as POSIX reads it: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set and not empty, read as `languageOf` reads --lang.
 * Anything that names no language (`C.UTF-8`, `fr_FR`) and nothing at all get English.
 */
export function environmentLocale(env: Record<string, string | undefined>): CliLocale {
  const chosen = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return (chosen !== undefined && languageOf(chosen)) || 'en';
}

/** `--lang`'s value as a language, or undefined when it names none the CLI speaks. */
export function localeOf(lang: string): CliLocale | undefined {
  return languageOf(lang);
}

// One run of the CLI speaks one language, chosen once at its start (`speak`); the words
// are read where they are said rather than passed through every function on the way.
let current: CliMessages = en;

/** Makes `locale` the language of what this run of the CLI says from now on. */
export function speak(locale: CliLocale): CliMessages {
  current = catalogues[locale];
  return current;
}

/** The words of the language this run of the CLI speaks. */
export function messages(): CliMessages {
  return current;
}
