// npm run province on the three example counties (examples/province, 示例数据), two at a time,
// into a temporary folder: every county's site under its base path, a portal that links every
// county, and one search over all counties (the portal's own loader, src/lib/search/province-search.ts,
// with pagefind.js loaded in Node through a file-reading fetch) that finds a word of two counties
// in both. Then the failures: no folder, a county that fails validation, --portal-only without
// the counties built; each must exit non-zero with a Chinese message and write no portal.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countyOfUrl, loadProvinceIndex, type PagefindModule, type PortalCounty } from '../src/lib/search/province-search.ts';
import { searchPages } from '../src/lib/search/search.ts';
import { containsQuery } from '../src/lib/search/search-tokens.ts';
import { formatViolations, runAxe } from './browser/checks.ts';
import { launchBrowser } from '../src/lib/commands/chromium.ts';
import { startStaticServer } from '../src/lib/commands/server.ts';
import { ROOT, runCli } from './helpers.ts';

const COUNTIES_DIR = join(ROOT, 'examples/province/counties');
const CODES = readdirSync(COUNTIES_DIR).sort();
const temp = mkdtempSync(join(tmpdir(), 'gongkai-province-test-'));
const out = join(temp, 'out');

/** The project names of each county, from its YAML. */
function projectNames(code: string): string[] {
  const content = join(COUNTIES_DIR, code, 'content');
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' }).filter((f) => /\/projects\/[^/]+\.yaml$/.test(f));
  return files.map((f) => String((parse(readFileSync(join(content, f), 'utf8')) as Record<string, unknown>)['项目名称']));
}

let run: ReturnType<typeof runCli>;
beforeAll(() => {
  run = runCli('province', ['--counties', COUNTIES_DIR, '--out', out, '--jobs', '2']);
}, 240_000);

const realFetch = globalThis.fetch;
afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  g['fetch'] = realFetch;
  for (const key of ['document', 'location', 'window']) delete g[key];
  rmSync(temp, { recursive: true, force: true });
});

describe('npm run province on the example counties', () => {
  it('builds every county and prints the timing table', () => {
    expect(run.stderr.split('\n').filter((l) => /✗|Error/.test(l))).toEqual([]);
    expect(run.status).toBe(0);
    expect(CODES.length).toBeGreaterThanOrEqual(3);
    for (const code of CODES) expect(run.stdout).toMatch(new RegExp(`${code} .*\\s20\\s+\\d+\\.\\d s\\s+\\d+ MB / (\\d+ MB|—)`));
    expect(run.stdout).toMatch(/总墙钟（--jobs 2）\s+\d+\.\d s/);
    expect(run.stdout).toMatch(/门户 index\.html \+ search\/\s+\d+\.\d KB/);
    expect(existsSync(`${out}.province-tmp`)).toBe(false);
  });

  it('puts each county site under its base path /<区划代码>/', () => {
    for (const code of CODES) {
      const home = readFileSync(join(out, code, 'index.html'), 'utf8');
      expect(home).toContain(`href="/${code}/_astro/`);
      expect(home).not.toMatch(/href="\/_astro\//);
      expect(existsSync(join(out, code, 'pagefind/pagefind.js'))).toBe(true);
    }
  });

  it('writes a portal that links every county and a search page that works as links without JavaScript', () => {
    const portal = readFileSync(join(out, 'index.html'), 'utf8');
    expect(portal).toContain('<html lang="zh-CN">');
    expect(portal).toContain('示例数据');
    const links = [...portal.matchAll(/<a href="\/(\d{6})\/">/g)].map((m) => m[1]);
    expect(links).toEqual(CODES);
    const search = readFileSync(join(out, 'search/index.html'), 'utf8');
    expect(search).toMatch(/<label for="q">/);
    expect(search).toMatch(/role="status" aria-live="polite"/);
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(search)?.[1] ?? '';
    expect([...noscript.matchAll(/<a href="\/(\d{6})\/">/g)].map((m) => m[1])).toEqual(CODES);
    expect(existsSync(join(out, 'search/province-search.js'))).toBe(true);
    // The portal is its own output, never the single site's dist/.
    expect(existsSync(join(ROOT, 'dist/990101'))).toBe(false);
  });

  it('searches all counties at once: a word of two counties finds results in both through mergeIndex', async () => {
    const counties: PortalCounty[] = CODES.map((code) => ({ code, name: code }));
    const g = globalThis as Record<string, unknown>;
    // The portal's server: /<code>/pagefind/… is <out>/<code>/pagefind/….
    g['fetch'] = async (url: string | URL) => new Response(await readFile(join(out, decodeURIComponent(new URL(String(url), 'http://localhost/').pathname))));
    g['document'] = { documentElement: { lang: 'zh-CN' }, querySelector: () => null, currentScript: null };
    g['location'] = new URL('http://localhost/search/');
    g['window'] = globalThis;
    const pagefind = await loadProvinceIndex(counties, (url) => import(/* @vite-ignore */ join(out, url)) as Promise<PagefindModule>);

    // A word found in project names of at least two counties (the example's text is generated, so
    // the word is looked up rather than assumed).
    const names = new Map(CODES.map((code) => [code, projectNames(code)]));
    const query = ['垃圾清运', '道路', '饮水', '绿化', '路灯', '河道', '防汛'].find((q) => CODES.filter((c) => names.get(c)!.some((n) => containsQuery(n, q))).length >= 2)!;
    expect(query).toBeDefined();
    const expected = CODES.filter((c) => names.get(c)!.some((n) => containsQuery(n, query)));

    const outcome = await searchPages(pagefind, query);
    const data = await Promise.all(outcome.hits.map((h) => h.data()));
    const found = new Set(data.map((d) => countyOfUrl(counties, d.url)?.code));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    for (const code of expected) expect(found, `results for ${query} from ${code}`).toContain(code);
    // Every result links into its county's site, to a page that exists.
    for (const d of data) {
      const county = countyOfUrl(counties, d.url);
      expect(county, d.url).toBeDefined();
      expect(existsSync(join(out, d.url.split('#')[0]!.split('?')[0]!, 'index.html')), d.url).toBe(true);
    }
  });

  it('in Chromium: the portal and its search pass axe, a search shows results from several counties, and without JavaScript the search page links every county', async () => {
    const server = await startStaticServer(out, '/');
    const browser = await launchBrowser();
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      for (const path of ['', 'search/', `search/?q=${encodeURIComponent('垃圾清运')}`]) {
        await page.goto(`${server.baseUrl}${path}`);
        if (path.includes('?q=')) {
          await page.waitForFunction(() => /找到/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), undefined, { timeout: 60_000 });
          const hrefs = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
          expect(new Set(hrefs.map((h) => h.split('/')[1])).size, hrefs.join('\n')).toBeGreaterThanOrEqual(2);
        }
        await page.addScriptTag({ content: axe });
        const violations = await runAxe(page);
        expect(violations, `${path}\n${formatViolations(violations)}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await plain.goto(`${server.baseUrl}search/`);
      const links = await plain.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(CODES.map((c) => `/${c}/`));
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('--portal-only rewrites the portal from the built counties', () => {
    rmSync(join(out, 'index.html'));
    rmSync(join(out, 'search'), { recursive: true });
    const again = runCli('province', ['--counties', COUNTIES_DIR, '--out', out, '--portal-only']);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`href="/${CODES[0]}/"`);
    expect(existsSync(join(out, 'search/province-search.js'))).toBe(true);
  });
});

describe('npm run province refuses bad input', () => {
  it('a missing counties folder', () => {
    const missing = runCli('province', ['--counties', join(temp, 'none'), '--out', join(temp, 'none-out')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('找不到各县的文件夹');
    expect(missing.stderr).toContain('没有生成省级门户');
    expect(existsSync(join(temp, 'none-out'))).toBe(false);
  });

  it('a county that fails validation: its errors, exit 1, no portal, the old output kept', () => {
    const counties = join(temp, 'bad-counties');
    cpSync(COUNTIES_DIR, counties, { recursive: true });
    const projects = join(counties, CODES[0]!, 'content/2023/910001/projects');
    const file = join(projects, readdirSync(projects).sort()[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^预算数: .*$/m, '预算数: 很多'));
    const badOut = join(temp, 'bad-out');
    // An earlier portal (only such a folder, or an empty one, is ever replaced).
    cpSync(join(out, 'index.html'), join(badOut, 'index.html'));
    cpSync(join(out, 'search'), join(badOut, 'search'), { recursive: true });
    // One at a time: the broken county is first, so the others are never started.
    const bad = runCli('province', ['--counties', counties, '--out', badOut, '--jobs', '1']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`县 ${CODES[0]}`);
    expect(bad.stderr).toContain('预算数');
    expect(bad.stderr).toContain('另有 2 个县因此没有开始构建');
    expect(bad.stderr).toContain('没有生成省级门户');
    expect(readdirSync(badOut).sort()).toEqual(['index.html', 'search']);
    expect(existsSync(`${badOut}.province-tmp`)).toBe(false);
  });

  it('an --out that is not empty and not an earlier portal is never deleted', () => {
    const other = join(temp, 'other');
    cpSync(join(COUNTIES_DIR, CODES[0]!, 'content/site.yaml'), join(other, 'keep.yaml'));
    const refused = runCli('province', ['--counties', COUNTIES_DIR, '--out', other]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('不会删除它');
    expect(readdirSync(other)).toEqual(['keep.yaml']);
    const project = runCli('province', ['--counties', COUNTIES_DIR, '--out', ROOT]);
    expect(project.status).toBe(1);
    expect(project.stderr).toContain('不能是项目文件夹');
  });

  it('a folder that is not a 区划代码, and --portal-only before the counties are built', () => {
    const counties = join(temp, 'odd-counties');
    cpSync(join(COUNTIES_DIR, CODES[0]!), join(counties, 'yutian'), { recursive: true });
    const odd = runCli('province', ['--counties', counties, '--out', join(temp, 'odd-out')]);
    expect(odd.status).toBe(1);
    expect(odd.stderr).toContain('文件夹名应是 6 位区划代码');

    const empty = join(temp, 'empty-out');
    cpSync(join(out, CODES[0]!), join(empty, CODES[0]!), { recursive: true });
    const portal = runCli('province', ['--counties', COUNTIES_DIR, '--out', empty, '--portal-only']);
    expect(portal.status).toBe(1);
    expect(portal.stderr).toContain(`${CODES[1]}/index.html`);
    expect(existsSync(join(empty, 'index.html'))).toBe(false);
  });
});
