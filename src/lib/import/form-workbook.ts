// A project table as an Excel workbook in its 表样, the blank 河北 form staff fill in (npm run
// template), and the reader that turns a drawn form (a layout with a `drawing`: the 河北 table) back
// into a project file. Written by the one grid writer (layout-table.ts → office/grid-xlsx.ts); read
// at the places its description gives, every problem named by its cell (B3, 说明!B2) in Chinese.
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from '../../schema/framework.ts';
import { INDICATOR_KEYS, PROJECT_KEYS, projectSchema, type ProjectInput } from '../../schema/project.ts';
import { DEFAULT_LAYOUT, MONEY_FIELDS, PROJECT_FIELDS, normalLabel, type TableLayout } from '../../schema/table-layouts.ts';
import { MAX_DECIMALS, readAmount, type MoneyUnit } from '../reading/money.ts';
import { columnLetters, type Grid, type GridCell } from '../office/grid.ts';
import { decimalText, readXlsxGrids, writeXlsxGrids } from '../office/grid-xlsx.ts';
import { NOTE_FIELDS, NOTES_SHEET, notesGrid, projectGrids, type NoteField } from './layout-table.ts';
import type { ImportProblem } from './problems.ts';
import { own, ownText } from './cells.ts';


/** The table of one project in its layout, with its 说明 sheet; the same `date` gives the same bytes. */
export function projectWorkbook(p: ProjectInput, { date, layout = DEFAULT_LAYOUT }: { date: Date; layout?: TableLayout }): Promise<Uint8Array> {
  return writeXlsxGrids(projectGrids(p, layout), { date });
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

/** The blank 河北 form for a new project: every 二级指标 of the framework, empty cells to fill in. */
export function templateWorkbook({ date, framework = DEFAULT_FRAMEWORK }: { date: Date; framework?: IndicatorFramework }): Promise<Uint8Array> {
  // A project of empty cells, drawn like any other; the checkpoints most tables plan.
  const blank = {
    单位编码: '',
    单位名称: '',
    项目编码: '',
    项目名称: '',
    资金支出计划: [3, 6, 10, 12].map((月份) => ({ 月份, 累计比例: null })),
    绩效目标: ['', '', ''],
    绩效指标: framework.flatMap((f) => f.level2.map((level2) => ({ 一级指标: f.level1, 二级指标: level2, 三级指标: '', 指标值: '' }))),
  } as unknown as ProjectInput;
  const [form, notes] = projectGrids(blank, DEFAULT_LAYOUT);
  // Every line of the 说明 sheet to fill in, then the instructions.
  const lines = notesGrid({ 年度: '', 预算阶段: '年初预算', 上年项目编码: '', 原文标题: '', 来源文件: '', 来源起止行: '' }, 0, TEMPLATE_INSTRUCTIONS);
  return writeXlsxGrids([form!, { ...notes!, rows: lines.rows }], { date });
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** Examples in the messages for a value left empty. */
const EXAMPLES: Partial<Record<string, string>> = {
  项目编码: '13022923P00JXC415564L（21 位）',
  项目名称: '2022年村级垃圾清运及焚烧',
  资金用途: '用于村级垃圾清运及焚烧',
  绩效目标: '“1.保证村内环境干净整洁，垃圾清运及时”',
};

/** One sheet as read: every cell the reader looked at is remembered, so that the others can be reported. */
class SheetReader {
  private readonly used = new Set<string>();
  constructor(
    readonly grid: Grid,
    readonly problems: ImportProblem[],
    readonly prefix = '',
  ) {}

  address(r: number, c: number) {
    return `${this.prefix}${columnLetters(c)}${r + 1}`;
  }

  problem(r: number, c: number, message: string) {
    this.problems.push({ where: this.address(r, c), message });
  }

  /** A cell's own content; a cell covered by a merge reads as empty (its content is the merge's first cell). */
  cell(r: number, c: number): GridCell | undefined {
    this.used.add(`${r},${c}`);
    return own(this.grid, r, c);
  }

  text(r: number, c: number): string {
    return this.cell(r, c)?.text.trim() ?? '';
  }

  /** The text of a cell without reading it (finding where a block ends). */
  peek(r: number, c: number): string {
    return ownText(this.grid, r, c);
  }

  label(r: number, c: number, expected: string) {
    const found = this.text(r, c);
    if (normalLabel(found) === normalLabel(expected)) return;
    this.problem(
      r,
      c,
      found === ''
        ? `这里应是栏目名称“${expected}”，现在是空的：表格的版式被改动了，请按模板的版式填写`
        : `这里应是栏目名称“${expected}”，实际是“${found}”：表格的版式被改动了，请按模板的版式填写`,
    );
  }

  amount(r: number, c: number, what: string, unit: MoneyUnit, required: boolean): string | undefined {
    const cell = this.cell(r, c);
    const text = cell?.text.trim() ?? '';
    if (text === '') {
      if (required) this.problem(r, c, `${what}未填写：请填金额数字，例如 219800.00`);
      return undefined;
    }
    // A number as Excel holds it, not as its format rounds it (219800.123 shown as 219,800.12).
    const percent = cell?.numFmt?.includes('%') ?? false;
    const reading = readAmount(cell?.number !== undefined && !percent ? decimalText(cell.number) : text);
    if (!reading.ok) {
      this.problem(
        r,
        c,
        reading.reason === 'negative' ? `${what}不能为负数（这里是“${text}”）` : `${what}“${text}”无法读取：只能写数字、小数点和千分位逗号，例如 219800.00 或 219,800.00`,
      );
      return undefined;
    }
    if (reading.fraction.length > MAX_DECIMALS[unit]) {
      this.problem(r, c, `${what}“${text}”的小数超过 ${MAX_DECIMALS[unit]} 位：金额单位是${unit}时最多精确到分`);
      return undefined;
    }
    // Amounts are kept with (at least) two decimals, as the approved tables write them.
    return `${reading.integer}.${reading.fraction.padEnd(2, '0')}`;
  }

  /** A cumulative percent: null for an empty cell (no plan), undefined when unreadable. */
  percent(r: number, c: number): number | null | undefined {
    const cell = this.cell(r, c);
    const text = cell?.text.trim() ?? '';
    if (text === '') return null;
    // 0.25 in a percent-formatted cell is 25%; a bare number is the percent itself.
    const written = cell?.number !== undefined ? decimalText(cell.numFmt?.includes('%') ? cell.number * 100 : cell.number) : text.replace(/[%％]$/, '');
    if (!/^\d+(\.\d{1,2})?$/.test(written)) {
      this.problem(r, c, `累计比例“${text}”无法读取：应写 0 到 100 的百分比，最多两位小数，例如 25%；未列计划时留空`);
      return undefined;
    }
    return Number(written);
  }

  /** Every cell with content that nothing read: text outside the table or in a layout cell. */
  reportUnread(where: string) {
    this.grid.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const text = cell?.text.trim() ?? '';
        if (text !== '' && !this.used.has(`${r},${c}`)) this.problem(r, c, `这里的“${text}”不在${where}的任何一栏中，无法导入：请移到对应的栏目里，或删除`);
      }),
    );
  }
}

/**
 * Reads a workbook written by `projectWorkbook` for a drawn layout (河北) or filled in from the
 * template. Returns the project only when there is no problem; problems name the cell. Content
 * checks (the same as npm run validate) run once the form is readable, and are reported at the cell too.
 */
export async function readProjectWorkbook(
  bytes: Uint8Array,
  { framework = DEFAULT_FRAMEWORK, fiscalYear, layout = DEFAULT_LAYOUT }: { framework?: IndicatorFramework; fiscalYear?: number; layout?: TableLayout } = {},
): Promise<{ project?: ProjectInput; problems: ImportProblem[] }> {
  const drawing = layout.drawing;
  if (!drawing) throw new Error(`表样“${layout.name}”没有描述 Excel 表格的画法（drawing），应按标签读取（importLayoutFile）`);
  const read = await readXlsxGrids(bytes);
  if ('error' in read) return { problems: [{ where: '', message: read.error }] };
  const grid = read.grids.find((g) => g.name === layout.title);
  if (!grid) return { problems: [{ where: '', message: `找不到工作表“${layout.title}”：请使用 npm run template 生成的模板，不要改工作表的名称` }] };
  const problems: ImportProblem[] = [];
  const form = new SheetReader(grid, problems);
  /** Where each field of the project was read (its YAML path), for the content checks' messages. */
  const where = new Map<string, string>();
  const width = drawing.columnWidths.length;
  const labelOf = (field: string) => layout.fields.find((f) => f.field === field)?.label ?? field;
  const isRequired = (field: string) => layout.fields.some((f) => f.field === field && f.required);
  const values: Record<string, unknown> = {};

  form.text(0, 0); // The title is shown only; 原文标题 is on the 说明 sheet.
  const unitText = form.text(1, 0);
  const unitMatch = /^(\d+)\s*(.+)$/.exec(unitText);
  if (!unitMatch) form.problem(1, 0, unitText === '' ? '单位未填写：应写“单位编码+单位名称”，例如 483001玉田县林南仓镇人民政府本级' : `单位应写“单位编码+单位名称”，例如 483001玉田县林南仓镇人民政府本级；这里是“${unitText}”`);
  const moneyText = form.text(1, width - 1);
  const moneyMatch = /^单位[：:]\s*(元|万元)$/.exec(moneyText);
  if (!moneyMatch) form.problem(1, width - 1, `金额单位应写“单位：元”或“单位：万元”，这里是“${moneyText}”`);
  const unit = (moneyMatch?.[1] ?? '元') as MoneyUnit;
  for (const key of ['单位编码', '单位名称']) where.set(key, form.address(1, 0));
  where.set('金额单位', form.address(1, width - 1));

  /** One value of the head: an amount, or text; an empty required one is a problem. */
  const readValue = (field: string, r: number, c: number) => {
    where.set(field, form.address(r, c));
    if (MONEY_FIELDS.has(field)) {
      const amount = form.amount(r, c, field, unit, isRequired(field));
      if (amount !== undefined) values[field] = amount;
      return;
    }
    const text = form.text(r, c);
    if (text !== '') values[field] = text;
    else if (isRequired(field)) form.problem(r, c, `${field}未填写${EXAMPLES[field] ? `，例如：${EXAMPLES[field]}` : ''}`);
  };

  // The head, block by block from the third row. A list or the plan runs down to the next row that
  // has a label of its own in the first column, so that rows inserted into it are read too.
  let r = 2;
  const blockEnd = (start: number) => {
    let end = start + 1;
    while (end < grid.rows.length && form.peek(end, 0) === '') end++;
    return end;
  };
  for (const block of drawing.head) {
    if ('rows' in block) {
      const from = block.label === undefined ? 0 : 1;
      if (block.label !== undefined) form.label(r, 0, block.label);
      block.rows.forEach((places, i) => {
        let c = from;
        places.forEach((place, n) => {
          if (!place.bare) form.label(r + i, c++, labelOf(place.field));
          readValue(place.field, r + i, c);
          c += place.span ?? (n === places.length - 1 ? width - c : 1);
        });
      });
      r += block.rows.length;
    } else if ('list' in block) {
      form.label(r, 0, labelOf(block.list));
      const end = blockEnd(r);
      const items: string[] = [];
      for (let row = r; row < end; row++) {
        const item = form.text(row, 1);
        if (item === '') continue;
        where.set(`${block.list}.${items.length}`, form.address(row, 1));
        items.push(item);
      }
      where.set(block.list, form.address(r, 1));
      if (items.length > 0) values[block.list] = items;
      else if (isRequired(block.list)) form.problem(r, 1, `${block.list}未填写：每行写一条${EXAMPLES[block.list] ? `，例如${EXAMPLES[block.list]}` : ''}`);
      r = end;
    } else {
      form.label(r, 0, labelOf(block.plan));
      const end = blockEnd(r);
      if ((end - r) % 2 !== 0) form.problem(r, 0, `${block.plan}应是成对的行：上一行写时点（如“3${block.monthSuffix}”），下一行写累计比例（如 25%）`);
      const monthPattern = new RegExp(`^(\\d{1,2})${block.monthSuffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
      const checkpoints: { 月份: number; 累计比例: number | null }[] = [];
      for (let row = r; row + 1 < end; row += 2) {
        for (let c = 1; c <= block.perRow; c++) {
          const header = form.text(row, c);
          const percent = form.percent(row + 1, c);
          if (header === '') {
            if (percent !== null && percent !== undefined) form.problem(row + 1, c, `累计比例“${percent}%”上方没有时点（例如“3${block.monthSuffix}”），无法放置`);
            continue;
          }
          const month = monthPattern.exec(normalLabel(header));
          if (!month) form.problem(row, c, `时点应写成“3${block.monthSuffix}”这样，这里是“${header}”`);
          where.set(`${block.plan}.${checkpoints.length}.月份`, form.address(row, c));
          where.set(`${block.plan}.${checkpoints.length}`, form.address(row + 1, c));
          checkpoints.push({ 月份: month ? Number(month[1]) : 0, 累计比例: percent ?? null });
        }
      }
      values[block.plan] = checkpoints;
      r = end;
    }
  }

  // Fields the layout does not place, written under their own names, down to the indicator header.
  const columns = layout.indicatorColumns;
  const placed = new Set(layout.fields.map((f) => f.field));
  let header = r;
  for (; header < grid.rows.length && normalLabel(form.peek(header, 0)) !== normalLabel(columns[0]!.label); header++) {
    const field = form.peek(header, 0);
    if ((PROJECT_FIELDS as readonly string[]).includes(field) && !placed.has(field as never)) {
      form.text(header, 0);
      readValue(field, header, 1);
    }
  }
  if (header >= grid.rows.length) {
    form.problem(r, 0, `找不到“${columns[0]!.label}”这一行（应在 A 列）：表格的版式被改动了，请按模板的版式填写`);
    return { problems };
  }

  // The indicator table: each column at the place its spans give, one indicator a row.
  const positions: { field: string; c: number; span: number; required: boolean }[] = [];
  let c = 0;
  for (const column of columns) {
    form.label(header, c, column.label);
    positions.push({ field: column.field, c, span: column.span ?? 1, required: column.required ?? false });
    c += column.span ?? 1;
  }
  const at = (field: string) => positions.find((p) => p.field === field);
  const [level1At, level2At] = [at('一级指标'), at('二级指标')];
  /** The columns of an indicator itself, not of its groups; the first (三级指标) names it. */
  const own = positions.filter((p) => p !== level1At && p !== level2At);
  const first = own[0]?.c ?? 0;
  const indicators: Record<string, string>[] = [];
  let level1 = '';
  let level2 = '';
  for (let row = header + 1; row < grid.rows.length; row++) {
    // A column across two cells (绩效指标描述) reads both: in an inserted row they are not merged.
    const texts = new Map(positions.map((p) => [p.field, Array.from({ length: p.span }, (_, n) => form.text(row, p.c + n)).filter(Boolean).join(' ')]));
    // An empty 一级/二级 cell continues the one above (merged cells read as empty too).
    if (texts.get('一级指标')) [level1, level2] = [texts.get('一级指标')!, ''];
    if (texts.get('二级指标')) level2 = texts.get('二级指标')!;
    if (own.every((p) => texts.get(p.field) === '')) continue; // a row of the template left unused
    if (level1At && level2At && (!level1 || !level2)) form.problem(row, (level1 ? level2At : level1At).c, '这一行指标前面没有一级或二级指标，无法归类：请填写一级指标和二级指标');
    const n = indicators.length;
    for (const p of positions) where.set(`绩效指标.${n}.${p.field}`, form.address(row, p.c));
    where.set(`绩效指标.${n}`, form.address(row, first));
    const indicator: Record<string, string> = { ...(level1At && { 一级指标: level1 }), ...(level2At && { 二级指标: level2 }) };
    for (const p of own) if (p.required || texts.get(p.field)) indicator[p.field] = texts.get(p.field)!;
    indicators.push(Object.fromEntries(INDICATOR_KEYS.filter((k) => indicator[k] !== undefined).map((k) => [k, indicator[k]!])));
  }
  if (indicators.length === 0) form.problem(header + 1, first, '绩效指标未填写：至少要有一条，在对应的二级指标那一行填写三级指标、指标值等');
  where.set('绩效指标', form.address(header + 1, first));
  form.reportUnread(layout.title);

  const notes = readNotes(read.grids, problems, where);
  let year = notes.年度;
  if (year === undefined && fiscalYear !== undefined) year = fiscalYear;
  else if (year === undefined) problems.push({ where: where.get('年度') ?? NOTES_SHEET, message: `年度未填写：在“${NOTES_SHEET}”工作表的“年度”一行填四位数字，例如 2023` });
  if (problems.length > 0) return { problems };

  const built: Record<string, unknown> = {
    ...values,
    表样: notes.表样,
    单位编码: unitMatch![1]!,
    单位名称: unitMatch![2]!.trim(),
    年度: year!,
    原文标题: notes.原文标题,
    金额单位: unit,
    预算阶段: notes.预算阶段,
    网址标识: notes.网址标识,
    上年项目编码: notes.上年项目编码,
    绩效指标: indicators,
    来源: notes.来源,
  };
  const project = Object.fromEntries(PROJECT_KEYS.filter((k) => built[k] !== undefined).map((k) => [k, built[k]])) as ProjectInput;

  const checked = projectSchema({ framework }).safeParse(project);
  if (checked.success) return { project, problems };
  for (const issue of checked.error.issues) {
    const path = issue.path.map(String);
    let cell: string | undefined;
    for (let n = path.length; n > 0 && cell === undefined; n--) cell = where.get(path.slice(0, n).join('.'));
    problems.push({ where: cell ?? layout.title, message: issue.message });
  }
  return { problems };
}

/** The YAML path each 说明 label fills, for the content checks' messages. */
const NOTE_PATHS: Record<NoteField, string> = { 年度: '年度', 表样: '表样', 预算阶段: '预算阶段', 网址标识: '网址标识', 上年项目编码: '上年项目编码', 原文标题: '原文标题', 来源文件: '来源.文件', 来源起止行: '来源.起止行' };

/** The 说明 sheet: label | value rows, found by their label in column A (the instructions are no label). */
function readNotes(grids: Grid[], problems: ImportProblem[], where: Map<string, string>) {
  const out: Partial<Record<'表样' | '预算阶段' | '原文标题' | '网址标识' | '上年项目编码', string>> & { 年度?: number; 来源?: { 文件: string; 起止行: [number, number] } } = {};
  const grid = grids.find((g) => g.name === NOTES_SHEET);
  if (!grid) {
    problems.push({ where: '', message: `找不到工作表“${NOTES_SHEET}”：年度等信息写在那里。请使用 npm run template 生成的模板` });
    return out;
  }
  const notes = new SheetReader(grid, problems, `${NOTES_SHEET}!`);
  const rows = new Map<string, number>();
  grid.rows.forEach((_, r) => {
    const name = normalLabel(notes.peek(r, 0));
    if ((NOTE_FIELDS as readonly string[]).includes(name) && !rows.has(name)) rows.set(name, r);
  });
  const value = (name: NoteField) => {
    const r = rows.get(name);
    if (r === undefined) return '';
    where.set(NOTE_PATHS[name], notes.address(r, 1));
    return notes.text(r, 1);
  };
  const yearText = value('年度');
  if (/^\d{4}$/.test(yearText)) out.年度 = Number(yearText);
  else if (yearText !== '') notes.problem(rows.get('年度')!, 1, `年度应写四位数字，例如 2023；这里是“${yearText}”`);
  for (const name of ['表样', '预算阶段', '原文标题', '网址标识', '上年项目编码'] as const) {
    const text = value(name);
    if (text) out[name] = text;
  }
  const file = value('来源文件');
  const range = value('来源起止行');
  const lines = /^(\d+)\s*[-–—~～至]\s*(\d+)$/.exec(range);
  if (file && lines) out.来源 = { 文件: file, 起止行: [Number(lines[1]), Number(lines[2])] };
  else if (file || range) {
    const r = rows.get(file ? '来源起止行' : '来源文件') ?? rows.get('来源文件');
    problems.push({ where: r === undefined ? `${NOTES_SHEET}!A` : notes.address(r, 1), message: '来源文件和来源起止行要一起填写（起止行写成 46-183 这样），或者都不填' });
  }
  return out;
}
