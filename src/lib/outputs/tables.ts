// Download files made from the content: CSV (one project, or site-wide tables), JSON, one XLSX
// workbook and a Frictionless datapackage.json. Pure functions of their input, byte-for-byte stable.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Department, DepartmentInput } from '../../schema/department.ts';
import { INDICATOR_PROPERTY, PROJECT_PROPERTY, type Project, type ProjectInput } from '../../schema/project.ts';
import { formatReading } from '../reading/indicator-value.ts';
import { readingOf } from '../views/indicator-reading.ts';
import { plannedFen } from '../views/aggregate.ts';
import type { MoneyUnit } from '../reading/money.ts';
import { displayWidth, stampWorkbook } from '../office/xlsx-layout.ts';
import { setZipTimes } from '../office/zip.ts';
import { DEMO_LABEL, DEMO_NOTICE } from '../site/demo.ts';
import { rawOf, type Entry } from '../site/entries.ts';

/** A project as the site uses it (`data`) and exactly as its YAML file parsed (`raw`). */
export interface ExportProject {
  data: Project;
  raw: ProjectInput;
}
/** A project entry as the downloads take it: its data and its YAML exactly as written. */
export const exportProject = (entry: Entry<Project>): ExportProject => ({ data: entry.data, raw: rawOf(entry) as ProjectInput });

export interface ExportDepartment {
  data: Department;
  raw: DepartmentInput;
}

// ---------------------------------------------------------------------------------------------
// Tables: the one description of every column, shared by the CSV, XLSX and datapackage writers.

/** `money` is a number in the unit of the row's 金额单位 (or in 元 where the name says so). */
export type ColumnType = 'string' | 'integer' | 'number' | 'money';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  /** Fiscal Data Package column type (`functional-classification:generic:code`), where a column holds one. */
  columnType?: string;
}

/** Cells are the exact text of the download; '' is an empty cell (never a stand-in for 0). */
export interface Table {
  columns: Column[];
  rows: string[][];
}

const col = (name: string, type: ColumnType, description: string): Column => ({ name, type, description });

const COLUMNS = {
  年度: col('年度', 'integer', '预算年度，例如 2023'),
  单位编码: col('单位编码', 'string', '预算单位编码，例如 001001（文本：开头的 0 有意义）'),
  单位名称: col('单位名称', 'string', '预算单位名称'),
  预算阶段: col('预算阶段', 'string', '本行金额所属的预算阶段：年初预算、调整预算或决算'),
  金额单位: col('金额单位', 'string', '本行 预算数、财政资金、其他资金 的单位：元 或 万元'),
  项目编码: col('项目编码', 'string', '项目编码，21 位'),
  上年项目编码: col('上年项目编码', 'string', '上一年度同一项目的项目编码（编码每年不同时填写；为空时按相同项目编码对应上年）'),
  项目名称: col('项目名称', 'string', '项目名称'),
  预算数: col('预算数', 'money', '项目预算数，照批复原文；单位见“金额单位”列，阶段见“预算阶段”列'),
  财政资金: col('财政资金', 'money', '其中：财政资金，照批复原文；单位见“金额单位”列，阶段见“预算阶段”列'),
  其他资金: col('其他资金', 'money', '其中：其他资金，照批复原文；原表为空时为空；单位见“金额单位”列，阶段见“预算阶段”列'),
  资金用途: col('资金用途', 'string', '预算规模及资金用途，照原文'),
  绩效目标: col('绩效目标', 'string', '绩效目标，照原文；多条时每条一行（单元格内换行）'),
  指标数: col('指标数', 'integer', '本项目的绩效指标条数'),
  序号: col('序号', 'integer', '指标在本项目指标表中的序号，从 1 开始'),
  一级指标: col('一级指标', 'string', '一级指标'),
  二级指标: col('二级指标', 'string', '二级指标'),
  三级指标: col('三级指标', 'string', '三级指标（绩效指标名称）'),
  绩效指标描述: col('绩效指标描述', 'string', '绩效指标描述，照原文'),
  指标值: col('指标值', 'string', '指标值，照原文，未改写'),
  指标值解读: col('指标值解读', 'string', '本网站对“指标值”的解读（派生数据，不是原文）；无法解读的标为“无法识别”'),
  指标值确定依据: col('指标值确定依据', 'string', '指标值确定依据，照原文'),
  月份: col('月份', 'integer', '计划时点：该月月底，例如 3 表示“3月底”'),
  累计支出比例: col('累计支出比例(%)', 'number', '截至该月底累计支出占预算数的百分比；原表未列计划时为空（不是 0）'),
  累计计划支出金额: col(
    '累计计划支出金额(元)',
    'money',
    '派生数据：预算数 × 累计支出比例，按分精确计算并四舍五入到分，单位元；原表未列计划时为空',
  ),
  职能: col('职能', 'string', '职能（原表合并单元格，这里每行都写出）'),
  职能描述: col('职能描述', 'string', '职能描述'),
  年度目标: col('年度目标', 'string', '年度目标'),
  工作任务: col('工作任务', 'string', '工作任务'),
  任务描述: col('任务描述', 'string', '任务描述'),
  分项绩效指标: col('绩效指标', 'string', '分项绩效目标的绩效指标'),
  指标描述: col('指标描述', 'string', '指标描述'),
  评价标准: col('评价标准', 'string', '评价标准'),
  表样: col('表样', 'string', '原表的版式（表样），例如 四川；为空时为网站默认表样'),
  资金总额: col('资金总额', 'money', '部门资金总额，照原文；单位见“金额单位”列'),
  基本支出: col('基本支出', 'money', '资金总额中的基本支出，照原文；单位见“金额单位”列'),
  项目支出: col('项目支出', 'money', '资金总额中的项目支出，照原文；单位见“金额单位”列'),
  总体绩效目标: col('总体绩效目标', 'string', '部门的总体绩效目标（年度总体目标），照原文；多条时每条一行（单元格内换行）'),
  部门职能: col('部门职能', 'string', '年度履职目标：部门职能，照原文'),
  年度目标任务: col('年度目标任务', 'string', '年度履职目标：年度目标任务，照原文'),
  支出项目名称: col('支出项目名称', 'string', '年度履职目标：支出项目名称，照原文'),
  预算金额: col('预算金额', 'money', '年度履职目标：预算金额，照原文；单位见“金额单位”列'),
  示例数据: col(DEMO_LABEL, 'string', DEMO_NOTICE),
} as const;

/**
 * A download of a 示例数据 site says so in its first column, on every row, so that a table copied
 * out of its file still carries the mark.
 */
export const withDemoColumn = (t: Table): Table => ({ columns: [C.示例数据, ...t.columns], rows: t.rows.map((row) => ['虚构数据，仅用于演示', ...row]) });
/** A JSON download of a 示例数据 site: the notice as its first key. */
export const withDemoNotice = (value: unknown): unknown => ({ [DEMO_LABEL]: DEMO_NOTICE, ...(value as Record<string, unknown>) });

const checkpointColumn = (month: number) =>
  col(`${month}月底累计支出比例(%)`, 'number', `截至${month}月底累计支出占预算数的百分比；原表未列计划时为空（不是 0）`);
const CHECKPOINT_NAME = /^(\d{1,2})月底累计支出比例\(%\)$/;

const C = COLUMNS;
const PROJECT_COLUMNS = [C.年度, C.单位编码, C.单位名称, C.预算阶段, C.金额单位, C.项目编码, C.上年项目编码, C.项目名称, C.预算数, C.财政资金, C.其他资金, C.资金用途, C.绩效目标];
// 指标值解读 sits right after the text it reads, in every file, so the two are read together.
const INDICATOR_COLUMNS = [C.序号, C.一级指标, C.二级指标, C.三级指标, C.绩效指标描述, C.指标值, C.指标值解读, C.指标值确定依据];
const ITEMIZED_COLUMNS = [C.年度, C.单位编码, C.职能, C.职能描述, C.年度目标, C.工作任务, C.任务描述, C.分项绩效指标, C.指标值, C.指标描述, C.评价标准];

type Indicator = Project['indicators'][number];
/** A column of a field that only some layouts print, and how to read it from a row. */
type Optional<T> = readonly [Column, (row: T) => string | undefined];
const text_ = (name: string, description: string) => col(name, 'string', description);
const money_ = (name: string, description: string) => col(name, 'money', `${description}，照批复原文；单位见“金额单位”列，阶段见“预算阶段”列`);

// Fields of other provinces' layouts (table-layouts.ts). A download carries each column only when
// one of its rows has a value, so a table of one layout is not padded with another's columns.
/** A column of a field by its YAML key: the value comes from the property the schema names for it. */
const field = <T,>(property: Readonly<Record<string, string>>, column: Column): Optional<T> => [column, (row) => (row as Record<string, unknown>)[property[column.name]!] as string | undefined];
const projectField = (column: Column) => field<Project>(PROJECT_PROPERTY, column);
const indicatorField = (column: Column) => field<Indicator>(INDICATOR_PROPERTY, column);
const OPTIONAL_PROJECT_COLUMNS: readonly Optional<Project>[] = [
  projectField(COLUMNS.表样),
  projectField(text_('网址标识', '原表没有项目编码时，项目页面网址中的标识')),
  projectField(text_('项目性质', '项目性质，照原文')),
  projectField(text_('项目类别', '项目类别，照原文')),
  projectField(text_('项目属性', '项目属性（新增/延续），照原文')),
  projectField(text_('主管部门', '主管部门，照原文')),
  projectField(text_('实施单位', '实施单位，照原文')),
  projectField(text_('计划开始日期', '计划开始日期，照原文')),
  projectField(text_('计划完成日期', '计划完成日期，照原文')),
  projectField(text_('立项依据', '立项依据，照原文')),
  projectField(text_('项目概况', '项目概况，照原文')),
  projectField(money_('项目资金总额', '项目资金总额（整个实施期）')),
  projectField(money_('当年财政拨款', '财政资金中的当年财政拨款')),
  projectField(money_('上年结转', '财政资金中的上年结转')),
  projectField(money_('上级财政', '资金构成：上级财政')),
  projectField(money_('本级财政', '资金构成：本级财政')),
  projectField(money_('自有资金', '资金构成：自有资金')),
  projectField(text_('项目总目标', '项目总目标，照原文')),
  projectField(text_('长期目标', '长期目标，照原文')),
  projectField(text_('年度目标', '年度目标（年度总体目标、当年绩效目标），照原文')),
];
const OPTIONAL_INDICATOR_COLUMNS: readonly Optional<Indicator>[] = [
  indicatorField(text_('指标性质', '指标性质（≥、≤、=、定性），原表单列时照原文')),
  indicatorField(text_('度量单位', '度量单位（计量单位），原表单列时照原文')),
  indicatorField(text_('权重', '权重（分值），照原文')),
  indicatorField(text_('指标方向性', '指标方向性（正向指标/反向指标），照原文')),
  indicatorField(text_('指标解释', '指标解释，照原文')),
];
const EXTRA_PREFIX = '其他栏目：';
const extraColumn = (label: string) => text_(`${EXTRA_PREFIX}${label}`, `原表中的“${label}”栏，照原文（本网站没有对应字段的栏目）`);

/** The optional columns that some row uses, then one column per 其他栏目 label in first-seen order. */
function presentColumns<T extends { extra?: Record<string, string> | undefined }>(rows: readonly T[], optional: readonly Optional<T>[]): Optional<T>[] {
  const labels = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  return [
    ...optional.filter(([, get]) => rows.some((r) => get(r) !== undefined)),
    ...labels.map((label): Optional<T> => [extraColumn(label), (r) => r.extra?.[label]]),
  ];
}
const cellsOf = <T,>(row: T, columns: readonly Optional<T>[]) => columns.map(([, get]) => get(row) ?? '');

/** Every column name that any table may use, for the datapackage schema. */
function describeColumn(name: string): Column {
  const known = [...Object.values(COLUMNS), ...OPTIONAL_PROJECT_COLUMNS.map(([c]) => c), ...OPTIONAL_INDICATOR_COLUMNS.map(([c]) => c)].find((c) => c.name === name);
  if (known) return known;
  if (name.startsWith(EXTRA_PREFIX)) return extraColumn(name.slice(EXTRA_PREFIX.length));
  const month = CHECKPOINT_NAME.exec(name)?.[1];
  if (month !== undefined) return checkpointColumn(Number(month));
  throw new Error(`导出表中的列“${name}”没有说明：请在 src/lib/outputs/tables.ts 的 COLUMNS 中补上`);
}

/** Year, then unit, then the order given (Array#sort is stable). */
function sorted<T extends { data: { fiscalYear: number; unitCode: string } }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.data.fiscalYear - b.data.fiscalYear || (a.data.unitCode < b.data.unitCode ? -1 : a.data.unitCode > b.data.unitCode ? 1 : 0));
}

/** The checkpoint months used by any of the projects, ascending. */
function monthsOf(projects: readonly Project[]): number[] {
  return [...new Set(projects.flatMap((p) => (p.spendingPlan ?? []).map((c) => c.month)))].sort((a, b) => a - b);
}

// Amounts are the schema's canonical text: the YAML text with any thousands separators removed.
function projectCells(p: Project, months: number[], optional: readonly Optional<Project>[]): string[] {
  const percentAt = (month: number) => {
    const percent = p.spendingPlan?.find((c) => c.month === month)?.percent;
    return percent == null ? '' : String(percent);
  };
  return [
    String(p.fiscalYear), p.unitCode, p.unitName, p.budgetPhase, p.moneyUnit, p.code ?? '', p.previousCode ?? '', p.name,
    p.total, p.fiscal ?? '', p.other ?? '', p.purpose ?? '', (p.goals ?? []).join('\n'),
    ...cellsOf(p, optional),
    ...months.map(percentAt),
  ];
}

function indicatorCells(indicator: Indicator, index: number, optional: readonly Optional<Indicator>[]): string[] {
  return [
    String(index + 1), indicator.level1 ?? '', indicator.level2 ?? '', indicator.name, indicator.description ?? '',
    indicator.value, formatReading(readingOf(indicator)), indicator.basis ?? '',
    ...cellsOf(indicator, optional),
  ];
}

/** One project: a row per indicator, the project's columns repeated on each. */
export function projectIndicatorTable(p: ExportProject): Table {
  const months = monthsOf([p.data]);
  const optional = presentColumns([p.data], OPTIONAL_PROJECT_COLUMNS);
  const optionalIndicator = presentColumns(p.data.indicators, OPTIONAL_INDICATOR_COLUMNS);
  const project = projectCells(p.data, months, optional);
  return {
    columns: [...PROJECT_COLUMNS, ...optional.map(([c]) => c), ...months.map(checkpointColumn), ...INDICATOR_COLUMNS, ...optionalIndicator.map(([c]) => c)],
    rows: p.data.indicators.map((indicator, i) => [...project, ...indicatorCells(indicator, i, optionalIndicator)]),
  };
}

/** All projects, a row each, with a column for every checkpoint month any project uses. */
export function projectsTable(projects: readonly ExportProject[]): Table {
  const list = sorted(projects).map((p) => p.data);
  const months = monthsOf(list);
  const optional = presentColumns(list, OPTIONAL_PROJECT_COLUMNS);
  return {
    columns: [...PROJECT_COLUMNS, ...optional.map(([c]) => c), ...months.map(checkpointColumn), C.指标数],
    rows: list.map((p) => [...projectCells(p, months, optional), String(p.indicators.length)]),
  };
}

/** All indicators of all projects, a row each. */
export function indicatorsTable(projects: readonly ExportProject[]): Table {
  const list = sorted(projects);
  const optional = presentColumns(list.flatMap((p) => p.data.indicators), OPTIONAL_INDICATOR_COLUMNS);
  return {
    columns: [C.年度, C.单位编码, C.项目编码, C.项目名称, ...INDICATOR_COLUMNS, ...optional.map(([c]) => c)],
    rows: list.flatMap(({ data: p }) =>
      p.indicators.map((indicator, i) => [String(p.fiscalYear), p.unitCode, p.code ?? '', p.name, ...indicatorCells(indicator, i, optional)]),
    ),
  };
}

/** Spending plans in long format: a row per project and checkpoint month. */
export function spendingPlanTable(projects: readonly ExportProject[]): Table {
  return {
    columns: [C.年度, C.单位编码, C.项目编码, C.项目名称, C.预算阶段, C.月份, C.累计支出比例, C.累计计划支出金额],
    rows: sorted(projects).flatMap(({ data: p }) =>
      (p.spendingPlan ?? []).map((checkpoint) => {
        const fen = plannedFen(p, checkpoint);
        return [
          String(p.fiscalYear), p.unitCode, p.code ?? '', p.name, p.budgetPhase, String(checkpoint.month),
          checkpoint.percent === null ? '' : String(checkpoint.percent),
          fen === null ? '' : fenText(fen),
        ];
      }),
    ),
  };
}

/** The departments' 分项绩效目标 tables, a row each, all nine columns. */
export function itemizedTargetsTable(departments: readonly ExportDepartment[]): Table {
  return {
    columns: ITEMIZED_COLUMNS,
    rows: sorted(departments).flatMap(({ data: d }) =>
      (d.itemizedTargets ?? []).map((t) => [
        String(d.fiscalYear), d.unitCode, t.function, t.functionDescription, t.annualTarget, t.task,
        t.taskDescription, t.indicator, t.value, t.indicatorDescription, t.standard,
      ]),
    ),
  };
}

export interface DepartmentResource {
  name: string;
  file: string;
  sheet: string;
  title: string;
  description: string;
  table: Table;
}

/**
 * The tables of department-level layouts (部门整体支出绩效目标表): the departments' money and goals,
 * their 年度履职目标 and their indicators, each only when some department has that part.
 */
export function departmentResources(departments: readonly ExportDepartment[]): DepartmentResource[] {
  const list = sorted(departments).map((d) => d.data);
  const resources: DepartmentResource[] = [];
  const withTable = list.filter((d) => d.layout !== undefined);
  if (withTable.length > 0) {
    const optional = presentColumns(withTable, []);
    resources.push({
      name: 'departments', file: 'departments.csv', sheet: '部门整体', title: '部门整体（每个单位每年一行）', description: '部门整体支出绩效目标表的资金与总体目标；金额单位见“金额单位”列',
      table: {
        columns: [C.年度, C.单位编码, C.单位名称, C.表样, C.金额单位, C.资金总额, C.基本支出, C.项目支出, C.总体绩效目标, ...optional.map(([c]) => c)],
        rows: withTable.map((d) => [String(d.fiscalYear), d.unitCode, d.unitName, d.layout ?? '', d.moneyUnit, d.total ?? '', d.basic ?? '', d.projects ?? '', d.overallTargets.join('\n'), ...cellsOf(d, optional)]),
      },
    });
  }
  const duties = list.filter((d) => d.dutyTargets !== undefined);
  if (duties.length > 0) {
    resources.push({
      name: 'duty-targets', file: 'duty-targets.csv', sheet: '年度履职目标', title: '年度履职目标（每项一行）', description: '部门整体支出绩效目标表中的年度履职目标，照原文',
      table: {
        columns: [C.年度, C.单位编码, C.序号, C.部门职能, C.年度目标任务, C.支出项目名称, C.预算金额, C.金额单位],
        rows: duties.flatMap((d) => d.dutyTargets!.map((t, n) => [String(d.fiscalYear), d.unitCode, String(n + 1), t.function ?? '', t.task ?? '', t.project ?? '', t.amount ?? '', d.moneyUnit])),
      },
    });
  }
  const indicated = list.filter((d) => d.indicators !== undefined);
  if (indicated.length > 0) {
    const optional = presentColumns(indicated.flatMap((d) => d.indicators!), OPTIONAL_INDICATOR_COLUMNS);
    resources.push({
      name: 'department-indicators', file: 'department-indicators.csv', sheet: '部门整体绩效指标', title: '部门整体绩效指标（每条指标一行）', description: '部门整体支出绩效目标表中的绩效指标，指标值照原文，另附本网站的解读',
      table: {
        columns: [C.年度, C.单位编码, C.单位名称, ...INDICATOR_COLUMNS, ...optional.map(([c]) => c)],
        rows: indicated.flatMap((d) => d.indicators!.map((i, n) => [String(d.fiscalYear), d.unitCode, d.unitName, ...indicatorCells(i, n, optional)])),
      },
    });
  }
  return resources;
}

/** 分 → `54950.00`: plain decimal 元, no thousands separators (machine-readable). */
export function fenText(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) with a UTF-8 BOM and CRLF, which is what Excel needs to open Chinese text.

const BOM = '\uFEFF';

/** Rows → CSV text: BOM, CRLF after every row, cells quoted only when they must be. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return BOM + rows.map((row) => row.map(cell).join(',') + '\r\n').join('');
}

/** CSV text → rows; skips one leading BOM, accepts CRLF or LF, a last line break is optional. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let started = false; // whether the current row has any content yet (so "a\r\n" is one row, not two)
  let i = text.startsWith(BOM) ? 1 : 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '') {
      // A quoted cell runs to the next quote that is not doubled.
      let end = i + 1;
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0) throw new Error(`CSV 引号未闭合（第 ${i} 个字符起）`);
        if (text[q + 1] === '"') end = q + 2;
        else {
          cell += text.slice(i + 1, q).replaceAll('""', '"');
          i = q + 1;
          break;
        }
      }
      started = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      started = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      started = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      started = true;
      i++;
    }
  }
  if (started) rows.push([...row, cell]);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Cells a spreadsheet would run. Excel and WPS open a CSV cell as if it were typed into the sheet:
// one that starts with = + - or @ becomes a formula (`=100.00(%)` an error, `=HYPERLINK(…)` a live
// link), and some programs trim a leading tab or carriage return first. Such a cell is written
// with an apostrophe in front, the mark both programs read as "text follows" and do not show, so
// the reader sees the published text and nothing runs. Numbers in numeric columns stay numbers
// (a negative amount is a number, not a formula); a lone `-`, the published "none", is text to
// every spreadsheet and stays as it is. A cell that itself starts with an apostrophe gets one too,
// so that a program reading the CSV recovers every original value by dropping one leading
// apostrophe (datapackage.json says so: FORMULA_GUARD).

const RUNS_AS_FORMULA = /^[=+\-@\t\r']/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const TEXT_MARK = "'";

/** A cell as the CSV writes it: the published text, with the text mark where a spreadsheet would run it. */
export function csvCell(text: string, type: ColumnType): string {
  if (type !== 'string' && PLAIN_NUMBER.test(text)) return text;
  return text !== '-' && RUNS_AS_FORMULA.test(text) ? TEXT_MARK + text : text;
}

/** A CSV cell's published text: csvCell undone (one leading apostrophe dropped). */
export const csvCellText = (cell: string): string => (cell.startsWith(TEXT_MARK) ? cell.slice(1) : cell);

/** A CSV this site wrote, as the published texts: parseCsv, then csvCell undone in every cell. */
export const readCsv = (text: string): string[][] => parseCsv(text).map((row) => row.map(csvCellText));

/** How datapackage.json tells machine readers about csvCell, beside every CSV resource. */
export const FORMULA_GUARD = {
  prefix: TEXT_MARK,
  description:
    '以 = + - @ 或英文单引号、制表符、回车开头的单元格（单独一个“-”和数值列中的数字除外），前面加了一个英文单引号 \'，使 Excel、WPS 照原文显示而不当作公式运行；程序读取时，去掉单元格开头的一个单引号即得原文。JSON 与 XLSX 下载不加。',
} as const;

/** A table as CSV: every cell through csvCell, the one place a CSV cell is encoded. */
export const tableCsv = (t: Table) => toCsv([t.columns.map((c) => c.name), ...t.rows.map((row) => row.map((cell, i) => csvCell(cell, t.columns[i]?.type ?? 'string')))]);

/** One project as CSV: a row per indicator with the project's columns repeated. */
export const projectCsv = (p: ExportProject): string => tableCsv(projectIndicatorTable(p));
/** All projects as CSV, a row each. */
export const projectsCsv = (projects: readonly ExportProject[]): string => tableCsv(projectsTable(projects));
/** All indicators as CSV, a row each. */
export const indicatorsCsv = (projects: readonly ExportProject[]): string => tableCsv(indicatorsTable(projects));
/** All spending plans as CSV, a row per project and month, with the planned amount in 元. */
export const spendingPlanCsv = (projects: readonly ExportProject[]): string => tableCsv(spendingPlanTable(projects));
/** All departments' 分项绩效目标 as CSV, a row each. */
export const itemizedTargetsCsv = (departments: readonly ExportDepartment[]): string => tableCsv(itemizedTargetsTable(departments));

// ---------------------------------------------------------------------------------------------
// JSON: the YAML mappings exactly as written (Chinese keys, YAML key order).

/** One project's YAML mapping as pretty-printed JSON. */
export const projectJson = (p: ExportProject): string => JSON.stringify(p.raw, null, 2) + '\n';

/** Every department and project mapping in one JSON document. */
export function allJson(
  projects: readonly ExportProject[],
  departments: readonly ExportDepartment[],
  { results = {}, demo = false }: { results?: Record<string, unknown[]>; demo?: boolean } = {},
): string {
  // The later stages (执行监控、绩效自评) are added under their tables' names, only when there are some.
  const all = { 部门整体绩效目标: sorted(departments).map((d) => d.raw), 项目绩效目标表: sorted(projects).map((p) => p.raw), ...results };
  return JSON.stringify(demo ? withDemoNotice(all) : all, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// XLSX: the same tables as typed cells, one sheet each.

// Optional decimals: `219,800.00` for 元, and up to the six places a 万元 amount may have.
const MONEY_FORMAT = '#,##0.00####';

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, table: Table) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Columns (width, number format, wrapping) first: a streamed sheet writes them before any row.
  sheet.columns = table.columns.map((column, i) => {
    let widest = longestLineWidth(column.name);
    let breaks = false;
    for (const row of table.rows) {
      widest = Math.max(widest, longestLineWidth(row[i] ?? ''));
      breaks ||= row[i]?.includes('\n') ?? false;
    }
    return {
      width: Math.min(60, Math.max(8, widest + 2)),
      style: {
        ...(column.type === 'money' ? { numFmt: MONEY_FORMAT } : {}),
        // Long text and line breaks (several 绩效目标 in one cell) show only when the cell wraps.
        ...(widest > 60 || breaks ? { alignment: { wrapText: true, vertical: 'top' } } : {}),
      },
    } satisfies Partial<ExcelJS.Column>;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  const header = sheet.addRow(table.columns.map((c) => c.name));
  header.font = { bold: true };
  header.commit();
  for (const cells of table.rows) {
    // Numbers as numbers so Excel can sum them; the text has at most 6 decimals and 15 digits,
    // so the double shows exactly the written value.
    sheet.addRow(cells.map((text, i) => (text === '' ? null : table.columns[i]!.type === 'string' ? text : Number(text)))).commit();
  }
  sheet.commit();
}

/** Width in Excel character units of the longest line. */
function longestLineWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(displayWidth));
}

/**
 * One workbook: 项目, 绩效指标, 资金支出计划, 分项绩效目标. `date` is written as the document's
 * created/modified time and as every ZIP entry's time, so the same input gives the same bytes.
 */
export async function workbookXlsx(
  projects: readonly ExportProject[],
  departments: readonly ExportDepartment[],
  {
    date,
    departmentTables = departmentResources(departments),
    moreTables = [],
    demo = false,
  }: { date: Date; departmentTables?: readonly DepartmentResource[]; moreTables?: readonly { sheet: string; table: Table }[]; demo?: boolean },
): Promise<Uint8Array> {
  // Streamed: rows go to the ZIP as they are added instead of being held as cell objects, which
  // for 10,000 projects (113,000 indicator rows) took 1.4 GB and 19.5 s (now 0.1 GB, 7.7 s).
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  stampWorkbook(workbook, date);
  const sheet = (name: string, table: Table) => addSheet(workbook, name, demo ? withDemoColumn(table) : table);
  sheet('项目', projectsTable(projects));
  sheet('绩效指标', indicatorsTable(projects));
  sheet('资金支出计划', spendingPlanTable(projects));
  sheet('分项绩效目标', itemizedTargetsTable(departments));
  for (const resource of [...departmentTables, ...moreTables]) sheet(resource.sheet, resource.table);
  await workbook.commit();
  return setZipTimes(new Uint8Array(Buffer.concat(chunks)), date);
}

// ---------------------------------------------------------------------------------------------
// datapackage.json (Frictionless Data Package v1).

export interface PackageResource {
  /** Lower-case ASCII, digits, `-_.`: the Data Package spec's pattern for names. */
  name: string;
  path: string;
  bytes: Uint8Array;
  title?: string;
  description?: string;
  /** The table's own column descriptions (tables described outside COLUMNS); otherwise read by name. */
  columns?: readonly Column[];
  /** Cell texts that mean “no value” in this table (Frictionless missingValues), e.g. a published `-`. */
  missingValues?: readonly string[];
}

export interface PackageMeta {
  name: string;
  title: string;
  description: string;
  created: Date;
  sources: { title: string; path?: string }[];
  /** Set when every project uses the same unit / phase; the fields then carry it as a constant. */
  moneyUnit?: MoneyUnit;
  budgetPhase?: Project['budgetPhase'];
}

/** The money unit and budget phase shared by all projects, where they agree. */
export function sharedLabels(projects: readonly ExportProject[]): Pick<PackageMeta, 'moneyUnit' | 'budgetPhase'> {
  const only = <T>(values: T[]) => (new Set(values).size === 1 ? values[0] : undefined);
  const moneyUnit = only(projects.map((p) => p.data.moneyUnit));
  const budgetPhase = only(projects.map((p) => p.data.budgetPhase));
  return { ...(moneyUnit ? { moneyUnit } : {}), ...(budgetPhase ? { budgetPhase } : {}) };
}

// The Fiscal Data Package's words for budget phases.
const FDP_PHASE = { 年初预算: 'approved', 调整预算: 'adjusted', 决算: 'executed' } as const;

const MEDIA_TYPES: Record<string, { format: string; mediatype: string }> = {
  csv: { format: 'csv', mediatype: 'text/csv' },
  json: { format: 'json', mediatype: 'application/json' },
  xlsx: { format: 'xlsx', mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

function fieldOf(column: Column, meta: PackageMeta) {
  const field: Record<string, unknown> = {
    name: column.name,
    type: column.type === 'money' ? 'number' : column.type,
    description: column.description,
    ...(column.columnType ? { columnType: column.columnType } : {}),
  };
  if (column.type === 'money') {
    // Fiscal Data Package idea: every amount says its currency, unit and budget phase. The phase
    // (and the unit, except for the derived 元 column) may differ per row, so the columns that
    // hold them are named; when all rows agree the constant is given as well.
    field.currency = 'CNY';
    if (column.name.endsWith('(元)')) field.unit = '元';
    else {
      field.unitField = '金额单位';
      if (meta.moneyUnit) field.unit = meta.moneyUnit;
    }
    field.phaseField = '预算阶段';
    if (meta.budgetPhase) field.phase = FDP_PHASE[meta.budgetPhase];
  }
  return field;
}

/**
 * A Frictionless Data Package describing the download files. The package profile is the generic
 * `data-package` because it also lists the XLSX and JSON files (`tabular-data-package` allows
 * only tables); each CSV is a `tabular-data-resource` with a full schema read from its header.
 * Encoding is `utf-8`: the spec asks for IANA names (so not `utf-8-sig`), and Frictionless'
 * readers drop a UTF-8 BOM when the declared encoding is utf-8.
 */
export function dataPackage(resources: readonly PackageResource[], meta: PackageMeta): Record<string, unknown> {
  return {
    profile: 'data-package',
    name: meta.name,
    title: meta.title,
    description: meta.description,
    created: meta.created.toISOString(),
    sources: meta.sources,
    resources: resources.map((r) => {
      const ext = r.path.slice(r.path.lastIndexOf('.') + 1).toLowerCase();
      const type = MEDIA_TYPES[ext];
      if (!type) throw new Error(`不支持的下载文件类型：${r.path}`);
      const resource: Record<string, unknown> = {
        name: r.name,
        path: r.path,
        ...(r.title ? { title: r.title } : {}),
        ...(r.description ? { description: r.description } : {}),
        ...type,
      };
      if (ext === 'csv') {
        const header = parseCsv(new TextDecoder().decode(r.bytes))[0] ?? [];
        resource.profile = 'tabular-data-resource';
        resource.encoding = 'utf-8';
        // A custom property (the Data Package spec allows them): how cells that a spreadsheet
        // would run as formulas are written, and how to read them back (csvCell).
        resource.formulaGuard = FORMULA_GUARD;
        const described = (name: string) => r.columns?.find((c) => c.name === name) ?? describeColumn(name);
        // The shared unit and phase describe the target tables; a table with its own columns (the
        // results) names them per row only.
        const labels = r.columns ? { ...meta, moneyUnit: undefined, budgetPhase: undefined } : meta;
        resource.schema = { fields: header.map((name) => fieldOf(described(name), labels)), ...(r.missingValues ? { missingValues: ['', ...r.missingValues] } : {}) };
      } else if (ext === 'json') {
        resource.encoding = 'utf-8';
      }
      resource.bytes = r.bytes.byteLength;
      resource.hash = `sha256:${createHash('sha256').update(r.bytes).digest('hex')}`;
      return resource;
    }),
  };
}
