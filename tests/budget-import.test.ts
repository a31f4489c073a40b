// `npm run import` of a 部门预算/决算 workbook (one sheet per table, title rows above, notes below): over
// the whole budget corpus every non-empty cell lands in the YAML at its place, with the titles, the lines
// above and under each table and the merges; a sheet without its title is recognised by its heading;
// a 绩效 table's workbook is not taken for a budget; the command writes files that validate finds the
// corpus's differences in.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sourceTextToDocx } from '../src/lib/office/docx-writer.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBudgetWorkbook } from '../src/lib/budget/budget-import.ts';
import { budgetDocumentSchema } from '../src/schema/budget.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import type { GridFile } from '../src/lib/office/grid.ts';
import { BUDGET_DIR, PUBLISHED_DIR, transcriptionIds } from './fixtures/published/transcription.ts';
import { runCli } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function workbook(path: string): Promise<GridFile> {
  const read = await readXlsxGrids(readFileSync(path));
  if ('error' in read) throw new Error(read.error);
  return read;
}

describe('导入部门预算、决算（每张表一个工作表）', () => {
  it.each(transcriptionIds(BUDGET_DIR))('%s：每个非空格都在导入的 YAML 里的原位，表名、前文、后文、合并照旧', async (id) => {
    const want = budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
    const got = readBudgetWorkbook(await workbook(join(BUDGET_DIR, `${id}.xlsx`)));
    if (!got || 'error' in got) throw new Error(`没有认出：${JSON.stringify(got)}`);
    expect(got.document.种类).toBe(want.种类);
    expect(got.document.年度).toBe(want.年度);
    expect(got.unknown).toEqual([]);
    expect(got.document.表格.map((t) => t.名称)).toEqual(want.表格.map((t) => t.名称));
    let cells = 0;
    want.表格.forEach((table, i) => {
      const imported = got.document.表格[i]!;
      table.行.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === '') return;
          cells++;
          expect(imported.行[r]?.[c], `${table.名称} 第 ${r + 1} 行第 ${c + 1} 列`).toBe(cell);
        }),
      );
      // Nothing added: the imported cells beyond the transcription's are empty (rows are padded to the widest).
      expect(imported.行.flatMap((row, r) => row.filter((x, c) => x !== '' && table.行[r]?.[c] !== x))).toEqual([]);
      expect(imported.前文 ?? [], table.名称).toEqual(table.前文 ?? []);
      expect(imported.后文 ?? [], table.名称).toEqual(table.后文 ?? []);
      expect([...(imported.合并 ?? [])].sort(), table.名称).toEqual([...(table.合并 ?? [])].sort());
    });
    expect(cells).toBeGreaterThan(100);
  });

  it('没有表名的工作表按表头认出；决算的两种基金表表头相同，按表头认不出的照原样保留并列出', async () => {
    const file = await workbook(join(BUDGET_DIR, 'sh-putuo-wenlv-2025-final.xlsx'));
    /** The sheet without the lines above its table (up to “单位：万元”), renamed as a sheet of no name. */
    const strip = (i: number) => {
      const grid = file.grids[i]!;
      grid.rows.splice(0, grid.rows.findIndex((row) => row.some((cell) => cell?.text.includes('单位'))) + 1);
      grid.name = `Sheet${i + 1}`;
    };
    const three = file.grids.findIndex((g) => g.name.includes('三公'));
    const fund = file.grids.findIndex((g) => g.name.includes('政府性基金'));
    strip(three);
    strip(fund);
    const got = readBudgetWorkbook(file);
    if (!got || 'error' in got) throw new Error('没有认出');
    expect(got.recognised.filter((r) => r.by === '表头')).toEqual([{ sheet: `Sheet${three + 1}`, title: '财政拨款“三公”经费支出决算表', by: '表头' }]);
    expect(got.unknown).toEqual([`Sheet${fund + 1}`]);
    // The budget's fund table prints its own heading (政府性基金预算支出): recognised too.
    const budget = await workbook(join(BUDGET_DIR, 'sh-putuo-wenlv-2026-budget.xlsx'));
    const budgetFund = budget.grids.findIndex((g) => g.name.includes('政府性基金'));
    budget.grids[budgetFund]!.rows.splice(0, 2);
    budget.grids[budgetFund]!.name = 'Sheet6';
    const read = readBudgetWorkbook(budget);
    if (!read || 'error' in read) throw new Error('没有认出');
    expect(read.recognised.filter((r) => r.by === '表头')).toEqual([{ sheet: 'Sheet6', title: '2026年部门政府性基金预算支出功能分类预算表', by: '表头' }]);
  });

  it('编制部门和“单位：元”分印在一行的两端时，仍是前文', async () => {
    const file = await workbook(join(BUDGET_DIR, 'sh-putuo-jianguanwei-2026-budget.xlsx'));
    const grid = file.grids[0]!;
    const width = grid.rows[1]!.length;
    grid.rows[1] = Array.from({ length: width }, (_, c) => ({ text: c === 0 ? '编制部门：上海市普陀区建设和管理委员会' : c === width - 1 ? '单位：元' : '' }));
    const got = readBudgetWorkbook(file);
    if (!got || 'error' in got) throw new Error('没有认出');
    expect(got.document.表格[0]!.前文).toEqual(['2026年部门财务收支预算总表', '编制部门：上海市普陀区建设和管理委员会 单位：元']);
    expect(got.document.表格[0]!.行[0]).toEqual(['本年收入', '', '本年支出', '']);
  });

  it('绩效目标表、自评表的工作簿不会被当作部门预算', async () => {
    const files = transcriptionIds(PUBLISHED_DIR);
    expect(files.length).toBeGreaterThan(20);
    for (const id of files) expect(readBudgetWorkbook(await workbook(join(PUBLISHED_DIR, `${id}.xlsx`))), id).toBeUndefined();
  });

  it('npm run import 写出 final-accounts.yaml 和 .md（说明来自文本或 Word），npm run validate 在格上报出差异', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-budget-import-'));
    dirs.push(dir);
    cpSync('content/site.yaml', join(dir, 'site.yaml'));
    const id = 'sh-putuo-shegongbu-2024-final';
    const run = runCli('import', [join(BUDGET_DIR, `${id}.xlsx`), '--content', dir, '--unit', '483001', '--region', '上海市普陀区', '--note', join(BUDGET_DIR, `${id}.说明.md`)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已导入上海市部门决算（9 张表）');
    const written = budgetDocumentSchema.parse(parse(readFileSync(join(dir, '2024/483001/final-accounts.yaml'), 'utf8')));
    expect(written.单位).toBe('中共上海市普陀区委社会工作部');
    expect(readFileSync(join(dir, '2024/483001/final-accounts.md'), 'utf8')).toBe(readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8'));
    // The 说明 from Word: each paragraph a Markdown paragraph, the checks find the same differences in it.
    const docx = join(dir, '说明.docx');
    writeFileSync(docx, await sourceTextToDocx(readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8'), { date: new Date('2000-01-01T00:00:00Z') }));
    const again = runCli('import', [join(BUDGET_DIR, `${id}.xlsx`), '--content', dir, '--unit', '483001', '--region', '上海市普陀区', '--note', docx]);
    expect(again.status, again.stderr).toBe(0);
    const fromWord = readFileSync(join(dir, '2024/483001/final-accounts.md'), 'utf8');
    const paragraphs = (text: string) => text.split('\n').filter((l) => l.trim() !== '').map((l) => l.trimEnd());
    expect(paragraphs(fromWord)).toEqual(paragraphs(readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8')));
    const check = runCli('validate', [dir]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/final-accounts\.yaml:\d+:\d+  表格\[6\]\.行\[\d+\]\[\d+\]  一般公共预算财政拨款基本支出决算表：302 商品和服务支出 与其下各款之和，10\.23 ≠ 10\.22/);
    expect(check.stderr).toContain('发现 5 个问题');
  });
});
