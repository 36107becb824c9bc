import { describe, expect, it } from 'vitest';
import { describeKey } from '../../../core/crm/identity/keys';
import { maskAccountId, mobileInAccountId } from '../../../core/shared/mask';

/*
 * Worked by hand: a mainland mobile is 11 digits starting 1 then 3–9; the mask keeps the
 * first three and last four digits, as receipts do: 13812345678 → 138 + **** + 5678.
 */
describe('a member id that is a mobile number', () => {
  it('is masked like a phone', () => {
    expect(maskAccountId('13812345678')).toBe('138****5678');
    expect(maskAccountId('19900001111')).toBe('199****1111');
  });

  it('is masked with +86 or 0086 in front, and the same number is named', () => {
    expect(maskAccountId('+8613812345678')).toBe('138****5678');
    expect(maskAccountId('008613812345678')).toBe('138****5678');
    expect(mobileInAccountId('+86 13812345678')).toBe('13812345678');
  });

  it('is masked when written with spaces, hyphens or full-width digits', () => {
    expect(maskAccountId(' 138 1234 5678 ')).toBe('138****5678');
    expect(maskAccountId('138-1234-5678')).toBe('138****5678');
    // NFKC maps the full-width digits U+FF10..U+FF19 to 0..9 and U+3000 to a space.
    expect(maskAccountId('\u3000１３８１２３４５６７８')).toBe('138****5678');
  });
});

describe('an id that is not a mainland mobile', () => {
  it('is shown as it is', () => {
    expect(maskAccountId('17850')).toBe('17850');
    expect(maskAccountId('M-001')).toBe('M-001');
    // 12 (1[2]…) is not a mobile prefix; 10 and 12 digits are not mobiles.
    expect(maskAccountId('12812345678')).toBe('12812345678');
    expect(maskAccountId('1381234567')).toBe('1381234567');
    expect(maskAccountId('138123456789')).toBe('138123456789');
  });

  it('keeps a shop’s own prefix and landlines whole', () => {
    expect(maskAccountId('VIP13812345678')).toBe('VIP13812345678');
    expect(maskAccountId('021-12345678')).toBe('021-12345678');
    expect(mobileInAccountId('VIP13812345678')).toBeUndefined();
  });
});

describe('merge reasons and logs', () => {
  it('name a member id that is a mobile number masked, a card number whole', () => {
    expect(describeKey('member', '13812345678')).toBe('member 138****5678');
    expect(describeKey('member', 'M-001')).toBe('member M-001');
  });
});
