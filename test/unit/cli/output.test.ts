import { describe, expect, it } from 'vitest';
import { plural } from '../../../hosts/cli/output';

describe('CLI counts', () => {
  it('writes one of a thing in the singular', () => {
    expect(plural(1, 'order')).toBe('1 order');
  });

  it('writes none or many in the plural, with thousands separators', () => {
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(3479, 'order')).toBe('3,479 orders');
  });
});
