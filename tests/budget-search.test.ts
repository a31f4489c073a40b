// The search documents of a 部门预算 and a 部门决算 (src/lib/search/budget-search.ts), built from the
// example county's 示例数据 files as `npm run build` builds them: a 科目 line per row of the tables, a
// 项目支出 line per row naming a project, a 情况说明 line per section, each landing on an anchor the
// page has; and the search page's excerpt of a long 说明 section.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../src/lib/check/validate.ts';
import { budgetSections } from '../src/lib/search/budget-search.ts';
import { documentHtml, searchDocuments, type SearchBudget, type SearchDocument } from '../src/lib/search/search-index.ts';
import { excerpt } from '../src/lib/search/search.ts';
import { indexText } from '../src/lib/search/search-tokens.ts';
import { BUDGET_NOTE_ANCHOR, projectPath } from '../src/lib/site/paths.ts';
import { budgetNoteHtml, budgetView } from '../src/lib/views/budget-view.ts';
import type { BudgetDocument } from '../src/schema/budget.ts';

let content: Awaited<ReturnType<typeof validateContent>>;
let budgets: SearchBudget[];
let documents: SearchDocument[];
const budgetOf = (kind: SearchBudget['种类']) => budgets.find((b) => b.种类 === kind && b.year === 2024)!;
const documentOf = (url: string) => documents.find((d) => d.url === url)!;
const lineOf = (doc: SearchDocument, k: string, t: string, table?: string) =>
  doc.sections.find((s) => s.line.k === k && s.line.t === t && (table === undefined || s.line.d?.some(([label, text]) => label === '所在表' && text.startsWith(table))));

beforeAll(async () => {
  content = await validateContent('examples/county/content');
  expect(content.problems).toEqual([]);
  budgets = content.budgets.map((b) => ({ year: b.data.年度, unit: b.unit, 种类: b.data.种类, data: b.data, noteText: b.noteText }));
  documents = searchDocuments(
    content.projects.map((p) => p.data),
    content.departments.map((d) => d.data),
    { monitoring: content.monitoring.map((m) => m.data), evaluations: content.evaluations.map((e) => e.data), departmentEvaluations: content.departmentEvaluations.map((d) => d.data) },
    budgets,
  );
});

describe('the search documents of a 部门预算 and a 部门决算', () => {
  it('one per page, titled as the page, with the unit-year’s name and filters', () => {
    const budget = documentOf('/2024/910001/budget/');
    const final = documentOf('/2024/910001/final-accounts/');
    expect(budget).toMatchObject({ title: '示例县示例镇人民政府 2024年部门预算', kind: '部门预算', unit: '示例县示例镇人民政府', year: 2024, code: '' });
    expect(final).toMatchObject({ title: '示例县示例镇人民政府 2024年部门决算', kind: '部门决算' });
    expect(budget.filters).toEqual({ 年度: ['2024'], 单位: ['示例县示例镇人民政府'] });
    expect(new Set(documents.map((d) => d.url)).size).toBe(documents.length);
  });

  it('a 科目 line per row: code and name as printed, its amounts under their headings, landing on the row the page prints', () => {
    const doc = documentOf('/2024/910001/budget/');
    const line = lineOf(doc, '部门预算科目', '2120501 城乡社区环境卫生', '一般公共预算支出表')!;
    expect(line.line.d).toEqual([
      ['所在表', '一般公共预算支出表（单位：万元）'],
      ['合计', '12.00'],
      ['项目支出', '12.00'],
    ]);
    // The page's row with that anchor prints the same 科目.
    const budget = budgetOf('部门预算');
    const table = budgetView(budget.data, budget.noteText, []).tables.find((t) => t.title === '一般公共预算支出表')!;
    const row = table.body.find((r) => r.id === line.anchor)!;
    expect(row.cells.map((c) => c.text)).toEqual(['2120501', '城乡社区环境卫生', '12.00', '', '12.00']);
    // An 经济分类 row of the 基本支出表 names its heading group too; the 决算's lines say they are the 决算's.
    expect(lineOf(doc, '部门预算科目', '303 02 退休费')?.line.d).toContainEqual(['一般公共预算基本支出 人员经费', '10.00']);
    expect(lineOf(documentOf('/2024/910001/final-accounts/'), '部门决算科目', '2120501 城乡社区环境卫生', '支出决算表')).toBeDefined();
  });

  it('indexes each cell separately, as parts of words', () => {
    const doc = documentOf('/2024/910001/budget/');
    const line = lineOf(doc, '部门预算科目', '2080505 机关事业单位基本养老保险缴费支出', '部门支出总表')!;
    const html = documentHtml(doc);
    const section = new RegExp(`<p id="${line.anchor}"[^>]*>([^<]*)</p>`).exec(html)![1]!;
    expect(section).toContain(indexText('机关事业单位基本养老保险缴费支出'));
    expect(section).toContain(indexText('36.00'));
  });

  it('no line for a 合计 row or a row of figures alone (the “三公” table’s)', () => {
    const doc = documentOf('/2024/910001/budget/');
    expect(doc.sections.filter((s) => /^(合计|总计)$/.test(s.line.t))).toEqual([]);
    expect(doc.sections.some((s) => s.line.d?.some(([label, text]) => label === '所在表' && text.includes('三公')))).toBe(false);
  });

  it('a 项目支出 line per row naming a project, with the way to its 绩效目标 page', () => {
    const doc = documentOf('/2024/910001/budget/');
    const line = lineOf(doc, '项目支出', '村道路清理')!;
    expect(line.line.d).toEqual([
      ['所在表', '项目支出表（单位：万元）'],
      ['项目编码', '99000024P00EXAMPLE001'],
      ['功能分类科目编码', '2120501'],
      ['预算数', '12.00'],
    ]);
    expect(new URL(line.line.p!, `https://example.gov.cn${doc.url}`).pathname).toBe(`/${projectPath(2024, '910001', '99000024P00EXAMPLE001')}`);
    expect(doc.sections.filter((s) => s.line.k === '项目支出').map((s) => s.line.t)).toEqual(['村道路清理', '农村饮水设施维护', '路灯维护']);
  });

  it('a project listed without a 绩效目标 page is still a 项目支出 line, without the link', () => {
    const sections = budgetSections(budgetOf('部门预算'), []);
    const line = sections.find((s) => s.line.k === '项目支出' && s.line.t === '路灯维护')!;
    expect(line.line.p).toBeUndefined();
    expect(line.line.d).toContainEqual(['项目编码', '99000024P00EXAMPLE103']);
  });

  it('a 情况说明 line per section, landing on the heading the page renders', () => {
    const budget = budgetOf('部门预算');
    const doc = documentOf('/2024/910001/budget/');
    const line = lineOf(doc, '情况说明', '三、其他相关情况说明')!;
    expect(line.line.d![0]![1]).toContain('2024年机关运行经费预算为50.00万元。');
    expect(budgetNoteHtml(budget.noteText)).toContain(`id="${line.anchor}"`);
    for (const s of doc.sections.filter((x) => x.line.k === '情况说明')) expect(budgetNoteHtml(budget.noteText)).toContain(`id="${s.anchor}"`);
    // Text above the first heading lands on the 情况说明 itself.
    const above = budgetSections({ ...budget, noteText: '本单位无变化。\n\n## 一、职能\n\n负责本镇事务。' }, []).filter((s) => s.line.k === '情况说明');
    expect(above.map((s) => [s.anchor, s.line.t, s.line.d?.[0]?.[1]])).toEqual([
      [BUDGET_NOTE_ANCHOR, '情况说明', '本单位无变化。'],
      ['一、职能', '一、职能', '负责本镇事务。'],
    ]);
  });

  it('a budget of a unit-year without 绩效 tables (its pages are its 部门预算/决算) is searched under the unit its document prints; one whose 单位 is written otherwise takes the unit-year’s name', () => {
    const budget = budgetOf('部门预算');
    const alone = searchDocuments([], [], undefined, [{ ...budget, unit: '910099', data: { ...budget.data, 单位: '示例县示例局（部门：本级及 2 家下属单位）' } }]);
    expect(alone.map((d) => d.url)).toEqual(['/2024/910099/budget/']);
    expect(alone[0]).toMatchObject({ unit: '示例县示例局', filters: { 单位: ['示例县示例局'] } });
    expect(alone[0]!.sections.length).toBeGreaterThan(0);
    const renamed = searchDocuments(content.projects.map((p) => p.data), [], undefined, [{ ...budget, data: { ...budget.data, 单位: '示例镇政府' } }]);
    expect(renamed.find((d) => d.kind === '部门预算')).toMatchObject({ unit: '示例县示例镇人民政府', filters: { 单位: ['示例县示例镇人民政府'] } });
  });
});

describe('the search lines of real documents (tests/fixtures/budget)', () => {
  const sectionsOf = (id: string) => {
    const data = parse(readFileSync(`tests/fixtures/budget/${id}.yaml`, 'utf8')) as BudgetDocument;
    return budgetSections({ year: data.年度, unit: '000000', 种类: data.种类, data, noteText: readFileSync(`tests/fixtures/budget/${id}.说明.md`, 'utf8') }, []);
  };

  it('a 科目 name printed over several lines is one name, indexed whole', () => {
    const line = sectionsOf('sh-putuo-wenlv-2025-final').find((s) => s.line.t === '21219 国有土地使用权出让收入对应专项债务收入安排的支出')!;
    expect(line.line.k).toBe('部门决算科目');
    expect(line.texts).toContain('国有土地使用权出让收入对应专项债务收入安排的支出');
  });

  it('a 项目绩效目标表 laid out as a form gives no 项目支出 line for its labels', () => {
    const sections = sectionsOf('sh-putuo-jianguanwei-2026-budget');
    expect(sections.filter((s) => s.line.k === '项目支出')).toEqual([]);
    // Its rows are still searchable, as lines of the table, each label as printed on one line.
    expect(sections.find((s) => s.texts.includes('项目资金（元）'))?.line.k).toBe('部门预算科目');
  });

  it('every line has its own anchor', () => {
    for (const id of ['sh-putuo-caizheng-2024-final', 'sh-putuo-wenlv-2026-budget', 'sh-putuo-yichuanlu-2025-final']) {
      const sections = sectionsOf(id);
      expect(new Set(sections.map((s) => s.anchor)).size).toBe(sections.length);
    }
  });

  it('a 说明 transcribed with the PDF’s line breaks reads across them', () => {
    // “…推动\n各门类艺术、各艺术品种发展。” in the transcription.
    const note = sectionsOf('sh-putuo-wenlv-2026-budget').filter((s) => s.line.k === '情况说明');
    expect(note.some((s) => s.texts.some((t) => t?.includes('推动各门类艺术')))).toBe(true);
    expect(note.some((s) => s.line.d?.[0]?.[1].includes('推动各门类艺术'))).toBe(true);
  });
});

describe('the excerpt of a long 说明 section', () => {
  const text = `${'甲'.repeat(100)}机关运行经费预算为50.00万元${'乙'.repeat(100)}`;
  it('shows the query with the text around it, … where text was left out', () => {
    expect(excerpt(text, '运行经费', 10)).toBe(`…${'甲'.repeat(8)}机关运行经费预算为50.00万元…`);
  });
  it('for a loose match, shows the first pair of the query’s characters found; a short text whole', () => {
    expect(excerpt(text, '经费支出', 5)).toBe('…甲机关运行经费预算为50.0…');
    expect(excerpt('短文本', '经费')).toBe('短文本');
    expect(excerpt(text, '丙丁', 3)).toBe('甲甲甲甲甲…');
  });
});
