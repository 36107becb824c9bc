import { describe, expect, it } from 'vitest';
import {
  normalizeEmail,
  normalizeMemberId,
  normalizePhone,
} from '../../../core/crm/identity/normalize';

const e164 = (e164: string) => ({ kind: 'phone', e164 });

describe('phones as keys', () => {
  it('writes Chinese mobiles in E.164 however they were typed', () => {
    for (const typed of [
      '13800001234',
      '138 0000 1234',
      '138-0000-1234',
      '+86 138 0000 1234',
      '+86-13800001234',
      '0086 13800001234',
      '8613800001234',
      '(+86) 138.0000.1234',
      '１３８００００１２３４',
    ]) {
      expect(normalizePhone(typed), typed).toEqual(e164('+8613800001234'));
    }
  });

  it('writes landlines with their area code', () => {
    expect(normalizePhone('010-12345678')).toEqual(e164('+861012345678'));
    expect(normalizePhone('(021) 6123 4567')).toEqual(e164('+862161234567'));
  });

  it('keeps other countries when the number carries their code', () => {
    expect(normalizePhone('+44 20 7946 0958')).toEqual(e164('+442079460958'));
    expect(normalizePhone('+1 415 555 2671')).toEqual(e164('+14155552671'));
  });

  it('returns masked phones as masked, never as a key', () => {
    expect(normalizePhone('138****1234')).toEqual({ kind: 'masked', masked: '138****1234' });
    expect(normalizePhone('+86 138 **** 1234')).toEqual({ kind: 'masked', masked: '138****1234' });
    expect(normalizePhone('138xxxx1234')).toEqual({ kind: 'masked', masked: '138****1234' });
  });

  it('tells missing from invalid', () => {
    expect(normalizePhone('')).toEqual({ kind: 'missing' });
    expect(normalizePhone('NA')).toEqual({ kind: 'missing' });
    expect(normalizePhone('12345')).toEqual({ kind: 'invalid' });
    expect(normalizePhone('call me')).toEqual({ kind: 'invalid' });
  });
});

describe('e-mails and member ids as keys', () => {
  it('trims and lower-cases e-mails and validates their shape', () => {
    expect(normalizeEmail('  Li.Wei@Example.COM ')).toBe('li.wei@example.com');
    expect(normalizeEmail('mailto:a@b.cn')).toBe('a@b.cn');
    expect(normalizeEmail('li.wei＠example.com')).toBe('li.wei@example.com');
    expect(normalizeEmail('')).toBeUndefined();
    expect(normalizeEmail('li.wei@')).toBeNull();
    expect(normalizeEmail('no at sign')).toBeNull();
  });

  it('trims member ids and drops the .0 a spreadsheet adds to numbers', () => {
    expect(normalizeMemberId(' M1001 ')).toBe('M1001');
    expect(normalizeMemberId('17850.0')).toBe('17850');
    expect(normalizeMemberId('17850.5')).toBe('17850.5');
    expect(normalizeMemberId('NA')).toBeUndefined();
  });
});
