// A project table as its government's 表样 lays it out (table-layouts.ts): the labelled rows of
// the project part and the columns of the indicator table, in the published order with the
// published labels. The project page, and through it the print view, show exactly this.
import type { Indicator, Project } from '../schema/project.ts';
import { layoutNamed, MONEY_FIELDS, type IndicatorField, type ProjectField, type TableLayout } from '../schema/table-layouts.ts';
import { groupAmount, type MoneyUnit } from './money.ts';
import { yuanOf } from './format.ts';

/** YAML key → the English property of the parsed project (schema/project.ts). */
const PROJECT_PROPERTY: Record<ProjectField, keyof Project> = {
  项目编码: 'code', 项目名称: 'name', 单位名称: 'unitName', 预算数: 'total', 财政资金: 'fiscal', 其他资金: 'other', 资金用途: 'purpose',
  资金支出计划: 'spendingPlan', 绩效目标: 'goals', 年度目标: 'annualGoal', 项目总目标: 'overallGoal', 长期目标: 'longTermGoal',
  项目性质: 'nature', 项目类别: 'category', 项目属性: 'kind', 主管部门: 'department', 实施单位: 'implementer', 计划开始日期: 'startDate',
  计划完成日期: 'endDate', 立项依据: 'basis', 项目概况: 'overview', 项目资金总额: 'projectTotal', 当年财政拨款: 'appropriation',
  上年结转: 'carryOver', 上级财政: 'higherLevel', 本级财政: 'sameLevel', 自有资金: 'ownFunds',
};
export const INDICATOR_PROPERTY: Record<IndicatorField, keyof Indicator> = {
  一级指标: 'level1', 二级指标: 'level2', 三级指标: 'name', 绩效指标描述: 'description', 指标性质: 'nature', 指标值: 'value',
  度量单位: 'unit', 权重: 'weight', 指标方向性: 'direction', 指标解释: 'explanation', 指标值确定依据: 'basis',
};
const PROJECT_FIELDS = Object.keys(PROJECT_PROPERTY) as ProjectField[];
const INDICATOR_FIELDS = Object.keys(INDICATOR_PROPERTY) as IndicatorField[];

export interface SheetRow {
  label: string;
  /** One line each (绩效目标 has one per goal); `（空）` for a cell the table leaves empty. */
  lines: string[];
  numeric?: boolean;
  /** A list field (绩效目标): each line its own paragraph. */
  list?: boolean;
}

export const layoutOf = (p: Project): TableLayout => layoutNamed(p.layout)!;

/** An amount as the table wrote it, in its unit: 元 grouped to the fen, 万元 with the decimals written. */
export function amountText(text: string, unit: MoneyUnit): string {
  return unit === '元' ? `${yuanOf(text, unit)} 元` : `${groupAmount(text)} 万元`;
}

/**
 * The project part: 单位 and 金额单位 first (every table names them above its grid), then the
 * layout's labels in order, then any field the file has that its layout does not print (a page
 * never hides what the file says), then 其他栏目. The spending plan has a table of its own.
 */
export function sheetRows(p: Project): SheetRow[] {
  const layout = layoutOf(p);
  const row = (label: string, field: ProjectField): SheetRow | undefined => {
    const value = p[PROJECT_PROPERTY[field]];
    if (field === '资金支出计划' || field === '单位名称') return undefined;
    const numeric = MONEY_FIELDS.has(field);
    if (value === undefined) return { label, lines: ['（空）'], numeric };
    if (numeric) return { label, lines: [amountText(value as string, p.moneyUnit)], numeric };
    return Array.isArray(value) ? { label, lines: value as string[], list: true } : { label, lines: [String(value)] };
  };
  const placed = new Set(layout.fields.map((f) => f.field));
  const unplaced = PROJECT_FIELDS.filter((field) => !placed.has(field) && p[PROJECT_PROPERTY[field]] !== undefined);
  return [
    // A layout that prints the unit in its grid (四川) names it with its own label.
    { label: layout.fields.find((f) => f.field === '单位名称')?.label ?? '单位', lines: [`${p.unitCode}${p.unitName}`] },
    { label: '金额单位', lines: [p.moneyUnit] },
    ...[...layout.fields.map((f) => row(f.label, f.field as ProjectField)), ...unplaced.map((field) => row(field, field))].filter((r): r is SheetRow => r !== undefined),
    ...Object.entries(p.extra ?? {}).map(([label, value]) => ({ label, lines: [value] })),
  ];
}

export interface IndicatorColumn {
  label: string;
  /** The cell of a row, '' where it is empty. */
  cell(i: Indicator): string;
  /** 一级/二级: merged down over equal neighbours, as the approved table prints them. */
  group?: 'level1' | 'level2';
  /** The row's name (三级指标): the row header. */
  rowHeader?: boolean;
  /** The site's reading of the value (not a column of the approved table). */
  reading?: boolean;
}

/**
 * The indicator table's columns: the layout's, the site's reading right after the last of
 * 指标性质 / 指标值 / 度量单位 (it reads them together), then columns the layout does not print but
 * some row has, then 其他栏目.
 */
export function indicatorColumns(layout: TableLayout, indicators: readonly Indicator[]): IndicatorColumn[] {
  const column = (label: string, field: IndicatorField): IndicatorColumn => ({
    label,
    cell: (i) => (i[INDICATOR_PROPERTY[field]] as string | undefined) ?? '',
    ...(field === '一级指标' && { group: 'level1' as const }),
    ...(field === '二级指标' && { group: 'level2' as const }),
    ...(field === '三级指标' && { rowHeader: true }),
  });
  const placed = new Set(layout.indicatorColumns.map((c) => c.field));
  const unplaced = INDICATOR_FIELDS.filter((field) => !placed.has(field) && indicators.some((i) => i[INDICATOR_PROPERTY[field]] !== undefined));
  const columns = [...layout.indicatorColumns.map((c) => column(c.label, c.field)), ...unplaced.map((field) => column(field, field))];
  const valueColumns = new Set<string>([...layout.indicatorColumns, ...unplaced.map((field) => ({ field, label: field }))].filter((c) => ['指标性质', '指标值', '度量单位'].includes(c.field)).map((c) => c.label));
  const after = Math.max(...columns.map((c, n) => (valueColumns.has(c.label) ? n : -1)));
  columns.splice(after + 1, 0, { label: '本网站解读', cell: () => '', reading: true });
  const extra = [...new Set(indicators.flatMap((i) => Object.keys(i.extra ?? {})))];
  return [...columns, ...extra.map((label) => ({ label, cell: (i: Indicator) => i.extra?.[label] ?? '' }))];
}
