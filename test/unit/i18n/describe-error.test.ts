import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnMapping, RowError } from '../../../core/api/imports';
import { previewFile } from '../../../core/crm/import/index';
import { mergeCustomers } from '../../../core/crm/identity/merge';
import { ruleFields } from '../../../core/crm/tags/fields';
import { saveTag } from '../../../core/crm/tags/store';
import { assertAcyclic } from '../../../core/planning/graph';
import { parseTemplate } from '../../../core/planning/templates';
import type { Handlers } from '../../../core/service/dispatch';
import { dispatch } from '../../../core/service/dispatch';
import { readMappings } from '../../../core/service/imports';
import { ApiCallError } from '../../../renderer/src/api/client';
import {
  describeError,
  describeRowError,
  describeUnusableMapping,
  ruleFieldName,
} from '../../../renderer/src/i18n/errors';
import { describePlanningError } from '../../../renderer/src/screens/planning/text';
import { mergeReason } from '../../../renderer/src/screens/customers/mergeText';
import type { MergeInfo } from '../../../core/api/customers';
import { addCustomer } from '../../support/crm-builders';
import { tempDb } from '../../support/db';
import { repoRoot } from '../../support/paths';
import { translator } from './translator';

/** What the core threw, as the renderer receives it from the host. */
function caught(run: () => unknown): ApiCallError {
  try {
    run();
  } catch (error) {
    const e = error as { code: string; message: string; details?: Record<string, unknown> };
    return new ApiCallError(e.code, e.message, e.details);
  }
  throw new Error('expected a refusal');
}

async function caughtAsync(run: () => Promise<unknown>): Promise<ApiCallError> {
  try {
    await run();
  } catch (error) {
    const e = error as { code: string; message: string; details?: Record<string, unknown> };
    return new ApiCallError(e.code, e.message, e.details);
  }
  throw new Error('expected a refusal');
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-i18n-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A two-column export: 订单号 and 金额, one row. */
function smallExport(): string {
  const file = path.join(dir, 'pos.csv');
  fs.writeFileSync(file, '订单号,金额\nA1,12.50\n');
  return file;
}

function lineMapping(fields: ColumnMapping['fields']): ColumnMapping {
  return { rowKind: 'orderLine', channel: 'pos', fields, currency: 'CNY' };
}

describe('an import refusal names the columns and fields in the person’s language', () => {
  it('names the missing column and the columns the file has', async () => {
    // The mapping sends 明细金额 to a column 会员手机 that the file does not have.
    const file = smallExport();
    const mapping = lineMapping({ orderId: '订单号', lineAmount: '会员手机' });
    const error = await caughtAsync(() =>
      previewFile(file, { source: { kind: 'mapping', mapping } }),
    );

    // zh: '文件中没有列' + quoted '会员手机' + …; the headers joined with '、'.
    expect(describeError(await translator('zh-CN'), error)).toBe(
      '文件中没有列“会员手机”。请检查列映射或选择其他预设；文件中的列为“订单号”、“金额”。',
    );
    expect(describeError(await translator('en'), error)).toBe(
      'The file has no column "会员手机". Check the mapping or choose another preset; ' +
        'the file\'s columns are "订单号", "金额".',
    );
  });

  it('names the fields a mapping still needs by their labels, with "or" for one of two', async () => {
    // An order line needs an order id (mapped) and a unit price or a line amount (neither).
    const mapping = lineMapping({ orderId: '订单号' });
    const error = await caughtAsync(() =>
      previewFile(smallExport(), { source: { kind: 'mapping', mapping } }),
    );

    // orderLine → 订单明细; unitPrice → 单价, lineAmount → 明细金额 (field.* in zh-CN.json).
    expect(describeError(await translator('zh-CN'), error)).toBe(
      '“订单明细”类型的映射还需要为“单价”或“明细金额”指定列。请映射这些字段后再继续。',
    );
  });
});

describe('a planning refusal names the tasks', () => {
  it('spells out a dependency cycle through the task names', async () => {
    // 1 → 2 → 1. The search starts at task 1 and finds 1 again through 2: "1 → 2 → 1".
    const names = new Map([
      [1, '#1 海报设计'],
      [2, '#2 印刷'],
    ]);
    const edges = [
      { predecessorId: 1, successorId: 2 },
      { predecessorId: 2, successorId: 1 },
    ];
    const error = caught(() => assertAcyclic([1, 2], edges, (id) => names.get(id)!));

    expect(describePlanningError(await translator('zh-CN'), error)).toBe(
      '这些依赖形成了循环：#1 海报设计 → #2 印刷 → #1 海报设计。请删除其中一条依赖。',
    );
    expect(describePlanningError(await translator('en'), error)).toBe(
      'These dependencies form a cycle: #1 海报设计 → #2 印刷 → #1 海报设计. Remove one of them.',
    );
  });

  it('says which task of a template sits in a phase the template lacks', async () => {
    // The shipped member-day template with its first task moved to a phase it lacks.
    const file = path.join(repoRoot, 'resources', 'templates', 'member-day.json');
    const template = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      tasks: { key: string; phase: string }[];
    };
    template.tasks[0]!.phase = 'nowhere';
    const error = caught(() => parseTemplate(template, '"member-day"'));

    const first = template.tasks[0]!.key;
    expect(describePlanningError(await translator('zh-CN'), error)).toBe(
      `模板 "member-day" 无法使用：任务“${first}”所属的阶段“nowhere”在模板中不存在。` +
        '请修改后重新保存。',
    );
    expect(describePlanningError(await translator('en'), error)).toBe(
      `The template "member-day" cannot be used: task "${first}" is in phase "nowhere", ` +
        'which the template does not have. Correct it and save it again.',
    );
  });
});

describe('a refusal at the contract boundary says where and what, in words', () => {
  it('names each refused value and our own check’s reason', async () => {
    // newWithinDays 0 is below its minimum 1; active 50 ≥ sleeping 40 fails the refine.
    const result = await dispatch({} as Handlers, 'lifecycle.setSettings', {
      newWithinDays: 0,
      activeWithinDays: 50,
      sleepingWithinDays: 40,
    });
    if (result.ok) throw new Error('expected a refusal');
    const error = new ApiCallError(result.error.code, result.error.message, result.error.details);

    expect(describeError(await translator('zh-CN'), error)).toBe(
      '有些值不能接受：“newWithinDays” 不能小于 1；“活跃”天数必须小于“沉睡”天数。' +
        '请检查输入的内容后重试。',
    );
    expect(describeError(await translator('en'), error)).toBe(
      'Some values were not accepted: "newWithinDays" must be at least 1; ' +
        '"Active within" must be fewer days than "sleeping within". ' +
        'Check what you entered and try again.',
    );
  });
});

describe('why a saved mapping cannot be used, in the person’s language', () => {
  let db: Awaited<ReturnType<typeof tempDb>>;
  beforeEach(async () => {
    db = await tempDb();
  });
  afterEach(async () => {
    await db.cleanup();
  });

  it('names a currency written as a word, and a stored text that is cut short', async () => {
    const insert = db.raw.prepare(
      'INSERT INTO column_mappings (name, mapping_json, updated_at) VALUES (?, ?, ?)',
    );
    insert.run(
      'old-shop',
      JSON.stringify({ ...lineMapping({ orderId: '单号' }), currency: 'yuan' }),
      0,
    );
    insert.run('cut-short', '{"rowKind":"orderL', 0);
    const { unusable } = await readMappings(db);
    const t = await translator('zh-CN');

    // Sorted by name: cut-short, then old-shop.
    expect(unusable.map((m) => describeUnusableMapping(t, m))).toEqual([
      '保存的内容无法读取（可能被截断或被手工改动过）',
      '“yuan”不是币种代码：请写三个字母，如 CNY、USD 或 GBP（RMB 视为 CNY）',
    ]);
    // The English reason stays for the CLI and the log.
    expect(unusable[0]!.problem).toBe('its stored text is not readable JSON');
  });

  it('names a rule’s field as the rule builder shows it, and the comparison in words', async () => {
    // City is text: "greater than" is refused for condition 1 of the rule.
    const rule = {
      type: 'group' as const,
      op: 'and' as const,
      children: [{ type: 'condition' as const, field: 'city', cmp: 'gt' as const, value: '上海' }],
    };
    const at = new Date(Date.UTC(2026, 11, 4));
    const error = await caughtAsync(() =>
      saveTag(db, { nameZh: '城市', nameEn: 'City', kind: 'rule', rule }, at),
    );
    const fields = await ruleFields(db);

    // city → 城市 (the field's labelZh); gt → 大于 (cmp.gt in zh-CN.json); path "1".
    expect(
      describeError(await translator('zh-CN'), error, ruleFieldName(error, fields, 'zh-CN')),
    ).toBe(
      '条件 1：字段“城市”不能用“大于”比较，只能用等于、不等于、属于、为空或不为空。请换一种比较方式。',
    );
  });

  it('says which customer an earlier merge already took', async () => {
    // Customer b merged into a; merging b into c is refused, naming a.
    const a = await addCustomer(db);
    const b = await addCustomer(db);
    const c = await addCustomer(db);
    mergeCustomers(db, a, b, 'same phone', new Date(Date.UTC(2026, 11, 1)));
    const error = caught(() => mergeCustomers(db, c, b, 'again', new Date(Date.UTC(2026, 11, 2))));

    expect(describeError(await translator('zh-CN'), error)).toBe(
      `客户 ${b} 已被合并到客户 ${a}。请改为合并到客户 ${a}，或先撤销之前的合并。`,
    );
  });
});

describe('a refused row whose order belongs to another customer', () => {
  it('names both customers by the key the files show, the key kind in words', async () => {
    // As the commit of a phone-keyed order, then a member's row, refuses it (identity tests).
    const row: RowError = {
      line: 7,
      column: '单号',
      value: 'R9',
      code: 'order_customers_differ',
      reason: 'Order R9 was begun by an earlier row of this file for …',
      details: {
        orderKeyKind: 'phone',
        orderKey: '138****1234',
        rowKeyKind: 'member',
        rowKey: 'M2',
      },
    };
    expect(describeRowError(await translator('zh-CN'), row)).toBe(
      '订单“R9”在本文件前面的行里属于手机号 138****1234 的客户，本行写的却是会员号 M2；' +
        '一笔订单只能属于一位客户。请检查文件中这笔订单各行的客户',
    );
    expect(describeRowError(await translator('en'), row)).toContain(
      'for the customer with Phone 138****1234, but this row names Member id M2',
    );
  });
});

describe('why an import merged two customers, in the person’s language', () => {
  const merge: MergeInfo = {
    id: 1,
    intoCustomerId: 1,
    fromCustomerId: 2,
    reason: 'same person: phone +86 138****1234 (customer 2) and member M1 (customer 1) …',
    details: {
      fromKeyKind: 'phone',
      fromKey: '138****1234',
      intoKeyKind: 'member',
      intoKey: 'M1',
      file: 'crm-members.csv',
      line: 2,
    },
    rule: 'phone',
    mergedAt: '2026-12-05T00:00:00.000Z',
    undoneAt: null,
  };

  it('says the two keys, the file and the line, the key kinds in words', async () => {
    expect(mergeReason(await translator('zh-CN'), merge)).toBe(
      '手机号 138****1234 与 会员号 M1 出现在 crm-members.csv 的同一行（第 2 行）：是同一个人',
    );
    expect(mergeReason(await translator('en'), merge)).toBe(
      'Phone 138****1234 and Member id M1 on one row of crm-members.csv (line 2): the same person',
    );
  });

  it('keeps the words typed for a merge by hand', async () => {
    const byHand = { ...merge, details: null, reason: '同一人，电话确认', rule: 'manual' };
    expect(mergeReason(await translator('en'), byHand)).toBe('同一人，电话确认');
  });
});

describe('a value written in the wrong form, in Chinese', () => {
  it('says the form in words and by example, not by zod’s name for it', async () => {
    // settings.setClock takes an ISO date and time; "yesterday" is refused at the boundary.
    const result = await dispatch({} as Handlers, 'settings.setClock', { now: 'yesterday' });
    if (result.ok) throw new Error('expected a refusal');
    const error = new ApiCallError(result.error.code, result.error.message, result.error.details);
    const zh = describeError(await translator('zh-CN'), error);
    expect(zh).toContain('日期时间，如 2026-12-05T08:00:00Z');
    expect(zh).not.toContain('datetime');
  });
});
