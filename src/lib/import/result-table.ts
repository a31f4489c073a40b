// The result tables of the performance cycle (docs/领域.md, “其余环节：执行监控和绩效自评”) — the
// national 项目支出绩效自评表, the 项目支出绩效目标执行监控表 and the 部门整体支出绩效自评表, each
// described as data in schema/result-layouts.ts — with one reader and one writer for all three. Like
// layout-table.ts the reader finds blocks and columns by their labels in a grid (.xlsx, .docx or
// tab-separated text), reading labels as every table's are (schema/table-layouts.ts LABEL_READING:
// compared as printed, without their score, letter and unit, then without a last bracket of
// explanation) and the rest as RESULT_READING says (placeholders, the title and year in the first
// rows); it carries merged 一级/二级 cells down, keeps a labelled cell no field takes under 其他栏目
// (with a notice), and reports in Chinese, with the cell, every non-empty cell it cannot place; the
// caller then writes nothing. The writer lays a result file out as published, so
// that it reads back the same.
import { z } from 'astro/zod';
import { cellWhere, gridWidth, visibleCell, type Grid, type GridCell, type GridFile } from '../office/grid.ts';
import { filledCells, hasText, MONEY_LINE, ownText, short, UNIT_CODE, UNIT_LINE } from './cells.ts';
import { strayParagraph, type ImportProblem } from './problems.ts';
import { madeUrlKey } from './project-file.ts';
import { countedRow, departmentEvaluationSchema, DEVIATION_CATEGORIES, evaluationSchema, isEmptyMark, monitoringSchema, numberOf } from '../../schema/results.ts';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from '../../schema/framework.ts';
import { extrasByPlace } from '../../schema/project.ts';
import { PREFACE_KEY, RESULT_LAYOUTS, RESULT_READING, resultLayoutOf, type ResultKind, type ResultLabel, type ResultLayout } from '../../schema/result-layouts.ts';
import { decimalsOf, MAX_DECIMALS, MONEY_UNITS, readAmount, type MoneyUnit } from '../reading/money.ts';
import { LABEL_READING, labelForms, normalLabel, readLabel, withoutUnit } from '../../schema/table-layouts.ts';

/** The 总分 row's 分值 cell when it is not the sum of the 分值 above it (normally 100 and derived). */
export const TOTAL_POINTS_KEY = RESULT_READING.totalCells['分值']!;
const GOAL_CAPTION = RESULT_READING.captions['年度总体目标']!;
const MONTHLY = /^1[-－—–~～至](\d{1,2})月(.+)$/;
const INDICATOR_CAPTIONS = new Set(['绩效指标', '偏差原因类别', '偏差原因分析']);
const CHECK_MARKS = new Set(['✓', '√', '✔', '☑', '●', '是', '1']);

// ---------------------------------------------------------------------------------------------
// Labels as printed: read as every table's are (schema/table-layouts.ts LABEL_READING)

/** A label compared as every reader compares one (normalLabel); the name the result tests know it by. */
export const resultLabel = normalLabel;

/** Whether two labels say the same apart from layout and a money unit (the file keeps the unit itself). */
const sameLabel = (a: string, b: string) => withoutUnit(a) === withoutUnit(b);

/** Which label a header text is, and the month it prints (`1-6月执行数` → 6). */
function match<L extends ResultLabel>(labels: readonly L[], text: string): { label: L; month?: number } | undefined {
  for (const t of labelForms(text)) {
    const monthly = MONTHLY.exec(t);
    for (const label of labels) {
      if (monthly && label.monthly && resultLabel(label.label) === monthly[2]) return { label, month: Number(monthly[1]) };
      if ([label.label, ...(label.aliases ?? [])].some((a) => resultLabel(a) === t)) return { label };
    }
  }
  return undefined;
}
const printed = (label: ResultLabel, month: number | undefined) => (label.monthly && month !== undefined ? `1-${month}月${label.label}` : label.label);

/** The title words of every layout found in a line: the layout whose longest word is in it, if any. */
function titleLayout(text: string): { layout: ResultLayout; length: number } | undefined {
  const t = resultLabel(text);
  let best: { layout: ResultLayout; length: number } | undefined;
  for (const layout of RESULT_LAYOUTS) {
    for (const word of layout.titles) if (t.includes(word) && word.length > (best?.length ?? 0)) best = { layout, length: word.length };
  }
  return best;
}

/** `label: value` in one cell or line, split at each short label after a space (`单位名称:某某 填报日期:…`). */
function inlinePairs(text: string): { label: string; value: string }[] | undefined {
  const segments = text.trim().split(LABEL_READING.inlineSplit);
  const pairs = segments.map((s) => LABEL_READING.inline.exec(s.trim()));
  if (pairs.some((p) => !p)) return undefined;
  return pairs.map((p) => ({ label: p![1]!, value: p![2]!.trim() }));
}

// ---------------------------------------------------------------------------------------------
// Recognising the kind

/** The row naming the layout's indicator header: every `required` column and one of its `results` (labels merged down count). */
function indicatorHeader(grid: Grid, layout: ResultLayout): number | undefined {
  for (let r = 0; r < grid.rows.length; r++) {
    const keys = new Set<string>();
    for (let c = 0; c < gridWidth(grid); c++) {
      const shown = visibleCell(grid, r, c);
      const found = shown && shown.cell.text.trim() !== '' ? match(layout.indicators, shown.cell.text) : undefined;
      if (found) keys.add(found.label.key);
    }
    if (layout.required.every((k) => keys.has(k)) && layout.results.some((k) => keys.has(k))) return r;
  }
  return undefined;
}

/** The lines a title may be in: the paragraphs above a table and its rows of a single cell before the first label. */
function titleLines(grid: Grid): string[] {
  const lines = grid.before.map((p) => p.text);
  for (const row of grid.rows.keys()) {
    const cells = filledCells(grid, row);
    if (cells.length !== 1) break;
    lines.push(cells[0]!.text);
  }
  return lines;
}

export interface ResultScore {
  layout: ResultLayout;
  /** One point per label of the description found in the file, RESULT_READING.titleWeight for a title naming it. */
  score: number;
  /** Whether the file has this kind's title or its indicator header: only then is it a table of this kind. */
  qualifies: boolean;
  /** The header columns (required and results) the file lacks. */
  missing: string[];
}

/** Every result description scored against the file, best first. */
export function scoreResultLayouts(grids: Grid[]): ResultScore[] {
  const texts = new Set(grids.flatMap((g) => g.rows.flatMap((row) => row.flatMap((c) => (c && c.text.trim() !== '' ? [c.text] : [])))));
  const titled = new Set<ResultKind>();
  for (const grid of grids) {
    for (const line of titleLines(grid)) {
      const found = titleLayout(line);
      if (found) titled.add(found.layout.kind);
    }
  }
  return RESULT_LAYOUTS.map((layout) => {
    const blocks = { head: layout.head, money: layout.money, goal: layout.goal, indicators: layout.indicators, closing: layout.closing };
    const found = new Set<string>();
    for (const text of texts) {
      for (const [block, labels] of Object.entries(blocks)) {
        const m = match(labels, text);
        if (m) found.add(`${block}.${m.label.key}`);
      }
    }
    const header = grids.some((g) => indicatorHeader(g, layout) !== undefined);
    const missing = [...layout.required, ...layout.results].filter((k) => !found.has(`indicators.${k}`));
    return { layout, score: found.size + (titled.has(layout.kind) ? RESULT_READING.titleWeight : 0), qualifies: header || titled.has(layout.kind), missing };
  }).sort((a, b) => Number(b.qualifies) - Number(a.qualifies) || b.score - a.score);
}

/** The kind of result table the file holds, by its title and labels: undefined when none (a target table). */
export function detectResultLayout(grids: Grid[]): ResultLayout | undefined {
  const [best] = scoreResultLayouts(grids.filter(hasText));
  return best?.qualifies ? best.layout : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ResultImportOptions {
  /** Fiscal year when the table does not print it (“（2024年度）”). */
  year?: number;
  /** Unit code (and name) when the table does not print them. */
  unit?: string;
  /** The kind of table, when the maintainer says it (--layout): then it is not guessed. */
  kind?: ResultKind;
  /** The site's indicator framework: a 一级 is not carried down onto a 二级 it does not hold. */
  framework?: IndicatorFramework;
  /** The target table of this year and unit with this 项目名称, whose 项目编码 / 网址标识 the result takes. */
  targetOf?: (year: number, unitCode: string, name: string) => { 项目编码?: string; 网址标识?: string } | undefined;
}

export interface ResultImport {
  layout?: ResultLayout;
  /** One result file each (YAML keys, in the schema's order). */
  tables: Record<string, unknown>[];
  problems: ImportProblem[];
  /** Labelled cells kept verbatim under 其他栏目 (so a maintainer can promote a label to a field), and a kind told apart from a close runner-up. */
  notices: ImportProblem[];
}

/** Reads every result table of a file (one per grid). */
export function importResultFile(file: GridFile, options: ResultImportOptions = {}): ResultImport {
  const problems: ImportProblem[] = [];
  const notices: ImportProblem[] = [];
  const grids = file.grids.filter(hasText);
  const scores = scoreResultLayouts(grids);
  const layout = options.kind ? resultLayoutOf(options.kind) : scores[0]?.qualifies ? scores[0].layout : undefined;
  if (!layout) {
    const closest = scores[0];
    const message = closest
      ? `认不出这是哪一种结果表：标题不是${RESULT_LAYOUTS.map((x) => `“${x.title}”`).join('、')}这样的表名，也没有一张表格的指标表头行是结果表的。最接近的是${closest.layout.title}，它的指标表头应有${[...closest.layout.required, ...closest.layout.results].join('、')}，这里缺少${closest.missing.join('、') || '其中的结果栏目'}`
      : '认不出这是哪一种结果表：文件里没有表格';
    return { tables: [], problems: [{ where: '', message }], notices };
  }
  const runnerUp = scores.find((s) => s.layout !== layout && s.qualifies);
  const chosen = scores.find((s) => s.layout === layout)!;
  if (!options.kind && runnerUp && chosen.score - runnerUp.score <= RESULT_READING.closeScore) {
    notices.push({ where: '', message: `按标题和栏目看，这是${layout.title}（${chosen.score} 分），其次像${runnerUp.layout.title}（${runnerUp.score} 分）。如果认错了，请核对表名和栏目名称` });
  }
  const tables: Record<string, unknown>[] = [];
  for (const grid of grids) {
    const table = readResultGrid(grid, layout, options, problems, notices);
    if (table) tables.push(table);
  }
  for (const p of file.after) if (p.text.trim()) problems.push(strayParagraph(p, '表格之后'));
  // Two tables for one project (or one department) and year would overwrite each other's file.
  const seen = new Map<string, string>();
  for (const t of tables) {
    const key = [t['年度'], t['单位编码'], t['项目编码'] ?? t['网址标识'] ?? ''].join('/');
    const name = String(t[layout.head[0]!.key]);
    if (seen.has(key)) problems.push({ where: '', message: `“${name}”与“${seen.get(key)}”是同一${layout.subject}同一年度的${layout.title}，导入后会互相覆盖。请核对原表` });
    else seen.set(key, name);
  }
  return { layout, tables: problems.length ? [] : tables, problems, notices };
}

/** What a line above a table (or a cell of its first rows) is, if it is one of the lines every result table may print. */
function lineOf(text: string, layout: ResultLayout, titleNeeded: boolean): { kind: 'money' | 'year' | 'preface' | 'title' | 'unit'; value: string } | undefined {
  const t = resultLabel(text);
  const money = MONEY_LINE.exec(t);
  const year = RESULT_READING.yearLine.exec(t);
  const unit = UNIT_LINE.exec(text.trim());
  if (money) return { kind: 'money', value: money[1]! };
  if (year) return { kind: 'year', value: year[1]! };
  if (RESULT_READING.prefaceMark.test(text.trim())) return { kind: 'preface', value: text.trim() };
  if (titleNeeded && titleLayout(text) && !match(layout.head, text)) return { kind: 'title', value: text.trim() };
  if (unit) return { kind: 'unit', value: unit[1]!.trim() };
  return undefined;
}

/** One table: lines and head, money block, 年度总体目标, indicators, 总分 and closing rows. */
function readResultGrid(grid: Grid, layout: ResultLayout, options: ResultImportOptions, problems: ImportProblem[], notices: ImportProblem[]): Record<string, unknown> | undefined {
  const at = (r: number, c: number) => cellWhere(grid, r, c);
  const unplaced = (r: number, c: number, text: string) => problems.push({ where: at(r, c), message: `“${short(text)}”不是${layout.title}的栏目，也不在栏目下，无法放进任何字段` });
  const header = indicatorHeader(grid, layout);
  if (header === undefined) {
    problems.push({ where: at(0, 0), message: `表格“${grid.name}”没有${layout.title}的绩效指标表头行（应有：${layout.required.join('、')}，以及${layout.results.join('或')}）。原表不完整时，请补全后再导入` });
    return undefined;
  }
  const width = gridWidth(grid);
  // A column only another kind of table has (实际完成值 in a monitoring table) means a mixed-up
  // template: refused rather than kept under 其他栏目. A 备注 column is common to all.
  const others = (text: string) =>
    RESULT_LAYOUTS.find((x) => x.kind !== layout.kind && !match([...layout.money, ...layout.indicators], text) && match([...x.money, ...x.indicators].filter((l) => l.label !== '备注'), text));
  const otherKind = (r: number, c: number, text: string) => {
    problems.push({ where: at(r, c), message: `栏目“${text}”是${others(text)!.title}的栏目，不在${layout.title}中。请核对表头，或把它放在对应的表中` });
  };
  const months = new Map<number, string>();
  const head: Record<string, string> = {};
  const headWhere: Record<string, string> = {};
  const extra: Record<string, string> = {};
  /** Where each 其他栏目 was printed (其他栏目位置): the field, block or 其他栏目 read before it. */
  const places: Record<string, string> = {};
  let last = '原文标题';
  const printedLabels: Record<string, string> = {};
  const lines: { title?: string; year?: number; unit?: string; money?: MoneyUnit; moneyWhere?: string } = {};
  const moneyUnits = new Map<MoneyUnit, string>();

  /** A label printed other than this site prints it (notes and layout aside): kept under 原文栏目. */
  const keepPrinted = (slot: string, text: string, standard: string) => {
    if (!sameLabel(text, standard)) printedLabels[slot] = text.trim();
  };
  /** A labelled cell no field takes: kept verbatim under 其他栏目, and said. */
  const keepExtra = (label: string, value: string, where: string) => {
    const key = label.trim().replace(/[：:]$/, '').trim();
    if (!(key in extra)) [places[key], last] = [last, key];
    extra[key] = key in extra ? `${extra[key]}\n${value}` : value;
    notices.push({ where, message: `“${short(key)}”不是${layout.title}描述中的栏目，已照原样保存在“其他栏目”下（${value === '' ? '原表为空' : `“${short(value)}”`}）。如果它应是一个字段，请告诉维护者` });
  };
  /** A line above the table or in its first rows: title, year, unit, money unit, attachment mark. */
  const line = (text: string, where: string): boolean => {
    const reading = lineOf(text, layout, lines.title === undefined);
    if (!reading) return false;
    if (reading.kind === 'money') {
      lines.money = reading.value as MoneyUnit;
      lines.moneyWhere = where;
    } else if (reading.kind === 'year') lines.year = Number(reading.value);
    else if (reading.kind === 'title') lines.title = reading.value;
    else if (reading.kind === 'unit') lines.unit = reading.value;
    else {
      extra[PREFACE_KEY] = PREFACE_KEY in extra ? `${extra[PREFACE_KEY]}\n${reading.value}` : reading.value;
      notices.push({ where, message: `表前的“${short(reading.value)}”已照原样保存在“其他栏目”的“${PREFACE_KEY}”下` });
    }
    return true;
  };
  /** A line or cell of several `label: value` (`单位名称:某某 填报日期:…`): each a line or kept under 其他栏目. */
  const inlineLine = (text: string, where: string): boolean => {
    const pairs = inlinePairs(text);
    if (pairs && pairs.length > 1) {
      for (const p of pairs) if (!line(`${p.label}:${p.value}`, where)) keepExtra(p.label, p.value, where);
      return true;
    }
    if (line(text, where)) return true;
    if (pairs) keepExtra(pairs[0]!.label, pairs[0]!.value, where);
    return pairs !== undefined;
  };
  for (const p of grid.before) if (p.text.trim() && !inlineLine(p.text, p.where)) problems.push(strayParagraph(p, '表格前'));

  // Blocks start at their header rows: money, 年度总体目标, indicators.
  const moneyHeader = grid.rows.findIndex((_, r) => r < header && filledCells(grid, r).filter((x) => match(layout.money, x.text)).length >= 2);
  const goalRow = grid.rows.findIndex((_, r) => {
    const first = filledCells(grid, r)[0];
    return r < header && first !== undefined && labelForms(first.text).some((f) => (RESULT_READING.goalCaptions as readonly string[]).includes(f));
  });
  const starts = [moneyHeader, goalRow, header].filter((r) => r >= 0).sort((a, b) => a - b);
  const endOf = (start: number) => starts.find((s) => s > start) ?? header;

  /**
   * Label | value pairs of a row; `known` labels fill `into`, others are kept under 其他栏目. A label
   * and its value may share a cell (`项目负责人:查小兵`); a first cell under a label merged down from
   * the row above is that label's next value.
   */
  const pairs = (r: number, known: readonly ResultLabel[], into: Record<string, string>, where: Record<string, string>, mergedLabels = true) => {
    const cells = filledCells(grid, r);
    const place = (label: string, value: string, labelAt: string, valueAt: string) => {
      const found = match(known, label)?.label;
      if (found && into[found.key] !== undefined) problems.push({ where: labelAt, message: `“${label}”在表中出现了两次（另一处在 ${where[found.key]}）：请只保留一处` });
      else if (found) {
        if (value !== '') [into[found.key], last] = [value, found.key];
        where[found.key] = valueAt;
        keepPrinted(found.key, label, found.label);
      } else keepExtra(label, value, labelAt);
    };
    let n = 0;
    const first = cells[0];
    if (mergedLabels && first && first.c > 0) {
      const left = visibleCell(grid, r, first.c - 1);
      if (left && left.row < r && left.cell.text.trim() !== '' && !lineOf(left.cell.text, layout, false)) {
        place(left.cell.text.trim(), first.text, at(left.row, left.col), at(r, first.c));
        n = 1;
      }
    }
    for (; n < cells.length; n++) {
      const { c, cell, text } = cells[n]!;
      const inline = inlinePairs(text);
      // A label of this block with its value in the cell (`部门名称：某镇人民政府`) is that label, not a unit line.
      const ownLabel = (label: string) => match(known, label) !== undefined;
      if ((!inline || (inline.length === 1 && !ownLabel(inline[0]!.label))) && line(text, at(r, c))) continue;
      const next = c + (cell.colSpan ?? 1);
      const following = cells[n + 1]?.c === next ? cells[n + 1]! : undefined;
      if (inline && (inline.length > 1 || inline[0]!.value !== '')) {
        for (const p of inline) if (ownLabel(p.label) || !line(`${p.label}:${p.value}`, at(r, c))) place(p.label, p.value, at(r, c), at(r, c));
      } else if (following && !(inline && inlinePairs(following.text))) {
        // Its value: the next cell, unless that is a label of its own (`项目负责人:` | `财务负责人:`).
        place(text, following.text, at(r, c), at(r, next));
        n++;
      } else place(text, '', at(r, c), at(r, next));
    }
  };
  for (let r = 0; r < (starts[0] ?? header); r++) pairs(r, layout.head, head, headWhere);

  // Money block: captions (预算执行情况(万元)(20分), 年度预算数(万元)) left of the columns, the row's 栏目 before the first column.
  if (moneyHeader >= 0) last = '资金';
  const money: Record<string, unknown>[] = [];
  const moneyUnit = () => lines.money ?? [...moneyUnits.keys()][0] ?? '万元';
  const noteUnit = (text: string, r: number, c: number) => {
    const unit = readLabel(text).unit;
    if (unit && !moneyUnits.has(unit)) moneyUnits.set(unit, `${at(r, c)}“${text.trim()}”`);
  };
  /** An amount exactly as written, in the table's unit; the empty mark `-` kept. */
  const amountValue = (text: string, key: string, r: number, c: number) => {
    if (isEmptyMark(text)) return text;
    const amount = readAmount(text);
    if (!amount.ok) problems.push({ where: at(r, c), message: `${key}“${short(text)}”不是金额：只能写数字和小数点，例如 12.345；没有金额时写“-”` });
    else if (decimalsOf(amount.text) > MAX_DECIMALS[moneyUnit()]) problems.push({ where: at(r, c), message: `${key}“${text}”的小数位太多：金额单位是${moneyUnit()}时最多 ${MAX_DECIMALS[moneyUnit()]} 位` });
    else return amount.text;
    return undefined;
  };
  if (moneyHeader < 0) problems.push({ where: at(Math.max(0, header - 1), 0), message: `没有资金表头行（应有：${layout.money.map((x) => x.label).join('、')}）。原表不完整时，请补全后再导入` });
  else {
    const columns = new Map<number, { key?: string; extra?: string; kind?: 'amount' | 'rate' | 'score' }>();
    const captions: { c: number; text: string }[] = [];
    let first = width;
    for (const { c, text } of filledCells(grid, moneyHeader)) {
      const found = match(layout.money, text);
      noteUnit(text, moneyHeader, c);
      if (found) {
        if (found.month !== undefined) months.set(found.month, at(moneyHeader, c));
        columns.set(c, { key: found.label.key, kind: found.label.kind });
        keepPrinted(`资金.${found.label.key}`, text, printed(found.label, found.month));
        first = Math.min(first, c);
      } else if (columns.size === 0) captions.push({ c, text });
      else if (others(text)) otherKind(moneyHeader, c, text);
      else columns.set(c, { extra: text });
    }
    // The block's caption, then the header of its 栏目 column (四川: 年度预算数(万元)).
    const slots = ['资金', '资金.栏目'];
    captions.forEach((x, n) => (n < slots.length ? keepPrinted(slots[n]!, x.text, RESULT_READING.captions[slots[n]!]!) : unplaced(moneyHeader, x.c, x.text)));
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
    for (const extraColumn of new Set([...columns].flatMap(([c, x]) => (x.extra ? [[c, x.extra] as const] : [])))) {
      notices.push({ where: at(moneyHeader, extraColumn[0]), message: `资金栏目“${short(extraColumn[1])}”不是${layout.title}描述中的栏目，各行的内容已照原样保存在该行的“其他栏目”下。如果它应是一个字段，请告诉维护者` });
    }
  }
  // The money unit: of the line above the table (单位：万元) or of a label (项目资金(元)); they must agree.
  const units = new Map(moneyUnits);
  if (lines.money && !units.has(lines.money)) units.set(lines.money, `${lines.moneyWhere}“单位：${lines.money}”`);
  if (units.size > 1) problems.push({ where: at(Math.max(moneyHeader, 0), 0), message: `金额单位不一致：${[...units].map(([u, w]) => `${w}是${u}`).join('，')}。请改正其中一处` });
  // 年度总体目标: caption (a second one before the headers: 四川's 1.项目年度目标完成情况), two
  // headers, the row of values under them; label | value rows after them (2.项目实施内容及过程概述).
  let goal: Record<string, string> | undefined;
  if (goalRow >= 0) {
    last = '年度总体目标';
    const columns = new Map<number, ResultLabel>();
    const [caption, ...rest] = filledCells(grid, goalRow);
    keepPrinted('年度总体目标', caption!.text, RESULT_READING.captions['年度总体目标']!);
    for (const { c, text } of rest) {
      const found = match(layout.goal, text);
      if (found) {
        columns.set(c, found.label);
        if (found.month !== undefined) months.set(found.month, at(goalRow, c));
        keepPrinted(`年度总体目标.${found.label.key}`, text, printed(found.label, found.month));
      } else if (columns.size === 0 && !('年度总体目标.栏目' in printedLabels)) keepPrinted('年度总体目标.栏目', text, RESULT_READING.captions['年度总体目标.栏目']!);
      else unplaced(goalRow, c, text);
    }
    // A header printed over an empty cell is kept as written: the table has the field, empty.
    goal = Object.fromEntries([...columns.values()].map((label) => [label.key, '']));
    for (const { c, text } of goalRow + 1 < endOf(goalRow) ? filledCells(grid, goalRow + 1) : []) {
      const label = columns.get(c);
      if (label) goal[label.key] = text;
      else unplaced(goalRow + 1, c, text);
    }
    // The caption merged down beside these rows is no label of theirs.
    for (let r = goalRow + 2; r < endOf(goalRow); r++) pairs(r, [], head, headWhere, false);
  }

  // Indicators: a header of one row, or two where 偏差原因类别 is split into check-mark columns.
  // A split header names several categories side by side; a data row's 偏差原因类别 cell may hold one (其他), never several cells of them.
  const twoRows = filledCells(grid, header + 1).filter((x) => (DEVIATION_CATEGORIES as readonly string[]).includes(resultLabel(x.text))).length >= 2;
  const columns = new Map<number, { key?: string; category?: string; extra?: string }>();
  for (let c = 0; c < width; c++) {
    const below = twoRows ? ownText(grid, header + 1, c) : '';
    const shown = visibleCell(grid, header, c);
    const text = below || (shown && shown.col === c ? shown.cell.text.trim() : '');
    const r = below ? header + 1 : header;
    if (text === '') continue;
    const found = match(layout.indicators, text);
    if ((DEVIATION_CATEGORIES as readonly string[]).includes(resultLabel(text)) && twoRows) columns.set(c, { category: resultLabel(text) });
    else if (INDICATOR_CAPTIONS.has(resultLabel(text)) && !found) {
      if (columns.size === 0) keepPrinted('绩效指标', text, RESULT_READING.captions['绩效指标']!);
    } else if (found) {
      if (found.month !== undefined) months.set(found.month, at(r, c));
      const twice = [...columns].find(([, x]) => x.key === found.label.key);
      if (twice) problems.push({ where: at(r, c), message: `“${text}”与 ${at(header, twice[0])} 的栏目都是“${found.label.key}”，无法确定用哪一栏。请删去或改名其中一栏` });
      else {
        columns.set(c, { key: found.label.key });
        keepPrinted(`绩效指标.${found.label.key}`, text, printed(found.label, found.month));
      }
    } else if (others(text)) otherKind(r, c, text);
    // A caption left of the columns (年度绩效目标(80分), 绩效指标(90分)) has nothing of its own under it; a 序号 column has.
    else if (columns.size === 0 && !('绩效指标' in printedLabels) && ownText(grid, r + 1, c) === '') keepPrinted('绩效指标', text, RESULT_READING.captions['绩效指标']!);
    else {
      columns.set(c, { extra: text });
      notices.push({ where: at(r, c), message: `指标栏目“${short(text)}”不是${layout.title}描述中的栏目，各行的内容已照原样保存在该行的“其他栏目”下。如果它应是一个字段，请告诉维护者` });
    }
  }
  const firstColumn = Math.min(width, ...columns.keys());
  const columnOf = (key: string) => [...columns].find(([, x]) => x.key === key)?.[0];
  const indicators: Record<string, unknown>[] = [];
  const closing: Record<string, string> = {};
  const closingWhere: Record<string, string> = {};
  const totals: Record<string, string | number> = {};
  let ended = false;
  last = '绩效指标';
  for (let r = header + (twoRows ? 2 : 1); r < grid.rows.length; r++) {
    const cells = filledCells(grid, r);
    const first = cells[0];
    const firstText = first ? resultLabel(first.text) : '';
    // The indicators end at the 总分 row, at a closing label, at a label that spans the level
    // columns, or at a label left of them (under the 绩效指标 caption).
    const isTotal = first !== undefined && (RESULT_READING.totalLabels as readonly string[]).includes(firstText);
    if (!ended && first && (isTotal || match(layout.closing, first.text) || (first.cell.colSpan ?? 1) >= 3 || first.c < firstColumn)) ended = true;
    if (!ended) {
      const above = indicators.at(-1);
      const row: Record<string, unknown> = {};
      const rowExtra: Record<string, string> = {};
      const categories: string[] = [];
      for (const x of cells) {
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
      carryLevels(grid, r, row, above, columnOf, options.framework ?? DEFAULT_FRAMEWORK);
      // A 二级 printed with nothing under it (经济效益指标 left unfilled): a row with an empty 三级指标.
      if (row['三级指标'] === undefined) row['三级指标'] = '';
      if (categories.length) row['偏差原因类别'] = categories;
      if (Object.keys(rowExtra).length) row['其他栏目'] = rowExtra;
      indicators.push(row);
    } else if (isTotal && layout.totalRow) {
      last = '总分';
      keepPrinted('总分', first!.text, RESULT_READING.captions['总分']!);
      for (const x of cells.slice(1)) {
        const key = columns.get(x.c)?.key;
        const into = key === undefined ? undefined : RESULT_READING.totalCells[key];
        if (into === undefined || into in totals) unplaced(r, x.c, x.text);
        else totals[into] = key === '得分' ? scoreValue(x.text) : x.text;
      }
    } else pairs(r, layout.closing, closing, closingWhere);
  }
  if (indicators.length === 0) {
    problems.push({ where: at(header, 0), message: `表格“${grid.name}”的绩效指标表头行之下没有指标：原表不完整时，请补全后再导入` });
    return undefined;
  }

  // The head: name, unit, year, key.
  const nameKey = layout.head[0]!.key;
  const name = head[nameKey];
  if (!name) {
    problems.push({ where: headWhere[nameKey] ?? at(0, 0), message: `表格“${grid.name}”没有${layout.head[0]!.label}（“${layout.head[0]!.label}”一栏${headWhere[nameKey] ? '是空的' : '找不到'}）` });
    return undefined;
  }
  if (months.size > 1) problems.push({ where: [...months.values()][1]!, message: `监控期写法不一致：${[...months.keys()].map((m) => `1-${m}月`).join('、')}。请统一` });
  const month = [...months.keys()][0];
  if (layout.monthly && month === undefined) problems.push({ where: at(moneyHeader < 0 ? header : moneyHeader, 0), message: '看不出监控截至哪个月：执行数一栏应写成“1-6月执行数”这样' });
  const fromTable = UNIT_CODE.exec(lines.unit ?? '');
  const fromOption = options.unit === undefined ? null : UNIT_CODE.exec(options.unit.trim());
  if (fromTable && fromOption && fromTable[1] !== fromOption[1]) {
    problems.push({ where: at(0, 0), message: `表中的单位编码是 ${fromTable[1]}，与 --unit ${fromOption[1]} 不同。请核对后去掉 --unit 或改正它` });
    return undefined;
  }
  const unitCode = fromTable?.[1] ?? fromOption?.[1];
  const ofProject = layout.subject === '项目';
  // A name taken from the 实施单位 / 主管部门 cell: on one line, without the unit's code printed before it (`219001-池州市…`).
  const cellName = (text: string | undefined) => {
    const flat = text?.replace(/\s*\n\s*/g, '');
    const coded = UNIT_CODE.exec(flat ?? '');
    return coded && coded[1] === unitCode && coded[2]!.trim() !== '' ? coded[2]!.trim() : flat;
  };
  const unitName = ofProject ? (fromTable?.[2]?.trim() || (fromTable ? undefined : lines.unit) || fromOption?.[2]?.trim() || cellName(head['实施单位']) || cellName(head['主管部门'])) : name;
  if (!unitCode) {
    problems.push({ where: at(0, 0), message: `“${name}”：表中没有单位编码。请用 --unit 指定，例如 --unit 910001 或 --unit "910001 某某镇人民政府"` });
    return undefined;
  }
  if (!ofProject && fromTable?.[2]?.trim() && fromTable[2].trim() !== name) problems.push({ where: headWhere[nameKey]!, message: `部门名称“${name}”与表头的单位“${fromTable[2].trim()}”不同。请改正其中一处` });
  const titleYear = RESULT_READING.titleYear.exec(lines.title ?? '')?.[1];
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
  if (ofProject) {
    key = head['项目编码'] ? { 项目编码: head['项目编码'] } : head['网址标识'] ? { 网址标识: head['网址标识'] } : (options.targetOf?.(year, unitCode, name) ?? {});
    if (!key.项目编码 && !key.网址标识) key = { 网址标识: madeUrlKey('jx', year, unitCode, name) };
  }
  // The 总分 row's 分值 is derived (the 分值 above add up to it); a different one is kept as written.
  const { 总分: total, ...totalExtra } = totals;
  if (totalExtra[TOTAL_POINTS_KEY] !== undefined && String(totalExtra[TOTAL_POINTS_KEY]) === pointsSum(money, indicators)) delete totalExtra[TOTAL_POINTS_KEY];
  Object.assign(extra, Object.fromEntries(Object.entries(totalExtra).map(([k, v]) => [k, String(v)])));
  const table: Record<string, unknown> = {
    单位编码: unitCode,
    单位名称: unitName,
    年度: year,
    原文标题: lines.title && lines.title !== layout.title ? lines.title : undefined,
    原文栏目: Object.keys(printedLabels).length ? inSlotOrder(layout, printedLabels) : undefined,
    金额单位: moneyUnit(),
    ...head,
    ...key,
    监控截至月份: layout.monthly ? month : undefined,
    资金: money,
    年度总体目标: goal && Object.keys(goal).length ? goal : undefined,
    绩效指标: indicators,
    总分: total,
    ...closing,
    其他栏目: Object.keys(extra).length ? extra : undefined,
    其他栏目位置: Object.keys(places).length ? places : undefined,
  };
  return orderedResult(layout.kind, table);
}

/** 原文栏目 in the order the writer prints the places (so that a table written and read back gives the same file). */
function inSlotOrder(layout: ResultLayout, printedLabels: Record<string, string>): Record<string, string> {
  const slots = [
    ...layout.head.map((x) => x.key),
    '资金',
    '资金.栏目',
    ...layout.money.map((x) => `资金.${x.key}`),
    '年度总体目标',
    '年度总体目标.栏目',
    ...layout.goal.map((x) => `年度总体目标.${x.key}`),
    '绩效指标',
    ...layout.indicators.map((x) => `绩效指标.${x.key}`),
    '总分',
    ...layout.closing.map((x) => x.key),
  ];
  return Object.fromEntries(slots.filter((slot) => slot in printedLabels).map((slot) => [slot, printedLabels[slot]!]));
}

/**
 * 一级/二级 of an indicator row whose own cell is empty: the text of a merge from the rows above,
 * else — text has no merges, so a group's later rows leave it empty — the value of the row above.
 * A value from the row above is not carried where it would misplace the row: a 二级 onto a row
 * that prints its own 一级, a 一级 onto a row whose 二级 the framework holds under another 一级
 * (鄂州's 社会效益指标 row printed under 产出指标 with its 一级 cell empty stays without a 一级).
 */
function carryLevels(grid: Grid, r: number, row: Record<string, unknown>, above: Record<string, unknown> | undefined, columnOf: (key: string) => number | undefined, framework: IndicatorFramework) {
  const merged = (key: string) => {
    const c = columnOf(key);
    const shown = c === undefined ? undefined : visibleCell(grid, r, c);
    return shown && shown.row < r && shown.cell.text.trim() !== '' ? shown.cell.text.trim() : undefined;
  };
  const ownLevel1 = row['一级指标'] !== undefined;
  if (row['二级指标'] === undefined && columnOf('二级指标') !== undefined) {
    const text = merged('二级指标') ?? (ownLevel1 ? undefined : (above?.['二级指标'] as string | undefined));
    if (text !== undefined) row['二级指标'] = text;
  }
  if (!ownLevel1 && columnOf('一级指标') !== undefined) {
    const fromMerge = merged('一级指标');
    const fromAbove = above?.['一级指标'] as string | undefined;
    const level2 = typeof row['二级指标'] === 'string' ? resultLabel(row['二级指标']) : undefined;
    const level1Of = (label: string) => readLabel(label).key;
    const elsewhere = (label: string) => level2 !== undefined && framework.some((f) => f.level2.includes(level2)) && !framework.some((f) => f.level1 === level1Of(label) && f.level2.includes(level2));
    const text = fromMerge ?? (fromAbove !== undefined && !elsewhere(fromAbove) ? fromAbove : undefined);
    if (text !== undefined) row['一级指标'] = text;
  }
}

/** A 分值 / 得分 as written: a plain number as a YAML number (`10`), anything else (`9.50`, `10分`, `-`) as text. */
function scoreValue(text: string): string | number {
  return /^\d+(\.\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** The sum of the 分值 of the money rows and of the indicators counted (countedRow), as text; undefined unless all are numbers. */
function pointsSum(money: Record<string, unknown>[], indicators: Record<string, unknown>[]): string | undefined {
  const counted = indicators.filter((i) => countedRow({ ...i, name: String(i['三级指标'] ?? ''), points: i['分值'] as string | number | undefined }));
  const points = [...money, ...counted].map((x) => x['分值']).filter((p) => p !== undefined && !isEmptyMark(p));
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

/** One grid of a result file (YAML keys, as parsed from its file), with the labels it printed (原文栏目) where it kept them. */
export function resultGrid(kind: ResultKind, table: Record<string, unknown>): Grid {
  const layout = resultLayoutOf(kind);
  const month = table['监控截至月份'] as number | undefined;
  const indicators = (table['绩效指标'] as Record<string, unknown>[] | undefined) ?? [];
  const money = (table['资金'] as Record<string, unknown>[] | undefined) ?? [];
  const labels = (table['原文栏目'] as Record<string, string> | undefined) ?? {};
  const labelAt = (slot: string, standard: string) => labels[slot] ?? standard;
  const used = <L extends ResultLabel>(list: readonly L[], rows: Record<string, unknown>[]) => list.filter((x) => !x.variant || rows.some((r) => r[x.key] !== undefined));
  const extraLabels = (rows: Record<string, unknown>[]) => [...new Set(rows.flatMap((r) => Object.keys((r['其他栏目'] as Record<string, string> | undefined) ?? {})))];
  // A caption printed left of the indicator columns (绩效指标(90分)) takes a column of its own.
  const caption = labels['绩效指标'];
  const shift = caption === undefined ? 0 : 1;
  const indicatorLabels = used(layout.indicators, indicators);
  const columns = [...indicatorLabels.map((x) => labelAt(`绩效指标.${x.key}`, printed(x, month))), ...extraLabels(indicators)];
  const moneyLabels = used(layout.money, money);
  const moneyColumns = [...moneyLabels.map((x) => labelAt(`资金.${x.key}`, printed(x, month))), ...extraLabels(money)];
  const width = Math.max(8, columns.length + shift, moneyColumns.length + 2);
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
  const extra = { ...((table['其他栏目'] as Record<string, string> | undefined) ?? {}) };
  // The lines printed above the title (附件1), then the title, the year and the unit lines.
  const preface = extra[PREFACE_KEY];
  delete extra[PREFACE_KEY];
  for (const text of preface === undefined ? [] : preface.split('\n')) row(span(value(text), width));
  row(span(title(str(table['原文标题']) || layout.title), width));
  row(span(title(`（${str(table['年度'])}年度）`), width));
  // A name that starts with digits would read as part of the code: a space keeps them apart.
  const unitName = str(table['单位名称']);
  row(span(value(`填报单位：${str(table['单位编码'])}${/^\d/.test(unitName) ? ' ' : ''}${unitName}`), width - 1), value(`单位：${unit}`));
  const pair = (key: string, text: string) => row(label(key), span(value(text), width - 1));
  // The total row's own cells (分值 not the sum, a 权重 total) go back to the total row.
  const totalCells = Object.entries(RESULT_READING.totalCells).filter(([key]) => key !== '得分');
  const totals = Object.fromEntries(totalCells.flatMap(([key, into]) => (extra[into] === undefined ? [] : [[key, extra[into]!] as const])));
  for (const [, into] of totalCells) delete extra[into];
  // Each 其他栏目 where it was printed (其他栏目位置); those of no place (or after the money block,
  // where a row would be read as money) after the head.
  const places = extrasByPlace(['原文标题', ...layout.head.map((x) => x.key), '年度总体目标', '绩效指标', '总分', ...layout.closing.map((x) => x.key)], extra, table['其他栏目位置'] as Record<string, string> | undefined);
  const extrasAfter = (key: string) => (places.after.get(key) ?? []).forEach((k) => pair(k, extra[k]!));
  extrasAfter('原文标题');
  for (const x of layout.head) {
    if (x.key === '实施单位') continue;
    if (x.key === '主管部门') {
      // 主管部门 and 实施单位 share a row, as in the national table.
      const half = Math.floor(width / 2);
      row(label(labelAt(x.key, x.label)), span(value(str(table['主管部门'])), half - 1), label(labelAt('实施单位', '实施单位')), span(value(str(table['实施单位'])), width - half - 1));
      extrasAfter('主管部门');
      extrasAfter('实施单位');
    } else if (!x.variant || table[x.key] !== undefined) {
      pair(labelAt(x.key, x.label), str(table[x.key]));
      extrasAfter(x.key);
    }
  }
  for (const key of places.rest) pair(key, extra[key]!);

  row({ ...label(labelAt('资金', `项目资金（${unit}）`)), ...(money.length && { rowSpan: money.length + 1 }) }, label(labelAt('资金.栏目', '')), ...moneyColumns.map(label));
  for (const m of money) {
    const cells = moneyLabels.map((x) => (x.kind === 'amount' ? amountCell(str(m[x.key])) : value(str(m[x.key]))));
    row(null, label(str(m['栏目'])), ...cells, ...extraLabels(money).map((e) => value(str((m['其他栏目'] as Record<string, string> | undefined)?.[e]))));
  }
  const goal = table['年度总体目标'] as Record<string, string> | undefined;
  if (goal) {
    // Caption, a second caption where the table printed one (四川), then the two headers over their values.
    const sub = labels['年度总体目标.栏目'];
    const left = sub === undefined ? 1 : 2;
    const half = Math.floor((width - left) / 2);
    const header = (n: 0 | 1) => label(labelAt(`年度总体目标.${layout.goal[n].key}`, printed(layout.goal[n], month)));
    row({ ...label(labelAt('年度总体目标', GOAL_CAPTION)), rowSpan: 2 }, ...(sub === undefined ? [] : [{ ...label(sub), rowSpan: 2 }]), span(header(0), half), span(header(1), width - left - half));
    row(null, ...(sub === undefined ? [] : [null]), span(value(str(goal[layout.goal[0].key])), half), span(value(str(goal[layout.goal[1].key])), width - left - half));
    extrasAfter('年度总体目标');
  }

  row(...(caption === undefined ? [] : [{ ...label(caption), ...(indicators.length && { rowSpan: indicators.length + 1 }) }]), ...columns.map(label));
  indicators.forEach((i, n) => {
    const cells = indicatorLabels.map((x): GridCell | null => {
      if (x.key !== '一级指标' && x.key !== '二级指标') return value(str(i[x.key]));
      const same = (a: Record<string, unknown> | undefined) => a !== undefined && a['一级指标'] === i['一级指标'] && (x.key === '一级指标' || a['二级指标'] === i['二级指标']);
      if (same(indicators[n - 1])) return null;
      let down = 1;
      while (same(indicators[n + down])) down++;
      return { ...value(str(i[x.key])), ...(down > 1 && { rowSpan: down }) };
    });
    row(...(caption === undefined ? [] : [null]), ...cells, ...extraLabels(indicators).map((e) => value(str((i['其他栏目'] as Record<string, string> | undefined)?.[e]))));
  });
  // Under the indicators: a label over three columns ends them, as printed tables do.
  for (const key of places.after.get('绩效指标') ?? []) row(span(label(key), 3), span(value(extra[key]!), width - 3));
  if (layout.totalRow) {
    // 总分 spans the columns before its first figure: 分值 (the sum of those above unless kept), 得分, a 权重 total.
    const figures = new Map<number, string>();
    const columnOf = (key: string) => indicatorLabels.findIndex((x) => x.key === key);
    for (const [key, text] of Object.entries(totals)) if (columnOf(key) >= 0) figures.set(columnOf(key) + shift, text);
    if (!('分值' in totals) && columnOf('分值') >= 0) figures.set(columnOf('分值') + shift, pointsSum(money, indicators) ?? '');
    if (columnOf('得分') >= 0) figures.set(columnOf('得分') + shift, str(table['总分']));
    const start = Math.max(1, Math.min(width, ...figures.keys()));
    const cells: GridCell[] = Array.from({ length: width }, (_, c) => (figures.has(c) ? value(figures.get(c)!) : { text: '' }));
    row(span(label(labelAt('总分', '总分')), start), ...cells.slice(start));
    extrasAfter('总分');
  }
  for (const x of layout.closing) {
    if (table[x.key] === undefined) continue;
    pair(labelAt(x.key, x.label), str(table[x.key]));
    extrasAfter(x.key);
  }
  return { name: layout.title, source: 'xlsx', rows: rows.map((r) => r.slice(0, width)), before: [] };
}
