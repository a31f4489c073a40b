// npm run check:disclosure over the real budget corpus (tests/fixtures/budget/) put into a temporary
// repository whose git history is made up: the 批复日期 and the commit dates below are invented for the
// test (none of the seven documents prints its dates) — they only decide the 公开时限 rows. Everything
// else the report says comes from the documents as published: the empty fund tables with their notes,
// and every difference the corpus README lists, under the identity that finds it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { budgetDifferences } from '../src/lib/budget/budget-check.ts';
import { daysBetween, DISCLOSURE_COLUMNS, DISCLOSURE_DAYS } from '../src/lib/budget/budget-disclosure.ts';
import { firstCommitted, shareFirstCommitted, sharedFirstCommitted } from '../src/lib/history/history.ts';
import { disclosureCsv, disclosurePages, yearDisclosure } from '../src/lib/outputs/budget-downloads.ts';
import { budgetEntries } from '../src/lib/site/budget-entries.ts';
import { readCsv } from '../src/lib/outputs/tables.ts';
import { siteMap, mapPages } from '../src/lib/views/site-map.ts';
import { budgetDocumentSchema } from '../src/schema/budget.ts';
import { BUDGET_DIR } from './fixtures/published/transcription.ts';
import { ROOT, runCli } from './helpers.ts';

let dir: string;
let content: string;

function git(args: string[], date?: string) {
  const env = { ...process.env, GIT_AUTHOR_NAME: '财政所', GIT_AUTHOR_EMAIL: 'czs@example.org', GIT_COMMITTER_NAME: '财政所', GIT_COMMITTER_EMAIL: 'czs@example.org', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env });
}
const commit = (date: string, message: string) => {
  git(['add', '-A']);
  git(['commit', '-q', '-m', message], date);
};

/** A corpus document put in a unit's folder, with the lines given put after its 种类 line (made-up dates). */
function place(id: string, unit: string, extra: string) {
  const want = budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
  const name = want.种类 === '部门预算' ? 'budget' : 'final-accounts';
  const folder = join(content, String(want.年度), unit);
  mkdirSync(folder, { recursive: true });
  const text = readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8').replace(/^种类: .*$/m, (line) => `${line}\n${extra}`);
  writeFileSync(join(folder, `${name}.yaml`), text);
  cpSync(join(BUDGET_DIR, `${id}.说明.md`), join(folder, `${name}.md`));
  return join(folder, `${name}.yaml`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-disclosure-'));
  content = join(dir, 'content');
  mkdirSync(content);
  cpSync(join(ROOT, 'content/site.yaml'), join(content, 'site.yaml'));
  git(['init', '-q', '-b', 'main']);
  // 2026 预算: approved 2026-01-20, first committed 2026-01-25 (5 days), edited later (the first day counts).
  const budget = place('sh-putuo-wenlv-2026-budget', 'wenlv', '批复日期: "2026-01-20"');
  commit('2026-01-25T10:00:00+08:00', '发布2026年部门预算');
  writeFileSync(budget, readFileSync(budget, 'utf8').replace(/^来源: "(.*)"$/m, (_, url: string) => `来源: "${url}#page=1"`));
  commit('2026-03-01T10:00:00+08:00', '补来源');
  // 2025 决算: approved 2026-06-01, first committed 2026-07-15 (44 days: late).
  place('sh-putuo-wenlv-2025-final', 'wenlv', '批复日期: "2026-06-01"');
  commit('2026-07-15T10:00:00+08:00', '发布2025年部门决算');
  // 2024 决算 without 批复日期, its unit's name beginning with = (a spreadsheet would run it).
  const three = place('sh-putuo-shegongbu-2024-final', 'shegongbu', '');
  writeFileSync(three, readFileSync(three, 'utf8').replace(/^单位: .*$/m, '单位: "=HYPERLINK(\\"http://example.org\\")社会工作部"'));
  // 2024 决算 with 公开日期 (published on the government site before this one): that date counts.
  place('sh-putuo-guihuaziyuan-2024-final', 'guihua', '批复日期: "2025-07-01"\n公开日期: "2025-07-18"');
  commit('2025-12-01T10:00:00+08:00', '补录2024年部门决算');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check:disclosure', () => {
  it('逐单位列出每张表、情况说明、每条核对和公开时限，每行写明依据；有不符合的项时退出码为 1；CSV 防公式', () => {
    const csv = join(dir, '公开情况.csv');
    const run = runCli('check-disclosure', [content, '--csv', csv]);
    expect(run.status, run.stderr).toBe(1);
    const out = run.stdout;
    expect(out).toContain('✓ 公开时限：符合。批复日期 2026-01-20，首次发布（git 记录） 2026-01-25，相隔 5 日');
    expect(out).toContain(`✗ 公开时限：逾期。批复日期 2026-06-01，首次发布（git 记录） 2026-07-15，相隔 44 日，超过 ${DISCLOSURE_DAYS} 日`);
    expect(out).toContain('✓ 公开时限：符合。批复日期 2025-07-01，公开日期（文件所记） 2025-07-18，相隔 17 日');
    expect(out).toMatch(/✗ 公开时限：无法计算。文件没有写批复日期.*首次发布（git 记录） 2025-12-01/);
    // The 2026 budget's two empty fund tables, each with its note naming its fund (as published).
    expect(out).toMatch(/✓ 2026年部门政府性基金预算支出功能分类预算表：空表，有说明。.*政府性基金/);
    expect(out).toMatch(/✓ 2026年部门国有资本经营预算支出功能分类预算表：空表，有说明。.*国有资本经营/);

    const rows = readCsv(readFileSync(csv, 'utf8'));
    expect(rows[0]).toEqual([...DISCLOSURE_COLUMNS]);
    const body = rows.slice(1).map((r) => Object.fromEntries(DISCLOSURE_COLUMNS.map((c, i) => [c, r[i]!])) as Record<(typeof DISCLOSURE_COLUMNS)[number], string>);
    // Every row cites its rule; every 公开时限 row the law.
    expect(body.filter((r) => r.依据 === '')).toEqual([]);
    const deadlines = body.filter((r) => r.项目 === '公开时限');
    expect(deadlines).toHaveLength(4);
    for (const r of deadlines) expect(r.依据).toMatch(/预算法》第十四条.*预算法实施条例》第六条.*二十日内/);
    // The CSV read back gives the unit's name as written; on disk its cell starts with the text mark.
    expect(body.some((r) => r.单位 === '=HYPERLINK("http://example.org")社会工作部')).toBe(true);
    expect(readFileSync(csv, 'utf8')).toContain(`"'=HYPERLINK(""http://example.org"")社会工作部"`);
    expect(readFileSync(csv, 'utf8')).not.toMatch(/(^|,)"?=HYPERLINK/m);

    // Each difference the checker finds in a document is in the report, under an identity, and 不符.
    for (const [id, unit, year, kind] of [['sh-putuo-wenlv-2025-final', 'wenlv', '2025', '部门决算'], ['sh-putuo-guihuaziyuan-2024-final', 'guihua', '2024', '部门决算']] as const) {
      const doc = budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
      const found = budgetDifferences(doc, readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8'));
      expect(found.length, id).toBeGreaterThan(0);
      const failing = body.filter((r) => r.年度 === year && r.种类 === kind && r.单位 === doc.单位 && r.结果 === '不符');
      const said = failing.map((r) => r.情况).join('；');
      for (const d of found) expect(said, `${unit}: ${d.text}`).toContain(d.text);
      // The difference sits under the identity that found it.
      for (const d of found) expect(failing.find((r) => r.情况.includes(d.text))!.项目, d.text).toBe(d.identity);
    }
    // A check its tables pass is listed as passed.
    expect(body.filter((r) => r.年度 === '2026' && r.项目 === '三公构成').map((r) => r.结果)).toEqual(['符合']);
  });

  it('记在“原表如此”下的差异不算不符；都符合时退出码为 0；--year 只报这一年', () => {
    // The 2026 budget with each of its differences recorded (as staff would after checking the original).
    const file = join(content, '2026/wenlv/budget.yaml');
    const before = readFileSync(file, 'utf8');
    const doc = budgetDocumentSchema.parse(parse(before));
    const found = budgetDifferences(doc, readFileSync(join(content, '2026/wenlv/budget.md'), 'utf8'));
    // Its 说明 names two 项 its tables do not print (tests/fixtures/budget/README.md).
    expect(found.map((d) => d.identity)).toEqual(['说明对表', '说明对表']);
    const recorded = `\n原表如此:\n${found.map((d) => `  - 差异: ${JSON.stringify(d.text)}\n    原表如此: "原件如此（测试所加的记录）"`).join('\n')}\n`;
    writeFileSync(file, before + recorded);
    try {
      const run = runCli('check-disclosure', [content, '--year', '2026']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).not.toContain('2025 年');
      expect(run.stdout).toMatch(/全部符合/);
      expect(run.stdout).toMatch(/✓ 说明对表：原表如此。.*原件如此（测试所加的记录）/);
    } finally {
      writeFileSync(file, before);
    }
  });

  it('公开情况页（及其 CSV）与命令列出的相同，不依赖生成的日期；网站地图列出有预算文件的年度的公开情况页', () => {
    const csv = join(dir, '2025.csv');
    runCli('check-disclosure', [content, '--year', '2025', '--csv', csv]);
    const entries = budgetEntries(content);
    expect(disclosureCsv(yearDisclosure(entries, 2025, firstCommitted(content)))).toBe(readFileSync(csv, 'utf8'));
    const map = siteMap({ all: [], updated: '2026-01-01T00:00:00Z', aboutFile: 'about.md', dateOf: () => '2026-01-01T00:00:00Z', disclosure: disclosurePages(entries) });
    expect(map.years.map((y) => [y.year, y.disclosure?.path])).toEqual([[2026, '2026/disclosure/'], [2025, '2025/disclosure/'], [2024, '2024/disclosure/']]);
    expect(mapPages(map).map((p) => p.label)).toContain('2025年部门预算、决算公开情况');
    // Without budget files nothing is added.
    expect(siteMap({ all: [], updated: '2026-01-01T00:00:00Z', aboutFile: 'about.md', dateOf: () => '2026-01-01T00:00:00Z' }).years).toEqual([]);
  });

  it('页面用 build.ts 读好并共享的首次提交日期（不在页面里运行 git）；没有共享时（npm run dev）自己读一次', () => {
    const read = firstCommitted(content);
    expect(sharedFirstCommitted(content)).toEqual(read);
    // Shared by the build: the pages take exactly that map, whatever git says.
    const shared = new Map([[join(content, 'x.yaml'), '2026-01-01T00:00:00+08:00']]);
    shareFirstCommitted(content, shared);
    expect(sharedFirstCommitted(content)).toBe(shared);
    // Another folder is not answered with this one's dates.
    expect(sharedFirstCommitted(join(dir, 'elsewhere'))).toEqual(new Map());
    shareFirstCommitted(content, read);
  });

  it('天数按日历日计算', () => {
    expect(daysBetween('2026-01-20', '2026-02-09')).toBe(20);
    expect(daysBetween('2024-02-20', '2024-03-01')).toBe(10);
  });
});
