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
  /** Labels of the table's head (project or department), in the published order. */
  fields: readonly LayoutField<ProjectField | DepartmentField>[];
  /** Tables of rows between the head and the indicators, in order. */
  listTables?: readonly ListTable[];
  /** The indicator table's columns, in the published order. */
  indicatorColumns: readonly LayoutField<IndicatorField>[];
  /**
   * Columns of the indicator table that no field covers, kept verbatim under 其他栏目 with this
   * label. A label neither here nor in `indicatorColumns` is refused on import: it would be lost.
   */
  extraIndicatorColumns?: readonly string[];
  /** Labelled cells of the project part that no field covers, kept verbatim under 其他栏目. */
  extraFields?: readonly string[];
  /** How its Excel form is drawn when not a row per field (see FormDrawing). */
  drawing?: FormDrawing;
}

const f = <K extends string>(label: string, field: K, options: Omit<LayoutField<K>, 'label' | 'field'> = {}): LayoutField<K> => ({ label, field, ...options });
const required = { required: true } as const;

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
    f('一级指标', '一级指标', required),
    f('二级指标', '二级指标', required),
    f('三级指标', '三级指标', required),
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
  origin: '上海市部门预算公开：项目资金总额与年度资金申请总额分列，项目总目标与年度总体目标并列',
  moneyUnit: '元',
  arrangement: 'form',
  fields: [
    f('项目名称', '项目名称', required),
    f('项目编码', '项目编码'),
    f('项目性质', '项目性质'),
    f('项目类别', '项目类别'),
    f('主管部门', '主管部门', required),
    f('实施单位', '实施单位', required),
    f('计划开始日期', '计划开始日期'),
    f('计划完成日期', '计划完成日期'),
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
    f('一级指标', '一级指标', required),
    f('二级指标', '二级指标', required),
    f('三级指标', '三级指标', required),
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
    f('一级指标', '一级指标', required),
    f('二级指标', '二级指标', required),
    f('三级指标', '三级指标', required),
    f('指标解释', '指标解释'),
    f('目标值', '指标值', { ...required, aliases: ['指标值'] }),
  ],
};

/**
 * Labels compare without spaces and a trailing colon, full-width colons and brackets as half-width:
 * `其中： 财政资金` = `其中:财政资金`. Every reader of labels and every writer that checks one uses it.
 */
export const normalLabel = (label: string) =>
  label.replace(/\s+/g, '').replace(/[：:]$/, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');

/** Every layout, by name; the first is the default of a site that names none. */
export const TABLE_LAYOUTS: readonly TableLayout[] = [HEBEI, SICHUAN, CHONGQING, SHANGHAI, DEPARTMENT];
export const LAYOUT_NAMES = TABLE_LAYOUTS.filter((l) => l.kind === 'project').map((l) => l.name) as [string, ...string[]];
export const DEPARTMENT_LAYOUT_NAMES = TABLE_LAYOUTS.filter((l) => l.kind === 'department').map((l) => l.name) as [string, ...string[]];
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
