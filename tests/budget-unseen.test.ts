// 部门预算/决算 documents laid out as this project has not seen them: made up by the project
// (tests/fixtures/budget-unseen/, README.md there — not evidence that a layout is supported), each with
// defects planted where real documents have them. `npm run import` must keep every non-empty cell of
// each, recognising every table (by title after a table number, or by its heading when it prints no
// title); `npm run validate` must report exactly the planted defects, each at its cell, note or 说明 line,
// as the README lists them; and the Excel download of the imported file must import back to the same file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { budgetDifferences } from '../src/lib/budget/budget-check.ts';
import { budgetDownloadFiles, budgetTableDownloads } from '../src/lib/outputs/budget-downloads.ts';
import { budgetEntries } from '../src/lib/site/budget-entries.ts';
import { readBudgetWorkbook } from '../src/lib/budget/budget-import.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { budgetView } from '../src/lib/views/budget-view.ts';
import { budgetDocumentSchema, type BudgetDocument } from '../src/schema/budget.ts';
import { BUDGET_UNSEEN_DIR, filesOf, readTranscription, transcriptionIds } from './fixtures/published/transcription.ts';
import { runCli } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), name));
  dirs.push(d);
  cpSync('content/site.yaml', join(d, 'site.yaml'));
  return d;
};

/** What a maintainer passes: the unit folder and the 地区 the document does not print. */
const CASES: Record<string, { unit: string; region: string; file: 'budget' | 'final-accounts'; year: number }> = {
  'unseen-zhongyang-yuan-2025-budget': { unit: '910101', region: '某省某县', file: 'budget', year: 2025 },
  'unseen-sanlie-wanyuan-2024-final': { unit: '910102', region: '某市某区', file: 'final-accounts', year: 2024 },
  'unseen-zhen-wanyuan-2025-budget': { unit: '910103', region: '某省某县', file: 'budget', year: 2025 },
};

/** The README's list: lines `- \`<id>\` \`<field or 说明 line>\` <the problem's first sentence>` under “## 放进去的缺陷”. */
function planted(): Map<string, string[]> {
  const readme = readFileSync(join(BUDGET_UNSEEN_DIR, 'README.md'), 'utf8');
  const section = readme.split('## 放进去的缺陷')[1]?.split(/\n## /)[0] ?? '';
  const byId = new Map<string, string[]>();
  for (const m of section.matchAll(/^- `([a-z0-9-]+)` `([^`]+)` (.+)$/gm)) byId.set(m[1]!, [...(byId.get(m[1]!) ?? []), `${m[2]!} ${m[3]!}`]);
  return byId;
}

/** `npm run validate`'s lines for one file, as `<field or file:line> <message up to its first “。”>`. */
function reported(stderr: string, file: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.includes(`/${file}.`))
    .map((l) => {
      const m = /([^/\s]+\.(?:yaml|md)):(\d+):\d+ {2}(\S+) {2}(.*)$/.exec(l)!;
      const where = m[1]!.endsWith('.md') ? `说明第 ${m[2]} 行` : m[3]!;
      // The message up to the advice that follows it (“。核对原件…”, or “：核对原件…”, “：说明应写明…”).
      return `${where} ${m[4]!.replace(/[。：](核对原件|说明应写明).*$/, '')}`;
    });
}

describe('没见过版式的部门预算、决算（本项目编造）', () => {
  const ids = transcriptionIds(BUDGET_UNSEEN_DIR);
  it('README 说明每份是编造的，列出每一份和它放进去的缺陷；.xlsx 由转录生成且是最新的', async () => {
    const readme = readFileSync(join(BUDGET_UNSEEN_DIR, 'README.md'), 'utf8');
    expect(readme).toContain('编造');
    expect(ids.sort()).toEqual(Object.keys(CASES).sort());
    for (const id of ids) {
      expect(readme, id).toContain(`\`${id}\``);
      expect(planted().get(id)?.length, id).toBeGreaterThan(0);
      for (const [name, bytes] of Object.entries(await filesOf(readTranscription(id, BUDGET_UNSEEN_DIR))))
        expect(Buffer.from(bytes).equals(readFileSync(join(BUDGET_UNSEEN_DIR, name))), `${name} 过期：运行 npx tsx tests/fixtures/published/transcription.ts`).toBe(true);
    }
  });

  it.each(Object.entries(CASES))('%s：npm run import 认出每张表、保留每个非空格；npm run validate 正好报出放进去的缺陷，在它的格、注或说明行；下载的 Excel 再导入得到同一个文件', async (id, c) => {
    const dir = temp('gongkai-budget-unseen-');
    const want = readTranscription(id, BUDGET_UNSEEN_DIR);
    const run = runCli('import', [join(BUDGET_UNSEEN_DIR, `${id}.xlsx`), '--content', dir, '--unit', c.unit, '--region', c.region, '--note', join(BUDGET_UNSEEN_DIR, `${id}.说明.md`)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`（${want.表格.length} 张表`);
    expect(run.stdout).not.toContain('提示：工作表');
    const path = join(dir, String(c.year), c.unit, `${c.file}.yaml`);
    const got = budgetDocumentSchema.parse(parse(readFileSync(path, 'utf8')));
    expect(got.种类).toBe(want.种类);
    expect(got.年度).toBe(want.年度);
    expect(got.单位).toBe(want.单位);
    expect(got.表格.map((t) => t.名称)).toEqual(want.表格.map((t) => t.名称));
    let cells = 0;
    want.表格.forEach((table, i) => {
      const imported = got.表格[i]!;
      table.行.forEach((row, r) =>
        row.forEach((cell, col) => {
          if (cell === '') return;
          cells++;
          expect(imported.行[r]?.[col], `${table.名称} 第 ${r + 1} 行第 ${col + 1} 列`).toBe(cell);
        }),
      );
      expect(imported.前文 ?? [], table.名称).toEqual(table.前文 ?? []);
      expect(imported.后文 ?? [], table.名称).toEqual(table.后文 ?? []);
      expect([...(imported.合并 ?? [])].sort(), table.名称).toEqual([...(table.合并 ?? [])].sort());
    });
    expect(cells).toBeGreaterThan(100);

    const check = runCli('validate', [dir]);
    expect(check.status).toBe(1);
    expect(reported(check.stderr, c.file).sort()).toEqual([...(planted().get(id) ?? [])].sort());

    // The site's Excel download of the imported file, imported again: the same file, byte for byte.
    const [entry] = budgetEntries(dir);
    if (!entry) throw new Error('导入后没有读到文件');
    const files = await budgetDownloadFiles([entry], { date: new Date('2000-01-01T00:00:00Z') });
    const workbook = join(dir, 'download.xlsx');
    writeFileSync(workbook, files.find((f) => `data/${f.file}` === budgetTableDownloads(entry).workbook)!.bytes);
    const second = temp('gongkai-budget-unseen-again-');
    const again = runCli('import', [workbook, '--content', second, '--unit', c.unit, '--region', c.region]);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(second, String(c.year), c.unit, `${c.file}.yaml`), 'utf8')).toBe(readFileSync(path, 'utf8'));
  }, 120_000);

  it('页面上每张科目表按类、款、项缩进：编码在一列、分三列印全、三列只印本级两位数，都认得出层级', async () => {
    const imported: Record<string, BudgetDocument> = {};
    for (const [id, c] of Object.entries(CASES)) {
      const read = await readXlsxGrids(readFileSync(join(BUDGET_UNSEEN_DIR, `${id}.xlsx`)));
      if ('error' in read) throw new Error(read.error);
      const got = readBudgetWorkbook(read, { 地区: c.region });
      if (!got || 'error' in got) throw new Error(`${id} 没有认出`);
      imported[id] = got.document;
    }
    const levels = (id: string, title: string) => {
      const table = budgetView(imported[id]!, '', []).tables.find((t) => t.title.endsWith(title))!;
      return table.body.filter((r) => r.level).map((r) => `${r.level} ${r.cells.map((c) => c.text).filter((x) => /\D/.test(x) && !/^[\d,.]+$/.test(x)).join('')}`.trim());
    };
    // Codes in one column (元), names indented with full-width spaces.
    expect(levels('unseen-zhongyang-yuan-2025-budget', '一般公共预算支出表').slice(0, 3)).toEqual(['1 社会保障和就业支出', '2 　行政事业单位养老支出', '3 　　机关事业单位基本养老保险缴费支出']);
    // The 基本支出表 with its economic code in one column: 类 and 款.
    expect(levels('unseen-zhongyang-yuan-2025-budget', '一般公共预算基本支出表').slice(0, 2)).toEqual(['1 工资福利支出', '2 　基本工资']);
    // 类 | 款 | 项 with only each level's own digits.
    expect(levels('unseen-sanlie-wanyuan-2024-final', '一般公共预算财政拨款支出决算表').slice(0, 4)).toEqual(['1 一般公共服务支出', '2 政府办公厅（室）及相关机构事务', '3 行政运行', '3 事业运行']);
    // 类 | 款 | 项 printed in full on every row.
    expect(levels('unseen-zhen-wanyuan-2025-budget', '一般公共预算支出表').slice(0, 3)).toEqual(['1 一般公共服务支出', '2 组织事务', '3 行政运行']);
  });

  it('款、项行只印本级两位数的“类 | 款 | 项”三列：改动一个项，它的款和类的差异都报出来', () => {
    const id = 'unseen-sanlie-wanyuan-2024-final';
    const tr = readTranscription(id, BUDGET_UNSEEN_DIR);
    // As imported: the set the importer names, the tables without their sheet names.
    const t: BudgetDocument = { 地区: tr.地区, 单位: tr.单位!, 年度: tr.年度, 种类: '部门决算', 表套: '上海市部门决算', 表格: tr.表格.map(({ 工作表: _, ...table }) => table) };
    const text = readFileSync(join(BUDGET_UNSEEN_DIR, `${id}.说明.md`), 'utf8');
    const before = budgetDifferences(t, text).map((d) => d.text);
    const general = t.表格.find((x) => x.名称.endsWith('一般公共预算财政拨款支出决算表'))!;
    const row = general.行.find((r) => r[2] === '01' && r[3] === '行政运行')!;
    row[4] = '512.37';
    row[5] = '512.37';
    const after = budgetDifferences(t, text).map((d) => d.text);
    expect(after.filter((d) => !before.includes(d))).toEqual([
      '附表5 一般公共预算财政拨款支出决算表：20103 政府办公厅（室）及相关机构事务 第 5 列 与其下各项之和，598.76 ≠ 598.77（差 -0.01）',
      '附表5 一般公共预算财政拨款支出决算表：20103 政府办公厅（室）及相关机构事务 第 6 列 与其下各项之和，598.76 ≠ 598.77（差 -0.01）',
    ]);
  });
});
