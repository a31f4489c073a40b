// One project as an Excel workbook laid out like the approved 项目绩效目标表, and the reader that
// turns such a workbook — or the blank template staff fill in — back into a project file.
import ExcelJS from 'exceljs';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from '../../schema/framework.ts';
import { projectSchema, type ProjectInput } from '../../schema/project.ts';
import { deflateZip } from './zip.ts';
import { MAX_DECIMALS, MONEY_UNITS, readAmount, type MoneyUnit } from '../reading/money.ts';
import { A4_LANDSCAPE, BORDER, LABEL_FILL, displayWidth } from './xlsx-layout.ts';

export const FORM_SHEET = '项目绩效目标表';
export const NOTES_SHEET = '说明';

export interface CellProblem {
  /** `B7` on the form sheet, `说明!B2` on the notes sheet, '' for the whole file. */
  cell: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Layout. Seven columns, like the approved table (绩效指标描述 spans D:E there too):
//   1  title                                        A1:G1
//   2  单位编码+单位名称 A2:F2                        | 单位：元 G2
//   3  项目编码 | code B3:C3 | 项目名称 | name E3:G3
//   4  预算规模及资金用途 A4:A5 | 预算数 | total | 其中：财政资金 | fiscal | 其他资金 | other
//   5                          | 资金用途 B5:G5
//   6… 资金支出计划（%） A6:A… | month headers B…G, the row below: cumulative percents
//      (six checkpoints per pair of rows)
//   …  绩效目标 (merged down) | one goal per row B:G
//   …  一级指标 | 二级指标 | 三级指标 | 绩效指标描述 D:E | 指标值 | 指标值确定依据
//   …  one indicator per row; 一级 and 二级 merged down over equal neighbours
// Sheet 说明: label | value rows (年度, 预算阶段, 原文标题, 上年项目编码, 来源文件, 来源起止行), then instructions.

const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
const WIDTHS = [14, 14, 18, 18, 12, 16, 18];
const PLAN_SLOTS = COLUMNS.slice(1);
const MONEY_FORMAT: Record<MoneyUnit, string> = { 元: '#,##0.00', 万元: '#,##0.00####' };
const NOTE_LABELS = ['年度', '预算阶段', '原文标题', '上年项目编码', '来源文件', '来源起止行'] as const;
type NoteLabel = (typeof NOTE_LABELS)[number];

const LABEL = {
  code: '项目编码',
  name: '项目名称',
  budget: '预算规模及资金用途',
  total: '预算数',
  fiscal: '其中：财政资金',
  other: '其他资金',
  plan: '资金支出计划（%）',
  goals: '绩效目标',
} as const;
const INDICATOR_HEADER = { A: '一级指标', B: '二级指标', C: '三级指标', D: '绩效指标描述', F: '指标值', G: '指标值确定依据' } as const;

/** What the form shows, independent of where it came from (a project file or the template). */
interface Form {
  title: string;
  unit: string;
  moneyUnit: MoneyUnit;
  code: string;
  name: string;
  total: unknown;
  fiscal: unknown;
  other: unknown;
  purpose: string;
  plan: { month: unknown; percent: unknown }[];
  goals: string[];
  indicators: { A: string; B: string; C: string; D: string; F: string; G: string }[];
  notes: Record<NoteLabel, string | number>;
  instructions: string[];
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function formOf(p: ProjectInput): Form {
  const moneyUnit: MoneyUnit = MONEY_UNITS.includes(p.金额单位 as MoneyUnit) ? (p.金额单位 as MoneyUnit) : '元';
  return {
    title: p.原文标题 ?? `${p.项目名称}绩效目标表`,
    unit: `${p.单位编码}${p.单位名称}`,
    moneyUnit,
    code: text(p.项目编码),
    name: p.项目名称,
    total: p.预算数,
    fiscal: p.财政资金,
    other: p.其他资金,
    purpose: text(p.资金用途),
    plan: (p.资金支出计划 ?? []).map((c) => ({ month: c.月份, percent: c.累计比例 })),
    goals: p.绩效目标 ?? [],
    indicators: p.绩效指标.map((i) => ({ A: text(i.一级指标), B: text(i.二级指标), C: i.三级指标, D: text(i.绩效指标描述), F: text(i.指标值), G: text(i.指标值确定依据) })),
    notes: {
      年度: p.年度,
      预算阶段: text(p.预算阶段),
      原文标题: text(p.原文标题),
      上年项目编码: text(p.上年项目编码),
      来源文件: text(p.来源?.文件),
      来源起止行: p.来源 ? `${p.来源.起止行[0]}-${p.来源.起止行[1]}` : '',
    },
    instructions: ['本表按批复的项目绩效目标表排版。修改后可用 npm run import -- <本文件>.xlsx 导入网站内容；年度、来源等不在表中显示的信息见本页。'],
  };
}

/** The approved table of one project, as an Excel workbook; the same `date` gives the same bytes. */
export async function projectWorkbook(p: ProjectInput, { date }: { date: Date }): Promise<Uint8Array> {
  return formWorkbook(formOf(p), date);
}

export const TEMPLATE_INSTRUCTIONS = [
  '填写说明（项目绩效目标表模板）',
  '1. 在“项目绩效目标表”工作表中照批复的表格填写。灰底粗体的格子是表格的栏目名称，不要改动，也不要在表格以外的地方写字。',
  '2. 第 2 行左边填“单位编码+单位名称”，例如：483001玉田县林南仓镇人民政府本级；右边写“单位：元”或“单位：万元”。',
  '3. 项目编码为 21 位，例如 13022923P00JXC415564L。金额直接填数字，例如 219800 或 219,800.00；没有其他资金时留空。',
  '4. 资金支出计划：上一行是时点（如“3月底”），下一行填截至该月底的累计支出比例，例如 25%；未列计划的时点留空，不要填 0。',
  '5. 绩效目标每行写一条；不够时在“一级指标”这一行上方插入行。',
  '6. 绩效指标每行一条：模板已列出全部一级、二级指标，在需要的行填写三级指标、绩效指标描述、指标值和指标值确定依据；用不到的行留空即可，不会导入。同一个二级指标下有多条指标时，在其下方插入行，一级、二级指标可留空，表示与上一行相同。',
  '7. 在本页填写年度（四位数字，例如 2023）；预算阶段不填时为“年初预算”；原文标题、来源文件、来源起止行（例如 46-183）可不填；项目编码与上一年度不同时，在“上年项目编码”填上一年度这个项目的编码，网站据此比较两年。',
  '8. 填好后运行 npm run import -- <文件名>.xlsx 导入；有问题时会指出是哪个单元格（例如 B3），改好后再导入即可。',
];

/** The blank form for a new project: every 二级指标 of the framework, empty cells to fill in. */
export async function templateWorkbook({ date, framework = DEFAULT_FRAMEWORK }: { date: Date; framework?: IndicatorFramework }): Promise<Uint8Array> {
  return formWorkbook(
    {
      title: '项目绩效目标表',
      unit: '',
      moneyUnit: '元',
      code: '',
      name: '',
      total: undefined,
      fiscal: undefined,
      other: undefined,
      purpose: '',
      plan: [3, 6, 10, 12].map((month) => ({ month, percent: null })),
      goals: ['', '', ''],
      indicators: framework.flatMap((f) => f.level2.map((level2) => ({ A: f.level1, B: level2, C: '', D: '', F: '', G: '' }))),
      notes: { 年度: '', 预算阶段: '年初预算', 原文标题: '', 上年项目编码: '', 来源文件: '', 来源起止行: '' },
      instructions: TEMPLATE_INSTRUCTIONS,
    },
    date,
  );
}

async function formWorkbook(form: Form, date: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gongkai';
  workbook.lastModifiedBy = 'gongkai';
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet(FORM_SHEET, {
    views: [{ showGridLines: false }],
    // Landscape for the seven columns.
    pageSetup: A4_LANDSCAPE,
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  // Row heights: Excel does not grow rows for wrapped text in merged cells, so estimate them.
  const lines = new Map<number, number>();
  const put = (address: string, value: ExcelJS.CellValue, span = 1, kind: 'label' | 'value' = 'value') => {
    const cell = sheet.getCell(address);
    cell.value = value === '' ? null : value;
    if (kind === 'label') {
      cell.font = { bold: true };
      cell.fill = LABEL_FILL;
    }
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: kind === 'label' ? 'center' : 'left' };
    const width = WIDTHS.slice(COLUMNS.indexOf(address[0] as never), COLUMNS.indexOf(address[0] as never) + span).reduce((a, b) => a + b, 0);
    const needed = Math.ceil(displayWidth(text(value)) / Math.max(1, width - 1)) || 1;
    const row = Number(address.slice(1));
    lines.set(row, Math.max(lines.get(row) ?? 1, needed));
    return cell;
  };
  const label = (address: string, value: string, span = 1) => put(address, value, span, 'label');

  sheet.mergeCells('A1:G1');
  const title = put('A1', form.title, 7);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 32;
  sheet.mergeCells('A2:F2');
  put('A2', form.unit, 6);
  put('G2', `单位：${form.moneyUnit}`).alignment = { horizontal: 'right', vertical: 'middle' };

  label('A3', LABEL.code);
  sheet.mergeCells('B3:C3');
  put('B3', form.code, 2);
  label('D3', LABEL.name);
  sheet.mergeCells('E3:G3');
  put('E3', form.name, 3);

  sheet.mergeCells('A4:A5');
  label('A4', LABEL.budget);
  label('B4', LABEL.total);
  label('D4', LABEL.fiscal);
  label('F4', LABEL.other);
  for (const [address, amount] of [['C4', form.total], ['E4', form.fiscal], ['G4', form.other]] as const) {
    put(address, amountValue(amount)).numFmt = MONEY_FORMAT[form.moneyUnit];
  }
  sheet.mergeCells('B5:G5');
  put('B5', form.purpose, 6);

  let row = 6;
  const chunks: Form['plan'][] = [];
  for (let i = 0; i < form.plan.length; i += PLAN_SLOTS.length) chunks.push(form.plan.slice(i, i + PLAN_SLOTS.length));
  if (chunks.length === 0) chunks.push([]);
  sheet.mergeCells(`A${row}:A${row + 2 * chunks.length - 1}`);
  label(`A${row}`, LABEL.plan);
  for (const chunk of chunks) {
    PLAN_SLOTS.forEach((column, i) => {
      const checkpoint = chunk[i];
      label(`${column}${row}`, checkpoint ? `${text(checkpoint.month)}月底` : '');
      const percent = checkpoint ? percentValue(checkpoint.percent) : null;
      const cell = put(`${column}${row + 1}`, percent);
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      // Whole percents show as 25%, others with their (at most two) decimals.
      cell.numFmt = typeof percent === 'number' && !Number.isInteger(Number((percent * 100).toFixed(6))) ? '0.00%' : '0%';
    });
    row += 2;
  }

  const goals = form.goals.length > 0 ? form.goals : [''];
  if (goals.length > 1) sheet.mergeCells(`A${row}:A${row + goals.length - 1}`);
  label(`A${row}`, LABEL.goals);
  for (const goal of goals) {
    sheet.mergeCells(`B${row}:G${row}`);
    put(`B${row}`, goal, 6);
    row++;
  }

  for (const [column, name] of Object.entries(INDICATOR_HEADER)) label(`${column}${row}`, name, column === 'D' ? 2 : 1);
  sheet.mergeCells(`D${row}:E${row}`);
  row++;
  const first = row;
  for (const indicator of form.indicators) {
    for (const column of ['A', 'B', 'C', 'F', 'G'] as const) put(`${column}${row}`, indicator[column], 1, column === 'A' || column === 'B' ? 'label' : 'value');
    sheet.mergeCells(`D${row}:E${row}`);
    put(`D${row}`, indicator.D, 2);
    row++;
  }
  // 一级 and 二级 merged down over runs of equal neighbours, as in the approved table.
  const mergeRuns = (column: 'A' | 'B', key: (i: Form['indicators'][number]) => string) => {
    let start = 0;
    form.indicators.forEach((indicator, i) => {
      const next = form.indicators[i + 1];
      if (next && key(next) === key(indicator)) return;
      if (i > start) sheet.mergeCells(`${column}${first + start}:${column}${first + i}`);
      start = i + 1;
    });
  };
  mergeRuns('A', (i) => i.A);
  mergeRuns('B', (i) => `${i.A}\u0000${i.B}`);

  for (let r = 3; r < row; r++) {
    for (const column of COLUMNS) sheet.getCell(`${column}${r}`).border = BORDER;
  }
  for (const [r, count] of lines) if (r > 1) sheet.getRow(r).height = Math.max(20, count * 15 + 5);

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.columns = [{ width: 14 }, { width: 70 }];
  notes.getCell('A1').value = '说明';
  notes.getCell('A1').font = { bold: true, size: 14 };
  NOTE_LABELS.forEach((name, i) => {
    const cell = notes.getCell(`A${i + 2}`);
    cell.value = name;
    cell.font = { bold: true };
    notes.getCell(`B${i + 2}`).value = form.notes[name] === '' ? null : form.notes[name];
  });
  form.instructions.forEach((line, i) => {
    const r = NOTE_LABELS.length + 3 + i;
    notes.mergeCells(`A${r}:B${r}`);
    const cell = notes.getCell(`A${r}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    notes.getRow(r).height = Math.ceil(displayWidth(line) / 82) * 15 + 4;
  });

  // Stored by JSZip, deflated by Node's zlib: see deflateZip.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions> as ExcelJS.XlsxWriteOptions));
  return deflateZip(bytes, date);
}

/**
 * Amounts go in as numbers so that Excel can add them up. A decimal of at most 15 significant
 * digits survives the trip through a double and back (DBL_DIG = 15, read with toPrecision(15)
 * below); anything longer, or not an amount at all, is written as the text it is.
 */
function amountValue(amount: unknown): ExcelJS.CellValue {
  if (amount === undefined || amount === null || amount === '') return null;
  const reading = readAmount(amount as string | number);
  if (!reading.ok) return String(amount);
  return (reading.integer + reading.fraction).replace(/^0+(?=\d)/, '').length <= 15 ? Number(reading.text) : reading.text;
}

/** Cumulative percents as Excel percentages (25 → 0.25 shown as 25%); an empty cell is "no plan". */
function percentValue(percent: unknown): ExcelJS.CellValue {
  if (percent === null || percent === undefined || percent === '') return null;
  const written = String(percent).trim().replace(/[%％]$/, '');
  return /^\d+(\.\d+)?$/.test(written) ? Number(written) / 100 : String(percent);
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** Removes what people vary without meaning to: spaces, half-width punctuation. */
const normal = (s: string) => s.replace(/\s+/g, '').replaceAll(':', '：').replaceAll('(', '（').replaceAll(')', '）');

/** A number at Excel's own precision (15 significant digits), as plain decimal text. */
function decimalText(n: number): string {
  const s = n.toPrecision(15);
  return s.includes('e') ? s : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

type Read = { text: string; number?: number; percentFormat?: boolean } | { error: string };

/** A cell's content; a cell covered by a merge reads as empty (its content is the merge's first cell). */
function readCell(cell: ExcelJS.Cell): Read {
  if (cell.isMerged && cell.master.address !== cell.address) return { text: '' };
  const percentFormat = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
  const plain = (value: ExcelJS.CellValue): Read => {
    if (value === null || value === undefined) return { text: '' };
    if (typeof value === 'string') return { text: value.trim() };
    if (typeof value === 'number') return { text: percentFormat ? `${decimalText(value * 100)}%` : decimalText(value), number: value, percentFormat };
    if (typeof value === 'boolean') return { error: '是“是/否”值，应填写文字或数字' };
    if (value instanceof Date) return { error: '被 Excel 当成了日期，请把单元格格式设为“文本”后重新填写' };
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim() };
    if ('error' in value) return { error: `是错误值 ${value.error}，请改为要填写的内容` };
    if ('formula' in value || 'sharedFormula' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value) return plain(value.text as ExcelJS.CellValue);
    return { error: '无法读取' };
  };
  return plain(cell.value);
}

class SheetReader {
  /** Addresses whose content was read; anything else with content is misplaced. */
  readonly used = new Set<string>();
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly problems: CellProblem[],
    readonly prefix = '',
  ) {}

  problem(address: string, message: string) {
    this.problems.push({ cell: `${this.prefix}${address}`, message });
  }

  read(address: string): Read {
    this.used.add(address);
    const read = readCell(this.sheet.getCell(address));
    if ('error' in read) this.problem(address, `单元格${read.error}`);
    return read;
  }

  text(address: string): string {
    const read = this.read(address);
    return 'text' in read ? read.text : '';
  }

  label(address: string, expected: string) {
    const found = this.text(address);
    if (normal(found) === normal(expected)) return;
    this.problem(
      address,
      found === ''
        ? `这里应是栏目名称“${expected}”，现在是空的：表格的版式被改动了，请按模板的版式填写`
        : `这里应是栏目名称“${expected}”，实际是“${found}”：表格的版式被改动了，请按模板的版式填写`,
    );
  }

  required(address: string, what: string, example: string): string {
    const value = this.text(address);
    if (value === '') this.problem(address, `${what}未填写，例如：${example}`);
    return value;
  }

  amount(address: string, what: string, unit: MoneyUnit, required: boolean): string | undefined {
    const read = this.read(address);
    if ('error' in read) return undefined;
    if (read.text === '') {
      if (required) this.problem(address, `${what}未填写：请填金额数字，例如 219800.00`);
      return undefined;
    }
    const reading = readAmount(read.number !== undefined && !read.percentFormat ? decimalText(read.number) : read.text);
    if (!reading.ok) {
      this.problem(
        address,
        reading.reason === 'negative'
          ? `${what}不能为负数（这里是“${read.text}”）`
          : `${what}“${read.text}”无法读取：只能写数字、小数点和千分位逗号，例如 219800.00 或 219,800.00`,
      );
      return undefined;
    }
    if (reading.fraction.length > MAX_DECIMALS[unit]) {
      this.problem(address, `${what}“${read.text}”的小数超过 ${MAX_DECIMALS[unit]} 位：金额单位是${unit}时最多精确到分`);
      return undefined;
    }
    // Amounts are kept with (at least) two decimals, as the approved tables write them.
    return `${reading.integer}.${reading.fraction.padEnd(2, '0')}`;
  }

  percent(address: string): number | null | undefined {
    const read = this.read(address);
    if ('error' in read || read.text === '') return 'error' in read ? undefined : null;
    // 0.25 in a percent-formatted cell is 25%; a bare number is the percent itself.
    const written = read.number !== undefined ? decimalText(read.percentFormat ? read.number * 100 : read.number) : read.text.replace(/[%％]$/, '');
    if (!/^\d+(\.\d{1,2})?$/.test(written)) {
      this.problem(address, `累计比例“${read.text}”无法读取：应写 0 到 100 的百分比，最多两位小数，例如 25%；未列计划时留空`);
      return undefined;
    }
    return Number(written);
  }

  /** Rows 1…last that have any cell. */
  get lastRow(): number {
    return this.sheet.rowCount;
  }

  /** Every cell with content that nothing read: text outside the table or in a layout cell. */
  reportUnread(where: string) {
    this.sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (this.used.has(cell.address)) return;
        const read = readCell(cell);
        if ('text' in read && read.text !== '') this.problem(cell.address, `这里的“${read.text}”不在${where}的任何一栏中，无法导入：请移到对应的栏目里，或删除`);
      }),
    );
  }
}

/**
 * Reads a workbook written by `projectWorkbook` or filled in from the template. Returns the project
 * only when there is no problem; problems name the cell. Content checks (the same as npm run
 * validate) run once the layout is readable, and are reported at the cell too.
 */
export async function readProjectWorkbook(
  bytes: Uint8Array,
  { framework = DEFAULT_FRAMEWORK, fiscalYear }: { framework?: IndicatorFramework; fiscalYear?: number } = {},
): Promise<{ project?: ProjectInput; problems: CellProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    return { problems: [{ cell: '', message: '无法打开：这不是有效的 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 另存为 .xlsx 后再导入' }] };
  }
  const problems: CellProblem[] = [];
  const sheet = workbook.getWorksheet(FORM_SHEET);
  if (!sheet) return { problems: [{ cell: '', message: `找不到工作表“${FORM_SHEET}”：请使用 npm run template 生成的模板，不要改工作表的名称` }] };
  const form = new SheetReader(sheet, problems);
  /** Where each field of the project was read, for the content checks' messages. */
  const where = new Map<string, string>();

  form.text('A1'); // The title is shown only; 原文标题 is on the 说明 sheet.
  const unitText = form.text('A2');
  const unitMatch = /^(\d+)\s*(.+)$/.exec(unitText);
  if (!unitMatch) form.problem('A2', unitText === '' ? '单位未填写：应写“单位编码+单位名称”，例如 483001玉田县林南仓镇人民政府本级' : `单位应写“单位编码+单位名称”，例如 483001玉田县林南仓镇人民政府本级；这里是“${unitText}”`);
  const moneyText = form.text('G2');
  const moneyMatch = /^单位[：:]\s*(元|万元)$/.exec(moneyText);
  if (!moneyMatch) form.problem('G2', `金额单位应写“单位：元”或“单位：万元”，这里是“${moneyText}”`);
  const unit = (moneyMatch?.[1] ?? '元') as MoneyUnit;
  for (const key of ['单位编码', '单位名称']) where.set(key, 'A2');
  where.set('金额单位', 'G2');

  form.label('A3', LABEL.code);
  form.label('D3', LABEL.name);
  form.label('A4', LABEL.budget);
  form.label('B4', LABEL.total);
  form.label('D4', LABEL.fiscal);
  form.label('F4', LABEL.other);
  form.label('A6', LABEL.plan);
  const code = form.required('B3', '项目编码', '13022923P00JXC415564L（21 位）');
  const name = form.required('E3', '项目名称', '2022年村级垃圾清运及焚烧');
  const total = form.amount('C4', '预算数', unit, true);
  const fiscal = form.amount('E4', '财政资金', unit, true);
  const other = form.amount('G4', '其他资金', unit, false);
  const purpose = form.text('B5');
  for (const [key, address] of [['项目编码', 'B3'], ['项目名称', 'E3'], ['预算数', 'C4'], ['财政资金', 'E4'], ['其他资金', 'G4'], ['资金用途', 'B5']]) where.set(key!, address!);

  // The rows below the budget are found by their labels in column A, so inserted rows are fine.
  const findLabel = (label: string, from: number) => {
    for (let r = from; r <= form.lastRow; r++) if (normal(readCellText(sheet, `A${r}`)) === normal(label)) return r;
    return undefined;
  };
  const goalRow = findLabel(LABEL.goals, 7);
  const headerRow = goalRow && findLabel(INDICATOR_HEADER.A, goalRow + 1);
  if (!goalRow || !headerRow) {
    form.problem(`A${goalRow ? goalRow + 1 : 7}`, `找不到“${goalRow ? INDICATOR_HEADER.A : LABEL.goals}”这一行（应在 A 列）：表格的版式被改动了，请按模板的版式填写`);
    return { problems };
  }

  const spendingPlan: ProjectInput['资金支出计划'] = [];
  if ((goalRow - 6) % 2 !== 0) form.problem('A6', '资金支出计划应是成对的行：上一行写时点（如“3月底”），下一行写累计比例（如 25%）');
  for (let r = 6; r + 1 < goalRow; r += 2) {
    for (const column of PLAN_SLOTS) {
      const header = form.text(`${column}${r}`);
      const percent = form.percent(`${column}${r + 1}`);
      if (header === '') {
        if (percent !== null && percent !== undefined) form.problem(`${column}${r + 1}`, `累计比例“${percent}%”上方没有时点（例如“3月底”），无法放置`);
        continue;
      }
      const month = /^(\d{1,2})月底$/.exec(normal(header));
      if (!month) form.problem(`${column}${r}`, `时点应写成“3月底”这样，这里是“${header}”`);
      where.set(`资金支出计划.${spendingPlan.length}.月份`, `${column}${r}`);
      where.set(`资金支出计划.${spendingPlan.length}`, `${column}${r + 1}`);
      spendingPlan.push({ 月份: month ? Number(month[1]) : 0, 累计比例: percent ?? null });
    }
  }

  form.label(`A${goalRow}`, LABEL.goals);
  const goals: string[] = [];
  for (let r = goalRow; r < headerRow; r++) {
    const goal = form.text(`B${r}`);
    if (goal === '') continue;
    where.set(`绩效目标.${goals.length}`, `B${r}`);
    goals.push(goal);
  }
  if (goals.length === 0) form.problem(`B${goalRow}`, '绩效目标未填写：每行写一条，例如“1.保证村内环境干净整洁，垃圾清运及时”');
  where.set('绩效目标', `B${goalRow}`);

  for (const [column, name] of Object.entries(INDICATOR_HEADER)) form.label(`${column}${headerRow}`, name);
  const indicators: ProjectInput['绩效指标'] = [];
  let level1 = '';
  let level2 = '';
  for (let r = headerRow + 1; r <= form.lastRow; r++) {
    const [a, b, c, d1, d2, f, g] = COLUMNS.map((column) => form.text(`${column}${r}`));
    // 绩效指标描述 spans D:E; in an inserted row that is not merged, text in E belongs to it too.
    const d = [d1, d2].filter(Boolean).join(' ');
    // An empty 一级/二级 cell continues the one above (merged cells read as empty too).
    if (a) [level1, level2] = [a, ''];
    if (b) level2 = b;
    if (!c && !d && !f && !g) continue; // a row of the template left unused
    if (!level1 || !level2) form.problem(`${level1 ? 'B' : 'A'}${r}`, '这一行指标前面没有一级或二级指标，无法归类：请填写一级指标和二级指标');
    const n = indicators.length;
    for (const [key, column] of [['一级指标', 'A'], ['二级指标', 'B'], ['三级指标', 'C'], ['绩效指标描述', 'D'], ['指标值', 'F'], ['指标值确定依据', 'G']]) {
      where.set(`绩效指标.${n}.${key}`, `${column}${r}`);
    }
    where.set(`绩效指标.${n}`, `C${r}`);
    indicators.push({ 一级指标: level1, 二级指标: level2, 三级指标: c!, ...(d ? { 绩效指标描述: d } : {}), 指标值: f!, ...(g ? { 指标值确定依据: g } : {}) });
  }
  if (indicators.length === 0) form.problem(`C${headerRow + 1}`, '绩效指标未填写：至少要有一条，在对应的二级指标那一行填写三级指标、指标值等');
  where.set('绩效指标', `C${headerRow + 1}`);
  form.reportUnread('项目绩效目标表');

  const notes = readNotes(workbook, problems, where);
  let year = notes.年度;
  if (year === undefined && fiscalYear !== undefined) year = fiscalYear;
  else if (year === undefined) problems.push({ cell: where.get('年度') ?? NOTES_SHEET, message: '年度未填写：在“说明”工作表的“年度”一行填四位数字，例如 2023' });
  if (problems.length > 0) return { problems };

  const project: ProjectInput = {
    单位编码: unitMatch![1]!,
    单位名称: unitMatch![2]!.trim(),
    年度: year!,
    ...(notes.原文标题 ? { 原文标题: notes.原文标题 } : {}),
    金额单位: unit,
    ...(notes.预算阶段 ? { 预算阶段: notes.预算阶段 as ProjectInput['预算阶段'] } : {}),
    项目编码: code,
    ...(notes.上年项目编码 ? { 上年项目编码: notes.上年项目编码 } : {}),
    项目名称: name,
    预算数: total!,
    财政资金: fiscal!,
    ...(other !== undefined ? { 其他资金: other } : {}),
    资金用途: purpose,
    资金支出计划: spendingPlan,
    绩效目标: goals,
    绩效指标: indicators,
    ...(notes.来源 ? { 来源: notes.来源 } : {}),
  };

  const checked = projectSchema({ framework }).safeParse(project);
  if (checked.success) return { project, problems };
  for (const issue of checked.error.issues) {
    const path = issue.path.map(String);
    let cell: string | undefined;
    for (let n = path.length; n > 0 && cell === undefined; n--) cell = where.get(path.slice(0, n).join('.'));
    problems.push({ cell: cell ?? FORM_SHEET, message: issue.message });
  }
  return { problems };
}

const readCellText = (sheet: ExcelJS.Worksheet, address: string) => {
  const read = readCell(sheet.getCell(address));
  return 'text' in read ? read.text : '';
};

/** The 说明 sheet: label | value rows, found by their label in column A. */
function readNotes(workbook: ExcelJS.Workbook, problems: CellProblem[], where: Map<string, string>) {
  const out: { 年度?: number; 预算阶段?: string; 原文标题?: string; 上年项目编码?: string; 来源?: { 文件: string; 起止行: [number, number] } } = {};
  const sheet = workbook.getWorksheet(NOTES_SHEET);
  if (!sheet) {
    problems.push({ cell: '', message: `找不到工作表“${NOTES_SHEET}”：年度等信息写在那里。请使用 npm run template 生成的模板` });
    return out;
  }
  const notes = new SheetReader(sheet, problems, `${NOTES_SHEET}!`);
  const rows = new Map<string, number>();
  for (let r = 1; r <= notes.lastRow; r++) {
    const name = normal(readCellText(sheet, `A${r}`));
    if ((NOTE_LABELS as readonly string[]).includes(name) && !rows.has(name)) rows.set(name, r);
  }
  const value = (name: NoteLabel) => {
    const r = rows.get(name);
    if (r === undefined) return '';
    where.set({ 年度: '年度', 预算阶段: '预算阶段', 原文标题: '原文标题', 上年项目编码: '上年项目编码', 来源文件: '来源.文件', 来源起止行: '来源.起止行' }[name], `${NOTES_SHEET}!B${r}`);
    return notes.text(`B${r}`);
  };
  if (!rows.has('年度')) where.set('年度', `${NOTES_SHEET}!A`);
  const yearText = value('年度');
  if (/^\d{4}$/.test(yearText)) out.年度 = Number(yearText);
  else if (yearText !== '') notes.problem(`B${rows.get('年度')}`, `年度应写四位数字，例如 2023；这里是“${yearText}”`);
  const phase = value('预算阶段');
  if (phase) out.预算阶段 = phase;
  const heading = value('原文标题');
  if (heading) out.原文标题 = heading;
  const previousCode = value('上年项目编码');
  if (previousCode) out.上年项目编码 = previousCode;
  const file = value('来源文件');
  const range = value('来源起止行');
  const lines = /^(\d+)\s*[-–—~～至]\s*(\d+)$/.exec(range);
  if (file && lines) out.来源 = { 文件: file, 起止行: [Number(lines[1]), Number(lines[2])] };
  else if (file || range) {
    const r = rows.get(file ? '来源起止行' : '来源文件') ?? rows.get('来源文件');
    notes.problem(r ? `B${r}` : 'A', '来源文件和来源起止行要一起填写（起止行写成 46-183 这样），或者都不填');
  }
  return out;
}
