import { describe, expect, it } from 'vitest';
import { columnMappingSchema, importOptionsSchema } from '../../../core/api/imports';

const mapping = (currency?: string) => ({
  rowKind: 'orderLine',
  channel: 'pos',
  fields: { orderId: 'receipt_no' },
  ...(currency === undefined ? {} : { currency }),
});

describe("a mapping's currency", () => {
  it('is an ISO 4217 code, trimmed and upper-cased, with RMB read as CNY', () => {
    const read = (currency?: string) => columnMappingSchema.parse(mapping(currency)).currency;
    expect(read('cny')).toBe('CNY');
    expect(read(' gbp ')).toBe('GBP');
    expect(read('RMB')).toBe('CNY');
    expect(read('rmb')).toBe('CNY');
    expect(read('USD')).toBe('USD');
    expect(read(undefined)).toBe('CNY');
  });

  it('is refused when it is no ISO 4217 code, with the value named', () => {
    for (const bad of ['XYZ', '   ', '¥¥¥', 'yuan', '']) {
      const parsed = columnMappingSchema.safeParse(mapping(bad));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['currency']);
      expect(parsed.error?.issues[0]?.message).toContain(
        `The currency "${bad}" is not an ISO 4217`,
      );
    }
  });

  it('is checked at the boundary of imports.start for a mapping given there', () => {
    const options = { source: { kind: 'mapping', mapping: mapping('XYZ') } };
    expect(importOptionsSchema.safeParse(options).success).toBe(false);
    const fine = importOptionsSchema.parse({
      source: { kind: 'mapping', mapping: mapping('cny') },
    });
    expect(fine.source.kind === 'mapping' && fine.source.mapping.currency).toBe('CNY');
  });
});
