import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbFile } from '../../../hosts/shared/data-dir';
import { sanitizeFileName } from '../../../hosts/web/upload';

describe('names of uploaded files', () => {
  it('keeps a plain name, Chinese included', () => {
    expect(sanitizeFileName('美团订单 2024-03.xlsx')).toBe('美团订单 2024-03.xlsx');
  });

  it('drops folders, both kinds of separator', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\a\\orders.csv')).toBe('orders.csv');
  });

  it('replaces control and reserved characters and leading dots', () => {
    expect(sanitizeFileName('a\u0000b<c>.csv')).toBe('a_b_c_.csv');
    expect(sanitizeFileName('..hidden.csv')).toBe('hidden.csv');
  });

  it('never gives an empty or overlong name', () => {
    expect(sanitizeFileName('')).toBe('upload');
    expect(sanitizeFileName(null)).toBe('upload');
    expect(sanitizeFileName('x'.repeat(500)).length).toBe(200);
  });
});

describe('the default database of the web host and the CLI', () => {
  it('lives under XDG_DATA_HOME on Linux when it is set', () => {
    if (process.platform !== 'linux') return;
    expect(defaultDbFile({ XDG_DATA_HOME: '/data' })).toBe(
      path.join('/data', 'retail-ops-console', 'console.db'),
    );
  });
});
