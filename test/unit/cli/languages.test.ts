import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../core/service';
import { environmentLocale, localeOf } from '../../../hosts/cli/i18n';
import { cli } from './run-cli';

/*
 * The CLI speaks Chinese first: --lang zh-CN|en, else the environment's locale. By hand,
 * for the file below (two receipts, members M1 and M2, one line of 30.00 each, dates
 * written year first): one batch, 2 rows imported, 2 sales, 2 new customers.
 */
let dir = '';
let pos = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-lang-'));
  pos = path.join(dir, 'pos.csv');
  const line = (receipt: string, day: string, member: string) =>
    `S01,静安店,上海,${receipt},1,2026-11-${day} 11:00:00,,${member},,SKU-1,拿铁,咖啡,1,` +
    '30.00,0,30.00\n';
  fs.writeFileSync(
    pos,
    'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
      'sku,product_name,category,qty,unit_price,discount,line_total\n' +
      line('R1', '02', 'M1') +
      line('R2', '03', 'M2'),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const db = (name: string) => path.join(dir, `${name}.db`);

describe('the language the CLI chooses', () => {
  it('follows the first of LC_ALL, LC_MESSAGES and LANG that is set', () => {
    expect(environmentLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(environmentLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_MESSAGES: 'zh_TW', LANG: 'C.UTF-8' })).toBe('zh-CN');
    // An empty variable counts as not set, as POSIX says.
    expect(environmentLocale({ LC_ALL: '', LANG: 'zh_CN.GB18030' })).toBe('zh-CN');
  });

  it('speaks English when the environment names no Chinese or nothing', () => {
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    // "zhx" is no Chinese locale, only a word that starts like one.
    expect(environmentLocale({ LANG: 'zhx' })).toBe('en');
    expect(environmentLocale({})).toBe('en');
  });

  it('reads --lang as typed with either case or an underscore', () => {
    expect(localeOf('zh-CN')).toBe('zh-CN');
    expect(localeOf('zh_cn')).toBe('zh-CN');
    expect(localeOf('EN')).toBe('en');
    expect(localeOf('fr')).toBeUndefined();
  });
});

describe('help in both languages', () => {
  it('says the usage, the <who> options and the exit codes in Chinese', async () => {
    const run = await cli('--help', '--lang', 'zh-CN');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^用法：npm run cli -- <命令> \[选项\]/);
    expect(run.stdout).toContain('--member <会员号>');
    expect(run.stdout).toMatch(/退出码：\n {2}0 {2}成功\n {2}1 {2}用法错误/);
  });

  it('says them in English with --lang en, whatever the environment says', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    const run = await cli('--help', '--lang=en');
    expect(run.stdout).toMatch(/^Usage: npm run cli -- <command> \[options\]/);
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}ok/);
  });

  it('says them in Chinese when the environment asks for it and --lang is not given', async () => {
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    expect((await cli('--help')).stdout).toMatch(/^用法：/);
  });
});

describe('errors in both languages', () => {
  it('says a wrong command in Chinese, with the same code and exit code', async () => {
    const zh = await cli('custmer', '--lang', 'zh-CN', '--db', db('errors'));
    const en = await cli('custmer', '--lang', 'en', '--db', db('errors'));
    expect([zh.code, en.code]).toEqual([1, 1]);
    expect(zh.stderr).toBe(
      '错误 [usage]：未知命令“custmer”。可用命令：import、batches、recompute、tags、export、' +
        'explain、customer。您是不是想用 customer？\n用 --help 查看用法。',
    );
    expect(en.stderr).toBe(
      'error [usage]: Unknown command "custmer". Commands: import, batches, recompute, tags, ' +
        'export, explain, customer. Did you mean customer?\nRun with --help for usage.',
    );
  });

  it('refuses a --lang it does not speak, in the environment’s language (exit 1)', async () => {
    vi.stubEnv('LC_ALL', 'zh_CN.UTF-8');
    const run = await cli('tags', '--lang', 'fr', '--db', db('errors'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '错误 [usage]：--lang 只能是中文（zh、zh-CN、zh-TW、zh_TW.UTF-8 等以 zh 开头的标记）' +
        '或英文（en、en-US 等以 en 开头的标记），而不是“fr”。',
    );
    expect(fs.existsSync(db('errors'))).toBe(false);
  });

  it('says a customer no one is in Chinese, the phone still masked', async () => {
    const run = await cli('customer', '--phone', '13900001111', '--lang', 'zh-CN', '--db', db('e'));
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      '错误 [customers.not_found]：找不到手机号 139****1111 对应的客户（按导入文件中的写法）。',
    );
  });
});

describe("an import's summary in both languages", () => {
  it('says the same counts in Chinese and in English', async () => {
    const zh = await cli(
      'import',
      pos,
      '--preset',
      'pos-standard',
      '--lang',
      'zh-CN',
      '--db',
      db('zh'),
    );
    const en = await cli(
      'import',
      pos,
      '--preset',
      'pos-standard',
      '--lang',
      'en',
      '--db',
      db('en'),
    );
    expect([zh.code, en.code]).toEqual([0, 0]);
    expect(zh.stdout.split('\n')).toEqual([
      'pos.csv：已导入（批次 1）',
      '  编码 utf-8，日期按 年-月-日 读取（ymd，从文件中识别）',
      '  共 2 行：导入 2，已导入过或重复 0，被拒绝 0',
      '  订单：销售 2 笔，退货 0 笔，取消 0 笔，核销 0 笔，调整 0 笔；匿名 0 笔',
      '  客户：新增 2，匹配到已有 0',
    ]);
    expect(en.stdout.split('\n')).toEqual([
      'pos.csv: committed (batch 1)',
      '  encoding utf-8, dates read year-month-day (ymd, detected from the file)',
      '  rows 2: imported 2, already imported or repeated 0, rejected 0',
      '  orders: 2 sales, 0 returns, 0 cancellations, 0 write-offs, 0 adjustments; 0 anonymous',
      '  customers: 2 new, 0 matched',
    ]);
  });

  it('says the progress of the import on stderr in Chinese', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    await cli('import', pos, '--preset', 'pos-standard', '--lang', 'zh-CN', '--db', db('again'));
    expect(written.join('')).toMatch(/^导入 pos\.csv：完成，共 2 行，每秒 [\d,]+ 行\n$/);
  });

  it('keeps --json the same in both languages', async () => {
    const zh = await cli('batches', '--json', '--lang', 'zh-CN', '--db', db('zh'));
    const en = await cli('batches', '--json', '--lang', 'en', '--db', db('zh'));
    expect(zh.stdout).toBe(en.stdout);
    expect(JSON.parse(zh.stdout)[0].status).toBe('committed');
  });

  it('lists the import history with Chinese headers and statuses', async () => {
    const run = await cli('batches', '--lang', 'zh-CN', '--db', db('zh'));
    const [head, first] = run.stdout.split('\n');
    expect(head!.split(/ {2,}/)).toEqual([
      '批次',
      '状态',
      '文件',
      '开始时间',
      '行数',
      '导入',
      '已有',
      '被拒绝',
    ]);
    expect(first!.split(/ {2,}/).slice(0, 3)).toEqual(['1', '已导入', 'pos.csv']);
  });
});

describe('a customer and their tags in Chinese', () => {
  it('shows the customer page with Chinese words, money in yuan as Chinese writes it', async () => {
    const run = await cli('customer', '--member', 'M1', '--lang', 'zh-CN', '--db', db('zh'));
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^会员号 M1：客户 \d+$/);
    // One receipt of 30.00: one order, spend ¥30.00 (zh-CN writes CNY as ¥, en as CN¥).
    expect(lines[1]).toMatch(/^客户 \d+：\S+，1 笔订单，累计消费 ¥30\.00$/);
    expect(lines[2]).toMatch(/^ {2}首单 2026-11-02 11:00 Asia\/Shanghai \(UTC\+08:00\)，末单 /);
    expect(lines).toContain('  最近 1 笔订单：');
    expect(run.stdout).toMatch(/销售 +2026-11-02 11:00 Asia\/Shanghai \(UTC\+08:00\) +¥30\.00 +1/);
  });

  it('explains a rule tag condition by condition in Chinese', async () => {
    const args = ['explain', '--member', 'M1', '--tag', 'gold', '--db', db('zh')];
    const zh = await cli(...args, '--lang', 'zh-CN');
    const en = await cli(...args, '--lang', 'en');
    // The gold rule asks an average order of at least 80.00 yuan; M1's one order is 30.00.
    expect(zh.stdout).toContain('金卡客户 / Gold customer [rule]：没有此标签；规则版本 1，截至 ');
    expect(zh.stdout).toContain('✗ 客单价 (aov) gte ¥80.00：客户的值 ¥30.00');
    expect(en.stdout).toContain(
      "✗ Average order value (aov) gte CN¥80.00: customer's value CN¥30.00",
    );
  });

  it('says a --db that is a folder in Chinese (exit 2)', async () => {
    const run = await cli('tags', '--lang', 'zh-CN', '--db', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `错误 [db.is_folder]：--db ${dir} 是文件夹，不是数据库文件。请给 --db 指定一个文件，` +
        `例如 ${path.join(dir, 'console.db')}。`,
    );
  });
});

describe('a refused file in Chinese', () => {
  it('says each rejected row by its line, column and a Chinese reason, codes kept', async () => {
    // By hand: line 1 is the header, so the second receipt is line 3; its unit price "abc"
    // is no amount. One of two rows rejected: the file is refused and nothing is written.
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(pos, 'utf8')
        .replace(
          'R2,1,2026-11-03 11:00:00,,M2,,SKU-1,拿铁,咖啡,1,30.00',
          'R2,1,2026-11-03 11:00:00,,M2,,SKU-1,拿铁,咖啡,1,abc',
        ),
    );
    const run = await cli(
      'import',
      file,
      '--preset',
      'pos-standard',
      '--lang',
      'zh-CN',
      '--db',
      db('bad'),
    );
    expect(run.code).toBe(2);
    expect(run.stdout.split('\n')).toEqual([
      'bad.csv：已拒绝，未写入任何数据（1 行被拒绝；请修正这些行，或加上 --accept-partial ' +
        '重新运行以导入其余的行）',
      '  编码 utf-8，日期按 年-月-日 读取（ymd，从文件中识别）',
      '  文件共 2 行：可读 1 行，被拒绝 1 行',
      '  已作为被拒绝的批次 1 记入导入历史',
      '  第 3 行，unit_price：“abc”不是有效金额 [money.invalid]',
    ]);
  });
});

describe("the core's failures in Chinese", () => {
  it('says a file that is not there, and one without the preset’s columns', async () => {
    const missing = path.join(dir, 'none.csv');
    const args = ['--preset', 'pos-standard', '--lang', 'zh-CN', '--db', db('core')];
    const gone = await cli('import', missing, ...args);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(`错误 [files.not_found]：找不到文件 ${missing}。`);

    // A file with two columns a and b has none of the preset's sixteen.
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, 'a,b\n1,2\n');
    const run = await cli('import', other, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^错误 \[imports\.column_missing\]：文件中没有列“store_code”、/);
    expect(run.stderr).toContain('；请检查映射或预设（文件中的列：“a”、“b”）。');
  });

  it('names the customer a merged-away one is part of now', async () => {
    const raw = new SQLite(db('zh'), { readonly: true });
    const member = raw.prepare(
      "SELECT customer_id FROM customer_identities WHERE kind = 'member' AND value = ?",
    );
    const [into, from] = ['M1', 'M2'].map((m) => member.pluck().get(m) as number);
    raw.close();
    const app = await openApp({ file: db('zh'), host: 'cli', version: 'test' });
    await app.handlers['customers.merge']({ intoId: into!, fromId: from!, reason: 'same' });
    await app.close();

    const run = await cli(
      'customer',
      '--customer',
      String(from),
      '--lang',
      'zh-CN',
      '--db',
      db('zh'),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      `错误 [customers.not_found]：客户 ${from} 已合并到客户 ${into}：请改用 --customer ${into}。`,
    );
  });
});
