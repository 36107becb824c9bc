import { valueNames } from '../../../core/crm/segments/names';
import { formatCount } from '../count';
import type { CliMessages } from './en';

/*
 * The CLI's words in Chinese (simplified), key for key as en.ts. Options, commands, codes
 * and file names stay as typed; counts are written with digits and the same grouping
 * (1,234), as Chinese business software does.
 */

const count = formatCount;

const statusNames: Record<string, string> = {
  committed: '已导入',
  partial: '部分导入',
  failed: '已拒绝',
  cancelled: '已取消',
  unchanged: '无变化',
  running: '进行中',
  done: '完成',
};

const jobStates: Record<string, string> = {
  running: '进行中',
  done: '完成',
  failed: '失败',
  cancelled: '已取消',
};

const databaseFiles = {
  db: '数据库本身',
  wal: '数据库的预写日志',
  shm: '数据库的共享内存文件',
  journal: '数据库的回滚日志',
};

const orderKinds: Record<string, string> = {
  sale: '销售',
  return: '退货',
  cancellation: '取消',
  writeoff: '核销',
  adjustment: '调整',
};

/** A rejected row's reason by its code, given the cell's value quoted; others keep the core's. */
const rowReasons: Record<string, (value: string) => string> = {
  'number.invalid': (v) => `${v}不是数字`,
  'number.not_integer': (v) => `${v}不是整数`,
  'number.out_of_range': (v) => `${v}超出合理范围`,
  'money.invalid': (v) => `${v}不是有效金额`,
  'money.out_of_range': (v) => `金额${v}超出合理范围`,
  'date.invalid': (v) => `${v}不是有效日期`,
  'date.order_unknown': (v) => `${v}既可读作日在前，也可读作月在前`,
  'date.year_out_of_range': (v) => `${v}的年份不在可接受的范围内`,
  'phone.invalid': (v) => `${v}不是电话号码`,
  'email.invalid': (v) => `${v}不是电子邮箱`,
  'gender.invalid': (v) => `${v}不是性别（男/女、F/M）`,
  'quantity.zero': () => '数量为 0',
  'value.missing': () => '这一项必须填写，但单元格为空',
  'text.too_long': () => '文字太长',
  'row.width': () => '该行的列数与表头不一致',
  'customer.no_key': () => '该行没有会员号、手机号、邮箱或平台客户号，无法对应到客户',
  'store.required': () =>
    '该行没有门店编码，而这个来源的订单号按门店各自编号，无法确定是哪家门店的订单',
};

/** Another sale under an order id and line number already taken, both lines named. */
function lineDiffers(order: string, d: Record<string, string>): string {
  return (
    `订单“${order}”的第 ${d.lineNo} 行已有商品 ${d.keptSku}、数量 ${d.keptQuantity}、金额 ` +
    `${d.keptAmount}，本行却是商品 ${d.rowSku}、数量 ${d.rowQuantity}、金额 ${d.rowAmount}：` +
    '两笔不同的销售用了同一个订单号。按门店编号的小票请用门店收银 POS 预设导入'
  );
}

/** Refunds of a sold line that would come to more than it sold. */
function refundExceeds(order: string, d: Record<string, string>): string {
  return (
    `订单“${order}”的第 ${d.lineNo} 行售出数量 ${d.soldQuantity}、金额 ${d.soldAmount}，` +
    `连同本行，这一行的退款共计数量 ${d.refundedQuantity}、金额 ${d.refundedAmount}，` +
    '超过了售出的数量或金额。请检查这笔退款属于哪张小票、哪一行'
  );
}

/** A second refund of part of a line whose sale is not imported yet. */
function refundBeforeSale(order: string, d: Record<string, string>): string {
  return (
    `订单“${order}”的第 ${d.lineNo} 行已有商品 ${d.keptSku} 的一笔退款（数量 ${d.keptQuantity}、` +
    `金额 ${d.keptAmount}），其销售尚未导入，本行又是另一笔退款（数量 ${d.rowQuantity}、` +
    `金额 ${d.rowAmount}）。请先导入含这笔销售的文件`
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : String(value ?? ''));
const quoted = (values: unknown) =>
  (Array.isArray(values) ? values : [values]).map((v) => `“${text(v)}”`).join('、');

/** Failures of the core the CLI meets most, by code, from their details; others in English. */
const coreSentences: Record<string, (details: Record<string, unknown>) => string> = {
  'files.not_found': (d) => `找不到文件 ${text(d.path)}。`,
  'imports.empty': () => '文件没有表头行，可能是空文件。',
  'imports.column_missing': (d) =>
    `文件中没有列${quoted(d.missing)}；请检查映射或预设（文件中的列：${quoted(d.headers)}）。`,
  'imports.encoding_unknown': (d) => `无法识别文本编码“${text(d.encoding)}”。`,
  'imports.busy': (d) =>
    `${text(d.fileName)} 未导入：另一个导入或重新计算正在写入数据库，请在它结束后重试。`,
  'imports.xlsx_unreadable': () =>
    '该文件无法作为 XLSX 工作簿读取；可在 Excel 中重新保存为 .xlsx，或导出为 CSV 后再试。',
  'db.newer_version': (d) =>
    `${text(d.file)} 由更新版本的控制台写入（含本版本不认识的迁移 ${quoted(d.migrations)}）。` +
    '文件未被改动；请用该版本或更新的版本打开。',
};

export const zhCN: CliMessages = {
  locale: 'zh-CN',

  usage: (dbFile: string) => `用法：npm run cli -- <命令> [选项]

命令：
  import <文件> (--preset <预设> | --mapping <映射名>) [--accept-partial]
                [--encoding <编码>] [--date-order ymd|dmy|mdy]
      将一个 CSV/XLSX 导出文件作为一个批次导入；有被拒绝的行时，
      除非给出 --accept-partial，否则不写入任何数据
  batches                        导入历史（含被拒绝的文件）
  recompute                      按当前时间重新计算指标、RFM 和标签
  tags                           列出标签及其成员数
  export --tag <键|编号> --out <文件> [--format csv|xlsx] [--unmask-phones]
      导出带某标签的客户；除非明确要求，手机号均打码
  explain <客户> [--tag <键|编号>]
      说明客户为何有（或没有）各个标签
  customer <客户>                客户资料、标签及最近订单

  <客户> 为以下之一：
    --customer <编号>     控制台的客户编号（客户表的 编号/ID 列）
    --member <会员号>     文件中的会员号（客户表的“客户标识”列，如 会员号 12347）
    --phone <号码>        完整的电话号码，任意写法（输出时从不完整显示）

所有命令通用的选项：
  --db <文件>   数据库（默认：${dbFile}）；不存在时新建空库
  --json        在标准输出只打印 JSON 结果（经 npm 运行时请用
                npm run --silent cli -- …，以免混入 npm 自己的提示）
  --lang zh-CN|en
                提示语言：任何中文标记（zh、zh-TW、zh_TW.UTF-8…）或英文标记
                （en、en-US…）；默认取自 LC_ALL、LC_MESSAGES 或 LANG，按同样的规则
                识别（未指明中文时用英文）；--json 的输出两种语言相同
  -h, --help    显示本说明

时间按门店所在时区显示，并注明时区及 UTC 偏移（例如
2011-12-09 12:50 Europe/London (UTC+00:00)；不涉及门店时为 Asia/Shanghai）；
--json 中的时间为 UTC 的 ISO 格式。
进度和日志写到标准错误；结果写到标准输出。
退出码：
  0  成功
  1  用法错误：命令行有误（未知的命令或选项，缺少值或值有误，
     不存在的预设、格式、日期顺序或编码）
  2  输入被拒绝：文件无法读取或写入（--db 是文件夹或不是控制台数据库，
     --out 指向数据库本身），有被拒绝的行，已保存的映射不再适用于数据
  3  其他预期内的失败：找不到标签、客户或已保存的映射，已取消，
     数据库来自更新的版本
  4  程序缺陷（见标准错误中的日志）`,

  error: (code: string, message: string) => `错误 [${code}]：${message}`,
  seeHelp: '用 --help 查看用法。',
  bug: '程序缺陷：',

  langUnknown: (given: string) =>
    `--lang 只能是中文（zh、zh-CN、zh-TW、zh_TW.UTF-8 等以 zh 开头的标记）` +
    `或英文（en、en-US 等以 en 开头的标记），而不是“${given}”。`,
  unknownOption: (option: string) => `未知选项“${option}”。`,
  optionNeedsValue: (option: string) => `选项 ${option} 需要一个值。`,
  optionTakesNoValue: (option: string) => `选项 ${option} 不接受值。`,
  unknownCommand: (command: string, names: string[], near: string | null) =>
    `未知命令“${command}”。可用命令：${names.join('、')}。` +
    (near ? `您是不是想用 ${near}？` : ''),
  optionNotTaken: (command: string, option: string, takes: string[]) =>
    `${command} 不接受 --${option}（它的选项：${takes.length ? takes.join('、') : '无'}）。`,
  noWordsAfter: (command: string, given: string[]) =>
    `${command} 后面不接文件或其他词（给出的是：${given.join(' ')}）。`,
  importOneFile: 'import 需要且只需要一个文件。',
  importOneSource: 'import 需要 --preset <预设> 或 --mapping <映射名> 中的一个，且只能一个。',
  dateOrderUnknown: (orders: readonly string[]) =>
    `--date-order 必须是 ${orders.join('、')} 之一（例如 --date-order dmy）。`,
  withEncodingHint: (message: string) =>
    `${message}请尝试 --encoding utf-8、gb18030、gbk 或 windows-1252。`,
  presetUnknown: (id: string, known: string[]) =>
    `没有名为“${id}”的预设。可用预设：${known.join('、')}。`,
  mappingUnusable: (name: string, problem: string) =>
    `已保存的映射“${name}”已无法使用：${problem}。请在控制台的导入向导中重新对应各列，` +
    `并以同一名称保存。`,
  mappingUnknown: (name: string, known: string[]) =>
    `没有名为“${name}”的已保存映射（已保存的：${known.length ? known.join('、') : '暂无'}）。`,
  exportNeeds: 'export 需要 --tag <键|编号> 和 --out <文件>。',
  formatUnknown: '--format 只能是 csv 或 xlsx。',
  tagUnknown: (keyOrId: string) => `没有标签“${keyOrId}”；查看标签：npm run cli -- tags`,
  cancelled: (label: string) => `${label} 已取消。`,
  failed: (label: string) => `${label} 失败。`,

  dbNotADatabase: (file: string) =>
    `--db ${file} 不是控制台数据库（SQLite 报告“file is not a database”）；该文件未被改动。` +
    '请给 --db 指定控制台数据库，或指定一个新文件名以新建空库。',
  dbFolderPathIsFile: (file: string) => `--db ${file}：其文件夹路径中有一部分是文件而不是文件夹。`,
  dbCannotOpen: (file: string, code: string | undefined) =>
    `无法打开 --db ${file}（系统返回 ${code}）。`,
  dbIsFolder: (file: string, example: string) =>
    `--db ${file} 是文件夹，不是数据库文件。请给 --db 指定一个文件，例如 ${example}。`,
  dbCannotRead: (file: string, code: string | undefined) =>
    `无法读取 --db ${file}（系统返回 ${code}）。`,
  dbCannotWrite: (file: string, code: string) =>
    `无法以写入方式打开 --db ${file}（SQLite 返回 ${code}）。` +
    '请检查路径，或给 --db 指定一个您有写入权限的文件夹中的文件。',
  cannotWrite: (file: string, problem: string) => `无法写入 ${file}：${problem}`,
  outNoFolder: (folder: string) =>
    `文件夹 ${folder} 不存在。请先创建它，或给 --out 指定一个已存在文件夹中的文件。`,
  outNotFolder: (folder: string) =>
    `${folder} 不是文件夹。请给 --out 指定一个已存在文件夹中的文件。`,
  outIsFolder: (example: string) => `这是一个文件夹。请给 --out 指定文件名，例如 ${example}。`,
  outForbidden: '当前账户无权写入该位置。请选择一个您有写入权限的文件夹。',
  outOther: (code: string | undefined) => `系统返回 ${code ?? '无'}。请检查路径或换一个文件夹。`,
  outIsDatabase: (out, what, db, example) =>
    `--out ${out} 是${databaseFiles[what]}（--db ${db}）；写入会毁掉它。` +
    `请给 --out 指定其他文件，例如 ${example}。`,

  coreMessage: (e) => coreSentences[e.code]?.(e.details ?? {}) ?? e.message,
  mergedCustomer: (e) =>
    `客户 ${e.id} 已合并到客户 ${e.survivor}：请改用 --customer ${e.survivor}。`,

  whoNeeded: (command: string, given: string[]) =>
    `${command} 需要 --customer <编号>、--member <会员号> 或 --phone <号码> 中的一个，` +
    `且只能一个` +
    (given.length > 1 ? `（给出的是：${given.join('、')}）。` : '。'),
  customerNumberWrong: (value: string) =>
    `--customer 必须是正整数（控制台的客户编号），而不是“${value}”。` +
    `若要按文件中的会员号查找，请用 --member ${value}。`,
  memberNeeded: '--member 需要一个会员号，例如 --member 12347。',
  phoneNeeded:
    '--phone 需要完整的手机号，例如 --phone 13800001234 或 --phone +44 20 7946 0000' +
    '（打码的号码如 138****1234 无法确定是哪位客户）。',
  byMember: (shown: string) => `会员号 ${shown}`,
  byPhone: (shown: string) => `手机号 ${shown}`,
  foundAs: (label: string, id: number) => `${label}：客户 ${id}`,
  noneHas: (label: string) => `找不到${label} 对应的客户（按导入文件中的写法）。`,
  noSuchCustomer: (id: number) =>
    `不存在客户 ${id}（控制台的客户编号，即客户表的 编号/ID 列）。` +
    `若要按文件中的会员号查找，请用 --member ${id}。`,

  importRefused: (file: string, rejected: number) =>
    `${file}：已拒绝，未写入任何数据（${count(rejected)} 行被拒绝；` +
    `请修正这些行，或加上 --accept-partial 重新运行以导入其余的行）`,
  fileHolds: (total: number, good: number, rejected: number) =>
    `  文件共 ${count(total)} 行：可读 ${count(good)} 行，被拒绝 ${count(rejected)} 行`,
  keptAsRefused: (batch: number) => `  已作为被拒绝的批次 ${batch} 记入导入历史`,
  importStatus: (file: string, status: string, batch: number | null) =>
    `${file}：${status}` + (batch !== null ? `（批次 ${batch}）` : ''),
  importRows: (total: number, imported: number, duplicate: number, rejected: number) =>
    `  共 ${count(total)} 行：导入 ${count(imported)}，` +
    `已导入过或重复 ${count(duplicate)}，被拒绝 ${count(rejected)}`,
  importOrders: (o) =>
    `  订单：销售 ${count(o.sales)} 笔，退货 ${count(o.returns)} 笔，` +
    `取消 ${count(o.cancellations)} 笔，核销 ${count(o.writeoffs)} 笔，` +
    `调整 ${count(o.adjustments)} 笔；匿名 ${count(o.anonymous)} 笔`,
  importCustomers: (created: number, matched: number) =>
    `  客户：新增 ${count(created)}，匹配到已有 ${count(matched)}`,
  storeZone: (store: string, from: string, to: string) =>
    `  门店 ${store}：时区由 ${from} 更正为 ${to}（已保存）`,
  encodingAndDates: (encoding: string, dates: string) => `  编码 ${encoding}，日期${dates}`,
  rejectedRow: (line: number, column: string | null, reason: string, code: string, hint: string) =>
    `  第 ${line} 行${column ? `，${column}` : ''}：${reason}${hint} [${code}]`,
  rowReason: (r) => {
    if (r.code === 'line_differs' && r.details) return lineDiffers(r.value ?? '', r.details);
    if (r.code === 'refund_exceeds' && r.details) return refundExceeds(r.value ?? '', r.details);
    if (r.code === 'refund_before_sale' && r.details) {
      return refundBeforeSale(r.value ?? '', r.details);
    }
    const sentence = rowReasons[r.code];
    return sentence ? sentence(`“${r.value ?? ''}”`) : r.reason;
  },
  moreRejected: (n: number) => `  … 另有 ${count(n)} 行被拒绝`,
  dateOrderName: { ymd: '年-月-日', dmy: '日-月-年', mdy: '月-日-年' },
  dateOrderRead: (name: string, order: string, given: boolean) =>
    `按 ${name} 读取（${order}，${given ? '由 --date-order 指定' : '从文件中识别'}）`,
  dateOrderUndecided:
    '无法确定：有些日期既可读作日在前也可读作月在前；' +
    '请加上 --date-order dmy 或 --date-order mdy 重新运行',
  dateOrderNotNeeded: '无需确定日/月顺序（没有可两种读法的日期，或文件中没有日期）',

  importJob: (file: string) => `导入 ${file}`,
  recomputeJob: '重新计算',
  rows: '行',
  steps: '步',
  progress: (p) =>
    `${p.label}：${count(p.processed)}${p.total !== null ? ` / ${count(p.total)}` : ''} ${p.unit}`,
  percent: (percent: number) => `（${percent}%）`,
  rate: (rate: number, unit: string) => `每秒 ${count(rate)} ${unit}`,
  jobEnded: (label: string, state: string, processed: number, unit: string, rate: string) =>
    `${label}：${state}，共 ${count(processed)} ${unit}，${rate}`,
  jobState: (state: string) => jobStates[state] ?? state,
  cancelling: '正在取消…',

  customerHead: (c) =>
    `客户 ${c.id}${c.name ? ` ${c.name}` : ''}：${c.lifecycle}，${count(c.orders)} 笔订单，` +
    `累计消费 ${c.spend}` +
    (c.phone ? `，手机 ${c.phone}` : ''),
  customerDates: (first: string, last: string, store: string | null) =>
    `  首单 ${first}，末单 ${last}` + (store ? `；门店 ${store}` : ''),
  noTime: '无',
  customerTag: (t) => `  标签 ${t.key}（${t.nameZh}），自 ${t.since} 起`,
  newestOrders: (n: number) => `  最近 ${count(n)} 笔订单：`,
  orderHeaders: ['订单', '门店', '类型', '下单时间', '金额', '行数'],
  lifecycle: (code: string) => valueNames.lifecycle[code]?.zh ?? code,
  orderKind: (kind: string) => orderKinds[kind] ?? kind,

  noTags: (id: number) => `客户 ${id} 没有标签`,
  mergedInto: (id: number, survivor: number) =>
    `客户 ${id} 已合并到客户 ${survivor}（时间按其时区）；` +
    `其本人的标签：npm run cli -- explain --customer ${survivor}`,
  explainHead: (e) =>
    `${e.nameZh} / ${e.nameEn} [${e.kind}]：${e.has ? '有此标签' : '没有此标签'}` +
    (e.since ? `，自 ${e.since} 起` : '') +
    `；规则版本 ${e.version}，截至 ${e.asOf}`,
  reasons: {
    'tags.reason.manual': '于 {at} 手动添加，原因：{reason}。',
    'tags.reason.manual_absent': '客户没有这个手动标签。',
    'tags.reason.rfm': 'RFM 评分 R{r} F{f} M{m}，因此归入这一分群（{segment}）。',
    'tags.reason.lifecycle': '生命周期阶段 {stage}：最近一单在 {recencyDays}，共 {orders}。',
  },
  noOrderYet: '（尚无订单）',
  daysAgo: (days: number) => `${count(days)} 天前`,
  orderCount: (n: number) => `${count(n)} 笔订单`,
  rfmSegment: (code: string) => valueNames.rfmSegment[code]?.zh ?? code,
  condition: (c) => `${c.mark} ${c.label} (${c.field}) ${c.cmp} ${c.rule}：客户的值`,
  noValue: '无',
  between: ' 至 ',
  notComparedWithYuan: (currency: string) => `（以 ${currency} 计：不与人民币比较）`,
  label: (f) => f.labelZh,

  recomputed: (r) =>
    `已重新计算 ${count(r.customers)} 位客户和 ${count(r.tags)} 个标签，截至 ${r.asOf}：` +
    `成员 +${r.added} / -${r.removed}，用时 ${r.ms} 毫秒`,
  tagHeaders: ['编号', '键', '名称', '英文名', '类型', '成员数'],
  exported: (rows: number, tag: string, file: string) =>
    `已将带标签 ${tag} 的 ${count(rows)} 位客户写入 ${file}`,
  noImports: '还没有导入记录',
  batchHeaders: ['批次', '状态', '文件', '开始时间', '行数', '导入', '已有', '被拒绝'],
  status: (status: string) => statusNames[status] ?? status,
};
