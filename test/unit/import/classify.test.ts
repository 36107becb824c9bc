import { describe, expect, it } from 'vitest';
import { classifyRow } from '../../../core/crm/import/classify';

const uci = { cancelPrefix: 'C', adjustmentSkus: ['B', 'M', 'POST', 'D'] };
const plain = { adjustmentSkus: [] };

describe('what kind of order line a row is', () => {
  it('takes UCI invoices starting with C as cancellations', () => {
    expect(
      classifyRow({ orderId: 'C536379', quantity: -1, unitPriceFen: 2750 }, '22556', uci),
    ).toBe('cancellation');
  });

  it('takes a negative quantity at price 0 without the prefix as a write-off', () => {
    expect(classifyRow({ orderId: '572516', quantity: -71, unitPriceFen: 0 }, '22336', uci)).toBe(
      'writeoff',
    );
  });

  it('takes other negative quantities and refunds as returns', () => {
    expect(classifyRow({ orderId: '536380', quantity: -1, unitPriceFen: 195 }, 'X', uci)).toBe(
      'return',
    );
    // A refund with nothing to compare it to, or of the whole line, is a return.
    expect(classifyRow({ orderId: 'P1', quantity: 1, refundFen: 1280 }, 'X', plain)).toBe('return');
    expect(
      classifyRow({ orderId: 'P1', quantity: 2, lineAmountFen: 3700, refundFen: 3700 }, 'X', plain),
    ).toBe('return');
    expect(classifyRow({ orderId: 'P1', quantity: 1, orderStatus: '已退款' }, 'X', plain)).toBe(
      'return',
    );
  });

  it('keeps a line refunded in part a sale of what the customer kept', () => {
    // 2 × 18.50 paid 37.00, 10.00 refunded: goods worth 27.00 were kept.
    const partial = { orderId: 'M1', quantity: 2, lineAmountFen: 3700, refundFen: 1000 };
    expect(classifyRow(partial, 'SKU-1', plain)).toBe('sale');
    // The same from the unit price: 2 × 1850 = 3700 > 1000.
    const byPrice = { orderId: 'M1', quantity: 2, unitPriceFen: 1850, refundFen: 1000 };
    expect(classifyRow(byPrice, 'SKU-1', plain)).toBe('sale');
  });

  it('takes cancelled statuses in English and Chinese as cancellations', () => {
    for (const status of ['cancelled', 'Canceled', '已取消', 'unavailable']) {
      expect(classifyRow({ orderId: 'P1', quantity: 1, orderStatus: status }, 'X', plain)).toBe(
        'cancellation',
      );
    }
  });

  it('classifies adjustment codes whatever their sign or prefix, and never drops them', () => {
    expect(classifyRow({ orderId: '562946', quantity: 1, unitPriceFen: 250000 }, 'M', uci)).toBe(
      'adjustment',
    );
    expect(classifyRow({ orderId: 'C538897', quantity: -1, unitPriceFen: 576 }, 'D', uci)).toBe(
      'adjustment',
    );
    expect(classifyRow({ orderId: 'A563185', quantity: 1, unitPriceFen: 100 }, 'B', uci)).toBe(
      'adjustment',
    );
  });

  it('leaves an ordinary line a sale, and does not apply a prefix rule the source lacks', () => {
    expect(classifyRow({ orderId: 'C100', quantity: 2, unitPriceFen: 100 }, 'X', plain)).toBe(
      'sale',
    );
  });
});
