import { describe, expect, it } from 'vitest';
import { formatAmount, formatYuan, majorUnits, minorUnitDigits } from '../../../core/shared/money';
import { formatMoney, yuanSign } from '../../../renderer/src/shell/format';

describe('money shown in its own currency', () => {
  it('writes pence as pounds in both languages, never with ¥', () => {
    // 27000 pence = £270.00.
    expect(formatAmount(27000, 'GBP', 'zh-CN')).toBe('£270.00');
    expect(formatAmount(27000, 'GBP', 'en')).toBe('£270.00');
    expect(formatMoney(27000, 'zh-CN', 'GBP')).not.toContain('¥');
  });

  it('keeps yuan as before when the currency is yuan or not given', () => {
    // 123456 fen = ¥1,234.56.
    expect(formatYuan(123456, 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(123456, 'en')).toBe('CN¥1,234.56');
    expect(formatMoney(null, 'en', 'GBP')).toBe('—');
  });
});

describe('the yuan sign beside a money input', () => {
  it('is ¥ in Chinese and CN¥ in English, as amounts are written there', () => {
    expect(yuanSign('zh-CN')).toBe('¥');
    expect(yuanSign('en')).toBe('CN¥');
    // The same sign the formatted amounts carry.
    expect(formatYuan(100, 'en').startsWith(yuanSign('en'))).toBe(true);
  });
});

describe('a currency without a minor unit', () => {
  it('has 0 minor-unit digits for yen and 2 for pounds and yuan', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KRW')).toBe(0);
    expect(minorUnitDigits('GBP')).toBe(2);
    expect(minorUnitDigits('CNY')).toBe(2);
  });

  it('is shown in whole units: 3000 stored yen is ¥3,000, not ¥30', () => {
    // The importer keeps yen whole, so 3000 is three thousand yen, no decimals.
    expect(formatAmount(3000, 'JPY', 'en')).toBe('¥3,000');
    expect(formatMoney(3000, 'en', 'JPY')).toBe('¥3,000');
    // The New Taiwan dollar is kept whole too, though Intl alone would write two decimals.
    expect(formatAmount(3000, 'TWD', 'en')).toBe('NT$3,000');
  });

  it('leaves pence as hundredths: 765 pence is £7.65', () => {
    expect(formatAmount(765, 'GBP', 'en')).toBe('£7.65');
    expect(majorUnits(765, 'GBP')).toBe(7.65);
    expect(majorUnits(3000, 'JPY')).toBe(3000);
  });
});
