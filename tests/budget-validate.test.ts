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
import { BUDGET_DIR, transcriptionIds } from './fixtures/published/transcription.ts';

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

  it('种类与文件名不符时报出', async () => {
    const id = 'sh-putuo-wenlv-2026-budget';
    const wrong = folderWith(id, 'final-accounts', (doc) => {
      doc['原表如此'] = readmeList(id).map((差异) => ({ 差异, 原表如此: '说明用了旧的款名' }));
    });
    expect((await validateContent(wrong.dir)).problems.map((p) => p.field)).toEqual(['种类']);
  });
});
