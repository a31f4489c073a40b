// npm run bench as a maintainer runs it, on a county small enough for every test run: it must
// finish, leave nothing behind, and print every figure of its table with a number.
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('npm run bench', () => {
  it('builds a synthetic county and prints the table: stages, memory, sizes, first search, page weight, weight before a phone’s first paint, ratio', () => {
    const before = new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('gongkai-bench-')));
    const run = runCli('bench', ['--projects', '12', '--units', '2']);
    expect(run.stderr.split('\n').filter((l) => /✗|Error/.test(l))).toEqual([]);
    expect(run.status).toBe(0);
    const out = run.stdout;
    const row = (label: string) => out.split('\n').find((l) => l.includes(label)) ?? `(no row ${label})`;
    const seconds = /\d+\.\d\d s/;
    for (const label of ['检查 validate', '构建 build', '其中 检查 validate', '其中 Astro 页面', '其中 索引 Pagefind', '最小站点 minimal Astro']) expect(row(label)).toMatch(seconds);
    expect(row('构建 build')).toMatch(/· \d+\.\d MB（Node \d+\.\d MB，Pagefind \d+\.\d MB）/);
    expect(row('构建倍数')).toMatch(/\d+\.\d\d ×/);
    // 12 projects and their posters, 2 units (overview, department, indicators, poster each), the
    // year overview of the county, and home, about, search, data.
    expect(row('HTML 页面 pages')).toMatch(/\s37$/); // 12 × 2 + 2 × 4 + 1 + 4
    expect(row('最小站点 minimal Astro')).toContain('（12 页）');
    expect(row('dist/pagefind')).toMatch(/\d+\.\d MB/);
    expect(row('首次搜索')).toMatch(/\d+\.\d KB（\d+ 个请求；其中 Pagefind \d+\.\d KB/);
    expect(row('项目页 project page')).toMatch(/= HTML \d+\.\d KB \+ CSS \d+\.\d KB \+ JS \d+\.\d KB/);
    expect(row('手机首次绘制前')).toMatch(/首页 \d+\.\d KB · 单位概览 \d+\.\d KB · 项目页 \d+\.\d KB（HTML \+ CSS \+ JS，375×667）/);
    // The temporary county is removed; only folders of runs going on at the same time may remain.
    const left = readdirSync(tmpdir()).filter((f) => f.startsWith('gongkai-bench-') && !before.has(f));
    expect(left.filter((f) => existsSync(`${tmpdir()}/${f}/content`))).toEqual([]);
  }, 240_000);

  it('refuses a missing or impossible size with a usage line and exit 2', () => {
    const none = runCli('bench', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('用法：npm run bench -- --projects N');
    const units = runCli('bench', ['--projects', '5', '--units', '9']);
    expect(units.status).toBe(2);
    expect(units.stderr).toContain('--units 要写 1 到 5 之间的整数');
  });
});
