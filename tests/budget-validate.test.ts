// `npm run validate` on a unit-year's 部门预算/决算 files: a real published document (the budget corpus)
// placed in a content folder is stopped by exactly the differences its README lists, each at its cell;
// recorded under 原表如此 they pass; a stale record, a missing required table, an empty table whose
// note names another fund and a 说明 left out are each reported in Chinese at their line.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateContent } from '../src/lib/check/validate.ts';
import { subjectsOf } from '../src/lib/budget/budget-check.ts';
import { budgetDocumentSchema, type BudgetDocument } from '../src/schema/budget.ts';
import { BUDGET_DIR, transcriptionIds } from './fixtures/published/transcription.ts';
import { runCli } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A content folder holding the site file and one corpus document as `<year>/<unit>/<name>.yaml` + `.md`. */
function folderWith(id: string, name: 'budget' | 'final-accounts', edit: (doc: Record<string, unknown>) => void = () => {}, note = true) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-budget-'));
  dirs.push(dir);
  cpSync('content/site.yaml', join(dir, 'site.yaml'));
  const doc = parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')) as Record<string, unknown>;
  edit(doc);
  const folder = join(dir, String(doc['年度']), 'unit1');
  mkdirSync(folder, { recursive: true });
  if (note) cpSync(join(BUDGET_DIR, `${id}.说明.md`), join(folder, `${name}.md`));
  writeFileSync(join(folder, `${name}.yaml`), stringify(doc, { lineWidth: 0 }));
  return { dir, file: join(folder, `${name}.yaml`) };
}
const readmeList = (id: string) =>
  [...readFileSync(join(BUDGET_DIR, 'README.md'), 'utf8').split('## 重算出的差异')[1]!.split(/\n## /)[0]!.matchAll(/^- `([a-z0-9-]+)` (.+)$/gm)].filter((m) => m[1] === id).map((m) => m[2]!);

describe('npm run validate：部门预算、部门决算', () => {
  it('一份真实的决算：检查报告正是 README 所列的差异，每条在它的格上', async () => {
    const id = 'sh-putuo-shegongbu-2024-final';
    const { dir, file } = folderWith(id, 'final-accounts');
    const { problems } = await validateContent(dir);
    const listed = readmeList(id);
    expect(problems.map((p) => p.message.split('。核对原件')[0]).sort()).toEqual([...listed].sort());
    // “302 商品和服务支出 与其下各款之和” is about the basic table; a cell difference points at the cell's line.
    const text = readFileSync(file, 'utf8').split('\n');
    const row = problems.find((p) => p.field.startsWith('表格['));
    if (row) expect(text[row.line - 1]).toMatch(/\d/);
    expect(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
    // A difference in the 说明 points at the line that states the figure (the 说明 wraps lines as the PDF did).
    const note = readFileSync(file.replace(/\.yaml$/, '.md'), 'utf8').split('\n');
    const inNote = problems.filter((p) => p.file.endsWith('.md'));
    expect(inNote.length).toBe(listed.filter((d) => d.startsWith('说明')).length);
    for (const p of inNote) {
      const figure = /\d+(\.\d+)?/.exec(p.message.slice(p.message.indexOf('：')))![0];
      expect(`${note[p.line - 1]}${note[p.line] ?? ''}`.replace(/\s+/g, ''), p.message).toContain(figure);
    }
  });

  it('记在“原表如此”下的差异放行；记录与差异对不上时报出', async () => {
    const id = 'sh-putuo-caizheng-2024-final';
    const listed = readmeList(id);
    const ok = folderWith(id, 'final-accounts', (doc) => {
      doc['原表如此'] = listed.map((差异) => ({ 差异, 原表如此: '原件如此印，万元两位小数分别四舍五入' }));
    });
    expect((await validateContent(ok.dir)).problems).toEqual([]);
    const stale = folderWith(id, 'final-accounts', (doc) => {
      doc['原表如此'] = [...listed.map((差异) => ({ 差异, 原表如此: '原件如此' })), { 差异: '收入决算表：合计 第 5 列 与各类之和，1.00 ≠ 2.00（差 -1.00）', 原表如此: '原件如此' }];
    });
    const problems = (await validateContent(stale.dir)).problems;
    expect(problems.map((p) => p.field)).toEqual([`原表如此[${listed.length + 1}].差异`]);
    expect(problems[0]!.message).toContain('已经没有了');
  });

  it('缺表、空表说明写错资金、缺情况说明：各报一条', async () => {
    const id = 'sh-putuo-wenlv-2026-budget';
    const { dir } = folderWith(
      id,
      'budget',
      (doc) => {
        const tables = doc['表格'] as { 名称: string; 后文?: string[] }[];
        tables.splice(tables.findIndex((t) => t.名称.includes('三公')), 1);
        const capital = tables.find((t) => t.名称.includes('国有资本经营'))!;
        capital.后文 = ['注：本单位无政府性基金预算支出，故本表无数据。'];
      },
      false,
    );
    const messages = (await validateContent(dir)).problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith('缺少“2026年部门“三公”经费和机关运行经费预算表”'))).toBe(true);
    expect(messages.some((m) => m.includes('是空表，表下的说明没有提到国有资本经营'))).toBe(true);
    expect(messages.some((m) => m.startsWith('缺少情况说明'))).toBe(true);
  });

  it.each(transcriptionIds(BUDGET_DIR))('%s：README 所列的差异记为“原表如此”后，整份文件通过（表都在，空表都有说明）', async (id) => {
    const { dir } = folderWith(id, id.endsWith('-budget') ? 'budget' : 'final-accounts', (doc) => {
      if (readmeList(id).length) doc['原表如此'] = readmeList(id).map((差异) => ({ 差异, 原表如此: '原件如此' }));
    });
    expect((await validateContent(dir)).problems).toEqual([]);
  });

  it('同一单位相邻两年：预算说明所说的上年数与上年决算对照', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-budget-'));
    dirs.push(dir);
    cpSync('content/site.yaml', join(dir, 'site.yaml'));
    const put = (id: string, name: string, note: (text: string) => string = (t) => t) => {
      const doc = parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')) as Record<string, unknown>;
      doc['原表如此'] = readmeList(id).map((差异) => ({ 差异, 原表如此: '原件如此' }));
      const folder = join(dir, String(doc['年度']), 'unit1');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${name}.yaml`), stringify(doc, { lineWidth: 0 }));
      writeFileSync(join(folder, `${name}.md`), note(readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8')));
    };
    put('sh-putuo-wenlv-2025-final', 'final-accounts');
    put('sh-putuo-wenlv-2026-budget', 'budget');
    expect((await validateContent(dir)).problems).toEqual([]);
    // The 2026 说明 saying the "三公" budget rose by 0.01 万元 contradicts the 2025 决算's 11.49.
    put('sh-putuo-wenlv-2026-budget', 'budget', (t) => t.replace('预算数为11.49万元，与2025年预算持平', '预算数为11.49万元，比2025年预算增加0.01万元'));
    const problems = (await validateContent(dir)).problems;
    expect(problems.map((p) => [p.file.endsWith('2026/unit1/budget.md'), p.message.split('。')[0]])).toEqual([[true, '2026年预算说明推出的2025年“三公”预算 11.48 万元，2025年决算“三公”表预算数 11.49 万元']]);
  });

  it('npm run new 按本省表套新建空的部门预算：每张表一个待填处，填完之前检查不通过；不知道表套时说明可用的', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-budget-'));
    dirs.push(dir);
    cpSync('content/site.yaml', join(dir, 'site.yaml'));
    const run = runCli('new', ['budget', '--content', dir, '--year', '2026', '--unit', '483001', '--region', '上海市普陀区']);
    expect(run.status, run.stderr).toBe(0);
    const written = parse(readFileSync(join(dir, '2026/483001/budget.yaml'), 'utf8')) as { 表套: string; 表格: { 名称: string }[] };
    expect(written.表套).toBe('上海市部门预算');
    expect(written.表格.map((t) => t.名称)).toContain('2026年部门“三公”经费和机关运行经费预算表');
    const problems = (await validateContent(dir)).problems;
    expect(problems.filter((p) => p.message.startsWith('尚未填写')).map((p) => p.field)).toContain('表格[1].行[1][1]');
    expect(problems.filter((p) => p.message.startsWith('尚未填写')).length).toBe(12); // 单位, 10 tables, the optional table's note
    const unknown = runCli('new', ['final-accounts', '--content', dir, '--year', '2026', '--unit', '483001', '--region', '河北省玉田县']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('上海市部门决算');
  });

  it('同一年度两个单位：同一科目编码写了不同的名称时报出', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-budget-'));
    dirs.push(dir);
    cpSync('content/site.yaml', join(dir, 'site.yaml'));
    const put = (id: string, unit: string, edit: (doc: BudgetDocument) => void = () => {}) => {
      const doc = budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
      doc.原表如此 = readmeList(id).map((差异) => ({ 差异, 原表如此: '原件如此' }));
      edit(doc);
      const folder = join(dir, String(doc.年度), unit);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'final-accounts.yaml'), stringify(doc, { lineWidth: 0 }));
      cpSync(join(BUDGET_DIR, `${id}.说明.md`), join(folder, 'final-accounts.md'));
      return doc;
    };
    const first = put('sh-putuo-shegongbu-2024-final', 'unit1');
    put('sh-putuo-guihuaziyuan-2024-final', 'unit2');
    expect((await validateContent(dir)).problems).toEqual([]);
    // Both print 2080505; unit2 names it differently in every table (so its own tables agree with each other).
    const code = '2080505';
    expect(subjectsOf(first).some((s) => s.code === code)).toBe(true);
    let renamed = 0;
    put('sh-putuo-guihuaziyuan-2024-final', 'unit2', (doc) => {
      for (const s of subjectsOf(doc).filter((x) => x.code === code)) {
        const row = doc.表格[s.table]!.行[s.row]!;
        const at = row.findIndex((cell) => cell.replace(/\s+/g, '') === s.name);
        row[at] = '机关事业单位养老保险缴费支出';
        renamed++;
      }
    });
    const problems = (await validateContent(dir)).problems;
    expect(renamed).toBeGreaterThan(1);
    expect(problems.length).toBe(renamed);
    for (const p of problems) expect(p.message).toMatch(new RegExp(`^科目 ${code} 写作“机关事业单位养老保险缴费支出”，\\S*unit1/final-accounts\\.yaml 写作“`));
    expect(problems.every((p) => p.file.endsWith('unit2/final-accounts.yaml'))).toBe(true);
  });

  it('种类与文件名不符时报出', async () => {
    const id = 'sh-putuo-wenlv-2026-budget';
    const wrong = folderWith(id, 'final-accounts', (doc) => {
      doc['原表如此'] = readmeList(id).map((差异) => ({ 差异, 原表如此: '说明用了旧的款名' }));
    });
    expect((await validateContent(wrong.dir)).problems.map((p) => p.field)).toEqual(['种类']);
  });
});
