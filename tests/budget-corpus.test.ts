// The corpus of real 部门决算/部门预算 documents (tests/fixtures/budget/): every arithmetic identity the
// documents assert is recomputed by the checker `npm run validate` runs (src/lib/budget/budget-check.ts),
// and the differences found must be exactly the ones tests/fixtures/budget/README.md lists — so the README
// cannot drift from the documents, the checker finds no more and no less, and a transcription slip shows
// up as a difference nobody listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { budgetDifferences, lastYearDifferences as lastYear } from '../src/lib/budget/budget-check.ts';
import { budgetDocumentSchema, type BudgetDocument } from '../src/schema/budget.ts';
import { BUDGET_TABLE_KINDS } from '../src/schema/budget-tables.ts';
import { BUDGET_DIR, filesOf, readTranscription, transcriptionIds } from './fixtures/published/transcription.ts';

/** A corpus document read through the content schema (it must be valid content), and its 说明. */
function doc(id: string): BudgetDocument {
  return budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
}
const differences = (t: BudgetDocument, text: string) => budgetDifferences(t, text).filter((d) => !d.notice).map((d) => d.text);

/** The README's list: lines `- \`<id>\` <difference>` under “## 重算出的差异” (or another section). */
function listed(heading = '重算出的差异'): Map<string, string[]> {
  const readme = readFileSync(join(BUDGET_DIR, 'README.md'), 'utf8');
  const section = readme.split(`## ${heading}`)[1]?.split(/\n## /)[0] ?? '';
  const byId = new Map<string, string[]>();
  for (const m of section.matchAll(/^- `([a-z0-9-]+)` (.+)$/gm)) byId.set(m[1]!, [...(byId.get(m[1]!) ?? []), m[2]!]);
  return byId;
}

describe('部门预算/决算语料', () => {
  const ids = transcriptionIds(BUDGET_DIR);
  it('每份文件都有正文转录，README 列出了它', () => {
    const readme = readFileSync(join(BUDGET_DIR, 'README.md'), 'utf8');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8').length, id).toBeGreaterThan(500);
      expect(readme, id).toContain(`\`${id}.yaml\``);
    }
  });
  it.each(ids)('%s：.xlsx 是由转录生成的最新版本', async (id) => {
    for (const [name, bytes] of Object.entries(await filesOf(readTranscription(id, BUDGET_DIR))))
      expect(Buffer.from(bytes).equals(readFileSync(join(BUDGET_DIR, name))), `${name} 过期：运行 npx tsx tests/fixtures/published/transcription.ts`).toBe(true);
  });
  it('改动一格，重算就多出一条差异', () => {
    const id = 'sh-putuo-shegongbu-2024-final';
    const t = doc(id);
    const text = readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8');
    const before = differences(t, text);
    const table = t.表格.find((x) => x.名称 === '支出决算表')!;
    const row = table.行.find((r) => r[0] === '2013901')!;
    row[2] = '51.33'; // 行政运行 本年支出合计 51.32 → 51.33
    const after = differences(t, text);
    expect(after.filter((d) => !before.includes(d))).toEqual([
      '支出决算表：20139 社会工作事务 第 3 列 与其下各项之和，264.87 ≠ 264.88（差 -0.01）',
      '支出决算表：2013901 行政运行 第 3 列 与其后各列之和，51.33 ≠ 51.32（差 0.01）',
    ]);
  });
  it('每种表断言哪些恒等式是数据：从收入表的描述里去掉“款项层级”，收入决算表的层级差异就不再报', () => {
    const id = 'sh-putuo-caizheng-2024-final';
    const text = readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8');
    const kind = BUDGET_TABLE_KINDS.收入表;
    const before = differences(doc(id), text);
    const saved = kind.identities;
    kind.identities = saved.filter((x) => x !== '款项层级');
    try {
      expect(before.filter((d) => !differences(doc(id), text).includes(d))).toEqual([
        '收入决算表：合计 第 5 列 与各类之和，2946.25 ≠ 2946.26（差 -0.01）',
        '收入决算表：合计 第 6 列 与各类之和，2940.05 ≠ 2940.06（差 -0.01）',
      ]);
    } finally {
      kind.identities = saved;
    }
  });
  it('金额单位按表上印的读：决算各表改以元印，说明里的万元数照样对得上', () => {
    const id = 'sh-putuo-guihuaziyuan-2024-final';
    const t = doc(id);
    const text = readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8');
    const inYuan = structuredClone(t);
    for (const table of inYuan.表格) {
      table.前文 = (table.前文 ?? []).map((line) => line.replace('单位：万元', '单位：元'));
      // Amounts print two decimals; codes and labels none.
      table.行 = table.行.map((row) => row.map((cell) => (/^-?[\d,]+\.\d{2}$/.test(cell) ? (Number(cell.replace(/,/g, '')) * 10_000).toFixed(2) : cell)));
    }
    const aboutNote = (ds: string[]) => ds.filter((d) => d.startsWith('说明'));
    expect(aboutNote(differences(inYuan, text)).length).toBeGreaterThan(3);
    expect(aboutNote(differences(inYuan, text))).toEqual(aboutNote(differences(t, text)));
  });
  it('同一单位相邻两年：预算说明所说的上年预算与上年决算相符', () => {
    const docs = ids.map((id) => ({ id, t: doc(id), text: readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8') }));
    const unit = (t: BudgetDocument) => `${t.地区}/${(t.单位 ?? '').replace(/（.*$/, '')}`;
    const pairs = docs.flatMap((b) => (b.t.种类 === '部门预算' ? docs.filter((f) => f.t.种类 === '部门决算' && f.t.年度 === b.t.年度 - 1 && unit(f.t) === unit(b.t)).map((f) => [b, f] as const) : []));
    expect(pairs.map(([b, f]) => `${b.id}←${f.id}`)).toEqual(['sh-putuo-wenlv-2026-budget←sh-putuo-wenlv-2025-final']);
    for (const [b, f] of pairs) {
      const { compared, out } = lastYear(b.t, b.text, f.t, f.text);
      expect(compared, `${b.id} 与 ${f.id}：核对的项数`).toBe(2);
      expect(out).toEqual([]);
      // The same check sees a changed figure: last year's "三公" 预算数 one 分 higher.
      const changed = structuredClone(f.t);
      const three = changed.表格.find((t) => t.名称.includes('三公'))!;
      three.行[three.行.findIndex((r) => r[0] === '预算数') + 1]![0] = '11.50';
      expect(lastYear(b.t, b.text, changed, f.text).out).toEqual(['2026年预算说明推出的2025年“三公”预算 11.49 万元，2025年决算“三公”表预算数 11.50 万元']);
    }
  });
  it.each(ids)('%s：重算出的差异正是 README 所列；说明里未能核对的句子也正是 README 所列', (id) => {
    const t = doc(id);
    const text = readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8');
    expect(differences(t, text)).toEqual(listed().get(id) ?? []);
    expect(budgetDifferences(t, text).filter((d) => d.notice).map((d) => d.text)).toEqual(listed('未能核对的句子').get(id) ?? []);
  });
});
