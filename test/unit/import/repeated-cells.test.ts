import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../../core/crm/import/index';
import type { RecordOutcome } from '../../../core/crm/import/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-repeated-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const header =
  '订单编号,商品序号,下单时间,订单状态,会员ID,手机号,买家昵称,性别,生日,邮箱,规格编码,' +
  '商品名称,商品分类,购买数量,商品单价,商品实付,优惠金额,退款金额,自提门店编码,自提门店';

function line(order: string, phone: string, gender: string, birthday: string): string {
  return `${order},1,2024-12-01 07:31:26,已完成,M1,${phone},刘强,${gender},${birthday},,BK003,肉松小贝,烘焙,1,16.00,16.00,,,HZ02,杭州滨江店`;
}

async function readAll(text: string): Promise<RecordOutcome[]> {
  const file = path.join(dir, `shop-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, text);
  const outcomes: RecordOutcome[] = [];
  const options = { source: { kind: 'preset' as const, id: 'miniprogram-shop' } };
  for await (const chunk of readRecords(file, options)) outcomes.push(...chunk);
  return outcomes;
}

/**
 * The reader keeps the answer for a phone or birthday text it has seen; a customer's
 * later lines must read exactly as the first, and a bad value must be reported on every
 * line that carries it, not only the first.
 */
describe('cells that repeat from line to line', () => {
  it('reads a repeated phone and birthday the same on every line', async () => {
    const rows = [1, 2, 3].map((n) => line(`WX${n}`, '138 0000 1234', '女', '1990-05-06'));
    const outcomes = await readAll([header, ...rows].join('\n'));
    const customers = outcomes.map((o) => (o.ok ? o.record.customer : null));
    for (const customer of customers) {
      expect(customer).toMatchObject({
        phone: '+8613800001234',
        gender: 'F',
        birthDate: '1990-05-06',
      });
    }
  });

  it('reports a bad phone, gender or birthday on every line that has it', async () => {
    const rows = [
      line('WX1', '12345', '女', '1990-05-06'),
      line('WX2', '12345', '女', '1990-05-06'),
      line('WX3', '13800001234', '其他', '1990-02-30'),
      line('WX4', '13800001234', '其他', '1990-02-30'),
      line('WX5', '13800001234', ' 男 ', '1990-05-06'),
    ];
    const outcomes = await readAll([header, ...rows].join('\n'));
    const codes = outcomes.map((o) => (o.ok ? [] : o.errors.map((e) => `${e.line} ${e.code}`)));
    // Lines 2 and 3 carry the 5-digit phone; lines 4 and 5 a gender that is none of
    // 男/女/F/M and 30 February; line 6 reads (the spaces around 男 are trimmed).
    expect(codes).toEqual([
      ['2 phone.invalid'],
      ['3 phone.invalid'],
      ['4 gender.invalid', '4 date.invalid'],
      ['5 gender.invalid', '5 date.invalid'],
      [],
    ]);
  });
});
