import { en } from './en';
import type { CliMessages } from './en';
import { zhCN } from './zh-CN';

export type { CliMessages };

/** The languages the CLI speaks. */
export type CliLocale = 'zh-CN' | 'en';

const catalogues: Record<CliLocale, CliMessages> = { 'zh-CN': zhCN, en };

/**
 * The language the environment asks for, as POSIX reads it: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set and not empty. Any Chinese locale (`zh_CN.UTF-8`,
 * `zh_TW`, `zh`) gets Chinese, the only Chinese the CLI has; anything else (`C.UTF-8`,
 * `en_GB`, `fr_FR`) and nothing at all get English.
 */
export function environmentLocale(env: Record<string, string | undefined>): CliLocale {
  const chosen = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return chosen !== undefined && /^zh(?:[_.@-]|$)/i.test(chosen) ? 'zh-CN' : 'en';
}

/** `--lang`'s value as a language, or undefined when it names none the CLI speaks. */
export function localeOf(lang: string): CliLocale | undefined {
  const text = lang.trim().toLowerCase().replace('_', '-');
  if (text === 'zh-cn' || text === 'zh') return 'zh-CN';
  return text === 'en' ? 'en' : undefined;
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
