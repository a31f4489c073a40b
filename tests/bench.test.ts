// npm run bench as a maintainer runs it, on a county small enough for every test run: it must
// finish, leave nothing behind, and print every figure of its table with a number — with --budgets,
// also the second build's, every unit with a 部门预算 and a 部门决算. No figure is compared with a bound:
// how fast this machine is, is not what the test checks.
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('npm run bench', () => {
  it('builds a synthetic county cold and warm (one project edited), and cold again with every unit’s 部门预算 and 部门决算, and prints the table: stages, memory of every process, sizes, index, three first searches, page weight, weight before a phone’s first paint, ratio, the budgets’ cost', () => {
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('gongkai-bench-')));
    const run = runCli('bench', ['--projects', '12', '--units', '2', '--versions', '3', '--budgets']);
    expect(run.stderr.split('\n').filter((l) => /✗|Error/.test(l))).toEqual([]);
    expect(run.status).toBe(0);
    const out = run.stdout;
    const row = (label: string) => out.split('\n').find((l) => l.includes(label)) ?? `(no row ${label})`;
    const seconds = /\d+\.\d\d s/;
    for (const label of ['检查 validate', '构建 build 冷 cold', '其中 检查 validate', '其中 Astro 页面', '其中 索引 Pagefind', '其中 文件 files', '热构建 warm build', '最小站点 minimal Astro']) expect(row(label)).toMatch(seconds);
    // Memory is sampled from /proc every 50 ms: Node runs the whole stage and is always seen, but
    // Pagefind may index 12 projects faster than one sampling interval, and then prints "—".
    const memory = /· \d+\.\d MB（Node \d+\.\d MB，Pagefind (\d+\.\d MB|—)）/;
    expect(row('构建 build 冷 cold')).toMatch(memory);
    expect(row('热构建 warm build')).toMatch(memory);
    // The downloads and content files are written beside Astro, then moved into its output.
    expect(row('其中 文件 files')).toMatch(/\d+\.\d\d s（与 Astro 同时进行；移入 \d+\.\d\d s）$/);
    expect(row('其中 检查 · Astro · 索引 · 文件')).toMatch(/^.*\d+\.\d\d s · \d+\.\d\d s · \d+\.\d\d s · \d+\.\d\d s$/);
    // Every process of every stage: validate, cold build, warm build, minimal site.
    const processes = out.split('\n').filter((l) => l.includes('各进程 processes'));
    expect(processes).toHaveLength(4);
    for (const line of processes) expect(line).toMatch(/node \d+\.\d MB.*（共 \d+ 个进程）$/);
    // A Pagefind process, when the sampler caught one, is named with a figure that parses.
    for (const line of processes.filter((l) => l.includes('pagefind'))) expect(line).toMatch(/pagefind \d+\.\d MB/);
    // The warm build shows the edit in its downloads (the cache served no stale bytes).
    expect(row('编辑 edit')).toMatch(/的第一条指标值改为 .+：JSON 与 XLSX 已更新$/);
    expect(row('构建倍数')).toMatch(/冷 \d+\.\d\d × · 热 \d+\.\d\d ×/);
    // 12 projects and their posters, 2 units (overview, department, indicators, poster each), the
    // year overview of the county, and home, about, search, data, updates, 网站地图 and 404; and the
    // version pages: 3 of each project, 1 of each department (the commits change projects only).
    expect(row('HTML 页面 pages')).toMatch(/\s78$/); // 12 × 2 + 2 × 4 + 1 + 7 + 12 × 3 + 2
    expect(row('修订记录 history')).toMatch(/^.*每张表 3 个版本 · 读取 git \d+\.\d\d s（热构建 \d+\.\d\d s）· 版本页 38 个$/);
    // The edited project's unit is rendered again, the other unit's project pages are reused.
    expect(row('沿用项目页 reused project pages')).toMatch(/1 \/ 2 个单位年度/);
    expect(row('最小站点 minimal Astro')).toContain('（12 页）');
    expect(row('搜索索引 search index')).toMatch(/\d+\.\d\d s · \d+\.\d MB（dist\/pagefind，\d+ 个文件）/);
    // Three first searches: frequent, rare (a word that occurs in some project), with a filter.
    const searches = out.split('\n').filter((l) => l.includes('首次搜索 first search'));
    expect(searches).toHaveLength(3);
    for (const line of searches) expect(line).toMatch(/\d+\.\d KB（\d+ 个请求；其中 Pagefind \d+\.\d KB，\d+ 个文件）$/);
    expect(searches[0]).toContain('「垃圾清运」常见');
    expect(searches[1]).toMatch(/「\S{4}」少见（[1-9]\d* 个项目）/);
    expect(searches[2]).toContain('「满意度」年度=2023');
    expect(row('项目页 project page')).toMatch(/= HTML \d+\.\d KB \+ CSS \d+\.\d KB \+ JS \d+\.\d KB/);
    expect(row('手机首次绘制前')).toMatch(/首页 \d+\.\d KB · 单位概览 \d+\.\d KB · 项目页 \d+\.\d KB（HTML \+ CSS \+ JS，375×667）/);
    // --budgets: the same county with a 部门预算 and a 部门决算 per unit (validated: the build would stop
    // otherwise), built cold in folders of its own; what they add, in time, pages and bytes.
    expect(row('  生成 generate')).toMatch(/4 份 · \d+\.\d\d s（内容多 \d+\.\d MB）$/);
    expect(row('检查 validate 含预算决算')).toMatch(/\d+\.\d\d s · \d+\.\d MB（不含：\d+\.\d\d s）$/);
    expect(row('构建 build 冷 cold 含预算决算')).toMatch(memory);
    expect(row('含预算决算 检查 · Astro · 索引 · 文件')).toMatch(/\d+\.\d\d s · \d+\.\d\d s · \d+\.\d\d s · \d+\.\d\d s$/);
    expect(row('预算决算的代价 cost')).toMatch(/[+-]\d+\.\d\d s（[+-]\d+\.\d %），不含：\d+\.\d\d s$/);
    // CPU seconds of each build's process tree (/proc/self/stat of the bench: its waited-for children).
    expect(row('CPU 用时 CPU time 不含 · 含预算决算')).toMatch(/\d+\.\d\d s · \d+\.\d\d s$/);
    expect(row('预算决算的代价 CPU cost')).toMatch(/[+-]\d+\.\d\d s（[+-]\d+\.\d %），不含：\d+\.\d\d s$/);
    // Each unit's 部门预算 and 部门决算 page, and the year's 公开情况 page.
    expect(row('HTML 页面 pages 含预算决算')).toMatch(/\s83（多 5 页，其中预算、决算页 4 个）$/);
    expect(row('dist 大小 size 含预算决算')).toMatch(/\d+\.\d MB（[+-]\d+\.\d\d MB（[+-]\d+\.\d %），\d+ 个文件）$/);
    expect(row('搜索索引 search index 含预算决算')).toMatch(/\d+\.\d MB（[+-]\d+\.\d\d MB（[+-]\d+\.\d %））$/);
    // The temporary county is removed; only folders of runs going on at the same time may remain.
    const left = readdirSync(tmpdir()).filter((f) => f.startsWith('gongkai-bench-') && !before.has(f));
    expect(left.filter((f) => existsSync(`${tmpdir()}/${f}/content`))).toEqual([]);
  }, 400_000);

  it('refuses a missing or impossible size with a usage line and exit 2', () => {
    const none = runCli('bench', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('用法：npm run bench -- --projects N');
    const units = runCli('bench', ['--projects', '5', '--units', '9']);
    expect(units.status).toBe(2);
    expect(units.stderr).toContain('--units 要写 1 到 5 之间的整数');
  });
});
