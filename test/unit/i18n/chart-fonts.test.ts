import { describe, expect, it } from 'vitest';
import {
  chartThemeFor,
  fontFamilyFor,
  latinFirstFontFamily,
} from '../../../renderer/src/shell/fonts';
import { fontFamily } from '../../../renderer/src/theme';

// The first font of a CSS font list, quotes removed.
const first = (list: string) => list.split(',')[0]!.trim().replace(/'/g, '');
const cjk = /PingFang|Hiragino|YaHei|Noto Sans (CJK )?SC/;

describe('charts take the page’s font order for the language on screen', () => {
  it('lists Latin fonts before every CJK font in English', () => {
    const theme = chartThemeFor('en');
    expect(theme.textStyle.fontFamily).toBe(latinFirstFontFamily);
    // Every font before the first CJK one is Latin: the CJK fonts only fill in Chinese.
    const fonts = theme.textStyle.fontFamily.split(',').map((f) => f.trim());
    const firstCjk = fonts.findIndex((f) => cjk.test(f));
    expect(fonts.slice(firstCjk).some((f) => /Arial|Segoe|Helvetica/.test(f))).toBe(false);
    // The HTML tooltip too.
    expect(theme.tooltip.textStyle.fontFamily).toBe(latinFirstFontFamily);
  });

  it('keeps the theme’s CJK-first order in Chinese, as the page does', () => {
    expect(chartThemeFor('zh-CN').textStyle.fontFamily).toBe(fontFamily);
    expect(chartThemeFor('zh-CN').textStyle.fontFamily).toBe(fontFamilyFor('zh-CN'));
    expect(first(fontFamily)).toBe('-apple-system');
    expect(fontFamily.indexOf('PingFang SC')).toBeLessThan(fontFamily.indexOf('Arial'));
  });

  it('keeps the rest of the chart theme (colours) in both languages', () => {
    expect(chartThemeFor('en').color).toEqual(chartThemeFor('zh-CN').color);
  });
});
