import { describe, expect, it } from 'vitest';
import { formatAmount, formatYuan } from '../../../core/shared/money';
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
