// Reads the text export of a 部门预算绩效目标 document (Word saved as text: table cells are lines
// that start with a tab, rows of the 分项绩效目标 table are tab-separated lines, `[bookmark: _Toc…]`
// marks headings) into the YAML input shapes. Every non-empty cell is placed in a field or
// recognised as a fixed template label; anything else is a problem at its line (problems.ts).
import type { DepartmentInput } from '../../schema/department.ts';
import type { ProjectInput } from '../../schema/project.ts';
import { docxLines } from '../office/docx.ts';
import type { LineProblem } from './problems.ts';

export interface ImportedDocument {
  department: DepartmentInput;
  /** In document order. */
  projects: ProjectInput[];
  problems: LineProblem[];
}

interface Line {
  number: number;
  text: string;
}

interface Cell {
  line: number;
  /** Trimmed text; '' for an empty or whitespace-only cell. */
  text: string;
}

const BOOKMARK = /^\s*\[bookmark: [^\]]*\]/;
const isBlank = (text: string) => text.trim() === '';

/** Parses the whole document. `documentName` is recorded in each file's 来源. */
export function parseSourceText(source: string, documentName: string, fiscalYear?: number): ImportedDocument {
  const problems: LineProblem[] = [];
  const lines: Line[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, index) => ({ number: index + 1, text }));

  // Split at headings; the lines before the first heading are the part's title.
  const sections: { heading: Line; body: Line[] }[] = [];
  const preamble: Line[] = [];
  for (const line of lines) {
    if (BOOKMARK.test(line.text)) sections.push({ heading: { ...line, text: line.text.replace(BOOKMARK, '').trim() }, body: [] });
    else (sections.at(-1)?.body ?? preamble).push(line);
  }
  for (const line of preamble) {
    if (!isBlank(line.text) && !['第一部分', '部门整体绩效目标'].includes(line.text.trim())) {
      problems.push({ line: line.number, message: `标题前有无法识别的内容：“${line.text.trim()}”` });
    }
  }

  const overallTargets: string[] = [];
  const itemizedTargets: DepartmentInput['分项绩效目标'] = [];
  const safeguards: DepartmentInput['工作保障措施'] = { 措施: [] };
  const projectSections: typeof sections = [];
  let departmentEnd = 1;

  for (const section of sections) {
    const title = section.heading.text;
    if (/总体绩效目标$/.test(title)) {
      for (const line of section.body) {
        if (isBlank(line.text)) continue;
        if (line.text.includes('\t')) problems.push({ line: line.number, message: '总体绩效目标中出现了表格单元格，无法放置' });
        else overallTargets.push(line.text.trim());
      }
    } else if (/分项绩效目标$/.test(title)) {
      parseItemizedTargets(section.body, itemizedTargets, problems);
    } else if (/工作保障措施$/.test(title)) {
      for (const line of section.body) {
        if (isBlank(line.text)) continue;
        if (line.text.includes('\t')) problems.push({ line: line.number, message: '工作保障措施中出现了表格单元格，无法放置' });
        // The sentence that introduces the numbered list is kept apart from the measures.
        else if (safeguards.措施.length === 0 && safeguards.引言 === undefined && !/^\d+[、.．]/.test(line.text.trim())) {
          safeguards.引言 = line.text.trim();
        } else safeguards.措施.push(line.text.trim());
      }
    } else if (/绩效目标表$/.test(title)) {
      projectSections.push(section);
      continue;
    } else {
      problems.push({ line: section.heading.number, message: `无法识别的标题“${title}”：应是总体绩效目标、分项绩效目标、工作保障措施或“…绩效目标表”` });
    }
    departmentEnd = Math.max(departmentEnd, section.body.at(-1)?.number ?? section.heading.number);
  }

  const projects = projectSections.map((section) => parseProjectTable(section.heading, section.body, documentName, problems));
  const units = new Set(projects.map((p) => `${p.单位编码}${p.单位名称}`));
  if (units.size > 1) problems.push({ line: projectSections[1]?.heading.number ?? 1, message: `各表的单位不一致：${[...units].join('、')}` });

  const year = fiscalYear ?? yearFromCodes(projects, problems);
  for (const project of projects) project.年度 = year;
  const first = projects[0];
  const department: DepartmentInput = {
    单位编码: first?.单位编码 ?? '',
    单位名称: first?.单位名称 ?? '',
    年度: year,
    总体绩效目标: overallTargets,
    分项绩效目标: itemizedTargets,
    工作保障措施: safeguards,
    来源: { 文件: documentName, 起止行: [1, lastTextLine(lines, departmentEnd)] },
  };
  if (!first) problems.push({ line: lines.length, message: '文件中没有找到任何“…绩效目标表”' });
  return { department, projects, problems };
}

/** Last line with text at or before `end` (trailing blank lines belong to no table). */
function lastTextLine(lines: Line[], end: number): number {
  for (let n = end; n > 1; n--) if (!isBlank(lines[n - 1]?.text ?? '')) return n;
  return 1;
}

/** The 2-digit year inside the project codes (`130229` + `23` + …) must agree across tables. */
function yearFromCodes(projects: ProjectInput[], problems: LineProblem[]): number {
  const years = new Set(projects.map((p) => (p.项目编码 ?? '').slice(6, 8)).filter((y) => /^\d\d$/.test(y)));
  if (years.size !== 1) {
    problems.push({ line: 1, message: `无法从项目编码判断年度（${[...years].join('、') || '无'}）：请用 --year 指定，例如 --year 2023` });
    return 0;
  }
  return 2000 + Number([...years][0]);
}

/**
 * Rows of the 分项绩效目标 table. The 职能 cell is merged: only the first row of a group names it,
 * later rows start with the group's 职能描述. Every row but the table's first has an empty cell
 * after 任务描述 (a layout column of the Word table); trailing cells are empty layout cells.
 */
function parseItemizedTargets(body: Line[], rows: NonNullable<DepartmentInput['分项绩效目标']>, problems: LineProblem[]) {
  let group: { function: string; description: string } | undefined;
  for (const line of body) {
    if (isBlank(line.text)) continue;
    if (!line.text.includes('\t')) {
      if (line.text.trim() !== '分项绩效目标：') problems.push({ line: line.number, message: `分项绩效目标中有无法放置的文字：“${line.text.trim()}”` });
      continue;
    }
    const cells = line.text.split('\t').map((c) => c.trim());
    const continues = group !== undefined && cells[0] === group.description;
    if (!continues) {
      group = { function: cells.shift() ?? '', description: cells[0] ?? '' };
    }
    const spacer = rows.length === 0 ? [] : cells.splice(4, 1);
    const [描述 = '', 年度目标 = '', 工作任务 = '', 任务描述 = '', 绩效指标 = '', 指标值 = '', 指标描述 = '', 评价标准 = '', ...rest] = cells;
    const stray = [...spacer, ...rest].filter((c) => c !== '');
    if (stray.length > 0 || !group || group.function === '') {
      problems.push({ line: line.number, message: `分项绩效目标这一行的单元格无法对应到九列（多出：${stray.join('、') || '缺少职能'}）` });
      continue;
    }
    rows.push({ 职能: group.function, 职能描述: 描述, 年度目标, 工作任务, 任务描述, 绩效指标, 指标值, 指标描述, 评价标准 });
  }
}

/** Blocks of cells: one block per row of the Word table, rows separated by non-cell lines. */
function blocksOf(body: Line[], problems: LineProblem[]): Cell[][] {
  const blocks: Cell[][] = [];
  let current: Cell[] = [];
  for (const line of body) {
    if (line.text.startsWith('\t')) {
      current.push({ line: line.number, text: line.text.slice(1).trim() });
      continue;
    }
    if (!isBlank(line.text)) problems.push({ line: line.number, message: `表格中有无法放置的文字：“${line.text.trim()}”` });
    if (current.length) blocks.push(current);
    current = [];
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** A slot of a 7-column row: a fixed label, a value, or an empty layout cell. */
type Slot = { label: string } | { value: string } | null;

/** Matches a row against its layout; returns the values by name, reporting anything misplaced. */
function readRow(block: Cell[] | undefined, layout: Slot[], what: string, problems: LineProblem[], fallbackLine: number): Record<string, Cell> {
  const values: Record<string, Cell> = {};
  if (!block) {
    problems.push({ line: fallbackLine, message: `缺少${what}这一行` });
    return values;
  }
  block.forEach((cell, i) => {
    const slot = layout[i];
    if (slot && 'value' in slot) values[slot.value] = cell;
    else if (slot && 'label' in slot) {
      if (cell.text.replace(/\s+/g, '') !== slot.label) problems.push({ line: cell.line, message: `${what}：此处应是“${slot.label}”，实际是“${cell.text}”` });
    } else if (cell.text !== '') problems.push({ line: cell.line, message: `${what}：第 ${i + 1} 列“${cell.text}”无法放置` });
  });
  return values;
}

const INDICATOR_COLUMNS = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '', '指标值', '指标值确定依据'] as const;

function parseProjectTable(heading: Line, body: Line[], documentName: string, problems: LineProblem[]): ProjectInput {
  const blocks = blocksOf(body, problems);
  const at = heading.number;
  const [unitRow, codeRow, budgetRow, purposeRow, planHeader, planValues] = blocks;

  const unit = readRow(unitRow, [{ value: 'unit' }, null, null, null, null, null, { value: 'moneyUnit' }], '单位行', problems, at);
  const unitMatch = /^(\d+)(.+)$/.exec(unit.unit?.text ?? '');
  if (!unitMatch) problems.push({ line: unit.unit?.line ?? at, message: `单位行应为“单位编码+单位名称”，例如“483001玉田县林南仓镇人民政府本级”，实际是“${unit.unit?.text ?? ''}”` });
  const moneyMatch = /^单位[：:](元|万元)$/.exec(unit.moneyUnit?.text ?? '');
  if (!moneyMatch) problems.push({ line: unit.moneyUnit?.line ?? at, message: `金额单位应为“单位：元”或“单位：万元”，实际是“${unit.moneyUnit?.text ?? ''}”` });

  const code = readRow(codeRow, [{ label: '项目编码' }, { value: 'code' }, null, { label: '项目名称' }, { value: 'name' }, null, null], '项目编码行', problems, at);
  const budget = readRow(
    budgetRow,
    [{ label: '预算规模及资金用途' }, { label: '预算数' }, { value: 'total' }, { label: '其中：财政资金' }, { value: 'fiscal' }, { label: '其他资金' }, { value: 'other' }],
    '预算行',
    problems,
    at,
  );
  const purpose = readRow(purposeRow, [null, { value: 'purpose' }, null, null, null, null, null], '资金用途行', problems, at);

  // The plan's values sit under the month headers, column by column; an empty cell stays empty.
  const spendingPlan: ProjectInput['资金支出计划'] = [];
  const planLabel = planHeader?.[0];
  if (planLabel?.text !== '资金支出计划（%）') {
    problems.push({ line: planLabel?.line ?? at, message: `此处应是“资金支出计划（%）”，实际是“${planLabel?.text ?? ''}”` });
  }
  const monthColumns = new Map<number, number>();
  planHeader?.forEach((cell, i) => {
    if (i === 0 || cell.text === '') return;
    const month = /^(\d{1,2})月底$/.exec(cell.text);
    if (month) monthColumns.set(i, Number(month[1]));
    else problems.push({ line: cell.line, message: `资金支出计划的时点应写成“3月底”这样，实际是“${cell.text}”` });
  });
  planValues?.forEach((cell, i) => {
    const month = monthColumns.get(i);
    if (month !== undefined) {
      const percent = /^(\d+(?:\.\d+)?)[%％]$/.exec(cell.text);
      if (cell.text !== '' && !percent) problems.push({ line: cell.line, message: `资金支出计划的比例应写成“25%”，实际是“${cell.text}”` });
      spendingPlan.push({ 月份: month, 累计比例: percent ? Number(percent[1]) : null });
    } else if (cell.text !== '') problems.push({ line: cell.line, message: `资金支出计划：“${cell.text}”上方没有时点，无法放置` });
  });
  if (!planValues) problems.push({ line: at, message: '缺少资金支出计划的比例行' });

  // Goals: the row labelled 绩效目标, then any further rows whose label cell is merged (empty).
  const goals: string[] = [];
  let index = 6;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    const label = block[0]?.text;
    if (label === '一级指标') break;
    if (index === 6 && label !== '绩效目标') problems.push({ line: block[0]?.line ?? at, message: `此处应是“绩效目标”行，实际是“${label ?? ''}”` });
    block.forEach((cell, i) => {
      if (i === 0 || cell.text === '') return;
      if (i === 1) goals.push(cell.text);
      else problems.push({ line: cell.line, message: `绩效目标：第 ${i + 1} 列“${cell.text}”无法放置` });
    });
  }

  readRow(blocks[index], INDICATOR_COLUMNS.map((label) => (label ? { label } : null)), '绩效指标表头', problems, at);
  const indicators: ProjectInput['绩效指标'] = [];
  let level1 = '';
  let level2 = '';
  for (const block of blocks.slice(index + 1)) {
    const row = readRow(
      block,
      [{ value: 'level1' }, { value: 'level2' }, { value: 'name' }, { value: 'description' }, null, { value: 'value' }, { value: 'basis' }],
      '绩效指标行',
      problems,
      at,
    );
    // 一级/二级 cells are merged downwards: an empty cell continues the group above.
    if (row.level1?.text) {
      level1 = row.level1.text;
      level2 = '';
    }
    if (row.level2?.text) level2 = row.level2.text;
    if (!level1 || !level2) problems.push({ line: block[0]?.line ?? at, message: '这一行指标前面没有一级或二级指标，无法归类' });
    indicators.push({
      一级指标: level1,
      二级指标: level2,
      三级指标: row.name?.text ?? '',
      ...(row.description?.text ? { 绩效指标描述: row.description.text } : {}),
      指标值: row.value?.text ?? '',
      ...(row.basis?.text ? { 指标值确定依据: row.basis.text } : {}),
    });
  }

  const lastLine = blocks.at(-1)?.at(-1)?.line ?? at;
  return {
    单位编码: unitMatch?.[1] ?? '',
    单位名称: unitMatch?.[2] ?? '',
    年度: 0,
    原文标题: heading.text,
    金额单位: (moneyMatch?.[1] as '元' | '万元' | undefined) ?? '元',
    // A 部门预算 document publishes the budget as approved at the start of the year.
    预算阶段: '年初预算',
    项目编码: code.code?.text ?? '',
    项目名称: code.name?.text ?? '',
    预算数: budget.total?.text ?? '',
    财政资金: budget.fiscal?.text ?? '',
    ...(budget.other?.text ? { 其他资金: budget.other.text } : {}),
    资金用途: purpose.purpose?.text ?? '',
    资金支出计划: spendingPlan,
    绩效目标: goals,
    绩效指标: indicators,
    来源: { 文件: documentName, 起止行: [heading.number, lastLine] },
  };
}

// A Word .docx of the approved document: its text-export lines (office/docx.ts), imported like the text export.
export interface DocxImport {
  /** The document as text-export lines: kept beside the imported files, 来源 line numbers refer to it. */
  text: string;
  imported: ImportedDocument;
  /** parseSourceText's problems, placed in the Word document. */
  problems: { where: string; message: string }[];
}

export async function importDocx(bytes: Uint8Array, documentName: string, fiscalYear?: number): Promise<DocxImport> {
  const { lines, where } = await docxLines(bytes);
  const text = lines.join('\n');
  const imported = parseSourceText(text, documentName, fiscalYear);
  const problems = imported.problems.map((p) => ({ where: where[p.line - 1] ?? `第 ${p.line} 行`, message: p.message }));
  return { text, imported, problems };
}
