// A project table as its government's 表样 lays it out (table-layouts.ts): the labelled rows of
// the project part and the columns of the indicator table, in the published order with the
// published labels. The project page, and through it the print view, show exactly this.
import { extrasByPlace, INDICATOR_PROPERTY, PROJECT_PROPERTY, type Indicator, type Project } from '../../schema/project.ts';
import type { Department } from '../../schema/department.ts';
import { loadSiteConfig } from '../site/site-config.ts';
import { projectRulesOf } from '../../schema/site.ts';
import { INDICATOR_FIELDS, MONEY_FIELDS, PROJECT_FIELDS, projectLayout, type IndicatorField, type ProjectField, type TableLayout } from '../../schema/table-layouts.ts';
import { groupAmount, type MoneyUnit } from '../reading/money.ts';
import { yuanOf } from './format.ts';

// Fields read by their YAML keys: the English property of each comes from the schema's one spec.
const projectValue = (p: Project, field: string) => (p as unknown as Record<string, unknown>)[PROJECT_PROPERTY[field]!];
const indicatorValue = (i: Indicator, field: string) => (i as unknown as Record<string, unknown>)[INDICATOR_PROPERTY[field]!] as string | undefined;

export interface SheetRow {
  label: string;
  /** One line each (绩效目标 has one per goal); `（空）` for a cell the table leaves empty. */
  lines: string[];
  numeric?: boolean;
  /** A list field (绩效目标): each line its own paragraph. */
  list?: boolean;
}

export const layoutOf = (p: Project): TableLayout => projectLayout(p, projectRulesOf(loadSiteConfig()).layout);

/** The words of a project table that the glossary may explain, in the table's order (Terms.astro). */
export function termsOf(p: Project): string[] {
  const layout = layoutOf(p);
  return [
    ...layout.fields.map((f) => f.field),
    ...p.indicators.flatMap((i) => [i.level1, i.level2]).filter((w): w is string => w !== undefined),
    ...layout.indicatorColumns.map((c) => c.field),
  ];
}

/** An amount as the table wrote it, in its unit: 元 grouped to the fen, 万元 with the decimals written. */
export function amountText(text: string, unit: MoneyUnit): string {
  return unit === '元' ? `${yuanOf(text, unit)} 元` : `${groupAmount(text)} 万元`;
}

/**
 * The project part: 单位 and 金额单位 first (every table names them above its grid), then the
 * layout's labels in order, then any field the file has that its layout does not print (a page
 * never hides what the file says); each 其他栏目 where the table printed it (其他栏目位置: right
 * after the field or 其他栏目 it followed), those of no place after the rest, those printed under
 * the indicators there (rowsAfterIndicators). The spending plan has a table of its own.
 */
export function sheetRows(p: Project): SheetRow[] {
  return headAndAfter(p).head;
}
/** The 其他栏目 the table printed under its indicators. */
export const rowsAfterIndicators = (p: Project): SheetRow[] => headAndAfter(p).afterIndicators;

function headAndAfter(p: Project): { head: SheetRow[]; afterIndicators: SheetRow[] } {
  const layout = layoutOf(p);
  const row = (label: string, field: ProjectField): SheetRow | undefined => {
    const value = projectValue(p, field);
    if (field === '资金支出计划' || field === '单位名称') return undefined;
    const numeric = MONEY_FIELDS.has(field);
    if (value === undefined) return { label, lines: ['（空）'], numeric };
    if (numeric) return { label, lines: [amountText(value as string, p.moneyUnit)], numeric };
    return Array.isArray(value) ? { label, lines: value as string[], list: true } : { label, lines: [String(value)] };
  };
  const placed = new Set(layout.fields.map((f) => f.field));
  const unplaced = PROJECT_FIELDS.filter((field) => !placed.has(field) && projectValue(p, field) !== undefined);
  const fields: [string, SheetRow | undefined][] = [...layout.fields.map((f): [string, SheetRow | undefined] => [f.field, row(f.label, f.field as ProjectField)]), ...unplaced.map((field): [string, SheetRow | undefined] => [field, row(field, field)])];
  const extras = extrasByPlace(['原文标题', ...fields.map(([field]) => field), '绩效指标'], p.extra, p.extraPlaces);
  const extraRows = (labels: readonly string[] = []): SheetRow[] => labels.map((label) => ({ label, lines: [p.extra![label]!] }));
  const head = [
    // A layout that prints the unit in its grid (四川) names it with its own label.
    { label: layout.fields.find((f) => f.field === '单位名称')?.label ?? '单位', lines: [`${p.unitCode}${p.unitName}`] },
    { label: '金额单位', lines: [p.moneyUnit] },
    ...extraRows(extras.after.get('原文标题')),
    ...fields.flatMap(([field, r]) => [...(r ? [r] : []), ...extraRows(extras.after.get(field))]),
    ...extraRows(extras.rest),
  ];
  return { head, afterIndicators: extraRows(extras.after.get('绩效指标')) };
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
  // 二级 merges within its 一级; a layout without 一级 prints 二级 as a plain column.
  const hasLevel1 = layout.indicatorColumns.some((c) => c.field === '一级指标');
  const column = (label: string, field: IndicatorField): IndicatorColumn => ({
    label,
    cell: (i) => indicatorValue(i, field) ?? '',
    ...(field === '一级指标' && { group: 'level1' as const }),
    ...(field === '二级指标' && hasLevel1 && { group: 'level2' as const }),
    ...(field === '三级指标' && { rowHeader: true }),
  });
  const placed = new Set(layout.indicatorColumns.map((c) => c.field));
  const unplaced = INDICATOR_FIELDS.filter((field) => !placed.has(field) && indicators.some((i) => indicatorValue(i, field) !== undefined));
  const columns = [...layout.indicatorColumns.map((c) => column(c.label, c.field)), ...unplaced.map((field) => column(field, field))];
  const valueColumns = new Set<string>([...layout.indicatorColumns, ...unplaced.map((field) => ({ field, label: field }))].filter((c) => ['指标性质', '指标值', '度量单位'].includes(c.field)).map((c) => c.label));
  const after = Math.max(...columns.map((c, n) => (valueColumns.has(c.label) ? n : -1)));
  columns.splice(after + 1, 0, { label: '本网站解读', cell: () => '', reading: true });
  const extra = [...new Set(indicators.flatMap((i) => Object.keys(i.extra ?? {})))];
  return [...columns, ...extra.map((label) => ({ label, cell: (i: Indicator) => i.extra?.[label] ?? '' }))];
}

/**
 * A department table's 其他栏目 where the table printed it (其他栏目位置), by the part of the page:
 * those after the title and the unit's cells at the top (`top`), the others at the end of the part
 * holding the field they followed (money, overall, itemized, each list's field, indicators,
 * safeguards); those of no place in `rest`, shown under 其他栏目 at the end.
 */
export function departmentExtras(d: Department, lists: readonly string[]): { parts: Map<string, [string, string][]>; rest: [string, string][] } {
  const parts: [string, string[]][] = [
    ['top', ['原文标题']],
    ['money', ['资金总额', '基本支出', '项目支出']],
    ['overall', ['总体绩效目标']],
    ['itemized', ['分项绩效目标']],
    ...lists.map((field): [string, string[]] => [field, [field]]),
    ['indicators', ['绩效指标']],
    ['safeguards', ['工作保障措施']],
  ];
  const extras = extrasByPlace(parts.flatMap(([, fields]) => fields), d.extra, d.extraPlaces);
  const cells = (labels: readonly string[]) => labels.map((label): [string, string] => [label, d.extra![label]!]);
  return { parts: new Map(parts.map(([part, fields]) => [part, cells(fields.flatMap((f) => extras.after.get(f) ?? []))])), rest: cells(extras.rest) };
}
