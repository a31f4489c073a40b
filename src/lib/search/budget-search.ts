// The searchable lines of a 部门预算 or 部门决算 page (src/pages/[year]/[unit]/[budget].astro):
//   - each row of its tables that names something: a 科目 (code and name as printed, with its
//     amounts under their column headings), landing on the row;
//   - each row that names a project (项目支出): a row of a table with a 项目名称 column, or a row
//     whose cell names one of the unit-year's projects (the page links that cell to the project's
//     绩效目标 page, and the line says so);
//   - each section of the 情况说明, landing on its heading.
// The rows come from the view the page renders (budgetView), so the anchors, the row headings and
// the projects a row names are the page's own.
import type { BudgetDocument } from '../../schema/budget.ts';
import type { BudgetEntry } from '../site/budget-entries.ts';
import type { BudgetKind } from '../site/content-layout.ts';
import { sectionsOf } from '../site/markdown.ts';
import { BUDGET_NOTE_ANCHOR } from '../site/paths.ts';
import { budgetView, type PrintedCell, type PrintedTable, type ProjectLink } from '../views/budget-view.ts';
import type { SearchSection } from './search-fields.ts';

/** A unit-year's 部门预算 or 部门决算 as the search reads it: the file and its 情况说明 (as the one reader, budget-entries.ts, gives them). */
export type SearchBudget = Pick<BudgetEntry, 'year' | 'unit' | '种类' | 'data' | 'noteText'>;

/** A project of the unit-year: its name and code, and its page relative to the budget page. */
export interface SearchProject {
  name: string;
  code?: string;
  /** ../projects/<key>/: from the budget page (budget/, final-accounts/) to the project's page. */
  path: string;
}

const squash = (s: string) => s.replace(/\s+/g, '');
const isTotal = (s: string) => /^(合计|总计)$/.test(squash(s));
/** The heading a table prints for its list of projects. */
const PROJECT_NAME = '项目名称';

/**
 * Which column of the table lists projects by name, if any: the one headed 项目名称 right above its
 * cells. (A 项目绩效目标表 is a form: 项目名称 is a label inside it, above other labels.)
 */
const projectColumn = (table: PrintedTable) => table.columns.findIndex((labels) => labels.at(-1) === PROJECT_NAME);
/** Chinese characters and the full-width punctuation that sits between them. */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_BREAK = new RegExp(`(?<=${CJK})\\s*\\n\\s*(?=${CJK})`, 'gu');
/**
 * A text as one line: a cell printed on several lines (国有土地使用权出让\n收入…) or a 说明 transcribed
 * with the PDF's line breaks is one run of words, so a break between Chinese characters goes (else a
 * phrase across it would not be found); other white space becomes one space.
 */
const oneLine = (text: string) => text.replace(CJK_BREAK, '').replace(/\s+/g, ' ').trim();

/** What a cell is, as the line shows it: its column's headings (the table's own title row aside). */
function labelOf(table: PrintedTable, cell: PrintedCell): string {
  const labels = table.columns[cell.col] ?? [];
  // A heading every column shares (the table's title printed as its first row) says nothing of one column.
  const shared = (label: string) => table.columns.every((l) => l.length === 0 || l.includes(label));
  return labels.filter((l) => !shared(l)).join(' ') || labels.join(' ');
}

/** The lines of one table: a 科目 line or a 项目支出 line for each body row that names something. */
function tableSections(table: PrintedTable, kind: BudgetKind, projects: readonly SearchProject[]): SearchSection[] {
  const where = `${oneLine(table.title)}${table.unit ? `（单位：${table.unit}）` : ''}`;
  const listed = projectColumn(table);
  const byHref = new Map(projects.map((p) => [p.path, p]));
  const sections: SearchSection[] = [];
  for (const row of table.body) {
    const filled = row.cells.filter((c) => c.text.trim() !== '');
    const names = filled.filter((c) => c.header);
    const linked = filled.find((c) => c.href !== undefined);
    const project = linked && byHref.get(linked.href!);
    // The name: under the 项目名称 heading, else the linked cell that is not the project's code.
    const named = filled.find((c) => c.col === listed) ?? filled.find((c) => c.href !== undefined && squash(c.text) !== project?.code) ?? linked;
    if (named && !isTotal(named.text)) {
      sections.push({
        anchor: row.id!,
        line: {
          k: '项目支出',
          t: oneLine(named.text),
          d: [['所在表', where], ...filled.filter((c) => c !== named).map((c): [string, string] => [labelOf(table, c), oneLine(c.text)])],
          ...(project ? { p: project.path } : {}),
        },
        texts: filled.map((c) => oneLine(c.text)),
      });
      continue;
    }
    // A row of figures alone (the "三公" table's) or a 合计 row names no 科目.
    if (names.length === 0 || names.every((c) => isTotal(c.text))) continue;
    sections.push({
      anchor: row.id!,
      line: {
        k: kind === '部门预算' ? '部门预算科目' : '部门决算科目',
        t: names.map((c) => oneLine(c.text)).join(' '),
        d: [['所在表', where], ...filled.filter((c) => !c.header).map((c): [string, string] => [labelOf(table, c), oneLine(c.text)])],
      },
      texts: filled.map((c) => oneLine(c.text)),
    });
  }
  return sections;
}

/** The 情况说明's sections: its heading as the title, its text as the line. */
function noteSections(note: string): SearchSection[] {
  return sectionsOf(note).map((s) => {
    const texts = s.texts.map(oneLine);
    const text = texts.join(' ');
    return {
      // Text above the first heading is at the top of the page's 情况说明.
      anchor: s.anchor ?? BUDGET_NOTE_ANCHOR,
      line: { k: '情况说明', t: s.heading || '情况说明', ...(text ? { d: [['', text]] } : {}) },
      texts: [s.heading, ...texts],
    };
  });
}

/**
 * The searchable lines of a 部门预算 or 部门决算 page: its 情况说明 first (as the page shows it),
 * then every table's rows. `projects` are the unit-year's, whose 绩效目标 pages a row can name.
 */
export function budgetSections(budget: SearchBudget, projects: readonly SearchProject[]): SearchSection[] {
  const links: ProjectLink[] = projects.map((p) => ({ name: p.name, ...(p.code !== undefined ? { code: p.code } : {}), href: p.path }));
  const view = budgetView(budget.data, budget.noteText, links);
  return [...noteSections(budget.noteText), ...view.tables.flatMap((t) => tableSections(t, budget.种类, projects))];
}
