// Tables of any 表样 (schema/table-layouts.ts) to project files and back. One mechanism reads every
// layout: it finds labelled cells and the indicator header row by their labels wherever they stand
// in a grid (office/grid.ts: .xlsx, .docx or tab-separated text), compares labels as
// schema/table-layouts.ts readLabel reads them (spaces, widths, colons, units, numbering), follows
// merged cells, and keeps a labelled cell no description names under 其他栏目, listing it for the
// maintainer. It refuses, in Chinese and with the cell, only what it cannot keep faithfully — a cell
// that pairs with no label, money that does not add up, amounts in two units — and then nothing is written.
import { extrasByPlace, INDICATOR_KEYS, PROJECT_KEYS, type ProjectInput } from '../../schema/project.ts';
import { CAPTIONS, DEFAULT_LAYOUT, TOTAL_ROWS, INDICATOR_FIELDS, LABEL_READING, labelKey, MONEY_FIELDS, PROJECT_FIELDS, readLabel, type HeadBlock, type LayoutField, type ListTable, type ProjectField, type TableLayout } from '../../schema/table-layouts.ts';
import { DEPARTMENT_KEYS, type DepartmentInput } from '../../schema/department.ts';
import { decimalsOf, MAX_DECIMALS, moneyUnitOf, readAmount, toFen, formatFenIn, type MoneyUnit } from '../reading/money.ts';
import { natureProblem } from '../reading/indicator-value.ts';
import { cellWhere, gridWidth, visibleCell, type Grid, type GridCell, type GridFile } from '../office/grid.ts';
import { CARRIED_LEVELS, carriedDown, hasText, headerRowOf, labelsOf, MONEY_LINE, own, ownText, rowCells, short, UNIT_CODE, UNIT_LINE, visibleText } from './cells.ts';
import { strayParagraph, type ImportProblem } from './problems.ts';
import { madeUrlKey } from './project-file.ts';
import { recognise, unrecognisedMessage, type Recognition } from './recognise.ts';

export interface LayoutImportOptions {
  /** Fiscal year when the file does not say it (title `2024年…`, a `（2024年度）` line or the 说明 table). */
  year?: number;
  /** Unit code (and name) when the table does not print them. */
  unit?: string;
  /** The layout to read; by default the one whose labels the file has. */
  layout?: TableLayout;
  /** The site's 表样 (site.yaml): a table in it does not repeat it in its file. */
  siteLayout?: TableLayout;
}

export interface LayoutImport {
  layout?: TableLayout;
  projects: ProjectInput[];
  /** Tables of a department-level layout (部门整体): one department file each. */
  departments: DepartmentInput[];
  problems: ImportProblem[];
  /**
   * What the maintainer should know though nothing is wrong: each cell kept under 其他栏目 because
   * no description names its label (add the label to the layout to make it a field or a known
   * column), and each row of a 一级/二级 with no indicator, which is not kept.
   */
  notices: ImportProblem[];
}

/** The title of the 说明 table the exporter adds: what the approved table does not print. */
const NOTES_TITLE = '说明（本网站导出时附加，不是原表内容）';
/** Its sheet in a workbook (说明2, 说明3 … for more projects). */
export const NOTES_SHEET = '说明';
/** Its labels; 来源 (the document's file and lines a table was read from) is written as two. */
export const NOTE_FIELDS = ['年度', '表样', '预算阶段', '网址标识', '上年项目编码', '原文标题', '来源文件', '来源起止行'] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

/** Where a reader reports: what stops the import, and what the maintainer should know. */
interface Report {
  problems: ImportProblem[];
  notices: ImportProblem[];
}

/** Reads every project table of a file. */
export function importLayoutFile(file: GridFile, options: LayoutImportOptions = {}): LayoutImport {
  const report: Report = { problems: [], notices: [] };
  const { problems, notices } = report;
  const notes = file.grids.filter(isNotes);
  const tables = file.grids.filter((g) => !isNotes(g) && hasText(g));
  const recognised = options.layout ? undefined : recognise(tables);
  const layout = options.layout ?? layoutOf(recognised!);
  if (!layout) {
    const result = recognised!.best;
    problems.push({
      where: '',
      message: result ? `这是一张${result.name}，不是项目或部门整体的绩效目标表：它由结果表的导入读取（npm run import 会自动认出）` : unrecognisedMessage(recognised!),
    });
    return { projects: [], departments: [], problems, notices };
  }
  const read: Record<string, unknown>[] = [];
  // The exporter writes one 说明 table per project, in the order of the projects.
  let count = 0;
  const readable = withOwnFields(layout, () => true);
  for (const grid of tables) {
    const tablesRead = layout.arrangement === 'form' ? readForm(grid, readable, report) : readRows(grid, readable, report);
    for (const table of tablesRead) {
      const built = finish(table, readNotes(notes[count++], problems), grid, layout, options, problems);
      if (built) read.push(built);
    }
  }
  for (const p of file.after) if (p.text.trim()) problems.push(strayParagraph(p, '表格之后'));
  // Two projects with one permalink (the same 项目编码, or the same name where the key comes from it)
  // would overwrite each other's file.
  const seen = new Map<string, string>();
  for (const p of read) {
    const key = `${String(p['年度'])}/${String(p['单位编码'])}/${String(p['项目编码'] ?? p['网址标识'] ?? '')}`;
    const name = String(p['项目名称'] ?? p['单位名称']);
    if (seen.has(key)) problems.push({ where: '', message: `“${name}”与“${seen.get(key)}”的${p['项目编码'] ? `项目编码 ${String(p['项目编码'])}` : '项目名称'}相同，导入后会互相覆盖。请核对原表；确是两个项目时，改正项目名称或项目编码` });
    else seen.set(key, name);
  }
  const ok = problems.length === 0;
  return {
    layout,
    projects: ok && layout.kind === 'project' ? (read as ProjectInput[]) : [],
    departments: ok && layout.kind === 'department' ? (read as DepartmentInput[]) : [],
    problems,
    notices,
  };
}

const isNotes = (g: Grid) => ownText(g, 0, 0) === NOTES_TITLE;

/** The target layout that reads the tables: the best-scoring description whose indicator header row a table has, when it is a target's (import/recognise.ts). */
export const detectLayout = (tables: Grid[]): TableLayout | undefined => layoutOf(recognise(tables));
const layoutOf = (recognised: Recognition): TableLayout | undefined => (recognised.best?.description.kind === 'target' ? recognised.best.description.layout : undefined);

/** The row that names every required indicator column of the layout. */
function headerRow(grid: Grid, layout: TableLayout): number | undefined {
  return headerRowOf(grid, layout.indicatorColumns);
}

/** A table as read, before it becomes a project file: label → text, and the indicator rows. */
interface ReadTable {
  values: Map<string, string>;
  /** Where each value came from, for messages. */
  where: Map<string, string>;
  extra: Record<string, string>;
  /** Where each 其他栏目 was printed (其他栏目位置): the field or 其他栏目 it followed in reading order. */
  after: Record<string, string>;
  /** The field or 其他栏目 read last: 原文标题 before the first, 绩效指标 once the indicators are read. */
  last: string;
  indicators: { cells: Map<string, string>; extra: Record<string, string>; where: Map<string, string> }[];
  /** Rows of the layout's list tables (年度履职目标), by the list's field. */
  lists: Map<string, { cells: Map<string, string>; where: Map<string, string> }[]>;
  /** The lines of its title as printed (附件1, the title, …), in order. */
  titles: string[];
  /** A `（2024年度）` line. */
  year?: number;
  unitLine?: string;
  moneyUnit?: MoneyUnit;
  /** Where the money unit was printed, for a message when another cell prints another. */
  moneyUnitWhere?: string;
}

const emptyTable = (): ReadTable => ({ values: new Map(), where: new Map(), extra: {}, after: {}, last: '原文标题', indicators: [], lists: new Map(), titles: [] });

/** What a layout's head knows: label (as compared) → field, its known extra labels, its block titles. */
interface Vocabulary {
  fields: Map<string, string>;
  extras: Set<string>;
  captions: Set<string>;
}
const vocabularyOf = (layout: TableLayout): Vocabulary => ({
  fields: new Map(layout.fields.flatMap((f) => labelsOf(f).map((l) => [l, f.field] as const))),
  extras: new Set((layout.extraFields ?? []).map(labelKey)),
  captions: captionsOf(layout),
});
/** Block titles of a layout's head and indicator part, as compared. */
const captionsOf = (layout: TableLayout): Set<string> => new Set([...CAPTIONS, ...(layout.captions ?? [])].map(labelKey));

/**
 * Whether a printed text is one of these block titles. One printed with a score (`绩效指标(90分)`)
 * is not a mere title: it says what the block is worth, so it is kept as printed under 其他栏目.
 */
const isTitleIn = (captions: ReadonlySet<string>, printed: string) => {
  const { key, score } = readLabel(printed);
  return captions.has(key) && score === undefined;
};

/** What a cell of the head is: a field's label, a known extra label, a block title, or none of these. */
type Role = { field: string } | { extra: true } | { caption: true };
function roleOf(vocabulary: Vocabulary, printed: string): Role | undefined {
  const key = labelKey(printed);
  const field = vocabulary.fields.get(key);
  if (field) return { field };
  if (vocabulary.extras.has(key)) return { extra: true };
  if (isTitleIn(vocabulary.captions, printed)) return { caption: true };
  return undefined;
}
/** A label and its value in one cell (`预算单位:某某局`), when the label is one the layout knows. */
function inlineLabel(vocabulary: Vocabulary, text: string): { label: string; value: string; role: Role } | undefined {
  const m = LABEL_READING.inline.exec(text);
  if (!m || m[2]!.trim() === '') return undefined;
  const role = roleOf(vocabulary, m[1]!);
  return role && !('caption' in role) ? { label: m[1]!.trim(), value: m[2]!, role } : undefined;
}
/** Whether a cell reads as a label (so it is not the value of the label before it). */
const isLabel = (vocabulary: Vocabulary, text: string) => text.trim() !== '' && (roleOf(vocabulary, text) !== undefined || inlineLabel(vocabulary, text) !== undefined || /[:：]\s*$/.test(text));
/**
 * A text printed where a label stands that no description names: one phrase (a bracket of weights
 * after it at most), no value of its own after a colon. A note (`附注：本表为草稿`) or a sentence is not one.
 */
const looksLikeLabel = (text: string) => {
  const key = labelKey(text);
  return key.length > 0 && key.length <= 80 && !/[:。；;]./.test(key) && !/[。]/.test(key);
};

/** The placeholder a form leaves where the unit stamps its seal: no unit name. */
const SEAL = /^[(（]?\s*盖章\s*[)）]?$/;
/** A line of its own that is the year: `（2021年度）`, `( 2021 年度)`, `2020年度)` as printed, `(2021年)`. */
const YEAR_LINE = /^[(（]?(\d{4})年度?[)）]?$/;
/** A money unit at the end of a line: `单位:万元`, `金额单位：元`, `填报单位:(盖章) 单位:万元`. */
const MONEY_AT_END = /[(（]?(?:金额)?单位[:：]\s*(元|万元)\s*[)）]?$/;

/**
 * A line above the table or in its first rows: the money unit (at its end), the year, the unit, a
 * label and value the layout knows, or a line of the title (附件1, the title itself), kept in order.
 */
function readLine(text: string, table: ReadTable, vocabulary: Vocabulary, where: string, report: Report): void {
  let t = text.trim();
  const money = MONEY_AT_END.exec(t);
  if (money && (money.index === 0 || /[\s)）]/.test(t[money.index - 1]!) || MONEY_LINE.test(t.replace(/\s+/g, '')))) {
    setMoneyUnit(table, money[1] as MoneyUnit, where, report);
    t = t.slice(0, money.index).trim();
    if (t === '') return;
  }
  const year = YEAR_LINE.exec(t.replace(/\s+/g, ''));
  if (year) return void (table.year = Number(year[1]));
  const unit = UNIT_LINE.exec(t);
  if (unit) {
    if (!SEAL.test(unit[1]!.trim())) table.unitLine = unit[1]!.trim();
    return;
  }
  const inline = inlineLabel(vocabulary, t);
  if (inline) {
    if ('field' in inline.role && !table.values.has(inline.role.field)) {
      table.values.set(inline.role.field, inline.value);
      table.where.set(inline.role.field, where);
      if (inline.role.field !== '单位名称' && inline.role.field !== '单位编码') table.last = inline.role.field;
    } else placeExtra(table, inline.label, inline.value);
    return;
  }
  // A code and name under the title (`813示例局`); a title that starts with its year (`2022年…`) is none.
  if (UNIT_CODE.test(t) && !/^\d{4}\s*年/.test(t) && table.unitLine === undefined && table.titles.length > 0) return void (table.unitLine = t);
  table.titles.push(t);
}

/** The money unit of a table, from a line, a label or an amount; two different ones are refused. */
function setMoneyUnit(table: ReadTable, unit: MoneyUnit, where: string, report: Report) {
  if (table.moneyUnit !== undefined && table.moneyUnit !== unit) {
    report.problems.push({ where, message: `这里写的金额单位是${unit}，而 ${table.moneyUnitWhere} 写的是${table.moneyUnit}：一张表只能有一个金额单位。请按原表核对` });
    return;
  }
  table.moneyUnit = unit;
  table.moneyUnitWhere ??= where;
}

type Column = { field?: string; extra?: string; project?: string };

/**
 * The indicator columns under a header row: position → the field (or 其他栏目 label) it fills, and
 * the first row of indicators. A label over several columns of values is one printing per column;
 * fields sharing a label take its printings in order, one marked `occurrence: 'last'` the last. A
 * header of two rows (区域目标值 over the areas) labels each column `上/下`. A label no description
 * names is kept as a column of 其他栏目 and listed.
 */
function columnsOf(grid: Grid, r: number, layout: TableLayout, table: ReadTable, report: Report, projectLabels: Map<string, string> = new Map()) {
  const columns = new Map<number, Column>();
  const byLabel = new Map<string, LayoutField[]>();
  for (const column of layout.indicatorColumns) for (const l of new Set(labelsOf(column))) byLabel.set(l, [...(byLabel.get(l) ?? []), column]);
  const extras = new Set((layout.extraIndicatorColumns ?? []).map(labelKey));
  const captions = captionsOf(layout);
  const sub = subHeader(grid, r);
  const printings: { c: number; text: string; key: string; upper?: string }[] = [];
  for (let c = 0; c < gridWidth(grid); c++) {
    // A header of two rows: a label merged down from the row above names this column too.
    const shown = visibleCell(grid, r, c);
    if (!shown || shown.col !== c || shown.cell.text.trim() === '') continue;
    const cell = shown.cell;
    const text = cell.text.trim();
    const key = labelKey(text);
    const blockTitle = (cell.rowSpan ?? 1) > 1 || shown.row < r || !columnHasValues(grid, r, c);
    // A block title beside the indicators (merged down their left side, or over nothing) is no
    // column; one with values under it is, and an unknown one at that.
    if (isTitleIn(captions, text) && blockTitle) continue;
    const span = cell.colSpan ?? 1;
    if (sub && span > 1) {
      for (let c2 = c; c2 < c + span; c2++) {
        const label = own(grid, r + 1, c2)?.text.trim();
        if (label) printings.push({ c: c2, text: `${text}/${label}`, key: `${key}/${labelKey(label)}`, upper: key });
      }
      continue;
    }
    // (Text has no merges: there, any such label with nothing under it.)
    if (!byLabel.has(key) && !projectLabels.has(key) && !extras.has(key) && ((cell.rowSpan ?? 1) > 1 || shown.row < r || grid.source === 'text') && !columnHasValues(grid, r, c)) {
      // A title no description names, merged down beside the indicators (`绩` of a vertical 绩效指标,
      // 绩效指标 with its weights in brackets): kept with the table's other cells, listed.
      // A block title the layout knows, printed with its score, is kept so without a notice.
      keepExtra(table, text, '', cellWhere(grid, shown.row, c), layout, report, captions.has(key));
      continue;
    }
    for (let c2 = c; c2 < c + span; c2++) if (c2 === c || startsBelow(grid, r, c2)) printings.push({ c: c2, text, key });
  }
  const groups = new Map<string, typeof printings>();
  for (const p of printings) groups.set(p.key, [...(groups.get(p.key) ?? []), p]);
  const twice = (c: number, text: string, first: number, field: string) =>
    report.problems.push({ where: cellWhere(grid, r, c), message: `“${text}”与 ${cellWhere(grid, r, first)} 的栏目都是“${field}”，无法确定用哪一栏。请删去或改名其中一栏` });
  for (const [key, list] of groups) {
    const fields = byLabel.get(key);
    if (fields) {
      if (fields.length === 1 && fields[0]!.occurrence === 'last') {
        list.slice(0, -1).forEach((p) => columns.set(p.c, { extra: p.text }));
        columns.set(list.at(-1)!.c, { field: fields[0]!.field });
      } else list.forEach((p, n) => (n < fields.length ? columns.set(p.c, { field: fields[n]!.field }) : twice(p.c, p.text, list[0]!.c, fields[0]!.field)));
    } else if (projectLabels.has(key)) list.forEach((p, n) => (n === 0 ? columns.set(p.c, { project: projectLabels.get(key)! }) : twice(p.c, p.text, list[0]!.c, projectLabels.get(key)!)));
    else {
      for (const p of list) {
        columns.set(p.c, { extra: p.text });
        if (!extras.has(key) && !(p.upper && extras.has(p.upper))) report.notices.push({ where: cellWhere(grid, r, p.c), message: `指标表的栏目“${short(p.text)}”不在表样“${layout.name}”中，这一栏照原样保存在每条指标的“其他栏目”下` });
      }
    }
  }
  // Two columns for one field (a label and its alias): keeping either would drop the other.
  const byField = new Map<string, number>();
  for (const [c, column] of [...columns].sort(([a], [b]) => a - b)) {
    const field = column.field ?? column.project;
    if (field === undefined) continue;
    const first = byField.get(field);
    if (first === undefined) byField.set(field, c);
    else {
      twice(c, visibleText(grid, r, c).trim(), first, field);
      columns.delete(c);
    }
  }
  return { columns, first: r + (sub ? 2 : 1) };
}

/** Whether any row below `r` has a value of its own in column `c`. */
const columnHasValues = (grid: Grid, r: number, c: number) => grid.rows.slice(r + 1).some((row) => (row[c]?.text.trim() ?? '') !== '');
/** Whether any row below `r` has a cell of its own starting in column `c` (not covered by a merge from its left). */
const startsBelow = (grid: Grid, r: number, c: number) => grid.rows.slice(r + 1).some((row) => row[c] !== null && row[c] !== undefined);

/**
 * Whether the row under a header row labels the columns of a header label printed across several
 * (区域目标值 over the areas): its cells of its own stand only under such labels, the other
 * columns being merged down from the header.
 */
function subHeader(grid: Grid, r: number): boolean {
  const below = grid.rows[r + 1];
  if (!below) return false;
  let labels = 0;
  for (let c = 0; c < below.length; c++) {
    const cell = below[c];
    if (!cell) continue;
    const over = visibleCell(grid, r, c);
    const spanning = over !== undefined && (over.cell.colSpan ?? 1) > 1 && over.row === r && over.cell.text.trim() !== '';
    if (cell.text.trim() === '') continue;
    if (!spanning) return false;
    labels++;
  }
  return labels > 0;
}

/** A 其他栏目 with the place it was printed in: after the field or 其他栏目 read before it. */
function placeExtra(table: ReadTable, label: string, value: string) {
  table.extra[label] = value;
  table.after[label] = table.last;
  table.last = label;
}

/** Keeps a labelled cell no field takes under 其他栏目, listing it when the layout does not name it. */
function keepExtra(table: ReadTable, label: string, value: string, where: string, layout: TableLayout, report: Report, known = false) {
  const printed = label.trim();
  if (printed in table.extra) {
    report.problems.push({ where, message: `栏目“${short(printed)}”在表中出现了两次，“其他栏目”里只能保存一个。请核对原表，给其中一处加上区别` });
    return;
  }
  placeExtra(table, printed, value);
  if (!known) report.notices.push({ where, message: `栏目“${short(printed)}”不在表样“${layout.name}”中，${value.trim() ? `它的内容“${short(value.trim())}”` : '它（内容为空）'}照原样保存在“其他栏目”下` });
}

/**
 * Text has no merges: a header of two rows arrives with labels above empty header cells. Such a
 * label is read as merged down over the header row, as the Word or Excel table drew it.
 */
function stackedHeader(grid: Grid, header: number, layout: TableLayout): Grid {
  if (header === 0 || grid.source !== 'text') return grid; // Excel and Word keep their merges
  const known = new Set([...layout.fields, ...layout.indicatorColumns].flatMap(labelsOf));
  const rows = grid.rows.map((row) => [...row]);
  rows[header - 1]!.forEach((cell, c) => {
    const below = rows[header]![c];
    if (cell && (cell.rowSpan ?? 1) === 1 && known.has(labelKey(cell.text)) && below && below.text.trim() === '') {
      rows[header - 1]![c] = { ...cell, rowSpan: 2 };
      rows[header]![c] = null;
    }
  });
  return { ...grid, rows };
}

/** A block title just over the header row (or merged down into it). */
const isCaption = (cell: GridCell, r: number, header: number) => isTitleIn(CAPTIONS, cell.text) && (r === header - 1 || r + (cell.rowSpan ?? 1) > header);
/** Part of a many-projects header of two rows: merged down into the header row, or a block title over it. */
const isHeaderCell = (cell: GridCell, r: number, header: number) => r + (cell.rowSpan ?? 1) > header || isCaption(cell, r, header);

/** One project per table: label cells with their values beside or below them, then the indicators. */
function readForm(grid: Grid, layout: TableLayout, report: Report): ReadTable[] {
  const { problems } = report;
  const table = emptyTable();
  const vocabulary = vocabularyOf(layout);
  for (const p of grid.before) if (p.text.trim()) readLine(p.text, table, vocabulary, p.where, report);
  const header = headerRow(grid, layout);
  if (header === undefined) {
    problems.push({ where: cellWhere(grid, 0, 0), message: `表格“${grid.name}”没有绩效指标的表头行（应有：${layout.indicatorColumns.filter((c) => c.required).map((c) => c.label).join('、')}）` });
    return [];
  }
  // List tables (年度履职目标) stand between the head and the indicators, each under its header row;
  // their rows run to the next header. A row that only names a list is its title.
  const lists = (layout.listTables ?? [])
    .map((list) => ({ list, header: headerRowOf(grid, list.columns) }))
    .filter((x): x is { list: ListTable; header: number } => x.header !== undefined && x.header < header)
    .sort((a, b) => a.header - b.header);
  const titles = new Set((layout.listTables ?? []).map((l) => labelKey(l.label)));
  // A row that only names a list, or the indicator block under it (部门整体绩效指标), is no row of the list.
  const blockTitles = captionsOf(layout);
  const isTitle = (r: number) => {
    const texts = (grid.rows[r] ?? []).filter((c): c is GridCell => c !== null && c.text.trim() !== '');
    return texts.length === 1 && (titles.has(labelKey(texts[0]!.text)) || isTitleIn(blockTitles, texts[0]!.text));
  };
  const inList = new Set<number>();
  lists.forEach(({ list, header: listHeader }, n) => {
    const end = lists[n + 1]?.header ?? header;
    const columns = new Map<number, string>();
    const byLabel = new Map(list.columns.flatMap((c) => labelsOf(c).map((l) => [l, c.field] as const)));
    (grid.rows[listHeader] ?? []).forEach((cell, c) => {
      if (!cell || cell.text.trim() === '') return;
      const field = byLabel.get(labelKey(cell.text));
      if (field) columns.set(c, field);
      else problems.push({ where: cellWhere(grid, listHeader, c), message: `“${list.label}”表中的栏目“${cell.text.trim()}”不在表样“${layout.name}”中（应为：${list.columns.map((c) => c.label).join('、')}）` });
    });
    const rows: { cells: Map<string, string>; where: Map<string, string> }[] = [];
    for (let r = listHeader; r < end; r++) {
      inList.add(r);
      if (r === listHeader || isTitle(r)) continue;
      const cells = new Map<string, string>();
      const where = new Map<string, string>();
      for (const [c, field] of columns) {
        cells.set(field, visibleText(grid, r, c));
        where.set(field, cellWhere(grid, r, c));
      }
      if ([...cells.values()].some((t) => t.trim() !== '')) rows.push({ cells, where });
    }
    table.lists.set(list.field, rows);
  });
  readLabelled(grid, 0, header, layout, vocabulary, table, report, (r) => inList.has(r) || isTitle(r), true);
  const { columns, first } = columnsOf(grid, header, layout, table, report);
  readIndicatorRows(grid, first, grid.rows.length, columns, table, report, layout, vocabulary);
  return [table];
}

/**
 * The labelled cells of rows `from` to `to`. Rows before the first label are the title's lines
 * (`top`). A label's value is the next cell to its right or, when a label stands there (or nothing),
 * the cell below it (总体目标 | 年度目标 over the two goals). The labels the layout knows take their
 * values first, beside them and then below; then a text no description names, that reads as a
 * label, takes the value beside or below it and is kept under 其他栏目. A cell that is no label and
 * no label's value is refused.
 */
function readLabelled(grid: Grid, from: number, to: number, layout: TableLayout, vocabulary: Vocabulary, table: ReadTable, report: Report, skip: (r: number) => boolean, top: boolean) {
  type Cell = ReturnType<typeof rowCells>[number];
  interface Item {
    r: number;
    n: number;
    x: Cell;
    row: Cell[];
    printed: string;
    role?: Role;
    value?: { text: string; where: string };
  }
  const items: Item[] = [];
  let labelled = !top;
  for (let r = from; r < to; r++) {
    if (skip(r)) continue;
    const row = rowCells(grid, r);
    if (!labelled && !row.some((x) => x.text !== '' && isLabel(vocabulary, x.text) && !isCaption(x.cell, r, to))) {
      for (const x of row) if (x.text !== '') readLine(x.cell.text, table, vocabulary, cellWhere(grid, r, x.c), report);
      continue;
    }
    labelled = true;
    // A form's labels may be merged down its left side past the header: only block titles are skipped.
    row.forEach((x, n) => {
      if (x.text === '' || isCaption(x.cell, r, to)) return;
      const item: Item = { r, n, x, row, printed: x.text, role: roleOf(vocabulary, x.text) };
      const inline = item.role ? undefined : inlineLabel(vocabulary, x.text);
      if (inline) Object.assign(item, { printed: inline.label, role: inline.role, value: { text: inline.value, where: cellWhere(grid, r, x.c) } });
      const unit = readLabel(item.printed).unit;
      if (unit) setMoneyUnit(table, unit, cellWhere(grid, r, x.c), report);
      items.push(item);
    });
  }
  const taken = new Set<Cell>();
  /** The cell beside a label: the next to its right, unless a label stands there. */
  const beside = (item: Item): Item['value'] | undefined => {
    const { row, n, r } = item;
    // Text has no merges: a value merged over several columns arrives after the empty cells it covered…
    let step = 1;
    if (grid.source === 'text') while (row[n + step]?.text === '' && row[n + step + 1] && !isLabel(vocabulary, row[n + step + 1]!.text)) step++;
    const next = row[n + step];
    // …and an empty cell there may be one a label above or beside covered: the value, if any, is below.
    if (!next || (grid.source === 'text' && next.text === '') || taken.has(next) || isLabel(vocabulary, next.text)) return undefined;
    taken.add(next);
    return { text: next.cell.text, where: cellWhere(grid, r, next.c) };
  };
  /** The cell below a label: the one starting under it after its own rows. */
  const under = (item: Item): Item['value'] | undefined => {
    const belowRow = item.r + (item.x.cell.rowSpan ?? 1);
    if (belowRow >= to || skip(belowRow)) return undefined;
    const below = items.find((i) => i.r === belowRow && i.x.c === item.x.c);
    // A cell that has taken the value beside it is a label, not this one's value.
    if (!below || below.role || below.value || taken.has(below.x) || isLabel(vocabulary, below.x.text)) return undefined;
    taken.add(below.x);
    return { text: below.x.cell.text, where: cellWhere(grid, belowRow, below.x.c) };
  };
  const known = items.filter((i) => i.role && !('caption' in i.role));
  const unknown = items.filter((i) => !i.role && looksLikeLabel(i.x.text));
  for (const item of known) item.value ??= beside(item);
  // A cell under a known label still without its value is that value, not a label of its own.
  const wanted = new Set(known.filter((i) => !i.value).map((i) => `${i.r + (i.x.cell.rowSpan ?? 1)},${i.x.c}`));
  for (const item of unknown) if (!taken.has(item.x) && !wanted.has(`${item.r},${item.x.c}`)) item.value ??= beside(item);
  for (const item of known) item.value ??= under(item);
  for (const item of unknown) if (!taken.has(item.x)) item.value ??= under(item);
  for (const item of items) {
    const { r, x, role, value, printed } = item;
    if (taken.has(x) || (role && 'caption' in role)) continue;
    const where = cellWhere(grid, r, x.c);
    if (role && 'field' in role) {
      if (!value || value.text.trim() === '') continue;
      if (table.values.has(role.field)) {
        // Two cells for one field: keeping either would drop the other.
        report.problems.push({ where: value.where, message: `“${printed}”在表中出现了两次（另一处在 ${table.where.get(role.field)}），无法确定哪一个是“${role.field}”。请只保留一处，或用 --layout 指定正确的表样` });
      } else {
        table.values.set(role.field, value.text);
        table.where.set(role.field, value.where);
        // The unit's code and name are shown above every table, whatever cell printed them.
        if (role.field !== '单位名称' && role.field !== '单位编码') table.last = role.field;
      }
    } else if (role) {
      if (value && value.text.trim() !== '') keepExtra(table, printed, value.text, value.where, layout, report, true);
    } else if (looksLikeLabel(x.text) && (value !== undefined || item.row[item.n + 1] !== undefined || (x.cell.rowSpan ?? 1) > 1)) {
      keepExtra(table, printed, value?.text ?? '', value?.where ?? where, layout, report);
    } else {
      report.problems.push({ where, message: `“${short(x.text)}”不是表样“${layout.name}”的栏目，也不在栏目旁边，无法放进任何字段` });
    }
  }
}

/**
 * The indicator rows from `from` to `to`: one per row, 一级/二级 carried down when merged or left
 * empty. A row printing only a 一级 or 二级 (a template's empty group) is left out and listed; a
 * row whose first cell stands left of the indicator columns (财政部门审核意见 under the table) is
 * read as labelled cells.
 */
function readIndicatorRows(grid: Grid, from: number, to: number, columns: Map<number, Column>, table: ReadTable, report: Report, layout?: TableLayout, vocabulary?: Vocabulary) {
  // A labelled cell under the indicators was printed after them.
  table.last = '绩效指标';
  for (let r = from; r < to; r++) {
    const own = rowCells(grid, r).filter((x) => x.text !== '');
    const firstOwn = own[0];
    if (firstOwn && !columns.has(firstOwn.c) && layout && vocabulary && firstOwn.c < Math.min(...columns.keys())) {
      readLabelled(grid, r, r + 1, layout, vocabulary, table, report, () => false, false);
      continue;
    }
    // A total row under the indicators (合计 | 100 of the 权重): the table's, not an indicator; kept as printed.
    if (firstOwn && layout && TOTAL_ROWS.has(labelKey(firstOwn.text))) {
      keepExtra(table, firstOwn.text, own.slice(1).map((x) => x.text.trim()).join(' '), cellWhere(grid, r, firstOwn.c), layout, report, true);
      continue;
    }
    const above = table.indicators.at(-1)?.cells ?? new Map<string, string>();
    const cells = new Map<string, string>();
    const where = new Map<string, string>();
    const extra: Record<string, string> = {};
    for (const [c, column] of columns) {
      const text = visibleText(grid, r, c);
      where.set(column.field ?? column.extra ?? '', cellWhere(grid, r, c));
      if (column.field) cells.set(column.field, text);
      else if (column.extra && text.trim() !== '') extra[column.extra] = text;
    }
    const written = [...cells.entries()].filter(([f, t]) => t.trim() !== '' && f !== '一级指标' && f !== '二级指标');
    if (written.length === 0 && Object.keys(extra).length === 0) {
      const levels = CARRIED_LEVELS.flatMap((level) => {
        const c = [...columns].find(([, column]) => column.field === level)?.[0];
        const text = c === undefined ? '' : ownText(grid, r, c);
        return text ? [`${level}“${short(text)}”`] : [];
      });
      if (levels.length) report.notices.push({ where: cellWhere(grid, r, firstOwn!.c), message: `这一行只有${levels.join('和')}，没有指标，未导入（模板留下的空行）` });
      continue;
    }
    for (const level of CARRIED_LEVELS) {
      const c = [...columns].find(([, column]) => column.field === level)?.[0];
      if (c === undefined || cells.get(level)!.trim() !== '') continue;
      const text = carriedDown(grid, r, c, above.get(level));
      if (text !== undefined) cells.set(level, text);
    }
    table.indicators.push({ cells, extra, where });
  }
}

/** Many projects in one sheet: a row per indicator, the project's cells merged down over its rows. */
function readRows(source: Grid, layout: TableLayout, report: Report): ReadTable[] {
  const { problems } = report;
  const header = headerRow(source, layout);
  const grid = header === undefined ? source : stackedHeader(source, header, layout);
  const lines = emptyTable();
  const vocabulary = vocabularyOf(layout);
  for (const p of grid.before) if (p.text.trim()) readLine(p.text, lines, vocabulary, p.where, report);
  if (header === undefined) {
    problems.push({ where: cellWhere(grid, 0, 0), message: `表格“${grid.name}”没有表头行（应有：${[...layout.fields, ...layout.indicatorColumns].filter((c) => c.required).map((c) => c.label).join('、')}）` });
    return [];
  }
  for (let r = 0; r < header; r++) {
    for (let c = 0; c < gridWidth(grid); c++) {
      const cell = own(grid, r, c);
      if (cell && cell.text.trim() && !isHeaderCell(cell, r, header)) readLine(cell.text, lines, vocabulary, cellWhere(grid, r, c), report);
    }
  }
  const projectLabels = new Map(layout.fields.flatMap((f) => labelsOf(f).map((l) => [l, f.field] as const)));
  const { columns } = columnsOf(grid, header, layout, lines, report, projectLabels);
  // A unit in a column's label (`预算数（万元）`) is the sheet's money unit, as a head label's is in a form.
  for (const c of columns.keys()) {
    const unit = readLabel(visibleText(grid, header, c)).unit;
    if (unit) setMoneyUnit(lines, unit, cellWhere(grid, header, c), report);
  }
  const projectColumns = [...columns].filter(([, col]) => col.project).map(([c, col]) => [c, col.project!] as const);
  const nameColumn = projectColumns.find(([, f]) => f === '项目名称')?.[0];
  if (nameColumn === undefined) {
    problems.push({ where: cellWhere(grid, header, 0), message: '表头行没有“项目名称”一栏：一张表列出多个项目时，每个项目的名称要在这一栏' });
    return [];
  }
  const tables: ReadTable[] = [];
  let current: ReadTable | undefined;
  let unitTotal: { text: string; where: string } | undefined;
  for (let r = header + 1; r < grid.rows.length; r++) {
    // A project starts where its name cell starts (the unit's total row may span the name column from the left).
    const name = visibleCell(grid, r, nameColumn);
    const ownName = name !== undefined && name.row === r && name.col === nameColumn && name.cell.text.trim() !== '';
    // 合计 where a project's name stands is the unit's total row (printed above the projects or under them).
    const totalLabel = ownName && TOTAL_ROWS.has(labelKey(name.cell.text));
    const startsHere = ownName && !totalLabel;
    const indicatorWritten = [...columns].some(([c, col]) => !col.project && ownText(grid, r, c) !== '');
    const projectCells = projectColumns.map(([c, field]) => ({ c, field, cell: own(grid, r, c) })).filter((x) => x.cell && x.cell.text.trim() !== '');
    if (!startsHere && !indicatorWritten) {
      if (projectCells.length === 0) continue;
      // The unit's own row: its name and total budget, no project and no indicator.
      const total = projectCells.find((x) => x.field === '预算数');
      if (total && !unitTotal) {
        unitTotal = { text: total.cell!.text, where: cellWhere(grid, r, total.c) };
        const label = totalLabel ? projectCells.find((x) => x.field === '项目名称') : undefined;
        const unit = projectCells.find((x) => x !== label && x.field === '单位名称') ?? projectCells.find((x) => x !== total && x !== label && (x.cell!.colSpan ?? 1) > 1);
        if (unit) lines.unitLine = unit.cell!.text.trim();
        for (const { c, cell } of projectCells.filter((x) => x !== total && x !== unit && x !== label)) {
          problems.push({ where: cellWhere(grid, r, c), message: `单位合计行中的“${short(cell!.text)}”无法放置：这一行只应有单位名称和预算数合计` });
        }
        continue;
      }
    }
    if (startsHere) {
      current = { ...emptyTable(), titles: lines.titles, year: lines.year, unitLine: lines.unitLine, moneyUnit: lines.moneyUnit, moneyUnitWhere: lines.moneyUnitWhere };
      tables.push(current);
      for (const [c, field] of projectColumns) {
        // A cell of its own, or one merged down over several projects (the unit's name over all of them).
        const shown = visibleCell(grid, r, c);
        if (!shown || shown.cell.text.trim() === '' || (shown.row === r && shown.col !== c)) continue;
        current.values.set(field, shown.cell.text);
        current.where.set(field, cellWhere(grid, shown.row, shown.col));
      }
    } else if (!current) {
      for (const { c } of projectCells) problems.push({ where: cellWhere(grid, r, c), message: '这一行在第一个项目之前，又不是单位合计行，无法放置' });
      if (indicatorWritten) problems.push({ where: cellWhere(grid, r, 0), message: '这一行有指标，但“项目名称”一栏是空的，不知道属于哪个项目' });
      continue;
    } else {
      // A continuation row: its project cells are merged from above (or left empty in text).
      for (const { c, cell } of projectCells) {
        problems.push({ where: cellWhere(grid, r, c), message: `“${short(cell!.text)}”写在项目“${current.values.get('项目名称')}”的中间一行：项目的格子应向下合并，或只在项目的第一行填写` });
      }
    }
    readIndicatorRows(grid, r, r + 1, new Map([...columns].filter(([, col]) => !col.project)), current!, report);
  }
  if (unitTotal) {
    const unit = lines.moneyUnit ?? layout.moneyUnit;
    // Only amounts that are exact in the unit are added up; the others get their own message in finish.
    const exact = (text: string) => {
      const amount = readAmount(text);
      return amount.ok && decimalsOf(amount.text) <= MAX_DECIMALS[unit] ? amount : undefined;
    };
    const total = exact(unitTotal.text);
    if (!total) problems.push({ where: unitTotal.where, message: `单位合计“${short(unitTotal.text)}”不是${unit}金额（最多 ${MAX_DECIMALS[unit]} 位小数），例如 1200000.00` });
    const amounts = tables.map((t) => exact(t.values.get('预算数') ?? ''));
    if (total && amounts.every((a) => a !== undefined)) {
      const sum = amounts.reduce((s, a) => s + toFen(a!.text, unit), 0n);
      const expected = toFen(total.text, unit);
      if (sum !== expected) {
        problems.push({
          where: unitTotal.where,
          message: `单位合计 ${formatFenIn(expected, unit)} ${unit} 与 ${tables.length} 个项目的预算数之和 ${formatFenIn(sum, unit)} ${unit} 不相等（相差 ${formatFenIn(expected > sum ? expected - sum : sum - expected, unit)} ${unit}）。请按批复文件核对`,
        });
      }
    }
  }
  return tables;
}

/** Values of the 说明 table the exporter writes (label | value rows). */
function readNotes(grid: Grid | undefined, problems: ImportProblem[]): Map<string, string> {
  const values = new Map<string, string>();
  if (!grid) return values;
  for (let r = 1; r < grid.rows.length; r++) {
    const [label, value] = [ownText(grid, r, 0), own(grid, r, 1)?.text ?? ''];
    if (!label) continue;
    if ((NOTE_FIELDS as readonly string[]).includes(label)) values.set(label, value.trim());
    else problems.push({ where: cellWhere(grid, r, 0), message: `说明表中的“${short(label)}”无法识别（可写：${NOTE_FIELDS.join('、')}）` });
  }
  return values;
}

/** An amount written with its unit after it (`10000万元`, `2279.048 万元`, `250万`): the number and the unit. */
const AMOUNT_WITH_UNIT = /^(.*?\d)\s*(万元|元|万)$/;
const unitOfSuffix = (suffix: string): MoneyUnit => (suffix === '元' ? '元' : '万元');

/** A read table as a project file: amounts checked, unit and year found, keys in the written order. */
function finish(table: ReadTable, notes: Map<string, string>, grid: Grid, layout: TableLayout, options: LayoutImportOptions, problems: ImportProblem[]): Record<string, unknown> | undefined {
  const at = (field: string) => table.where.get(field) ?? cellWhere(grid, 0, 0);
  const isProject = layout.kind === 'project';
  const name = isProject ? table.values.get('项目名称')?.trim() : '部门整体目标';
  if (!name) {
    problems.push({ where: cellWhere(grid, 0, 0), message: `表格“${grid.name}”没有项目名称（表样“${layout.name}”的“${layout.fields.find((f) => f.field === '项目名称')!.label}”一栏）` });
    return undefined;
  }
  // A unit written after the amounts (`10000万元`) is the table's when nothing else names one.
  const isMoney = (field: string) => MONEY_FIELDS.has(field) && !layout.emptyMarks?.includes((table.values.get(field) ?? '').trim());
  const suffixes = [...table.values].flatMap(([field, text]) => {
    const m = isMoney(field) ? AMOUNT_WITH_UNIT.exec(text.trim()) : null;
    return m ? [{ field, unit: unitOfSuffix(m[2]!) }] : [];
  });
  const moneyUnit = table.moneyUnit ?? suffixes[0]?.unit ?? layout.moneyUnit;
  // A code in a cell of its own (部门编码) goes before the name, unless the name's line carries it already.
  const code = table.values.get('单位编码')?.trim();
  const named = table.values.get('单位名称')?.trim() ?? table.unitLine ?? '';
  const unitText = code && UNIT_CODE.exec(named)?.[1] !== code ? `${code} ${named}` : named;
  // The table's own unit line or cell first (`813某某局`, `820001-某某局`, or a name alone); --unit fills what it lacks.
  const fromTable = UNIT_CODE.exec(unitText);
  const fromOption = options.unit === undefined ? null : UNIT_CODE.exec(options.unit.trim());
  const unitWhere = table.where.get('单位编码') ?? table.where.get('单位名称') ?? cellWhere(grid, 0, 0);
  if (fromTable && fromOption && fromTable[1] !== fromOption[1]) {
    problems.push({ where: unitWhere, message: `表中的单位编码是 ${fromTable[1]}，与 --unit ${fromOption[1]} 不同。请核对后去掉 --unit 或改正它` });
    return undefined;
  }
  const unitCode = fromTable?.[1] ?? fromOption?.[1];
  const unitName = (fromTable ? fromTable[2]! : unitText).trim() || fromOption?.[2]?.trim();
  if (!unitCode || !unitName) {
    problems.push({ where: unitWhere, message: `项目“${name}”：表中${unitCode ? '没有单位名称' : '没有单位编码'}。请用 --unit 指定，例如 --unit 813 或 --unit "813 某某局"` });
    return undefined;
  }
  if (isProject && !table.values.get('预算数')?.trim()) {
    const label = layout.fields.find((f) => f.field === '预算数')?.label;
    problems.push({
      where: label ? cellWhere(grid, 0, 0) : '',
      message: `项目“${name}”：表中没有预算数${label ? `（表样“${layout.name}”的“${label}”一栏是空的）` : `（表样“${layout.name}”不印金额）`}。每个项目表都要有本年预算数：请按批复文件核对；原表确实没有金额的，暂时不能导入`,
    });
    return undefined;
  }
  const title = table.titles.join('\n');
  const titleYear = /(\d{4})\s*年/.exec(title)?.[1];
  const year = Number(notes.get('年度') ?? options.year ?? table.year ?? titleYear);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    problems.push({ where: cellWhere(grid, 0, 0), message: `项目“${name}”：无法判断年度（标题和表头几行中没有“2024年”“（2024年度）”这样的字样）。请用 --year 指定，例如 --year 2024` });
    return undefined;
  }
  const project: Record<string, unknown> = {
    // A table of another layout names it, so that a site whose default is another still shows it right.
    表样: notes.get('表样') ?? (layout === (options.siteLayout ?? DEFAULT_LAYOUT) ? undefined : layout.name),
    单位编码: unitCode,
    单位名称: unitName,
    年度: year,
    原文标题: notes.get('原文标题') ?? (title && title !== layout.title ? title : undefined),
    金额单位: moneyUnit === '元' ? undefined : moneyUnit,
    预算阶段: notes.get('预算阶段'),
    上年项目编码: notes.get('上年项目编码'),
  };
  // Amounts as canonical text in the table's unit; lists (绩效目标, 总体绩效目标) one item a line.
  const cellValue = (field: string, text: string, where: string): unknown => {
    if (!MONEY_FIELDS.has(field)) return LIST_FIELDS.has(field) ? text.split('\n').map((t) => t.trim()).filter(Boolean) : text.trim();
    // A mark the layout prints for "none" (—, /): no amount.
    if (layout.emptyMarks?.includes(text.trim())) return undefined;
    let written = text.trim();
    const withUnit = AMOUNT_WITH_UNIT.exec(written);
    if (withUnit) {
      if (unitOfSuffix(withUnit[2]!) !== moneyUnit) {
        problems.push({ where, message: `${field}“${short(text)}”写的单位是${unitOfSuffix(withUnit[2]!)}，而这张表的金额单位是${moneyUnit}。请按原表核对金额单位` });
        return undefined;
      }
      written = withUnit[1]!;
    }
    const amount = readAmount(written);
    if (!amount.ok) problems.push({ where, message: `${field}“${short(text)}”不是金额：只能写数字，例如 219800.00` });
    else if (decimalsOf(amount.text) > MAX_DECIMALS[moneyUnit]) problems.push({ where, message: `${field}“${text}”的小数位太多：金额单位是${moneyUnit}时最多 ${MAX_DECIMALS[moneyUnit]} 位` });
    else return amount.text;
    return undefined;
  };
  for (const [field, text] of table.values) if (field !== '单位名称' && field !== '单位编码') project[field] = cellValue(field, text, at(field));
  for (const [field, rows] of table.lists) {
    // In the description's order, whatever the printed one: the file reads the same however the table was laid out.
    const order = (layout.listTables ?? []).find((l) => l.field === field)!.columns.map((c) => c.field);
    project[field] = rows.map((row) => ordered(Object.fromEntries([...row.cells].filter(([, t]) => t.trim() !== '').map(([f, t]) => [f, cellValue(f, t, row.where.get(f)!)])), order));
  }
  if (isProject) {
    const code = project['项目编码'] as string | undefined;
    project['网址标识'] = notes.get('网址标识') ?? (code ? undefined : madeUrlKey(layout.urlPrefix, year, unitCode, name));
  }
  if (Object.keys(table.extra).length) project['其他栏目'] = table.extra;
  // Where each was printed: the page and the download put it there.
  const places = Object.entries(table.after).filter(([label]) => label in table.extra);
  if (places.length) project['其他栏目位置'] = Object.fromEntries(places);
  project['绩效指标'] = table.indicators.map((row) => {
    const nature = row.cells.get('指标性质')?.trim();
    const problem = nature ? natureProblem(nature) : undefined;
    if (problem) problems.push({ where: row.where.get('指标性质')!, message: problem });
    const indicator: Record<string, unknown> = {};
    for (const [field, text] of row.cells) if (text.trim() !== '') indicator[field] = field === '指标值' ? text : text.trim();
    if (indicator['指标值'] === undefined) indicator['指标值'] = '';
    if (Object.keys(row.extra).length) indicator['其他栏目'] = row.extra;
    return ordered(indicator, INDICATOR_KEYS);
  });
  return ordered(project, isProject ? PROJECT_KEYS : DEPARTMENT_KEYS);
}
const LIST_FIELDS = new Set(['绩效目标', '总体绩效目标']);

/** The keys of a built object in the order the schema lists them, undefined ones left out. */
function ordered(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
}

// ---------------------------------------------------------------------------------------------
// Export: a project file as a grid in its layout. The title and unit lines, the labelled cells
// and the indicator table, then the 说明 table with what the approved table does not print, so
// that importing the export gives back the same file.

/**
 * An amount as a number, so that Excel can add it up. A decimal of at most 15 significant digits
 * survives the trip through a double and back (DBL_DIG = 15); a longer one, or text that is no
 * amount, is written as the text it is.
 */
const amountCell = (text: string): GridCell => {
  if (!/^\d+(\.\d+)?$/.test(text) || text.replace('.', '').replace(/^0+(?=\d)/, '').length > 15) return value(text);
  const decimals = decimalsOf(text);
  return { text, number: Number(text), numFmt: decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0', style: 'number' };
};
const label = (text: string): GridCell => ({ text, style: 'label' });
const value = (text: string): GridCell => ({ text, style: 'value' });

/**
 * The layout with the fields it does not print appended under their own YAML names, so that a
 * file given such a field by hand keeps it through an export and an import. `has` says which to
 * append: those a writer's tables have, or (for a reader) all.
 */
function withOwnFields(layout: TableLayout, has: (field: string, where: 'project' | 'indicator') => boolean): TableLayout {
  if (layout.kind !== 'project') return layout;
  const placed = new Set<string>([...layout.fields, ...layout.indicatorColumns].map((f) => f.field));
  const own = <K extends string>(fields: readonly K[], where: 'project' | 'indicator') => fields.filter((f) => !placed.has(f) && has(f, where)).map((field) => ({ label: field, field, byName: true }));
  // 资金支出计划 has no cell of its own in these layouts: the schema refuses it there.
  return {
    ...layout,
    fields: [...layout.fields, ...own(PROJECT_FIELDS.filter((f) => f !== '资金支出计划' && f !== '单位名称'), 'project')],
    indicatorColumns: [...layout.indicatorColumns, ...own(INDICATOR_FIELDS, 'indicator')],
  };
}

/** The layout a set of tables is written in: its own columns, and those fields of the tables it lacks. */
function writingLayout(layout: TableLayout, tables: (ProjectInput | DepartmentInput)[]): TableLayout {
  return withOwnFields(layout, (field, where) =>
    tables.some((t) => (where === 'project' ? [t as Record<string, unknown>] : ((t.绩效指标 ?? []) as Record<string, unknown>[])).some((x) => x[field] !== undefined)),
  );
}

/** One project or department table (form layouts) in its layout, followed by the 说明 table. */
export function projectGrids(p: ProjectInput | DepartmentInput, tableLayout: TableLayout, name = tableLayout.title): Grid[] {
  if (tableLayout.arrangement === 'rows') return rowsGrids([p as ProjectInput], tableLayout, name);
  const layout = writingLayout(tableLayout, [p]);
  const drawing = layout.drawing;
  const width = Math.max(drawing?.columnWidths.length ?? 4, tableWidth(layout) + extraLabels([p]).length);
  const row = (...cells: GridCell[]) => {
    const out: (GridCell | null)[] = [];
    for (const cell of cells) out.push(cell, ...Array<null>((cell.colSpan ?? 1) - 1).fill(null));
    while (out.length < width) out.push({ text: '' });
    return out;
  };
  const projectName = (p as Partial<ProjectInput>).项目名称;
  const title = p.原文标题 ?? (drawing && projectName ? `${projectName}${drawing.titleAfterName}` : layout.title);
  const unitLine = `${p.单位编码}${p.单位名称}`;
  const moneyLine = `单位：${moneyUnitOf(p)}`;
  const rows: (GridCell | null)[][] = [
    row(span({ text: title, style: 'title' }, width)),
    // Above the table, the money unit at the right (河北), or its first row.
    drawing?.unitLineAbove ? row(span({ text: unitLine, style: 'note' }, width - 1), { text: moneyLine, style: 'note', align: 'right' }) : row(span(value(unitLine), width - 1), value(moneyLine)),
  ];
  // The drawing's blocks, then a row for each field it does not place (every field, without a drawing).
  const placed = new Set((drawing?.head ?? []).flatMap(blockFields));
  // The unit (its code and name) is the unit line's, above the fields.
  const head = [...(drawing?.head ?? []), ...layout.fields.filter((f) => f.field !== '单位名称' && f.field !== '单位编码' && !placed.has(f.field)).map((f): HeadBlock => ({ rows: [[{ field: f.field as ProjectField }]] }))];
  // A drawn form is also the template staff fill in: an empty amount cell keeps the money format.
  const emptyAmount = drawing ? { text: '', numFmt: EMPTY_AMOUNT_FORMAT[moneyUnitOf(p)] } : value('');
  // Each 其他栏目 right after the field (or 其他栏目) it was printed after, as the reader finds it
  // again; one without a place (or printed under the indicators) after the head, as before.
  const extras = extrasByPlace(['原文标题', ...head.flatMap(blockFields)], p.其他栏目, p.其他栏目位置);
  const extraRows = (labels: readonly string[] = []) => labels.forEach((extra) => rows.push(row(label(extra), span(value(p.其他栏目![extra]!), width - 1))));
  extraRows(extras.after.get('原文标题'));
  for (const block of head) {
    rows.push(...blockRows(block, p, layout, width, emptyAmount));
    for (const field of blockFields(block)) extraRows(extras.after.get(field));
  }
  extraRows(extras.rest);
  for (const list of layout.listTables ?? []) {
    const items = ((p as Record<string, unknown>)[list.field] as Record<string, unknown>[] | undefined) ?? [];
    rows.push(row(span(label(list.label), width)), row(...list.columns.map((c) => label(c.label))));
    for (const item of items) rows.push(row(...list.columns.map((c) => fieldCell(item, c.field))));
  }
  rows.push(...indicatorTable(p, layout, width, 0));
  const notes = notesGrid(noteValues(p), 0);
  if (!drawing) return [{ name: sheetName(name), source: 'xlsx', rows, before: [] }, notes];
  return [
    { name: sheetName(name), source: 'xlsx', rows, before: [], widths: [...drawing.columnWidths] },
    { ...notes, widths: [...drawing.notesWidths] },
  ];
}

const span = (cell: GridCell, colSpan: number): GridCell => (colSpan > 1 ? { ...cell, colSpan } : cell);
/** Up to 分 in either unit: 219,800.00 元, 21.98 万元 or 21.981234 万元. */
const EMPTY_AMOUNT_FORMAT: Record<MoneyUnit, string> = { 元: '#,##0.00', 万元: '#,##0.00####' };
/** The grid columns of a layout's indicator table. */
const tableWidth = (layout: TableLayout) => layout.indicatorColumns.reduce((n, c) => n + (c.span ?? 1), 0);
const blockFields = (block: HeadBlock): string[] => ('rows' in block ? block.rows.flat().map((place) => place.field) : 'list' in block ? [block.list] : [block.plan]);
const labelOf = (layout: TableLayout, field: string) => layout.fields.find((f) => f.field === field)?.label ?? field;

/**
 * One block of a form's head as grid rows: its label merged down the first column over its rows
 * (a block of one row of places has none of its own), then its places, list items or checkpoints.
 */
function blockRows(block: HeadBlock, p: ProjectInput | DepartmentInput, layout: TableLayout, width: number, emptyAmount: GridCell): (GridCell | null)[][] {
  const get = (field: string) => (p as Record<string, unknown>)[field];
  const pad = (cells: (GridCell | null)[]) => [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => ({ text: '' }))];
  /** Rows of cells after a label over all of them (`head`), or after none. */
  const under = (head: string | undefined, lines: (GridCell | null)[][]) =>
    lines.map((cells, n) => pad([...(head === undefined ? [] : [n > 0 ? null : { ...label(head), ...(lines.length > 1 && { rowSpan: lines.length }) }]), ...cells]));
  const across = (cell: GridCell, colSpan: number) => [span(cell, colSpan), ...Array<null>(colSpan - 1).fill(null)];
  if ('list' in block) {
    const items = (get(block.list) as string[] | undefined) ?? [];
    return under(labelOf(layout, block.list), (items.length > 0 ? items : ['']).map((item) => across(value(item), width - 1)));
  }
  if ('plan' in block) {
    const checkpoints = (get(block.plan) as { 月份: unknown; 累计比例: unknown }[] | undefined) ?? [];
    const lines: (GridCell | null)[][] = [];
    for (let i = 0; i === 0 || i < checkpoints.length; i += block.perRow) {
      const slots = Array.from({ length: block.perRow }, (_, n) => checkpoints[i + n]);
      lines.push(slots.map((c) => label(c ? `${String(c.月份)}${block.monthSuffix}` : '')), slots.map((c) => percentCell(c?.累计比例)));
    }
    return under(labelOf(layout, block.plan), lines);
  }
  const from = block.label === undefined ? 0 : 1;
  const lines = block.rows.map((places) => {
    const cells: (GridCell | null)[] = [];
    places.forEach((place, n) => {
      if (!place.bare) cells.push(label(labelOf(layout, place.field)));
      const colSpan = place.span ?? (n === places.length - 1 ? width - from - cells.length : 1);
      const empty = MONEY_FIELDS.has(place.field) && get(place.field) === undefined;
      cells.push(...across(empty ? emptyAmount : fieldCell(p, place.field), colSpan));
    });
    return cells;
  });
  return under(block.label, lines);
}

/**
 * A cumulative percent as Excel shows one (25 → 0.25 in `0%`), centred under its month. An empty
 * cell means "no plan", never 0; it keeps the format, so that what staff type there is a percent.
 */
function percentCell(percent: unknown): GridCell {
  const written = percent === null || percent === undefined ? '' : String(percent).trim().replace(/[%％]$/, '');
  if (!/^\d+(\.\d+)?$/.test(written)) return { text: percent === null || percent === undefined ? '' : String(percent), numFmt: '0%', align: 'center' };
  // Whole percents show as 25%, others with their (at most two) decimals.
  return { text: `${written}%`, number: Number(written) / 100, numFmt: Number.isInteger(Number(written)) ? '0%' : '0.00%', align: 'center' };
}

/** Many projects of one unit in a rows layout: header, the unit's total, each project merged down. */
export function rowsGrids(projects: ProjectInput[], tableLayout: TableLayout, name = tableLayout.title): Grid[] {
  const layout = writingLayout(tableLayout, projects);
  const projectFields = layout.fields;
  const width = projectFields.length + tableWidth(layout) + extraLabels(projects).length;
  const first = projects[0]!;
  const unit = moneyUnitOf(first);
  const total = projects.reduce((sum, p) => sum + toFen(String(p.预算数), unit), 0n);
  const pad = (cells: (GridCell | null)[]) => [...cells, ...Array.from({ length: width - cells.length }, () => ({ text: '' }))];
  const rows: (GridCell | null)[][] = [
    pad([{ text: first.原文标题 ?? layout.title, style: 'title', colSpan: width }, ...Array<null>(width - 1).fill(null)]),
    pad([{ text: `单位：${unit}`, style: 'value' }]),
    [...projectFields.map((f) => label(f.label)), ...indicatorTable(first, layout, width - projectFields.length, 0, extraLabels(projects))[0]!],
    pad(projectFields.map((f) => (f.field === '单位名称' ? value(`${first.单位编码}${first.单位名称}`) : f.field === '预算数' ? amountCell(formatFenIn(total, unit).replaceAll(',', '')) : { text: '' }))),
  ];
  for (const p of projects) {
    const indicators = indicatorTable(p, layout, width - projectFields.length, projectFields.length, extraLabels(projects)).slice(1);
    indicators.forEach((cells, n) => {
      const left = projectFields.map((f): GridCell | null =>
        n > 0 ? null : { ...(f.field === '单位名称' ? value(`${p.单位编码}${p.单位名称}`) : fieldCell(p, f.field)), ...(indicators.length > 1 && { rowSpan: indicators.length }) },
      );
      rows.push([...left, ...cells.slice(projectFields.length)]);
    });
  }
  return [{ name: sheetName(name), source: 'xlsx', rows, before: [] }, ...projects.map((p, n) => notesGrid(noteValues(p), n))];
}

const sheetName = (name: string) => name.slice(0, 31);
const extraLabels = (tables: (ProjectInput | DepartmentInput)[]) => [...new Set(tables.flatMap((p) => (p.绩效指标 ?? []).flatMap((i) => Object.keys(i.其他栏目 ?? {}))))];

function fieldCell(p: object, field: string): GridCell {
  const v = (p as Record<string, unknown>)[field];
  if (v === undefined || v === null) return value('');
  if (MONEY_FIELDS.has(field)) {
    const amount = readAmount(v as string);
    return amountCell(amount.ok ? amount.text : String(v));
  }
  if (Array.isArray(v)) return value(v.join('\n'));
  return value(String(v));
}

/** The indicator header and rows, 一级/二级 merged down over equal neighbours; `offset` empty cells first; `extras` the 其他栏目 columns (a sheet's, all its projects'). */
function indicatorTable(p: ProjectInput | DepartmentInput, layout: TableLayout, width: number, offset: number, extras = extraLabels([p])): (GridCell | null)[][] {
  // Columns kept under 其他栏目 that repeat a label of the layout (东莞's 中期 二级/三级 beside the year's)
  // stand before the layout's columns, as printed: the field takes the last printing of its label.
  const repeats = new Set(layout.indicatorColumns.flatMap(labelsOf));
  const before = extras.filter((e) => repeats.has(labelKey(e)));
  const after = extras.filter((e) => !repeats.has(labelKey(e)));
  /** A cell across its column's span (绩效指标描述 over two grid columns in 河北). */
  const placed = (c: LayoutField, cell: GridCell | null) => [cell && c.span ? span(cell, c.span) : cell, ...Array<null>((c.span ?? 1) - 1).fill(null)];
  const head = [...Array.from({ length: offset }, () => ({ text: '' })), ...before.map(label), ...layout.indicatorColumns.flatMap((c) => placed(c, label(c.label))), ...after.map(label)];
  const fill = (cells: (GridCell | null)[]) => [...cells, ...Array.from({ length: Math.max(0, offset + width - cells.length) }, () => ({ text: '' }))];
  const rows: (GridCell | null)[][] = [fill(head)];
  const list = p.绩效指标 ?? [];
  list.forEach((i, n) => {
    const cells: (GridCell | null)[] = Array.from({ length: offset }, () => ({ text: '' }));
    for (const extra of before) cells.push(value(i.其他栏目?.[extra] ?? ''));
    layout.indicatorColumns.forEach((c) => {
      const text = String((i as Record<string, unknown>)[c.field] ?? '');
      const cell = c.drawnAsLabel ? label(text) : value(text);
      if (c.field === '一级指标' || c.field === '二级指标') {
        const same = (a: (typeof list)[number] | undefined) => a !== undefined && a.一级指标 === i.一级指标 && (c.field === '一级指标' || a.二级指标 === i.二级指标);
        if (same(list[n - 1])) return cells.push(...placed(c, null));
        let down = 1;
        while (same(list[n + down])) down++;
        return cells.push(...placed(c, { ...cell, ...(down > 1 && { rowSpan: down }) }));
      }
      cells.push(...placed(c, cell));
    });
    for (const extra of after) cells.push(value(i.其他栏目?.[extra] ?? ''));
    rows.push(fill(cells));
  });
  return rows;
}

/** What the 说明 table of a file holds: what the approved table does not print. */
export function noteValues(p: ProjectInput | DepartmentInput): Partial<Record<NoteField, string>> {
  const get = (key: string) => (p as Record<string, unknown>)[key] as string | undefined;
  const source = (p as Partial<ProjectInput>).来源;
  return {
    年度: String(p.年度),
    表样: p.表样,
    预算阶段: get('预算阶段'),
    网址标识: get('网址标识'),
    上年项目编码: get('上年项目编码'),
    原文标题: p.原文标题,
    来源文件: source?.文件,
    来源起止行: source && `${source.起止行[0]}-${source.起止行[1]}`,
  };
}

/**
 * The 说明 table: a row for each value given (an empty one too: a line to fill in), then
 * `instructions`, each a paragraph across both columns below an empty row.
 */
export function notesGrid(values: Partial<Record<NoteField, string>>, n: number, instructions: readonly string[] = []): Grid {
  const paragraph = (text: string): (GridCell | null)[] => [{ text, style: 'note', colSpan: 2 }, null];
  const gap: (GridCell | null)[] = [{ text: '', style: 'note' }, { text: '', style: 'note' }];
  return {
    name: n === 0 ? NOTES_SHEET : `${NOTES_SHEET}${n + 1}`,
    source: 'xlsx',
    rows: [
      [{ text: NOTES_TITLE, style: 'title', colSpan: 2 }, null],
      ...NOTE_FIELDS.filter((k) => values[k] !== undefined).map((k) => [label(k), value(values[k]!)]),
      ...(instructions.length > 0 ? [gap, ...instructions.map(paragraph)] : []),
    ],
    before: [],
  };
}
