import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { kindShown } from '../../../renderer/src/screens/import/PreviewStep';
import { translator } from './translator';

type Tree = { [key: string]: string | Tree };

/** Every string of a translation file with its dotted key. */
function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : strings(v, `${prefix}${k}.`),
  );
}

// CJK symbols and punctuation (U+3000–U+303F: 、。「」) and the full-width forms
// (U+FF01–U+FF60: ：，（）！？): drawn as wide as a Chinese character.
const fullWidth = /[\u3000-\u303f\uff01-\uff60]/;

describe('English strings', () => {
  it('use no full-width punctuation', () => {
    const file = path.join(__dirname, '../../../renderer/src/i18n/en.json');
    const tree = JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
    const wide = strings(tree).filter(([, text]) => fullWidth.test(text));
    expect(wide).toEqual([]);
  });
});

describe('the import preview kind column', () => {
  let en: TFunction;
  let zh: TFunction;
  beforeAll(async () => {
    en = await translator('en');
    zh = await translator('zh-CN');
  });

  it('names a customer, a payment, an order and an order line row', () => {
    const row = (rowKind: 'customer' | 'payment' | 'order' | 'orderLine', kind?: string) => ({
      line: 2,
      rowKind,
      values: kind ? { kind } : {},
    });
    expect(kindShown(row('customer'), en)).toBe('Customer');
    expect(kindShown(row('payment'), en)).toBe('Payment');
    expect(kindShown(row('order', 'sale'), en)).toBe('Sale');
    expect(kindShown(row('orderLine', 'sale'), en)).toBe('Order line (Sale)');
    expect(kindShown(row('customer'), zh)).toBe('客户');
    expect(kindShown(row('payment'), zh)).toBe('支付');
  });
});
