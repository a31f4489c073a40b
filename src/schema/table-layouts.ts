// 表样: how one government lays out its performance-target table — which labels its cells carry,
// in which order, in which money unit, and which field of our content files each label fills.
// Every layout is one description read by one importer, one page component and one Excel writer:
// adding a province means adding a description here (and fixtures), never a new code path.
import type { MoneyUnit } from '../lib/reading/money.ts';

/** Where a table keeps its projects. */
export type Arrangement =
  /** One project per table or sheet: label cells with their value beside them, then the indicator header row. */
  | 'form'
  /** Many projects in one sheet, one row per indicator, each project's own cells merged down over its rows, the unit's total on its own row first. */
  | 'rows';

/** A labelled place of the table and the content field (its YAML key) that holds its value. */
export interface LayoutField<K extends string = string> {
  /** The label as the government prints it (度量单位 vs 计量单位, 指标值 vs 目标值). */
  label: string;
  /** YAML key of the field it fills. */
  field: K;
  /** Every table of this layout has a value here; an empty one is an error. */
  required?: boolean;
  /** Other spellings of the label seen in published tables, accepted on import. */
  aliases?: readonly string[];
  /** Not printed by the layout: a field a file has anyway, written under its YAML name. */
  byName?: boolean;
  /** Grid columns the column takes in the drawn table (河北's 绩效指标描述 spans two); 1 when absent. */
  span?: number;
  /** Its cells are drawn like labels (bold, grey): 河北 draws the 一级 and 二级 groups so. */
  drawnAsLabel?: boolean;
  /**
   * The label is printed again for another block of columns (东莞 prints 中期 beside 年度 under the
   * same labels): the field takes the last printing, the earlier ones are kept under 其他栏目.
   * Fields that share one label without it (福建 2017: 绩效目标 over 一级 and 二级) take its
   * printings in the order they are listed.
   */
  occurrence?: 'last';
}

/** Project-level fields a layout can place (YAML keys of the project file). */
export const PROJECT_FIELDS = [
  '项目编码', '项目名称', '单位名称', '预算数', '财政资金', '其他资金', '资金用途', '资金支出计划', '绩效目标',
  '年度目标', '项目总目标', '长期目标', '项目性质', '项目类别', '项目属性', '主管部门', '实施单位',
  '计划开始日期', '计划完成日期', '立项依据', '项目概况',
  '项目资金总额', '当年财政拨款', '上年结转', '上级财政', '本级财政', '自有资金',
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** Fields of the department-level table (YAML keys of department.yaml). */
export type DepartmentField = '单位名称' | '资金总额' | '基本支出' | '项目支出' | '总体绩效目标';
/**
 * Where a table prints its unit's code in a cell of its own (部门编码, 部门预算编码): read with the
 * unit's name into 单位编码 and 单位名称, like a unit line above the table.
 */
export type UnitField = '单位编码';
/** Columns of the 年度履职目标 table (YAML keys of one row). */
export type DutyField = '部门职能' | '年度目标任务' | '支出项目名称' | '预算金额';

/** Indicator columns a layout can place (YAML keys of one 绩效指标 row). */
export const INDICATOR_FIELDS = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标性质', '指标值', '度量单位', '权重', '指标方向性', '指标解释', '指标值确定依据'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** A table of rows inside a layout other than the indicators (年度履职目标), read under its own header row. */
export interface ListTable {
  /** Its title as printed above it, and the YAML key of its list. */
  label: string;
  field: string;
  columns: readonly LayoutField<DutyField>[];
}

/**
 * One place of a drawn head: the field's label, then its value across `span` columns (the rest of
 * the row when it is the row's last place, else 1).
 */
export interface HeadPlace {
  field: ProjectField;
  span?: number;
  /** No label of its own: the block's label names it (河北's 资金用途, under 预算规模及资金用途). */
  bare?: boolean;
}

/** A block of a drawn head, from the first column; a label of a block is merged down over its rows. */
export type HeadBlock =
  /** Rows of places, under a label when the block has one. */
  | { label?: string; rows: readonly (readonly HeadPlace[])[] }
  /** A list, one item a row across the rest, under its field's label (河北's 绩效目标). */
  | { list: ProjectField }
  /**
   * The spending plan under its field's label: pairs of rows, the checkpoints' months (`3` + `monthSuffix`)
   * over their cumulative percents, `perRow` checkpoints a pair. An empty percent cell is "no plan", never 0.
   */
  | { plan: ProjectField; perRow: number; monthSuffix: string };

/**
 * How a 'form' layout is drawn where it is more than a row per field (the 河北 table: two fields a
 * row, labels over blocks of rows, the spending plan as months over percents). The Excel form is
 * written and read from it (import/layout-table.ts, import/form-workbook.ts).
 */
export interface FormDrawing {
  /** Column widths in Excel character units; their number is the table's width. */
  columnWidths: readonly number[];
  /** Widths of its 说明 sheet (label, value), wide enough for the template's instructions. */
  notesWidths: readonly [number, number];
  /** The head, block by block, from the row below the unit line. */
  head: readonly HeadBlock[];
  /** A table without 原文标题 is titled with its 项目名称 and this (2022年人饮井更新绩效目标表). */
  titleAfterName: string;
  /** The unit line (单位 … 单位：元) stands above the table, outside its border, the money unit at the right. */
  unitLineAbove: boolean;
}

export interface TableLayout {
  /** The name staff write in `表样:` and pass as `--layout`. */
  name: string;
  /** What one table of this layout is: one project's targets, or the department's overall targets. */
  kind: 'project' | 'department';
  /**
   * `labels`: read by the one importer that finds labelled cells (import/layout-table.ts).
   * `document`: the 部门预算绩效文本 of the bundled unit, whose numbered headings and spending-plan
   * rows have their own reader (import/source-text.ts); its Excel form, drawn from `drawing`, is
   * read by import/form-workbook.ts.
   */
  readBy: 'labels' | 'document';
  /** Start of the 网址标识 the importer makes for a table without 项目编码 (ASCII: it is in the address). */
  urlPrefix: string;
  /** The table's own title, as published (e.g. 部门预算项目绩效目标申报表). */
  title: string;
  /** Where such tables are published; shown in the editing guide and on the page. */
  origin: string;
  moneyUnit: MoneyUnit;
  arrangement: Arrangement;
  /** Other titles tables of this layout are published under (the first rows or lines above it); they help recognise it. */
  titles?: readonly string[];
  /** Labels of the table's head (project or department), in the published order. */
  fields: readonly LayoutField<ProjectField | DepartmentField | UnitField>[];
  /**
   * Block titles of the head: a cell naming the rows beside or below it (资金情况, 总体目标), with no
   * value of its own. A unit printed in one (`项目资金（万元）`) is the table's money unit.
   */
  captions?: readonly string[];
  /** The money sums a table of this layout asserts (default MONEY_SUMS): which amounts are parts of which, as printed. */
  moneySums?: readonly MoneySum[];
  /** Marks a money cell holds for "none" (—, -, /): the amount is left out, not refused. */
  emptyMarks?: readonly string[];
  /** Tables of rows between the head and the indicators, in order. */
  listTables?: readonly ListTable[];
  /** The indicator table's columns, in the published order. */
  indicatorColumns: readonly LayoutField<IndicatorField>[];
  /**
   * Columns of the indicator table that no field covers, kept verbatim under 其他栏目 with this
   * label. A column of a label neither here nor in `indicatorColumns` is kept so too, and the
   * import lists it (a maintainer may add it here, or make it a field).
   */
  extraIndicatorColumns?: readonly string[];
  /** Labelled cells of the head that no field covers, kept verbatim under 其他栏目 (unknown ones too, listed by the import). */
  extraFields?: readonly string[];
  /** How its Excel form is drawn when not a row per field (see FormDrawing). */
  drawing?: FormDrawing;
}

const f = <K extends string>(label: string, field: K, options: Omit<LayoutField<K>, 'label' | 'field'> = {}): LayoutField<K> => ({ label, field, ...options });
const required = { required: true } as const;
/** The three indicator levels as most layouts print them: every row names all three. */
const LEVEL_COLUMNS = [f('一级指标', '一级指标', required), f('二级指标', '二级指标', required), f('三级指标', '三级指标', required)] as const;

/** The bundled document's layout (河北 county 部门预算绩效文本); the default. */
export const HEBEI: TableLayout = {
  name: '河北',
  kind: 'project',
  urlPrefix: 'hb',
  readBy: 'document',
  title: '项目绩效目标表',
  origin: '河北省县级部门预算绩效文本（本网站第一个用户的批复文件）',
  moneyUnit: '元',
  arrangement: 'form',
  fields: [
    f('项目编码', '项目编码', required),
    f('项目名称', '项目名称', required),
    f('预算数', '预算数', required),
    f('其中：财政资金', '财政资金', { ...required, aliases: ['财政资金'] }),
    f('其他资金', '其他资金'),
    f('资金用途', '资金用途', { ...required, aliases: ['预算规模及资金用途'] }),
    f('资金支出计划（%）', '资金支出计划', required),
    f('绩效目标', '绩效目标', required),
  ],
  indicatorColumns: [
    f('一级指标', '一级指标', { ...required, drawnAsLabel: true }),
    f('二级指标', '二级指标', { ...required, drawnAsLabel: true }),
    f('三级指标', '三级指标', required),
    f('绩效指标描述', '绩效指标描述', { span: 2 }),
    f('指标值', '指标值', required),
    f('指标值确定依据', '指标值确定依据'),
  ],
  // As the approved document draws it: seven columns, 资金支出计划 six checkpoints a pair of rows.
  drawing: {
    columnWidths: [14, 14, 18, 18, 12, 16, 18],
    notesWidths: [14, 70],
    titleAfterName: '绩效目标表',
    unitLineAbove: true,
    head: [
      { rows: [[{ field: '项目编码', span: 2 }, { field: '项目名称' }]] },
      { label: '预算规模及资金用途', rows: [[{ field: '预算数' }, { field: '财政资金' }, { field: '其他资金' }], [{ field: '资金用途', bare: true }]] },
      { plan: '资金支出计划', perRow: 6, monthSuffix: '月底' },
      { list: '绩效目标' },
    ],
  },
};

export const SICHUAN: TableLayout = {
  name: '四川',
  kind: 'project',
  urlPrefix: 'sc',
  readBy: 'labels',
  title: '部门预算项目绩效目标申报表',
  origin: '四川省部门预算公开：一张表列出一个单位的全部项目，项目的格子向下合并覆盖它的各条指标，单位合计在项目之上单独一行',
  moneyUnit: '元',
  arrangement: 'rows',
  fields: [
    f('单位名称', '单位名称', required),
    f('项目名称', '项目名称', required),
    f('预算数', '预算数', { ...required, aliases: ['预算数（元）', '项目预算数'] }),
    f('年度目标', '年度目标', { ...required, aliases: ['年度绩效目标'] }),
  ],
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('指标性质', '指标性质', required),
    f('指标值', '指标值', required),
    f('度量单位', '度量单位', { aliases: ['计量单位'] }),
    f('权重', '权重', { aliases: ['权重（%）', '指标权重'] }),
    f('指标方向性', '指标方向性'),
  ],
};

export const CHONGQING: TableLayout = {
  name: '重庆',
  kind: 'project',
  urlPrefix: 'cq',
  readBy: 'labels',
  title: '一般性项目绩效目标表',
  origin: '重庆市部门预算公开：表头是项目信息，指标不分一级、二级',
  moneyUnit: '万元',
  arrangement: 'form',
  fields: [
    f('专项资金名称', '项目名称', { ...required, aliases: ['项目名称'] }),
    f('业务主管部门', '主管部门', required),
    f('当年预算', '预算数', { ...required, aliases: ['当年预算（万元）'] }),
    f('项目概况', '项目概况'),
    f('立项依据', '立项依据'),
    f('当年绩效目标', '年度目标', required),
  ],
  indicatorColumns: [
    f('指标', '三级指标', { ...required, aliases: ['指标名称'] }),
    f('指标权重', '权重'),
    f('计量单位', '度量单位', { aliases: ['度量单位'] }),
    f('指标性质', '指标性质', required),
    f('指标值', '指标值', required),
  ],
  extraIndicatorColumns: ['备注'],
};

export const SHANGHAI: TableLayout = {
  name: '上海',
  kind: 'project',
  urlPrefix: 'sh',
  readBy: 'labels',
  title: '财政项目支出绩效目标申报表',
  // Corpus: sh-tongzhou-2019-project (上海市财政支出项目绩效目标申报表, cut off before its indicators).
  titles: ['上海市财政支出项目绩效目标申报表', '财政支出项目绩效目标申报表'],
  origin: '上海市部门预算公开：项目资金总额与年度资金申请总额分列，项目总目标与年度总体目标并列',
  moneyUnit: '元',
  arrangement: 'form',
  fields: [
    f('项目名称', '项目名称', required),
    f('项目编码', '项目编码'),
    f('项目性质', '项目性质'),
    f('项目类别', '项目类别', { aliases: ['项目类型'] }),
    f('主管部门', '主管部门', required),
    f('实施单位', '实施单位', required),
    f('计划开始日期', '计划开始日期', { aliases: ['开始时间'] }),
    f('计划完成日期', '计划完成日期', { aliases: ['结束时间'] }),
    f('项目资金总额', '项目资金总额'),
    f('年度资金申请总额', '预算数', required),
    f('其中：财政资金', '财政资金', { aliases: ['财政资金'] }),
    f('当年财政拨款', '当年财政拨款'),
    f('上年结转', '上年结转', { aliases: ['上年结转资金'] }),
    f('其他资金', '其他资金'),
    f('项目总目标', '项目总目标'),
    f('年度总体目标', '年度目标', required),
  ],
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('指标值', '指标值', { ...required, aliases: ['年度指标值', '目标值'] }),
    f('指标解释', '指标解释'),
  ],
  extraFields: ['项目负责人', '联系电话'],
};

/** 部门整体支出绩效目标表 (福建 and others): the department's money, goals, duties and indicators. */
export const DEPARTMENT: TableLayout = {
  name: '部门整体',
  kind: 'department',
  urlPrefix: 'bm',
  readBy: 'labels',
  title: '部门整体支出绩效目标表',
  origin: '福建等地的部门整体支出绩效目标表：资金总额分基本支出和项目支出，年度总体目标，年度履职目标，然后是绩效指标',
  moneyUnit: '万元',
  arrangement: 'form',
  fields: [
    f('部门（单位）名称', '单位名称', { aliases: ['部门名称', '单位名称'] }),
    f('资金总额', '资金总额', { ...required, aliases: ['部门资金总额', '年度资金总额'] }),
    f('其中：基本支出', '基本支出', { aliases: ['基本支出'] }),
    f('项目支出', '项目支出', { aliases: ['其中：项目支出'] }),
    f('年度总体目标', '总体绩效目标', required),
  ],
  listTables: [
    {
      label: '年度履职目标',
      field: '年度履职目标',
      columns: [f('部门职能', '部门职能', required), f('年度目标任务', '年度目标任务', required), f('支出项目名称', '支出项目名称'), f('预算金额', '预算金额')],
    },
  ],
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('指标解释', '指标解释'),
    f('目标值', '指标值', { ...required, aliases: ['指标值'] }),
  ],
};

/**
 * Labels compare without spaces and line breaks, without a trailing colon, and with full-width
 * forms as half-width (`（`, `：`, `，`, `％`, `Ａ`): `其中： 财政资金` = `其中:财政资金`, `年度目标\n和成果` =
 * `年度目标和成果`. Every reader of labels and every writer that checks one uses it.
 */
export const normalLabel = (label: string) =>
  label
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/:$/, '');

/**
 * How a printed label is read, for every kind of table alike — target tables (import/layout-table.ts),
 * result tables (import/result-table.ts) and the recognition of both (import/recognise.ts). Each
 * rule was met in a published table (tests/fixtures/published/); a new way of printing a label is
 * added here, not in a reader. Patterns apply to the label after normalLabel.
 */
export const LABEL_READING = {
  /** Marks before a label: `*联系人`, `★★★`. */
  markers: /^[*★※]+/,
  /** `其中:财政拨款`: printed as a part of the amount above it. */
  part: /^其中:/,
  /** Numbering before a label: `1.中央资金`, `(1)`, `一、`, `指标1:`. Only when words follow it. */
  numbering: /^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}、|指标\d{1,2}:)/,
  /**
   * What a label may carry after its words, read and taken off, wherever it stands in the label:
   * a score (`产出指标(50分)`, `成本指标(0-20)分`, `得分(20分*执行率)`), a letter naming a column
   * in a formula (`全年预算数(A)`, `执行率(B/A)`), a money unit (`项目资金(万元)`, `资金情况(单位:万元)`,
   * `年度预算申请(万元` with its bracket missing, as printed). The first group is what is read.
   */
  notes: {
    score: /\((\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?)\)(分)|\((\d+(?:\.\d+)?分[^()]*)\)/g,
    letter: /\(([A-Z](?:\/[A-Z])?)\)/g,
    unit: /\((?:金额)?(?:单位:?)?(万元|元)(?:\)|$)/g,
  },
  /**
   * A last bracket that explains (`实施单位(盖章)`, `完成目标可能性(确定能、有可能、不可能)`). It is
   * part of the label by default — it may say which one (`二级指标(长期)`, `项目(专项)名称`) — and
   * a reader that has no label with it may compare the label without it (result tables do).
   */
  explanation: /\([^()]*\)$/,
  /**
   * A label and its value in one cell or line (`预算单位:某某局`, `项目负责人:查小兵`, `预 算 单 位：某某局`):
   * a short label (at most 15 characters, spaces inside allowed) and a colon at its start. A reader
   * takes it only for a label it knows, or where no cell beside could hold the value.
   */
  inline: /^\s*([^:：\s][^:：\n]{0,14}?)\s*[:：]\s*(.*)$/s,
  /**
   * Several `label: value` in one cell or line (`单位名称:某某 填报日期:2023年4月15日`, `项目单位(盖章): 单位:万元`):
   * split before each short label and colon that follows a space.
   */
  inlineSplit: /\s+(?=[^:：\s]{1,15}[:：])/,
} as const;

/** A label as printed, read: the words compared with a description's, and what else it carries. */
export interface PrintedLabel {
  /** normalLabel's text without markers (`*`), numbering (`1.`), `其中:`, and its notes (score, letter, unit). */
  key: string;
  /** `项目资金（万元）`, `资金情况 (单位:万元)`: the money unit of what it labels. */
  unit?: MoneyUnit;
  /** `产出指标（50分）`, `成本指标(0-20)分`: the points of what it heads, as printed (`50分`, `0-20分`). */
  score?: string;
  /** `全年预算数(A)`: the letter a formula names the column by. */
  letter?: string;
  /** `1.中央资金`, `指标1:`: the numbering printed before it. */
  number?: string;
  /** `其中:财政拨款`: printed as a part of the amount above it. */
  part?: boolean;
}

/**
 * Reads a printed label as LABEL_READING says: `*联系人:` → 联系人, `其中:1.中央资金` → 中央资金 (a
 * part, numbered 1.), `项目资金    (万元)` → 项目资金 in 万元, `产出指标(50分)` → 产出指标 worth 50分,
 * `预算执行情况(万元) (20分)` → 预算执行情况 in 万元 worth 20分. A bracket that is no note
 * (`二级指标(长期)`, `项目(专项)名称`) stays part of the key: it says which one.
 */
export function readLabel(printed: string): PrintedLabel {
  const rules = LABEL_READING;
  let key = normalLabel(printed).replace(rules.markers, '');
  const read: Omit<PrintedLabel, 'key'> = {};
  if (rules.part.test(key)) {
    key = key.replace(rules.part, '');
    read.part = true;
  }
  const number = rules.numbering.exec(key);
  if (number && key.length > number[0].length) {
    read.number = number[0];
    key = key.slice(number[0].length);
  }
  const notes: Pick<PrintedLabel, 'score' | 'letter' | 'unit'> = {};
  const words = key
    .replace(rules.notes.score, (_, points?: string, unit?: string, inside?: string) => ((notes.score ??= inside ?? `${points}${unit}`), ''))
    .replace(rules.notes.letter, (_, letter: string) => ((notes.letter ??= letter), ''))
    .replace(rules.notes.unit, (_, unit: MoneyUnit) => ((notes.unit ??= unit), ''))
    .replace(/:$/, '');
  // A text that is nothing but a note (`(万元)`) is no label carrying one: it stays as printed.
  return words === '' ? { key, ...read } : { key: words, ...notes, ...read };
}

/**
 * The forms a printed label may be compared in, most literal first: as printed (normalLabel), its
 * key (readLabel), and its key without a last bracket of explanation. A reader takes the first form
 * that names one of its labels; target tables compare the key alone.
 */
export function labelForms(printed: string): string[] {
  const key = readLabel(printed).key;
  return [...new Set([normalLabel(printed), key, key.replace(LABEL_READING.explanation, '')])].filter((f) => f !== '');
}

/** A printed label without the money unit it carries (the file keeps the unit itself): `项目资金(万元)` → 项目资金. */
export const withoutUnit = (printed: string) => normalLabel(printed).replace(LABEL_READING.notes.unit, '');
/** The words a printed label is compared by (readLabel's key). */
export const labelKey = (printed: string) => readLabel(printed).key;

export const DEFAULT_LAYOUT = HEBEI;

export function layoutNamed(name: string): TableLayout | undefined {
  return TABLE_LAYOUTS.find((l) => l.name === name);
}

/**
 * The 表样 a table is shown and checked in: its own, or the site's (site.yaml 表样). Worked out
 * where it is used, not stored with the parsed table, so that changing site.yaml never leaves a
 * cached table in the old layout.
 */
export const projectLayout = (p: { layout?: string | undefined }, siteLayout: TableLayout): TableLayout =>
  (p.layout !== undefined && layoutNamed(p.layout)) || siteLayout;

/** Project fields whose value is an amount in the table's money unit. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set(['资金总额', '基本支出', '项目支出', '预算金额', '预算数', '财政资金', '其他资金', '项目资金总额', '当年财政拨款', '上年结转', '上级财政', '本级财政', '自有资金']);

/**
 * Money that must add up, checked wherever the total and its defining parts are written (parts
 * left out count as 0). Each rule names the parts whose presence means the table uses it, so
 * that a breakdown one province prints is never demanded of another's table.
 */
export interface MoneySum {
  total: string;
  parts: readonly string[];
  whenAnyOf: readonly string[];
  /** Amounts whose presence means the parts belong to another total (湖北's 资金总额 over the whole term). */
  unlessAnyOf?: readonly string[];
}
export const MONEY_SUMS: readonly MoneySum[] = [
  { total: '预算数', parts: ['财政资金', '其他资金'], whenAnyOf: ['财政资金'] },
  { total: '财政资金', parts: ['当年财政拨款', '上年结转'], whenAnyOf: ['当年财政拨款', '上年结转'] },
  { total: '预算数', parts: ['上级财政', '本级财政', '自有资金', '其他资金'], whenAnyOf: ['上级财政', '本级财政', '自有资金'] },
];

/** The department-level table's money: 基本支出 + 项目支出 = 资金总额. */
export const DEPARTMENT_MONEY_SUMS: readonly MoneySum[] = [{ total: '资金总额', parts: ['基本支出', '项目支出'], whenAnyOf: ['基本支出', '项目支出'] }];

/**
 * Block titles that published tables put over or beside their indicator table (a cell merged
 * across the indicator columns, or down their left side): they name a block and hold no value.
 */
export const CAPTIONS: ReadonlySet<string> = new Set(['绩效指标', '年度绩效指标', '项目绩效指标', '部门整体绩效指标']);

/** The first cell of a row that totals an indicator table (合计 | 100 under the 权重): the table's, kept as printed. */
export const TOTAL_ROWS: ReadonlySet<string> = new Set(['合计', '总计', '总分']);

/** Values a money cell holds for "none" in the tables that print them. */
const NONE_MARKS = ['—', '-', '/', '－', '——'] as const;

// ---------------------------------------------------------------------------------------------
// Layouts met in the corpus of published tables (tests/fixtures/published/, README.md there).

/**
 * 项目支出绩效目标申报表 as the Ministry of Finance's template prints it, and as counties print it
 * in their own spellings: the project, its 主管部门 and 实施单位, 项目资金 (年度资金总额, 其中:财政拨款,
 * 其他资金), the goals, then 一级 to 三级 indicators and their 指标值. One description with aliases,
 * because these tables share the labels and their order and differ only in spelling (项目资金 /
 * 资金情况 / 项目金额, 年度目标 / 总体目标) and in rows some leave out. Corpus: 安徽
 * ah-jinzhai-2021-project, ah-mengcheng-2024-project; 湖北 hub-qingshan-2020-project,
 * hub-qingshan-bxxx-2020-project; 陕西 sn-qingjian-2021-project; 重庆 cq-rongchang-linye-2022-project,
 * cq-banan-jielong-2021-project.
 */
export const NATIONAL: TableLayout = {
  name: '申报表',
  kind: 'project',
  urlPrefix: 'sb',
  readBy: 'labels',
  title: '项目支出绩效目标申报表',
  titles: ['项目支出绩效目标表', '项目绩效目标表', '绩效目标申报表', '绩效目标表'],
  origin: '财政部项目支出绩效目标申报表模板（安徽、湖北、陕西、重庆等地照印）：项目资金分年度资金总额、其中财政拨款和其他资金，总体目标和年度目标，一级至三级指标和指标值',
  moneyUnit: '万元',
  arrangement: 'form',
  captions: ['项目资金', '项目金额', '资金情况', '绩效项目指标表'],
  fields: [
    f('申报单位', '单位名称', { aliases: ['绩效编制单位', '编制单位'] }),
    f('项目名称', '项目名称', { ...required, aliases: ['项目(专项)名称'] }),
    f('主管部门', '主管部门', { aliases: ['主管部门及代码', '主管部门及编码', '项目主管部门'] }),
    f('实施单位', '实施单位', { aliases: ['具体实施单位', '项目执行单位'] }),
    f('项目属性', '项目属性'),
    f('开始日期', '计划开始日期'),
    f('结束日期', '计划完成日期'),
    // 湖北 prints the money of the project's whole term (资金总额, its 财政拨款 and 其他资金) beside the year's.
    f('资金总额', '项目资金总额'),
    f('年度资金总额', '预算数', { ...required, aliases: ['当年资金总额'] }),
    // 财政投款: ah-mengcheng-2024-project's misprint of 财政拨款, in the same place.
    f('其中：财政拨款', '财政资金', { aliases: ['财政拨款数', '财政投款'] }),
    f('其中：当年财政拨款', '当年财政拨款'),
    f('其中：上级资金', '上级财政'),
    f('其他资金', '其他资金'),
    f('项目概况', '项目概况'),
    f('立项依据', '立项依据'),
    f('总体目标', '项目总目标', { aliases: ['中期目标', '项目总体目标'] }),
    f('年度目标', '年度目标', { aliases: ['项目年度目标'] }),
  ],
  // Printed by some members of the family; kept under 其他栏目 as printed.
  extraFields: ['项目负责人', '联系电话', '项目负责人及电话', '项目负责人及联系电话', '项目期', '项目起止时间', '当年其他资金'],
  moneySums: [
    // Without 资金总额, 财政拨款 and 其他资金 are the year's: they add up to 年度资金总额.
    { total: '预算数', parts: ['财政资金', '其他资金'], whenAnyOf: ['财政资金'], unlessAnyOf: ['项目资金总额'] },
    // With it (湖北), they are the whole term's; the year's 当年财政拨款 has its 当年其他资金 beside it,
    // which no field holds, so that sum is not checked.
    { total: '项目资金总额', parts: ['财政资金', '其他资金'], whenAnyOf: ['财政资金'] },
    { total: '预算数', parts: ['上级财政', '其他资金'], whenAnyOf: ['上级财政'] },
  ],
  emptyMarks: NONE_MARKS,
  indicatorColumns: [
    f('一级指标', '一级指标', required),
    // 湖北 prints a 长期 set of columns before the 年度 one; the 长期 ones are kept under 其他栏目.
    f('二级指标', '二级指标', { ...required, aliases: ['二级指标(年度)'] }),
    f('三级指标', '三级指标', { ...required, aliases: ['指标内容', '三级指标(年度)'] }),
    f('计量单位', '度量单位', { aliases: ['度量单位'] }),
    f('指标性质', '指标性质'),
    f('指标值', '指标值', { ...required, aliases: ['指标值(年度)'] }),
  ],
  extraIndicatorColumns: ['二级指标(长期)', '三级指标(长期)', '指标值(长期)'],
};

/**
 * 湖南's 项目支出绩效目标申报表 (corpus: hun-xiangtan-2023-project): the national indicator part, but
 * a head of its own — the year's 本级 budget and the 上级 money side by side with no total, the
 * goals of the whole term and of the year, and 指标值及单位 in one cell beside its 绩效标准.
 */
export const HUNAN: TableLayout = {
  name: '湖南',
  kind: 'project',
  urlPrefix: 'hn',
  readBy: 'labels',
  title: '项目支出绩效目标申报表',
  origin: '湖南省项目支出绩效目标申报表：年度本级预算金额与该项目支出上级资金分列，实施期绩效目标与本年度绩效目标，指标值连单位写在一格，另有绩效标准',
  moneyUnit: '万元',
  arrangement: 'form',
  captions: ['本年度绩效指标'],
  fields: [
    f('项目支出名称', '项目名称', required),
    f('预算部门', '单位名称'),
    f('年度本级预算金额', '预算数', required),
    f('该项目支出上级资金', '上级财政'),
    f('实施期绩效目标', '项目总目标'),
    f('本年度绩效目标', '年度目标', required),
  ],
  extraFields: ['项目支出实施期', '财政部门审核意见'],
  // The 本级 budget and the 上级 money are printed side by side, neither a part of the other.
  moneySums: [],
  emptyMarks: NONE_MARKS,
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('指标值及单位', '指标值', required),
    // 计划标准, 行业标准, 历史标准: what the value was set by.
    f('绩效标准', '指标值确定依据'),
  ],
};

/**
 * 福建's 专项资金 and 专项转移支付 绩效目标表, attached to the notice that allocates the money
 * (corpus: fj-anxi-shuili-2022-project, fj-longyan-minzong-2023-project, fj-xiuyu-shuili-2025-project):
 * the money in one row, one 总体目标, then indicators with their 指标解释 and one target value for
 * each township or county the money goes to, each a column kept under 其他栏目 by its printed name.
 */
export const FUJIAN: TableLayout = {
  name: '福建专项',
  kind: 'project',
  urlPrefix: 'fj',
  readBy: 'labels',
  title: '专项资金绩效目标表',
  titles: ['专项转移支付绩效目标表', '水利专项资金绩效目标表'],
  origin: '福建省专项资金（转移支付）绩效目标表：资金情况一行，总体目标，指标解释，各地区的目标值各占一列',
  moneyUnit: '万元',
  arrangement: 'form',
  captions: ['资金情况'],
  fields: [
    f('部门(单位)名称', '单位名称'),
    f('部门预算编码', '单位编码'),
    f('项目名称', '项目名称', required),
    f('主管部门(单位)名称', '主管部门'),
    f('资金总额', '预算数', required),
    f('其中：财政拨款', '财政资金'),
    f('其他资金', '其他资金'),
    f('总体目标', '年度目标', required),
  ],
  // 区域 lists the areas whose target values follow as columns.
  extraFields: ['区域'],
  emptyMarks: NONE_MARKS,
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('指标解释', '指标解释', required),
  ],
  // 区域目标值 over the areas' columns; 指标方向 (≤, ≥, 是/否) once for all of them.
  extraIndicatorColumns: ['区域目标值', '指标方向'],
};

/**
 * 福建's 财政支出项目绩效目标表 of 2017 (corpus: fj-tailian-2017-project): 专项名称, 概况 and
 * 总体绩效目标, then 绩效目标 printed over the 一级 and 二级 columns, a numbered 评价指标, the
 * 绩效内容 (the indicator), its 绩效标准 and the 全年绩效目标 (its value). It prints no amount.
 */
export const FUJIAN_2017: TableLayout = {
  name: '福建2017',
  kind: 'project',
  urlPrefix: 'fjz',
  readBy: 'labels',
  title: '财政支出项目绩效目标表',
  origin: '福建省 2017 年财政支出项目绩效目标表：专项名称、概况、总体绩效目标，绩效目标分投入、产出等，每条有评价指标编号、绩效内容、绩效标准和全年绩效目标',
  moneyUnit: '万元',
  arrangement: 'form',
  fields: [
    f('主管部门名称', '主管部门'),
    f('专项名称', '项目名称', required),
    f('概况', '项目概况'),
    f('总体绩效目标', '年度目标', required),
  ],
  indicatorColumns: [
    // One label over two columns: its first column is the 一级, its second the 二级.
    f('绩效目标', '一级指标', required),
    f('绩效目标', '二级指标', required),
    f('绩效内容', '三级指标', required),
    f('全年绩效目标', '指标值', required),
  ],
  extraIndicatorColumns: ['评价指标', '绩效标准'],
};

/**
 * 东莞's 财政项目支出绩效目标批复表 (corpus: gd-dongguan-jiaotong-2019-project-approval): the
 * approved table, the 中期 (three-year) budget, goal and indicators beside the year's, the two
 * indicator sets under the same labels side by side; the year's are the fields, the 中期 ones are
 * kept under 其他栏目.
 */
export const DONGGUAN: TableLayout = {
  name: '东莞',
  kind: 'project',
  urlPrefix: 'dg',
  readBy: 'labels',
  title: '东莞市财政项目支出绩效目标批复表',
  titles: ['财政项目支出绩效目标批复表'],
  origin: '广东省东莞市财政项目支出绩效目标批复表：中期市财政预算与本年度申请资金，中期滚动目标与年度目标，中期与年度的指标左右并列',
  moneyUnit: '万元',
  arrangement: 'form',
  captions: ['总体目标'],
  fields: [
    f('预算单位', '单位名称'),
    f('项目名称', '项目名称', required),
    f('中期市财政预算', '项目资金总额'),
    f('本年度申请市财政预算资金', '预算数', required),
    f('年度目标', '年度目标', required),
  ],
  // Two amounts, the three years' and this year's: neither is a sum of parts.
  moneySums: [],
  emptyMarks: NONE_MARKS,
  indicatorColumns: [
    f('一级指标', '一级指标', required),
    f('二级指标', '二级指标', { ...required, occurrence: 'last' }),
    f('三级指标', '三级指标', { ...required, occurrence: 'last' }),
    f('计划指标值(或计划水平)', '指标值', required),
  ],
  // The 中期 set's value column (its 二级 and 三级 are the earlier printings of the year's labels).
  extraIndicatorColumns: ['指标值(或计划水平)'],
};

/**
 * 内蒙古's 项目绩效目标表 (corpus: nmg-wuhai-gongxiaoshe-2021-project): the national head with a
 * 归口科室 and a small money table (资金来源 | 年初安排金额), and indicator columns of its own:
 * its 指标性质 is the direction (正向/反向) and its 指标方向 the comparator (=, ≥) — the other way
 * round from the national template's 指标性质 — then 目标值, 计量单位, 分值 and 备注.
 */
export const NEIMENGGU: TableLayout = {
  name: '内蒙古',
  kind: 'project',
  urlPrefix: 'nm',
  readBy: 'labels',
  title: '项目绩效目标表',
  origin: '内蒙古自治区项目绩效目标表：资金来源与年初安排金额，指标性质写正向或反向、指标方向写比较符号，另有分值和备注',
  moneyUnit: '万元',
  arrangement: 'form',
  captions: ['投入目标', '资金来源', '年初安排金额'],
  fields: [
    f('项目名称', '项目名称', required),
    f('项目类别', '项目类别'),
    f('主管部门', '主管部门'),
    f('实施单位', '实施单位'),
    f('资金总额', '预算数', required),
    f('其中：财政拨款数', '财政资金'),
    f('其他资金', '其他资金'),
    f('年度目标', '年度目标', required),
  ],
  extraFields: ['归口科室'],
  emptyMarks: NONE_MARKS,
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('指标性质', '指标方向性'),
    f('指标方向', '指标性质'),
    f('目标值', '指标值', required),
    f('计量单位', '度量单位'),
    f('分值', '权重'),
  ],
  extraIndicatorColumns: ['备注'],
};

/**
 * 江西's 部门整体绩效目标 (corpus: jx-fuliang-linye-2026-department): the same kind of table as the
 * 部门整体支出绩效目标表, printed otherwise — the department's code, name and contacts under
 * 基本信息, its duties and its 年度绩效总目标 under 年度绩效目标, no money, and the value split into
 * 计算符号, 目标值 and 度量单位 with a 指标值说明 — so a description of its own.
 */
export const JIANGXI_DEPARTMENT: TableLayout = {
  name: '江西部门整体',
  kind: 'department',
  urlPrefix: 'bm',
  readBy: 'labels',
  title: '部门整体绩效目标',
  titles: ['部门整体支出绩效目标表'],
  origin: '江西省部门整体绩效目标表：基本信息（部门编码、部门名称、联系人、联系电话）、部门职能职责概述、年度绩效总目标，指标值分计算符号、目标值和度量单位，另有指标值说明',
  // It prints no amount: no 金额单位 line for it.
  moneyUnit: '元',
  arrangement: 'form',
  // The head is printed in two blocks, each under a title row of its own.
  captions: ['基本信息', '年度绩效目标'],
  fields: [
    f('部门编码', '单位编码'),
    f('部门名称', '单位名称'),
    f('年度绩效总目标', '总体绩效目标', required),
  ],
  extraFields: ['联系人', '联系电话', '部门职能职责概述'],
  indicatorColumns: [
    ...LEVEL_COLUMNS,
    f('计算符号', '指标性质'),
    f('目标值', '指标值', required),
    f('度量单位', '度量单位'),
  ],
  extraIndicatorColumns: ['指标值说明'],
};

/** Every layout, by name; the first is the default of a site that names none. */
export const TABLE_LAYOUTS: readonly TableLayout[] = [HEBEI, SICHUAN, CHONGQING, SHANGHAI, DEPARTMENT, NATIONAL, HUNAN, FUJIAN, FUJIAN_2017, DONGGUAN, NEIMENGGU, JIANGXI_DEPARTMENT];
export const LAYOUT_NAMES = TABLE_LAYOUTS.filter((l) => l.kind === 'project').map((l) => l.name) as [string, ...string[]];
export const DEPARTMENT_LAYOUT_NAMES = TABLE_LAYOUTS.filter((l) => l.kind === 'department').map((l) => l.name) as [string, ...string[]];
