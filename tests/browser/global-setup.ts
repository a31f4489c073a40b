// Global setup of the browser tests (vitest.config.ts, project "browser"): check that Chromium
// is there; build the site three times: from content/ (base `/`) into .test-dist/root/; from a
// copy of content/ in .test-dist/content-yusuan/ with `基础路径: /yusuan/` and `网站地址` into .test-dist/sub/;
// and from content/ plus the fictitious second year and second unit of tests/fixtures/county
// into .test-dist/county/ (a county's site); the other provinces' tables into .test-dist/layouts/;
// and the example county (examples/county, 示例数据, as `npm run build:example` builds it) into
// .test-dist/example/; and the tables of a git repository with a history of corrections
// (tests/history-repo.ts, made in .test-dist/history-repo/) into .test-dist/history-site/. Serve each build on 127.0.0.1 at an ephemeral port;
// crawl each (from its root page, and its 404 page at /404.html, which no page links to); provide it all to the tests.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { parseDocument } from 'yaml';
import { ROOT, runCli } from '../helpers.ts';
import { layoutContent, writeLayoutFiles } from '../fixtures/layouts/files.ts';
import { makeHistoryRepo } from '../history-repo.ts';
import { findChromium, launchBrowser } from '../../src/lib/commands/chromium.ts';
import { crawlSite } from './crawl.ts';
import { startStaticServer, type StaticServer } from '../../src/lib/commands/server.ts';
import type { SiteUnderTest } from './sites.ts';

export const TEST_DIST = join(ROOT, '.test-dist');
export const SUB_BASE = '/yusuan/';
/** 网站地址 of the sub-path copy: its pages carry absolute canonical and Open Graph addresses. */
export const SUB_SITE_URL = 'https://www.example.gov.cn';
/**
 * What else a government website's site.yaml says, set on the sub-path copy (tests/browser/gov-site.test.ts):
 * 标识码 and registration numbers, the 党政机关网站标识 (an image of public/: the favicon stands in
 * for the real one, which the 机构编制 department issues) and 联系我们 (a page of the site).
 */
export const SUB_GOV_SETTINGS = {
  网站标识码: '1302290001',
  ICP备案号: '冀ICP备12345678号-1',
  公安备案号: '冀公网安备13022902000123号',
  党政机关网站标识: { 图片: 'favicon.svg', 链接: 'https://bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF' },
  联系我们: 'about/',
} as const;
/** Test-only content laid over a copy of content/ for the county site (see its README.md). */
export const COUNTY_FIXTURE = join(ROOT, 'tests/fixtures/county/content');
/** The demonstration county with targets, monitoring and self-evaluations (see its README.md). */
export const EXAMPLE_CONTENT = join(ROOT, 'examples/county/content');

/** Hostile Markdown appended to the sub-path copy's about.md; each line tries to run a script. */
export const PLANTED_MARKDOWN = [
  '## 植入测试',
  '',
  '<script>window.__planted = "script"</script>',
  '',
  '<img src="x" onerror="window.__planted = \'img\'">',
  '',
  '[点我](javascript:window.__planted=\'link\')',
  '',
  '<a href="#" onclick="window.__planted=\'click\'">植入链接</a>',
  '',
].join('\n');

function build(name: string, out: string, env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  // runCli gives the build a clean environment (no Vitest variables that would override the base path).
  const result = runCli('build', [], { GONGKAI_OUT: out, ...env });
  if (result.status !== 0) {
    throw new Error(
      `building the ${name} site for the browser tests failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}\n${result.error ?? ''}`,
    );
  }
  console.log(`[browser tests] built ${name} site into ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const LOCK = join(TEST_DIST, '.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Several people may run the tests in the same work tree at once; the builds in .test-dist/ are
 * shared, so one run waits for another to finish instead of rebuilding under its servers.
 */
async function lockTestDist(timeoutMs = 20 * 60_000): Promise<() => void> {
  mkdirSync(TEST_DIST, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (readFileSync(LOCK, 'utf8') === String(process.pid)) rmSync(LOCK, { force: true });
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(LOCK, 'utf8'));
    } catch {
      continue; // released meanwhile
    }
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      rmSync(LOCK, { force: true }); // left by a run that was killed
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another test run (pid ${holder}) has held ${LOCK} for too long; remove the file if that run is gone`);
    if (!told) {
      console.log(`[browser tests] waiting for another test run (pid ${holder}) that is using .test-dist/ …`);
      told = true;
    }
    await new Promise((done) => setTimeout(done, 500));
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const unlock = await lockTestDist();

  // A copy of content/ that differs only in its base path. Always at the same place: Astro's
  // content cache (.astro/) keeps the file path of an unchanged entry, so a copy at a new
  // temporary path each run would leave entries pointing into a deleted folder.
  const subContent = join(TEST_DIST, 'content-yusuan');
  const countyContent = join(TEST_DIST, 'content-county');
  const servers: StaticServer[] = [];
  try {
    rmSync(subContent, { recursive: true, force: true });
    cpSync(join(ROOT, 'content'), subContent, { recursive: true, preserveTimestamps: true });
    const siteFile = join(subContent, 'site.yaml');
    const doc = parseDocument(readFileSync(siteFile, 'utf8'));
    doc.set('基础路径', SUB_BASE);
    // With its address set, every page has canonical and Open Graph tags (tests/browser/page-meta.test.ts)
    // and every poster a QR code of its page (tests/browser/poster.test.ts).
    doc.set('网站地址', SUB_SITE_URL);
    for (const [key, value] of Object.entries(SUB_GOV_SETTINGS)) doc.set(key, doc.createNode(value));
    writeFileSync(siteFile, String(doc));
    // The sub-path copy is also the fixture for sanitizing Markdown: scripts planted in the 说明
    // page's Markdown must not reach the built page (tests/browser/site-content.test.ts).
    const about = join(subContent, 'about.md');
    writeFileSync(about, `${readFileSync(about, 'utf8')}\n${PLANTED_MARKDOWN}`);

    rmSync(countyContent, { recursive: true, force: true });
    cpSync(join(ROOT, 'content'), countyContent, { recursive: true, preserveTimestamps: true });
    cpSync(COUNTY_FIXTURE, countyContent, { recursive: true, preserveTimestamps: true });

    // Other provinces' tables (tests/fixtures/layouts), imported through the CLI as a new county
    // would: 四川 from Excel, 重庆 from Word, 上海 from text, the department-level table from Excel.
    const layoutsContent = join(TEST_DIST, 'content-layouts');
    rmSync(layoutsContent, { recursive: true, force: true });
    layoutContent(layoutsContent, ROOT);
    const formats = ['xlsx', 'docx', 'txt', 'xlsx'] as const;
    for (const [n, format] of formats.entries()) {
      const files = await writeLayoutFiles(join(TEST_DIST, 'layout-files', format), format);
      const file = files[n]!;
      const imported = runCli('import', [file, '--content', layoutsContent]);
      if (imported.status !== 0) throw new Error(`importing ${file} for the browser tests failed:\n${imported.stdout}\n${imported.stderr}`);
    }

    // A git repository whose tables went through corrections, an adjusted budget, a rename and a
    // withdrawal (tests/history-repo.ts): its version pages, withdrawn project and 调整预算 pass every check too.
    const historyRepo = makeHistoryRepo(join(TEST_DIST, 'history-repo'));

    const roots = { root: join(TEST_DIST, 'root'), sub: join(TEST_DIST, 'sub'), county: join(TEST_DIST, 'county'), layouts: join(TEST_DIST, 'layouts'), example: join(TEST_DIST, 'example'), history: join(TEST_DIST, 'history-site') };
    build('root', roots.root, { GONGKAI_CONTENT: join(ROOT, 'content') });
    build('sub', roots.sub, { GONGKAI_CONTENT: subContent });
    build('county', roots.county, { GONGKAI_CONTENT: countyContent });
    build('layouts', roots.layouts, { GONGKAI_CONTENT: layoutsContent });
    build('example', roots.example, { GONGKAI_CONTENT: EXAMPLE_CONTENT });
    build('history', roots.history, { GONGKAI_CONTENT: historyRepo.content });

    const browser = await launchBrowser(chromiumPath);
    const sites: SiteUnderTest[] = [];
    try {
      for (const [name, basePath] of [['root', '/'], ['sub', SUB_BASE], ['county', '/'], ['layouts', '/'], ['example', '/'], ['history', '/']] as const) {
        const server = await startStaticServer(roots[name], basePath);
        servers.push(server);
        const started = Date.now();
        const crawl = await crawlSite(browser, server.baseUrl, undefined, [`${server.baseUrl}404.html`]);
        console.log(
          `[browser tests] ${name}: serving ${server.baseUrl}, crawled ${crawl.pages.length} pages and ${Object.keys(crawl.fetched).length - crawl.pages.length} other URLs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        sites.push({ name, basePath, origin: server.origin, baseUrl: server.baseUrl, distDir: roots[name], crawl });
      }
    } finally {
      await browser.close();
    }
    project.provide('chromiumPath', chromiumPath);
    project.provide('sites', sites);
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    unlock();
    throw error;
  }

  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    unlock();
  };
}
