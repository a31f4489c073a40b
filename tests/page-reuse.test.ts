// A build reuses the project pages of unit-years that did not change (src/lib/build/page-reuse.ts), and
// what it publishes is exactly what rendering every page would publish: after no change, after an
// edit in one unit-year that other years' pages link to, and with a damaged cache entry.
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCacheDirOf } from '../src/lib/build/page-reuse.ts';
import { ROOT, runCli } from './helpers.ts';

const WORK = join(ROOT, '.test-dist', 'page-reuse');
const CONTENT = join(WORK, 'content');
const CACHE = join(ROOT, pageCacheDirOf(CONTENT));
// The 2024 table that continues a 2023 one through 上年项目编码: the 2023 page names it.
const EDITED = join(CONTENT, '2024/483001/projects/02-13022924P00JXC4155606.yaml');
const LINKING_PAGE = '2023/483001/projects/13022923P00JXC4155606/index.html';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex');
  }
  return out;
}

function build(name: string): { out: string; stdout: string } {
  const out = join(WORK, name);
  const result = runCli('build', [], { GONGKAI_CONTENT: CONTENT, GONGKAI_OUT: out });
  expect(result.status, result.stderr).toBe(0);
  return { out, stdout: result.stdout };
}

const reusedLine = (stdout: string) => /(\d+) 个单位年度的项目页与上次生成时相同，直接沿用（共 (\d+) 个）/.exec(stdout)?.slice(1).map(Number) ?? [0];

describe('project pages reused between builds', () => {
  rmSync(WORK, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
  cpSync(join(ROOT, 'content'), CONTENT, { recursive: true, preserveTimestamps: true });
  cpSync(join(ROOT, 'tests/fixtures/county/content'), CONTENT, { recursive: true, preserveTimestamps: true });
  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  it('reuses every unit-year when nothing changed, byte for byte', () => {
    const cold = build('cold');
    expect(reusedLine(cold.stdout)).toEqual([0]);
    const warm = build('warm');
    expect(reusedLine(warm.stdout)).toEqual([3, 3]);
    expect(digests(warm.out)).toEqual(digests(cold.out));
  }, 120_000);

  it('renders the edited unit-year and the years whose pages name the edited table, and nothing else', () => {
    writeFileSync(EDITED, readFileSync(EDITED, 'utf8').replace('项目名称: 2022年人饮井更新', '项目名称: 2022年人饮井更新改造'));
    const edited = build('edited');
    // 2024/483002 only: 2024/483001 has the edit, 2023/483001 links to the renamed table.
    expect(reusedLine(edited.stdout)).toEqual([1, 3]);
    expect(readFileSync(join(edited.out, LINKING_PAGE), 'utf8')).toContain('2024年“2022年人饮井更新改造”');
    rmSync(CACHE, { recursive: true, force: true });
    const fresh = build('fresh');
    expect(reusedLine(fresh.stdout)).toEqual([0]);
    expect(digests(edited.out)).toEqual(digests(fresh.out));
  }, 120_000);

  it('renders a unit-year again when its cache entry is damaged', () => {
    const entries = readdirSync(CACHE);
    expect(entries).toHaveLength(3);
    const damaged = join(CACHE, entries[0]!, readdirSync(join(CACHE, entries[0]!), { recursive: true }).map(String).find((f) => f.endsWith('index.html'))!);
    // The entry's pages are hard links to the last site's: damage a copy, not the published page.
    const bytes = readFileSync(damaged);
    rmSync(damaged);
    writeFileSync(damaged, bytes);
    appendFileSync(damaged, '<!-- changed -->');
    const again = build('again');
    expect(reusedLine(again.stdout)).toEqual([2, 3]);
    expect(digests(again.out)).toEqual(digests(join(WORK, 'fresh')));
    expect(readFileSync(join(again.out, relative(join(CACHE, entries[0]!), damaged)), 'utf8')).not.toContain('<!-- changed -->');
  }, 120_000);

  it('renders every unit-year again when a file of the whole site changes (about.md: the 名词解释 under every table)', () => {
    const about = join(CONTENT, 'about.md');
    writeFileSync(about, readFileSync(about, 'utf8').replace('这笔预算资金用来做什么', '这笔预算资金用来做什么，照批复原文'));
    const changed = build('about');
    expect(reusedLine(changed.stdout)).toEqual([0]);
    expect(readFileSync(join(changed.out, LINKING_PAGE), 'utf8')).toContain('这笔预算资金用来做什么，照批复原文');
  }, 120_000);
});
