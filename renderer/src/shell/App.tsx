import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import i18n from '../i18n';
import type { Locale } from '../i18n';
import { antdTheme } from '../theme';
import { LocaleContext } from './locale';
import { Shell } from './Shell';

/** The console's root: language, theme and the shell around the screens. */
export function App() {
  const [locale, setLocaleState] = useState<Locale>(i18n.language === 'en' ? 'en' : 'zh-CN');

  const applyLocale = useCallback((next: Locale) => {
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);

  // The saved choice (settings.setLocale) wins over the OS default once the host answers.
  useEffect(() => {
    api.call('app.info', {}).then(
      (info) => applyLocale(info.locale),
      () => applyLocale(locale),
    );
    // Only once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setLocale = useCallback(
    (next: Locale) => {
      applyLocale(next);
      api.call('settings.setLocale', { locale: next }).catch(() => {
        // Remembering the choice is a convenience; the switch itself already happened.
      });
    },
    [applyLocale],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCN : enUS}
        theme={antdTheme}
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
