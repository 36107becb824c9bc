import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import planningEn from './planning.en.json';
import planningZh from './planning.zh-CN.json';

export type Locale = 'zh-CN' | 'en';

/** The console's first language follows the OS (Electron) or the browser's locale. */
export function systemLocale(): Locale {
  const languages = navigator.languages.length ? navigator.languages : [navigator.language];
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    // Planning keeps its strings in its own files; its nav label replaces the "coming soon" one.
    'zh-CN': {
      translation: { ...zhCN, ...planningZh, nav: { ...zhCN.nav, ...planningZh.nav } },
    },
    en: { translation: { ...en, ...planningEn, nav: { ...en.nav, ...planningEn.nav } } },
  },
  lng: systemLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
