// Which kind of table a file holds, and in which layout. Every known description — the target
// tables' (schema/table-layouts.ts: project 申报表, 批复表 and many-projects sheets, 部门整体) and the
// result tables' (schema/result-layouts.ts: 执行监控表, 项目支出绩效自评表, 部门整体支出绩效自评表) —
// is scored by how many of its labels the file prints; the best one whose indicator header row a
// table has wins. The command names the runner-up when it comes close, and for a table no
// description can read names the closest and the labels that differ; `--layout` decides instead.
import type { Grid } from '../office/grid.ts';
import { RESULT_LAYOUTS, type ResultLayout } from '../../schema/result-layouts.ts';
import { labelKey, TABLE_LAYOUTS, type TableLayout } from '../../schema/table-layouts.ts';
import { headerRowOf, labelsOf, short } from './cells.ts';

export type Description = { kind: 'target'; layout: TableLayout } | { kind: 'result'; layout: ResultLayout };

export interface Candidate {
  description: Description;
  /** As staff name it: the 表样's name, or the result table's title. */
  name: string;
  /** How many of its labels (each counted once) the file prints, and one more for its title. */
  score: number;
  /** A table of the file has its indicator header row: only then can it be read as this kind. */
  complete: boolean;
  /** Labels its indicator header row (and head) must have that the file prints nowhere. */
  missing: string[];
  /** The file's row most like its indicator header row, as printed (when not complete). */
  nearest?: string[];
}

export interface Recognition {
  /** The complete candidate of the highest score, unless `rival` makes the kind uncertain. */
  best?: Candidate;
  /**
   * A description of the other stage (a self-evaluation's against a target's) that scores at least
   * as high as the best complete one though the file lacks its header: the kind cannot be told.
   */
  rival?: { complete: Candidate; other: Candidate };
  /** Another complete candidate whose score comes close to the best's: named so that a wrong guess shows. */
  runnerUp?: Candidate;
  /** Every candidate, highest score first. */
  candidates: Candidate[];
}

/** Monitoring tables print the period before some labels: `1-6月执行数` is 执行数. */
const MONTHLY = /^1[-－—–~～至]\d{1,2}月/;
const keysOf = (text: string): string[] => {
  const key = labelKey(text);
  // labelKey already takes off a formula's letter (`年初目标值(A)` is 年初目标值), as the readers do.
  const keys = [key, key.replace(MONTHLY, '')];
  // A label and its value in one cell (`预算单位:某某局`) prints the label too.
  const colon = /^([^:]{1,20}):/.exec(key);
  if (colon) keys.push(labelKey(colon[1]!));
  return keys.filter(Boolean);
};

/** Every label a description knows, as compared. */
function labelsOfDescription(d: Description): Set<string> {
  if (d.kind === 'target') {
    const l = d.layout;
    return new Set([
      ...[...l.fields, ...l.indicatorColumns, ...(l.listTables ?? []).flatMap((t) => [{ label: t.label }, ...t.columns])].flatMap(labelsOf),
      ...[...(l.extraFields ?? []), ...(l.extraIndicatorColumns ?? []), ...(l.captions ?? [])].map(labelKey),
    ]);
  }
  const l = d.layout;
  return new Set([...l.head, ...l.money, ...l.goal, ...l.indicators, ...l.closing].flatMap((x) => [...labelsOf(x), labelKey(x.key)]));
}

/** The labels of a description's indicator header row, each with its other spellings. */
function headerLabels(d: Description): { label: string; keys: string[] }[] {
  if (d.kind === 'target') return d.layout.indicatorColumns.filter((c) => c.required).map((c) => ({ label: c.label, keys: labelsOf(c) }));
  const l = d.layout;
  return l.required.map((name) => ({
    label: name,
    keys: [labelKey(name), ...l.indicators.filter((x) => x.key === name || x.label === name).flatMap((x) => labelsOf(x))],
  }));
}

const titlesOf = (d: Description) => (d.kind === 'target' ? [d.layout.title, ...(d.layout.titles ?? [])] : [d.layout.title, ...(d.layout.shortName ? [d.layout.shortName] : [])]);
const nameOf = (d: Description) => (d.kind === 'target' ? d.layout.name : d.layout.title);

/** Every description this project knows, targets first (in TABLE_LAYOUTS order: an even score goes to the earlier). */
export const DESCRIPTIONS: readonly Description[] = [
  ...TABLE_LAYOUTS.map((layout): Description => ({ kind: 'target', layout })),
  ...RESULT_LAYOUTS.map((layout): Description => ({ kind: 'result', layout })),
];

/** The description staff name with --layout: a 表样's name, or a result table's title or short name. */
export function describedAs(name: string): Description | undefined {
  return DESCRIPTIONS.find((d) => nameOf(d) === name || (d.kind === 'result' && d.layout.shortName === name));
}
export const DESCRIPTION_NAMES = DESCRIPTIONS.map(nameOf);

/** A runner-up at most this many labels (or a fifth of the best's) behind is named. */
const CLOSE = 2;

/** Scores every description against the tables of a file (their cells and the lines above them). */
export function recognise(tables: readonly Grid[]): Recognition {
  const cells = tables.flatMap((g) => [...g.before.map((p) => p.text), ...g.rows.flat().flatMap((c) => (c && c.text.trim() ? [c.text] : []))]);
  const printed = new Set(cells.flatMap(keysOf));
  // Titles stand in the first rows or above the table.
  const heads = tables.flatMap((g) => [...g.before.map((p) => p.text), ...g.rows.slice(0, 4).flat().flatMap((c) => (c ? [c.text] : []))]).map(labelKey);
  const candidates = DESCRIPTIONS.map((description): Candidate => {
    const known = labelsOfDescription(description);
    const titled = titlesOf(description).some((t) => heads.some((h) => h.includes(labelKey(t))));
    const score = [...known].filter((k) => printed.has(k)).length + (titled ? 1 : 0);
    const header = headerLabels(description);
    const complete = tables.some((g) => headerRow(g, description) !== undefined);
    const required = description.kind === 'target' ? [...description.layout.fields.filter((f) => f.required).map((f) => ({ label: f.label, keys: labelsOf(f) })), ...header] : header;
    const missing = complete ? [] : required.filter((h) => !h.keys.some((k) => printed.has(k))).map((h) => h.label);
    return { description, name: nameOf(description), score, complete, missing, ...(complete ? {} : { nearest: nearestRow(tables, header) }) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const complete = candidates.filter((c) => c.complete);
  const [best, second] = complete;
  // A result table whose own header is not (yet) described still prints the target's 一级 to 三级:
  // reading it as a target would be a guess.
  const other = best && candidates.find((c) => !c.complete && c.description.kind !== best.description.kind && c.score >= best.score);
  if (best && other) return { rival: { complete: best, other }, candidates };
  const runnerUp = best && second && best.score - second.score <= Math.max(CLOSE, Math.floor(best.score / 5)) ? second : undefined;
  return { best, runnerUp, candidates };
}

/** The indicator header row of a description in a grid. */
export function headerRow(grid: Grid, d: Description): number | undefined {
  if (d.kind === 'target') return headerRowOf(grid, d.layout.indicatorColumns);
  // Result tables may print a label merged down into the header row: every key of a row's visible cells.
  const header = headerLabels(d);
  for (let r = 0; r < grid.rows.length; r++) {
    const texts = new Set<string>();
    for (let c = 0; c < (grid.rows[r]?.length ?? 0); c++) {
      let above = r;
      while (above > 0 && grid.rows[above]?.[c] === null) above--;
      const cell = grid.rows[above]?.[c];
      if (cell && above + (cell.rowSpan ?? 1) > r) keysOf(cell.text).forEach((k) => texts.add(k));
    }
    if (header.every((h) => h.keys.some((k) => texts.has(k)))) return r;
  }
  return undefined;
}

/** The printed row with the most of these header labels, for a message (its non-empty cells). */
function nearestRow(tables: readonly Grid[], header: { keys: string[] }[]): string[] | undefined {
  let best: { count: number; texts: string[] } | undefined;
  for (const g of tables) {
    for (const row of g.rows) {
      const texts = row.flatMap((c) => (c && c.text.trim() ? [c.text.trim()] : []));
      const keys = new Set(texts.map(labelKey));
      const count = header.filter((h) => h.keys.some((k) => keys.has(k))).length;
      if (count > 0 && (!best || count > best.count)) best = { count, texts };
    }
  }
  return best?.texts;
}

/** The Chinese message for a file no description can read: the closest, and the labels that differ. */
export function unrecognisedMessage(recognition: Recognition): string {
  const closest = recognition.candidates[0];
  const what = (c: Candidate) => (c.description.kind === 'target' ? `表样“${c.name}”（${c.description.layout.title}）` : `“${c.name}”`);
  if (!closest || closest.score === 0) {
    return `认不出这是哪一种表：表中没有任何已知表样的栏目。请检查这是不是绩效目标表、执行监控表或绩效自评表；是另一种表时，要先在 src/schema/table-layouts.ts 中描述它的栏目`;
  }
  const rival = recognition.rival
    ? `（按${what(recognition.rival.complete)}虽能找到绩效指标表头，但表中更多的是${what(recognition.rival.other)}的栏目，不能确定是哪一种表；确是前者时用 --layout ${recognition.rival.complete.name} 指定）`
    : '';
  const nearest = closest.nearest?.length ? `；表中与它的指标表头最像的一行是：${closest.nearest.map((t) => `“${short(t.replace(/\s+/g, ' '))}”`).join(' ')}` : '';
  return (
    `认不出这是哪一种表：没有一种已知的表能读它（每种表都要有它的绩效指标表头行）。最接近的是${what(closest)}，表中有它的 ${closest.score} 个栏目，` +
    `但没有：${closest.missing.join('、') || '完整的指标表头行'}${nearest}${rival}。` +
    `请检查表头是否写错、表格是否完整（只保存了上半部分的表无法导入）；确是这种表时用 --layout ${closest.name} 指定，是没见过的表样时在 src/schema/table-layouts.ts 中为它加一段描述`
  );
}
