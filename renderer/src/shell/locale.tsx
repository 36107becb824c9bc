import { createContext, useContext } from 'react';
import type { Locale } from '../i18n';

export interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}
