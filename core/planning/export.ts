import ExcelJS from 'exceljs';
import type { PlanFile, ProjectView } from '../api/planning';

type Cell = string | number | null;

const columns: { zh: string; en: string; value: (view: ProjectView, i: number) => Cell }[] = [
  { zh: '序号', en: '#', value: (v, i) => v.tasks[i]!.seq },
  { zh: '阶段', en: 'Phase', value: (v, i) => phaseName(v, i) },
  { zh: '任务', en: 'Task', value: (v, i) => v.tasks[i]!.name },
  { zh: '部门', en: 'Department', value: (v, i) => v.tasks[i]!.department },
  { zh: '负责人', en: 'Owner', value: (v, i) => v.tasks[i]!.owner },
  { zh: '开始', en: 'Start', value: (v, i) => v.tasks[i]!.start },
  { zh: '结束', en: 'Finish', value: (v, i) => v.tasks[i]!.finish },
  { zh: '工期(工作日)', en: 'Working days', value: (v, i) => v.tasks[i]!.duration },
  { zh: '前置任务', en: 'Predecessors', value: (v, i) => v.tasks[i]!.predecessors },
  { zh: '状态', en: 'Status', value: (v, i) => v.tasks[i]!.status },
  { zh: '进度%', en: 'Progress %', value: (v, i) => v.tasks[i]!.progress },
  { zh: '浮动(工作日)', en: 'Slack', value: (v, i) => v.tasks[i]!.slack },
  { zh: '关键路径', en: 'Critical', value: (v, i) => (v.tasks[i]!.critical ? 'Y' : '') },
  { zh: '冻结原因', en: 'Frozen because', value: (v, i) => v.tasks[i]!.frozenReason },
];

/**
 * The plan as a file for Excel: one row per task with its dates, predecessors,
 * status, slack, critical flag and freeze reason. CSV is UTF-8 with a BOM so that
 * Excel reads Chinese names; a cell starting with = + - @ cannot become a formula.
 */
export async function exportPlan(
  view: ProjectView,
  format: 'csv' | 'xlsx',
  lang: 'zh' | 'en',
): Promise<PlanFile> {
  const header = columns.map((c) => c[lang]);
  const rows = view.tasks.map((_, i) => columns.map((c) => c.value(view, i)));
  const content = format === 'csv' ? toCsv(header, rows) : await toXlsx(header, rows);
  const slug = view.project.name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60);
  return {
    fileName: `plan-${view.project.id}-${slug}.${format}`,
    mime:
      format === 'csv'
        ? 'text/csv;charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    rows: rows.length,
  };
}

function phaseName(view: ProjectView, i: number): Cell {
  const id = view.tasks[i]!.phaseId;
  return view.phases.find((p) => p.id === id)?.name ?? null;
}

function field(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(header: string[], rows: Cell[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

async function toXlsx(header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('plan');
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
