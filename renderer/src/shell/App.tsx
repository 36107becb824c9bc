import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import i18n from '../i18n';
import type { Locale } from '../i18n';
import { antdThemeFor } from './fonts';
import { LocaleContext } from './locale';
import { Shell } from './Shell';

const CHOSEN_KEY = 'console.localeChosen';

/** The console's root: language, theme and the shell around the screens. */
export function App() {
  const [locale, setLocaleState] = useState<Locale>(i18n.language === 'en' ? 'en' : 'zh-CN');

  const applyLocale = useCallback((next: Locale) => {
    void i18n.changeLanguage(next);
    setLocaleState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // A language the person chose (saved by settings.setLocale) wins over the OS default.
  // The host always answers with a locale (zh-CN until one is saved), so whether a choice
  // was made is remembered here too.
  useEffect(() => {
    if (localStorage.getItem(CHOSEN_KEY) !== '1') return;
    api.call('app.info', {}).then(
      (info) => applyLocale(info.locale),
      () => undefined,
    );
  }, [applyLocale]);

  const setLocale = useCallback(
    (next: Locale) => {
      applyLocale(next);
      localStorage.setItem(CHOSEN_KEY, '1');
      api.call('settings.setLocale', { locale: next }).catch(() => {
        // Remembering the choice is a convenience; the switch itself already happened.
      });
    },
    [applyLocale],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  const theme = useMemo(() => antdThemeFor(locale), [locale]);

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCN : enUS}
        theme={theme}
        // Button labels read exactly as written ("预览", not "预 览"), also for screen readers.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>
          <Shell />
        </AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
