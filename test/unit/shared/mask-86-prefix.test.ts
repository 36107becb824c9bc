import { describe, expect, it } from 'vitest';
import { maskAccountId, mobileIdForms, mobileInAccountId } from '../../../core/shared/mask';

/*
 * Breaker9: tills that write the member number (the mobile) with the country code and no
 * plus. Worked by hand: 8613812345678 is 86 + 13812345678 (11 digits, 1 then 3), masked
 * 138 + **** + 5678; 86-15912345678 is 86 + 15912345678 → 159****5678.
 */
describe('a member id that is 86 and a mobile number', () => {
  it('is masked like a phone, with or without a dash or space after 86', () => {
    expect(maskAccountId('8613812345678')).toBe('138****5678');
    expect(maskAccountId('86-15912345678')).toBe('159****5678');
    expect(maskAccountId('86 159 1234 5678')).toBe('159****5678');
    expect(mobileInAccountId('86-15912345678')).toBe('15912345678');
  });

  it('is one of the forms a mobile is looked up by', () => {
    expect(mobileIdForms('13812345678')).toContain('8613812345678');
  });
});

describe('an ordinary 13-digit card number', () => {
  it('is shown whole when it is not 86 + 1[3-9] + 9 digits', () => {
    // 62 + 11 digits: a bank-card-like number; 86 then 12…: 1 then 2 is no mobile prefix;
    // 86 + 10 digits (12 in all) and 86 + 12 digits (14 in all) are not 86 + 11.
    expect(maskAccountId('6213812345678')).toBe('6213812345678');
    expect(maskAccountId('8612812345678')).toBe('8612812345678');
    expect(maskAccountId('861381234567')).toBe('861381234567');
    expect(maskAccountId('86138123456789')).toBe('86138123456789');
    expect(mobileInAccountId('1008613812345678')).toBeUndefined();
  });
});
