import type { ThemeConfig } from 'antd';
import type { Locale } from '../i18n';
import { antdTheme, chartTheme, fontFamily } from '../theme';

/*
 * The CJK fonts draw the curly quotes and apostrophe (“ ” ’) full-width, as Chinese text
 * wants them; in English they leave wide gaps ("order’ s"). An English screen therefore
 * lists Latin fonts first (Chinese characters still fall through to the CJK fonts), and
 * a Chinese screen keeps the theme's order. styles.css does the same for the page by the
 * <html lang> attribute the shell sets; charts draw their text on a canvas, which knows
 * no lang, so their theme names the same list (chartThemeFor).
 */
export const latinFirstFontFamily =
  "-apple-system, 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', " +
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', " +
  'sans-serif';

/** The font list for a language: Latin fonts first in English, the theme's in Chinese. */
export function fontFamilyFor(locale: Locale): string {
  return locale === 'en' ? latinFirstFontFamily : fontFamily;
}

/** The Ant Design theme for a language: the console's theme with that language's fonts. */
export function antdThemeFor(locale: Locale): ThemeConfig {
  return { ...antdTheme, token: { ...antdTheme.token, fontFamily: fontFamilyFor(locale) } };
}

/**
 * The echarts theme for a language: the console's chart theme with the page's font list
 * for that language, for every text a chart draws (axes, labels, legends, tooltips).
 */
export function chartThemeFor(
  locale: Locale,
): typeof chartTheme & { tooltip: { textStyle: { fontFamily: string } } } {
  const font = fontFamilyFor(locale);
  return {
    ...chartTheme,
    textStyle: { ...chartTheme.textStyle, fontFamily: font },
    // The tooltip is HTML, styled from its own text style.
    tooltip: { textStyle: { fontFamily: font } },
  };
}
