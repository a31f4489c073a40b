// The result tables of the performance cycle (docs/领域.md, “其余环节：执行监控和绩效自评”) — the
// national 项目支出绩效自评表, the 项目支出绩效目标执行监控表 and the 部门整体支出绩效自评表, each
// described as data in schema/result-layouts.ts — with one reader and one writer for all three. Like
// layout-table.ts the reader finds blocks and columns by their labels in a grid (.xlsx, .docx or
// tab-separated text), carries merged 一级/二级 cells down, and reports in Chinese, with the cell,
// every non-empty cell it cannot place; the caller then writes nothing. The writer lays a result
// file out as published, so that it reads back the same.
import { z } from 'astro/zod';
import { cellWhere, gridWidth, visibleCell, type Grid, type GridCell, type GridFile } from '../office/grid.ts';
import { CARRIED_LEVELS, carriedDown, filledCells, hasText, MONEY_LINE, own, ownText, short, UNIT_CODE, UNIT_LINE, visibleText } from './cells.ts';
import { strayParagraph, type ImportProblem } from './problems.ts';
import { madeUrlKey } from './project-file.ts';
import { departmentEvaluationSchema, DEVIATION_CATEGORIES, evaluationSchema, isEmptyMark, monitoringSchema, numberOf, readIndicatorName, type MoneyColumn } from '../../schema/results.ts';
import { RESULT_LAYOUTS, resultLayoutOf, type ResultKind, type ResultLabel, type ResultLayout } from '../../schema/result-layouts.ts';
import { decimalsOf, MAX_DECIMALS, MONEY_UNITS, readAmount, type MoneyUnit } from '../reading/money.ts';
import { normalLabel } from '../../schema/table-layouts.ts';

/** The 总分 row's 分值 cell when it is not the sum of the 分值 above it (normally 100 and derived). */
export const TOTAL_POINTS_KEY = '总分分值';
const TOTAL_LABELS = new Set(['总分', '合计']);
const MONTHLY = /^1[-－—–~～至](\d{1,2})月(.+)$/;
const YEAR_LINE = /^[（(](\d{4})年度?[)）]$/;
const MONEY_CAPTION = /资金|栏目/;
const GOAL_CAPTION = '年度总体目标';
const INDICATOR_CAPTIONS = new Set(['绩效指标', '偏差原因类别', '偏差原因分析']);
const CHECK_MARKS = new Set(['✓', '√', '✔', '☑', '●', '是', '1']);

/** Which label a header text is, and the month it prints (`1-6月执行数` → 6). */
function match<L extends ResultLabel>(labels: readonly L[], text: string): { label: L; month?: number } | undefined {
  const t = normalLabel(text);
  const monthly = MONTHLY.exec(t);
  for (const label of labels) {
    if (monthly && label.monthly && normalLabel(label.label) === monthly[2]) return { label, month: Number(monthly[1]) };
    if ([label.label, ...(label.aliases ?? [])].some((a) => normalLabel(a) === t)) return { label };
  }
  return undefined;
}
const printed = (label: ResultLabel, month: number | undefined) => (label.monthly && month !== undefined ? `1-${month}月${label.label}` : label.label);

/** The row naming every required indicator column of the layout (labels merged down count). */
function indicatorHeader(grid: Grid, layout: ResultLayout): number | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const texts = new Set<string>();
    for (let c = 0; c < gridWidth(grid); c++) texts.add(normalLabel(visibleText(grid, r, c)));
    if (layout.required.every((label) => [...texts].some((t) => match(layout.indicators.filter((x) => x.key === label || x.label === label), t)))) return r;
  }
  return undefined;
}

/** The kind of result table the file holds, by its labels: undefined when none (a target table). */
export function detectResultLayout(grids: Grid[]): ResultLayout | undefined {
  const has = (layout: ResultLayout) => grids.some((g) => indicatorHeader(g, layout) !== undefined);
  const labelled = (text: string) => grids.some((g) => g.rows.some((row) => row.some((c) => c && normalLabel(c.text) === text)));
  if (has(resultLayoutOf('monitoring'))) return resultLayoutOf('monitoring');
  if (!has(resultLayoutOf('evaluation'))) return undefined;
  return labelled('部门名称') && !labelled('项目名称') ? resultLayoutOf('departmentEvaluation') : resultLayoutOf('evaluation');
}

export interface ResultImportOptions {
  /** Fiscal year when the table does not print it (“（2024年度）”). */
  year?: number;
  /** Unit code (and name) when the table does not print them. */
  unit?: string;
  /** The target table of this year and unit with this 项目名称, whose 项目编码 / 网址标识 the result takes. */
  targetOf?: (year: number, unitCode: string, name: string) => { 项目编码?: string; 网址标识?: string } | undefined;
}

export interface ResultImport {
  layout?: ResultLayout;
  /** One result file each (YAML keys, in the schema's order). */
  tables: Record<string, unknown>[];
  problems: ImportProblem[];
}

/** Reads every result table of a file (one per grid). */
export function importResultFile(file: GridFile, options: ResultImportOptions = {}): ResultImport {
  const problems: ImportProblem[] = [];
  const grids = file.grids.filter(hasText);
  const layout = detectResultLayout(grids);
  if (!layout) return { tables: [], problems: [{ where: '', message: `认不出这是哪一种结果表：没有一张表格含有${RESULT_LAYOUTS.map((x) => `${x.title}的栏目（${x.required.join('、')}）`).join('或')}` }] };
  const tables: Record<string, unknown>[] = [];
  for (const grid of grids) {
    const table = readResultGrid(grid, layout, options, problems);
    if (table) tables.push(table);
  }
  for (const p of file.after) if (p.text.trim()) problems.push(strayParagraph(p, '表格之后'));
  // Two tables for one project (or one department) and year would overwrite each other's file.
  const seen = new Map<string, string>();
  for (const t of tables) {
    const key = [t['年度'], t['单位编码'], t['项目编码'] ?? t['网址标识'] ?? ''].join('/');
    const name = String(t['项目名称'] ?? t['单位名称']);
    if (seen.has(key)) problems.push({ where: '', message: `“${name}”与“${seen.get(key)}”是同一${layout.kind === 'departmentEvaluation' ? '单位' : '项目'}同一年度的${layout.title}，导入后会互相覆盖。请核对原表` });
    else seen.set(key, name);
  }
  return { layout, tables: problems.length ? [] : tables, problems };
}

/** One table: lines and head, money block, 年度总体目标, indicators, 总分 and closing rows. */
function readResultGrid(grid: Grid, layout: ResultLayout, options: ResultImportOptions, problems: ImportProblem[]): Record<string, unknown> | undefined {
  const at = (r: number, c: number) => cellWhere(grid, r, c);
  const unplaced = (r: number, c: number, text: string) => problems.push({ where: at(r, c), message: `“${short(text)}”不是${layout.title}的栏目，也不在栏目下，无法放进任何字段` });
  const header = indicatorHeader(grid, layout);
  if (header === undefined) {
    problems.push({ where: at(0, 0), message: `表格“${grid.name}”没有${layout.title}的绩效指标表头行（应有：${layout.required.join('、')}）` });
    return undefined;
  }
  const width = gridWidth(grid);
  // A column only another kind of table has (实际完成值 in a monitoring table) means a mixed-up
  // template: refused rather than kept under 其他栏目. A 备注 column is common to all.
  const others = new Set(
    RESULT_LAYOUTS.filter((x) => x.kind !== layout.kind)
      .flatMap((x) => [...x.money, ...x.indicators])
      .filter((x) => x.label !== '备注' && !match([...layout.money, ...layout.indicators], x.label))
      .map((x) => normalLabel(x.label)),
  );
  const otherKind = (r: number, c: number, text: string) => {
    const of = RESULT_LAYOUTS.find((x) => x.kind !== layout.kind && match([...x.money, ...x.indicators], text))!;
    problems.push({ where: at(r, c), message: `栏目“${text}”是${of.title}的栏目，不在${layout.title}中。请核对表头，或把它放在对应的表中` });
  };
  const months = new Map<number, string>();
  const head: Record<string, string> = {};
  const headWhere: Record<string, string> = {};
  const extra: Record<string, string> = {};
  const lines: { title?: string; year?: number; unit?: string; money?: MoneyUnit } = {};
  const line = (text: string) => {
    const t = normalLabel(text);
    const money = MONEY_LINE.exec(t);
    const year = YEAR_LINE.exec(t);
    const unit = UNIT_LINE.exec(text.trim());
    if (money) lines.money = money[1] as MoneyUnit;
    else if (year) lines.year = Number(year[1]);
    else if (t.includes(normalLabel(layout.title)) && lines.title === undefined) lines.title = text.trim();
    else if (unit) lines.unit = unit[1]!.trim();
    else return false;
    return true;
  };
  for (const p of grid.before) if (p.text.trim() && !line(p.text)) problems.push(strayParagraph(p, '表格前'));

  // Blocks start at their header rows: money, 年度总体目标, indicators.
  const moneyHeader = grid.rows.findIndex((_, r) => r < header && filledCells(grid, r).filter((x) => match(layout.money, x.text)).length >= 2);
  const goalRow = grid.rows.findIndex((_, r) => r < header && filledCells(grid, r)[0]?.text !== undefined && normalLabel(filledCells(grid, r)[0]!.text) === GOAL_CAPTION);
  const starts = [moneyHeader, goalRow, header].filter((r) => r >= 0).sort((a, b) => a - b);
  const endOf = (start: number) => starts.find((s) => s > start) ?? header;

  /** Label | value pairs of a row; `known` labels fill `into`, others go to 其他栏目. */
  const pairs = (r: number, known: readonly ResultLabel[], into: Record<string, string>, where: Record<string, string>) => {
    const cells = filledCells(grid, r);
    for (let n = 0; n < cells.length; n++) {
      const { c, cell, text } = cells[n]!;
      if (line(text)) continue;
      const next = c + (cell.colSpan ?? 1);
      const value = ownText(grid, r, next);
      if (cells[n + 1]?.c === next) n++;
      const found = match(known, text)?.label;
      if (found && into[found.key] !== undefined) problems.push({ where: at(r, c), message: `“${text}”在表中出现了两次（另一处在 ${where[found.key]}）：请只保留一处` });
      else if (found) {
        if (value.trim() !== '') into[found.key] = value.trim();
        where[found.key] = at(r, next);
      } else extra[text] = value.trim();
    }
  };
  for (let r = 0; r < (starts[0] ?? header); r++) pairs(r, layout.head, head, headWhere);

  // Money block: a caption (项目资金（万元）) left of the columns, the row's 栏目 before the first column.
  const money: Record<string, unknown>[] = [];
  let captionUnit: MoneyUnit | undefined;
  // The national tables are in 万元 (their caption says so); a table may say otherwise.
  const moneyUnit = () => lines.money ?? captionUnit ?? '万元';
  /** An amount exactly as written, in the table's unit; the empty mark `-` kept. */
  const amountValue = (text: string, key: string, r: number, c: number) => {
    if (isEmptyMark(text)) return text;
    const amount = readAmount(text);
    if (!amount.ok) problems.push({ where: at(r, c), message: `${key}“${short(text)}”不是金额：只能写数字和小数点，例如 12.345；没有金额时写“-”` });
    else if (decimalsOf(amount.text) > MAX_DECIMALS[moneyUnit()]) problems.push({ where: at(r, c), message: `${key}“${text}”的小数位太多：金额单位是${moneyUnit()}时最多 ${MAX_DECIMALS[moneyUnit()]} 位` });
    else return amount.text;
    return undefined;
  };
  if (moneyHeader < 0) problems.push({ where: at(Math.max(0, header - 1), 0), message: `没有资金表头行（应有：${layout.money.map((x) => x.label).join('、')}）` });
  else {
    const columns = new Map<number, { key?: string; extra?: string; kind?: MoneyColumn['kind'] }>();
    let first = width;
    for (const { c, text } of filledCells(grid, moneyHeader)) {
      const found = match(layout.money, text);
      if (found) {
        if (found.month !== undefined) months.set(found.month, at(moneyHeader, c));
        columns.set(c, { key: found.label.key, kind: found.label.kind });
        first = Math.min(first, c);
      } else if (columns.size === 0 && MONEY_CAPTION.test(text)) {
        const unit = /[（(](万元|元)[)）]/.exec(text)?.[1] as MoneyUnit | undefined;
        if (unit) captionUnit = unit;
      } else if (others.has(normalLabel(text))) otherKind(moneyHeader, c, text);
      else if (columns.size === 0) unplaced(moneyHeader, c, text);
      else columns.set(c, { extra: text });
    }
    for (let r = moneyHeader + 1; r < endOf(moneyHeader); r++) {
      const cells = filledCells(grid, r);
      if (cells.length === 0) continue;
      const labels = cells.filter((x) => x.c < first);
      const row: Record<string, unknown> = { 栏目: labels[0]?.text };
      const rowExtra: Record<string, string> = {};
      if (labels.length === 0) problems.push({ where: at(r, cells[0]!.c), message: `资金行没有栏目名称（例如“年度资金总额”），“${short(cells[0]!.text)}”无法放进任何字段` });
      for (const x of labels.slice(1)) unplaced(r, x.c, x.text);
      for (const x of cells.filter((x) => x.c >= first)) {
        const column = columns.get(x.c);
        if (!column) unplaced(r, x.c, x.text);
        else if (column.extra) rowExtra[column.extra] = x.text;
        else if (column.kind === 'amount') row[column.key!] = amountValue(x.text, column.key!, r, x.c);
        else row[column.key!] = scoreValue(x.text);
      }
      if (Object.keys(rowExtra).length) row['其他栏目'] = rowExtra;
      money.push(row);
    }
  }
  if (lines.money && captionUnit && lines.money !== captionUnit) problems.push({ where: at(moneyHeader, 0), message: `资金栏目写的单位是${captionUnit}，表头写的是“单位：${lines.money}”，无法确定金额单位。请改正其中一处` });
  // 年度总体目标: caption, two headers, and the row of values under them.
  let goal: Record<string, string> | undefined;
  if (goalRow >= 0) {
    const columns = new Map<number, ResultLabel>();
    for (const { c, text } of filledCells(grid, goalRow).slice(1)) {
      const found = match(layout.goal, text);
      if (found) {
        columns.set(c, found.label);
        if (found.month !== undefined) months.set(found.month, at(goalRow, c));
      } else unplaced(goalRow, c, text);
    }
    goal = {};
    for (let r = goalRow + 1; r < endOf(goalRow); r++) {
      for (const { c, text } of filledCells(grid, r)) {
        const label = r === goalRow + 1 ? columns.get(c) : undefined;
        if (label) goal[label.key] = text;
        else unplaced(r, c, text);
      }
    }
  }

  // Indicators: a header of one row, or two where 偏差原因类别 is split into check-mark columns.
  // A split header names several categories side by side; a data row's 偏差原因类别 cell may hold one (其他), never several cells of them.
  const twoRows = filledCells(grid, header + 1).filter((x) => (DEVIATION_CATEGORIES as readonly string[]).includes(normalLabel(x.text))).length >= 2;
  const columns = new Map<number, { key?: string; category?: string; extra?: string }>();
  for (let c = 0; c < width; c++) {
    const below = twoRows ? ownText(grid, header + 1, c) : '';
    const shown = visibleCell(grid, header, c);
    const text = below || (shown && shown.col === c ? shown.cell.text.trim() : '');
    const r = below ? header + 1 : header;
    if (text === '') continue;
    const found = match(layout.indicators, text);
    if ((DEVIATION_CATEGORIES as readonly string[]).includes(normalLabel(text)) && twoRows) columns.set(c, { category: normalLabel(text) });
    else if (INDICATOR_CAPTIONS.has(normalLabel(text)) && !found) continue;
    else if (found) {
      if (found.month !== undefined) months.set(found.month, at(r, c));
      const twice = [...columns].find(([, x]) => x.key === found.label.key);
      if (twice) problems.push({ where: at(r, c), message: `“${text}”与 ${at(header, twice[0])} 的栏目都是“${found.label.key}”，无法确定用哪一栏。请删去或改名其中一栏` });
      else columns.set(c, { key: found.label.key });
    } else if (others.has(normalLabel(text))) otherKind(r, c, text);
    else columns.set(c, { extra: text });
  }
  const indicators: Record<string, unknown>[] = [];
  const closing: Record<string, string> = {};
  const closingWhere: Record<string, string> = {};
  let total: unknown;
  let totalPoints: string | undefined;
  let ended = false;
  for (let r = header + (twoRows ? 2 : 1); r < grid.rows.length; r++) {
    const first = own(grid, r, 0);
    const firstText = normalLabel(first?.text ?? '');
    // The indicators end at the 总分 row or at a label that spans the level columns.
    if (!ended && first && firstText !== '' && (TOTAL_LABELS.has(firstText) || match(layout.closing, firstText) || (first.colSpan ?? 1) >= 3)) ended = true;
    if (ended) {
      if (TOTAL_LABELS.has(firstText) && layout.totalRow) {
        const pointsCol = [...columns].find(([, x]) => x.key === '分值')?.[0];
        const scoreCol = [...columns].find(([, x]) => x.key === '得分')?.[0];
        for (const x of filledCells(grid, r).slice(1)) {
          if (x.c === scoreCol) total = scoreValue(x.text);
          else if (x.c === pointsCol) totalPoints = x.text;
          else unplaced(r, x.c, x.text);
        }
      } else pairs(r, layout.closing, closing, closingWhere);
      continue;
    }
    const above = indicators.at(-1);
    const row: Record<string, unknown> = {};
    const rowExtra: Record<string, string> = {};
    const categories: string[] = [];
    for (const x of filledCells(grid, r)) {
      const column = columns.get(x.c);
      if (!column) unplaced(r, x.c, x.text);
      else if (column.category) {
        if (CHECK_MARKS.has(x.text)) categories.push(column.category);
        else problems.push({ where: at(r, x.c), message: `偏差原因类别“${column.category}”一栏只能打勾（√），这里写的是“${short(x.text)}”` });
      } else if (column.extra) rowExtra[column.extra] = x.text;
      else if (column.key === '偏差原因类别') categories.push(...x.text.split(/[、,，;；\s]+/).filter(Boolean));
      else row[column.key!] = column.key === '分值' || column.key === '得分' ? scoreValue(x.text) : x.text;
    }
    if (Object.keys(row).length === 0 && categories.length === 0 && Object.keys(rowExtra).length === 0) continue;
    // 一级/二级 merged down (or, in text, left empty under the first row of the group).
    for (const level of CARRIED_LEVELS) {
      const c = [...columns].find(([, x]) => x.key === level)?.[0];
      if (c === undefined || row[level] !== undefined) continue;
      const text = carriedDown(grid, r, c, above?.[level] as string | undefined);
      if (text !== undefined) row[level] = text;
    }
    if (categories.length) row['偏差原因类别'] = categories;
    if (Object.keys(rowExtra).length) row['其他栏目'] = rowExtra;
    indicators.push(row);
  }

  // The head: name, unit, year, key.
  const isProject = layout.kind !== 'departmentEvaluation';
  const nameKey = isProject ? '项目名称' : '单位名称';
  const name = head[nameKey];
  if (!name) {
    problems.push({ where: headWhere[nameKey] ?? at(0, 0), message: `表格“${grid.name}”没有${layout.head[0]!.label}（“${layout.head[0]!.label}”一栏${headWhere[nameKey] ? '是空的' : '找不到'}）` });
    return undefined;
  }
  if (months.size > 1) problems.push({ where: [...months.values()][1]!, message: `监控期写法不一致：${[...months.keys()].map((m) => `1-${m}月`).join('、')}。请统一` });
  const month = [...months.keys()][0];
  if (layout.kind === 'monitoring' && month === undefined) problems.push({ where: at(moneyHeader < 0 ? header : moneyHeader, 0), message: '看不出监控截至哪个月：执行数一栏应写成“1-6月执行数”这样' });
  const fromTable = UNIT_CODE.exec(lines.unit ?? '');
  const fromOption = options.unit === undefined ? null : UNIT_CODE.exec(options.unit.trim());
  if (fromTable && fromOption && fromTable[1] !== fromOption[1]) {
    problems.push({ where: at(0, 0), message: `表中的单位编码是 ${fromTable[1]}，与 --unit ${fromOption[1]} 不同。请核对后去掉 --unit 或改正它` });
    return undefined;
  }
  const unitCode = fromTable?.[1] ?? fromOption?.[1];
  const unitName = isProject ? (fromTable?.[2]?.trim() || (fromTable ? undefined : lines.unit) || fromOption?.[2]?.trim() || head['实施单位'] || head['主管部门']) : name;
  if (!unitCode) {
    problems.push({ where: at(0, 0), message: `“${name}”：表中没有单位编码。请用 --unit 指定，例如 --unit 910001 或 --unit "910001 某某镇人民政府"` });
    return undefined;
  }
  if (!isProject && fromTable?.[2]?.trim() && fromTable[2].trim() !== name) problems.push({ where: headWhere[nameKey]!, message: `部门名称“${name}”与表头的单位“${fromTable[2].trim()}”不同。请改正其中一处` });
  const titleYear = /(\d{4})\s*年/.exec(lines.title ?? '')?.[1];
  const printedYear = lines.year ?? (titleYear === undefined ? undefined : Number(titleYear));
  if (printedYear !== undefined && options.year !== undefined && printedYear !== options.year) {
    problems.push({ where: at(0, 0), message: `表中的年度是 ${printedYear}，与 --year ${options.year} 不同。请核对后去掉 --year 或改正它` });
    return undefined;
  }
  const year = printedYear ?? options.year ?? NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    problems.push({ where: at(0, 0), message: `“${name}”：无法判断年度（表头没有“（2024年度）”这样的字样）。请用 --year 指定，例如 --year 2024` });
    return undefined;
  }
  let key: { 项目编码?: string; 网址标识?: string } = {};
  if (isProject) {
    key = head['项目编码'] ? { 项目编码: head['项目编码'] } : head['网址标识'] ? { 网址标识: head['网址标识'] } : (options.targetOf?.(year, unitCode, name) ?? {});
    if (!key.项目编码 && !key.网址标识) key = { 网址标识: madeUrlKey('jx', year, unitCode, name) };
  }
  // The 总分 row's 分值 is derived (the 分值 above add up to it); a different one is kept as written.
  if (totalPoints !== undefined && totalPoints !== pointsSum(money, indicators)) extra[TOTAL_POINTS_KEY] = totalPoints;
  const table: Record<string, unknown> = {
    单位编码: unitCode,
    单位名称: unitName,
    年度: year,
    原文标题: lines.title && lines.title !== layout.title ? lines.title : undefined,
    金额单位: moneyUnit(),
    ...head,
    ...key,
    监控截至月份: layout.kind === 'monitoring' ? month : undefined,
    资金: money,
    年度总体目标: goal && Object.keys(goal).length ? goal : undefined,
    绩效指标: indicators,
    总分: total,
    ...closing,
    其他栏目: Object.keys(extra).length ? extra : undefined,
  };
  return orderedResult(layout.kind, table);
}

/** A 分值 / 得分 as written: a plain number as a YAML number (`10`), anything else (`9.50`, `10分`, `-`) as text. */
function scoreValue(text: string): string | number {
  return /^\d+(\.\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** The sum of the 分值 of the money rows and of the indicators counted (not the 其中 rows), as text; undefined unless all are numbers. */
function pointsSum(money: Record<string, unknown>[], indicators: Record<string, unknown>[]): string | undefined {
  const points = [...money, ...indicators.filter((i) => !readIndicatorName(String(i['三级指标'] ?? '')).breakdown)].map((x) => x['分值']).filter((p) => p !== undefined);
  if (points.length === 0 || points.some((p) => numberOf(String(p)) === undefined)) return undefined;
  return String(points.reduce<number>((s, p) => s + Math.round(numberOf(String(p))! * 1000), 0) / 1000);
}

// ---------------------------------------------------------------------------------------------
// Key order: the schema's (its JSON Schema lists the keys in order), so a file reads like the table.

type Json = { properties?: Record<string, Json>; items?: Json; anyOf?: Json[] };
const SCHEMAS = { monitoring: monitoringSchema, evaluation: evaluationSchema, departmentEvaluation: departmentEvaluationSchema } as const;
const jsonSchemas = new Map<ResultKind, Json>();
function jsonSchemaOf(kind: ResultKind): Json {
  if (!jsonSchemas.has(kind)) jsonSchemas.set(kind, z.toJSONSchema(SCHEMAS[kind](), { io: 'input', unrepresentable: 'any' }) as Json);
  return jsonSchemas.get(kind)!;
}

/** A result file's content with its keys in the schema's order (undefined values left out). */
export const orderedResult = (kind: ResultKind, table: Record<string, unknown>) => orderedLike(table, jsonSchemaOf(kind)) as Record<string, unknown>;

/** The value with every object's keys in the schema's order (undefined ones left out); keys the schema lacks stay, last. */
function orderedLike(value: unknown, schema: Json | undefined): unknown {
  const s = schema?.anyOf?.find((x) => x.properties || x.items) ?? schema;
  if (Array.isArray(value)) return value.map((v) => orderedLike(v, s?.items));
  if (value === null || typeof value !== 'object' || !s?.properties) return value;
  const object = value as Record<string, unknown>;
  const keys = [...Object.keys(s.properties), ...Object.keys(object).filter((k) => !(k in s.properties!))];
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, k === '其他栏目' ? object[k] : orderedLike(object[k], s.properties![k])]));
}

// ---------------------------------------------------------------------------------------------
// Writing: a result file laid out as published. Title, （YYYY年度）, the unit and money-unit line,
// the head, the money block under its caption, 年度总体目标, the indicators with 一级/二级 merged
// down, then 总分 and the closing rows.

const title = (text: string): GridCell => ({ text, style: 'title' });
const label = (text: string): GridCell => ({ text, style: 'label' });
const value = (text: string): GridCell => ({ text, style: 'value' });
const amountCell = (text: string): GridCell => {
  if (!/^\d+(\.\d+)?$/.test(text)) return value(text);
  const decimals = decimalsOf(text);
  return { text, number: Number(text), numFmt: decimals ? `0.${'0'.repeat(decimals)}` : '0', style: 'number' };
};
const str = (v: unknown) => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join('、') : String(v));

/** One grid of a result file (YAML keys, as parsed from its file). */
export function resultGrid(kind: ResultKind, table: Record<string, unknown>): Grid {
  const layout = resultLayoutOf(kind);
  const month = table['监控截至月份'] as number | undefined;
  const indicators = (table['绩效指标'] as Record<string, unknown>[] | undefined) ?? [];
  const money = (table['资金'] as Record<string, unknown>[] | undefined) ?? [];
  const used = <L extends ResultLabel>(labels: readonly L[], rows: Record<string, unknown>[]) => labels.filter((x) => !x.variant || rows.some((r) => r[x.key] !== undefined));
  const extraLabels = (rows: Record<string, unknown>[]) => [...new Set(rows.flatMap((r) => Object.keys((r['其他栏目'] as Record<string, string> | undefined) ?? {})))];
  const columns = [...used(layout.indicators, indicators).map((x) => printed(x, month)), ...extraLabels(indicators)];
  const moneyColumns = [...used(layout.money, money).map((x) => printed(x, month)), ...extraLabels(money)];
  const width = Math.max(8, columns.length, moneyColumns.length + 2);
  const rows: (GridCell | null)[][] = [];
  /** A row of cells, each followed by the nulls its colSpan covers, padded to the width. */
  const row = (...cells: (GridCell | null)[]) => {
    const out: (GridCell | null)[] = [];
    for (const cell of cells) out.push(cell, ...Array<null>(cell ? (cell.colSpan ?? 1) - 1 : 0).fill(null));
    while (out.length < width) out.push({ text: '' });
    rows.push(out);
  };
  const span = (cell: GridCell, colSpan: number): GridCell => (colSpan > 1 ? { ...cell, colSpan } : cell);
  const unit = MONEY_UNITS.includes(table['金额单位'] as MoneyUnit) ? (table['金额单位'] as MoneyUnit) : '元';
  row(span(title(str(table['原文标题']) || layout.title), width));
  row(span(title(`（${str(table['年度'])}年度）`), width));
  row(span(value(`填报单位：${str(table['单位编码'])}${str(table['单位名称'])}`), width - 1), value(`单位：${unit}`));
  const pair = (key: string, text: string) => row(label(key), span(value(text), width - 1));
  for (const x of layout.head) {
    if (x.key === '实施单位') continue;
    if (x.key === '主管部门') {
      // 主管部门 and 实施单位 share a row, as in the national table.
      const half = Math.floor(width / 2);
      row(label(x.label), span(value(str(table['主管部门'])), half - 1), label('实施单位'), span(value(str(table['实施单位'])), width - half - 1));
    } else if (!x.variant || table[x.key] !== undefined) pair(x.label, str(table[x.key]));
  }
  const extra = { ...((table['其他栏目'] as Record<string, string> | undefined) ?? {}) };
  const totalPoints = extra[TOTAL_POINTS_KEY];
  delete extra[TOTAL_POINTS_KEY];
  for (const [key, text] of Object.entries(extra)) pair(key, text);

  const moneyLabels = used(layout.money, money);
  row({ ...label(`项目资金（${unit}）`), ...(money.length && { rowSpan: money.length + 1 }) }, label(''), ...moneyColumns.map(label));
  for (const m of money) {
    const cells = moneyLabels.map((x) => (x.kind === 'amount' ? amountCell(str(m[x.key])) : value(str(m[x.key]))));
    row(null, label(str(m['栏目'])), ...cells, ...extraLabels(money).map((e) => value(str((m['其他栏目'] as Record<string, string> | undefined)?.[e]))));
  }
  const goal = table['年度总体目标'] as Record<string, string> | undefined;
  if (goal) {
    const half = Math.floor((width - 1) / 2);
    row({ ...label(GOAL_CAPTION), rowSpan: 2 }, span(label(printed(layout.goal[0], month)), half), span(label(printed(layout.goal[1], month)), width - 1 - half));
    row(null, span(value(str(goal[layout.goal[0].key])), half), span(value(str(goal[layout.goal[1].key])), width - 1 - half));
  }

  const indicatorLabels = used(layout.indicators, indicators);
  row(...columns.map(label));
  indicators.forEach((i, n) => {
    const cells = indicatorLabels.map((x): GridCell | null => {
      if (x.key !== '一级指标' && x.key !== '二级指标') return value(str(i[x.key]));
      const same = (a: Record<string, unknown> | undefined) => a !== undefined && a['一级指标'] === i['一级指标'] && (x.key === '一级指标' || a['二级指标'] === i['二级指标']);
      if (same(indicators[n - 1])) return null;
      let down = 1;
      while (same(indicators[n + down])) down++;
      return { ...value(str(i[x.key])), ...(down > 1 && { rowSpan: down }) };
    });
    row(...cells, ...extraLabels(indicators).map((e) => value(str((i['其他栏目'] as Record<string, string> | undefined)?.[e]))));
  });
  if (layout.totalRow) {
    const pointsAt = indicatorLabels.findIndex((x) => x.key === '分值');
    const scoreAt = indicatorLabels.findIndex((x) => x.key === '得分');
    const cells: GridCell[] = Array.from({ length: width }, () => ({ text: '' }));
    cells[pointsAt] = value(totalPoints ?? pointsSum(money, indicators) ?? '');
    cells[scoreAt] = value(str(table['总分']));
    row(span(label('总分'), pointsAt), ...cells.slice(pointsAt));
  }
  for (const x of layout.closing) if (table[x.key] !== undefined) pair(x.label, str(table[x.key]));
  return { name: layout.title, source: 'xlsx', rows: rows.map((r) => r.slice(0, width)), before: [] };
}
