// How a printed cell of a corpus table (tests/fixtures/published/) must show on the page of the
// table it was imported into (tests/browser/corpus.test.ts). A cell shows as printed, or — where
// the page legitimately writes it otherwise — in one of the forms below, each a rule of the
// importer's own reading, named so that a failure says which forms were looked for:
// - its text, compared with whitespace removed and full-width letters, digits and signs half-width
//   (normalLabel's comparison: a printed cell's spaces and line breaks are where the print wrapped
//   or padded it, e.g. `产 出 指 标`, `年度\n指标值`; the archive had already turned full-width
//   punctuation half-width, the page prints labels of the descriptions with full-width brackets);
// - the year line (`(2022年度)`, `2019年度)`) as the page's `2022年`;
// - a label as the importer reads it (readLabel: a trailing colon, `*`, numbering and `其中:` off,
//   the money unit and the score it carries shown apart): its words, and the unit as `单位：万元`;
// - a caption over a block (`资金情况(万元)`, `绩效指标`): the page heads the block with its own
//   caption, which shows the unit the printed one carries;
// - a label the description reads under another name (`项目(专项)名称`, `具体实施单位`): the
//   description's label, which the page prints beside the value;
// - an amount written with its unit (`10000万元`, `2279.048 万元`): grouped, in the table's unit;
// - a cell of several `label: value` (`填报单位:(盖章) 单位:万元`): each part in one of these forms;
// - a result table's total row label (`合计`): shown as the site names the total row, 总分;
// - a label of the unit (`部门编码:`, `单位名称:`): the page names the unit by its code and name;
// - a seal's place (`(盖章)`): paper takes a stamp there, a page has nothing to show;
// - a label the description knows over cells the table left empty (an empty column `备注`, a
//   `当年其他资金` with no amount): the page shows what was filled, and nothing was;
// - a template row the import leaves out (a 二级 with no indicator under it): named in the
//   import's notice to the maintainer, not on the page (it holds no indicator to show).
import { CAPTIONS, LABEL_READING, labelKey, layoutNamed, readLabel } from '../../src/schema/table-layouts.ts';
import { RESULT_LAYOUTS, RESULT_READING, type ResultKind } from '../../src/schema/result-layouts.ts';
import { readAmount, groupAmount } from '../../src/lib/reading/money.ts';

/** Page text and cell text alike: no whitespace; full-width ASCII forms half-width (as normalLabel compares labels). */
export const comparable = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');

/** What the test knows of the table: its imported file and the import's output. */
export interface Imported {
  /** 表样 of a target table, or the kind of a result table. */
  layout: string;
  kind: 'target' | ResultKind;
  year: number;
  unitCode: string;
  unitName: string;
  moneyUnit?: string;
  /** The import command's standard output (its notices). */
  notices: string;
}

/** One way a cell may show: every text in `texts` on the page (each text: any of its spellings). */
export interface Form {
  rule: string;
  texts: string[][];
}

const unitShown = (unit: string) => [`单位:${unit}`, `金额单位${unit}`];

/** The labels a description reads, each under the label the page prints for it. */
function describedLabels(c: Imported): Map<string, string> {
  const labels = new Map<string, string>();
  if (c.kind === 'target') {
    const layout = layoutNamed(c.layout)!;
    for (const f of [...layout.fields, ...layout.indicatorColumns, ...(layout.listTables ?? []).flatMap((t) => t.columns)]) {
      for (const l of [f.label, ...(f.aliases ?? [])]) labels.set(labelKey(l), f.label);
    }
  } else {
    const layout = RESULT_LAYOUTS.find((l) => l.kind === c.kind)!;
    for (const f of [...layout.head, ...layout.money, ...layout.goal, ...layout.indicators, ...layout.closing]) {
      for (const l of [f.label, ...(f.aliases ?? [])]) labels.set(labelKey(l), f.key);
    }
  }
  return labels;
}

/** Every label a description knows, those it keeps under 其他栏目 included. */
function knownLabels(c: Imported): Set<string> {
  const known = new Set(describedLabels(c).keys());
  if (c.kind === 'target') {
    const layout = layoutNamed(c.layout)!;
    for (const l of [...(layout.extraFields ?? []), ...(layout.extraIndicatorColumns ?? [])]) known.add(labelKey(l));
  }
  return known;
}

/** Labels of the unit a table prints in a cell: the code and the name, which the page shows together. */
const UNIT_LABELS = new Set(['单位名称', '部门名称', '单位编码', '部门编码', '部门预算编码', '填报单位']);

function captionsOf(c: Imported): Set<string> {
  const own = c.kind === 'target' ? (layoutNamed(c.layout)!.captions ?? []) : [...RESULT_READING.goalCaptions, ...Object.values(RESULT_READING.captions)];
  return new Set([...CAPTIONS, ...own].filter(Boolean).map(labelKey));
}

/** A printed cell, and whether what it labels is empty: the cells right of it in its row, or every cell below it in its column. */
export interface PrintedCell {
  text: string;
  overEmpty?: boolean;
}

/** Every non-empty cell of a transcribed table (前文 lines first), with overEmpty. */
export function printedCells(table: { 前文?: string[]; 行: string[][] }): PrintedCell[] {
  const rows = table.行;
  const cells: PrintedCell[] = (table.前文 ?? []).filter((t) => t.trim() !== '').map((text) => ({ text }));
  rows.forEach((row, r) =>
    row.forEach((text, col) => {
      if (text.trim() === '') return;
      const besideEmpty = row.slice(col + 1).every((x) => x.trim() === '');
      const belowEmpty = r + 1 < rows.length && rows.slice(r + 1).every((x) => (x[col] ?? '').trim() === '');
      cells.push({ text, overEmpty: besideEmpty || belowEmpty });
    }),
  );
  return cells;
}

/** Every form in which the page may show a printed cell, the cell as printed first. */
export function formsOf(printed: PrintedCell | string, c: Imported): Form[] {
  const cell = typeof printed === 'string' ? printed : printed.text;
  const forms: Form[] = [{ rule: 'as printed', texts: [[comparable(cell)]] }];
  const flat = comparable(cell);
  const year = RESULT_READING.yearLine.exec(flat) ?? /^\((\d{4})年\)$/.exec(flat);
  if (year) forms.push({ rule: 'year line', texts: Number(year[1]) === c.year ? [[`${year[1]}年`]] : [[`（年度不符：${year[1]}）`]] });
  const read = readLabel(cell);
  const unit = read.unit ? [unitShown(read.unit)] : [];
  if (read.key !== '' && read.key !== flat) forms.push({ rule: 'label as read', texts: [[comparable(read.key)], ...unit] });
  if (captionsOf(c).has(read.key)) forms.push({ rule: 'caption', texts: unit });
  const described = describedLabels(c).get(read.key);
  if (described !== undefined && described !== read.key) forms.push({ rule: 'described label', texts: [[comparable(described)], ...unit] });
  const amount = /^([\s\S]*?)\s*(万元|元)?$/.exec(cell.trim())!;
  if (readAmount(amount[1]!).ok && (amount[2] ?? c.moneyUnit) === c.moneyUnit) forms.push({ rule: 'amount', texts: [[comparable(`${groupAmount(amount[1]!)}${c.moneyUnit}`)]] });
  const parts = cell.trim().split(LABEL_READING.inlineSplit).map((s) => LABEL_READING.inline.exec(s.trim()));
  if (parts.every((p) => p !== null) && (parts.length > 1 || parts[0]![2]!.trim() !== '')) {
    forms.push({ rule: 'label: value', texts: parts.flatMap((p) => [p![1]!, p![2]!.trim()].filter((x) => x !== '').map((x) => [`@${x}`])) });
  }
  if (UNIT_LABELS.has(read.key)) forms.push({ rule: 'unit', texts: [[comparable(c.unitCode)], [comparable(c.unitName)]] });
  if (/^[(]?盖章[)]?$/.test(flat)) forms.push({ rule: 'seal', texts: [] });
  if (typeof printed !== 'string' && printed.overEmpty && knownLabels(c).has(read.key)) forms.push({ rule: 'label over empty cells', texts: [] });
  if (c.kind !== 'target' && (RESULT_READING.totalLabels as readonly string[]).includes(flat)) forms.push({ rule: 'total row', texts: [['总分']] });
  if (c.notices.includes(`二级指标“${cell.trim()}”，没有指标，未导入`)) forms.push({ rule: 'template row, named in the notice', texts: [] });
  return forms;
}

/**
 * The rule by which the cell is on the page, or undefined when it is not: each text of a form is
 * on the page in one of its spellings; `@part` stands for a part of a cell, itself in any form.
 */
export function shownBy(cell: PrintedCell | string, c: Imported, page: string): string | undefined {
  for (const form of formsOf(cell, c)) {
    const found = form.texts.every((spellings) => spellings.some((s) => (s.startsWith('@') ? shownBy(s.slice(1), c, page) !== undefined : page.includes(s))));
    if (found) return form.rule;
  }
  return undefined;
}
