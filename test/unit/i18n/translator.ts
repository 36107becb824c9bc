import { createInstance } from 'i18next';
import type { TFunction } from 'i18next';
import en from '../../../renderer/src/i18n/en.json';
import planningEn from '../../../renderer/src/i18n/planning.en.json';
import planningZh from '../../../renderer/src/i18n/planning.zh-CN.json';
import zhCN from '../../../renderer/src/i18n/zh-CN.json';

/** The console's strings per language, merged as the renderer merges them (i18n/index.ts). */
export const resources = {
  'zh-CN': { ...zhCN, ...planningZh, nav: { ...zhCN.nav, ...planningZh.nav } },
  en: { ...en, ...planningEn, nav: { ...en.nav, ...planningEn.nav } },
} as const;

/** A translator in one language, as the console has it. */
export async function translator(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    resources: {
      'zh-CN': { translation: resources['zh-CN'] },
      en: { translation: resources.en },
    },
    lng,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t;
}

/** Every leaf key of a nested string table, dotted: `errors.imports.busy`. */
export function leafKeys(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? leafKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
