// What a government website is checked for (issue 25), on every built site: a missing address
// gets the 404 page with status 404 (from the test server, under /yusuan/ too, and from
// `npm run preview`); the 网站地图 page lists every page and every footer links to it; with
// 网站地址 (the sub site) every address in sitemap.xml opens and robots.txt names it, without it
// neither file exists; the 政府网站 page metadata is there and says what the page shows; the
// footer's registration links, 党政机关网站标识 and 联系我们 appear as site.yaml sets them; and
// nothing is requested from another origin.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { SECURITY_HEADERS } from '../../src/lib/commands/server.ts';
import { chinaMinute } from '../../src/lib/site/git-dates.ts';
import { ROOT, toolEnv } from '../helpers.ts';
import { blockOtherOrigins } from './crawl.ts';
import { SUB_GOV_SETTINGS, SUB_SITE_URL, TEST_DIST } from './global-setup.ts';
import { pagePath, sitesUnderTest, type SiteUnderTest } from './sites.ts';

const sites = sitesUnderTest();
const sub = sites.find((s) => s.name === 'sub')!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

/** Addresses no site has: beside the home page, deep below a unit, a file, a folder without its slash. */
const MISSING = ['no-such-page/', '2023/000000/projects/NOPE/', 'data/nope.csv', 'no-such-page'];

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const head = (html: string) => html.slice(0, html.indexOf('</head>'));
/** Every `<meta name>` of a page's head, by name. */
function metaByName(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [tag] of head(html).matchAll(/<meta name="[^"]*"[^>]*>/g)) {
    found.set(/name="([^"]*)"/.exec(tag)![1]!, decode(/content="([^"]*)"/.exec(tag)?.[1] ?? ''));
  }
  return found;
}
const titleOf = (html: string) => decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(head(html))?.[1];
const footerDate = (html: string) => /<footer[\s\S]*?<time datetime="([^"]*)"/.exec(html)?.[1];
const siteTitleOf = (html: string) => decode(/class="site-header__title"[^>]*>([^<]*)</.exec(html)?.[1] ?? '');

/** The dist file of a crawled page. */
function fileOf(site: SiteUnderTest, url: string): string {
  const path = new URL(url).pathname.slice(site.basePath.length);
  return join(site.distDir, path.endsWith('.html') ? path : join(path, 'index.html'));
}
const htmlOf = (site: SiteUnderTest, url: string) => readFileSync(fileOf(site, url), 'utf8');

/** The page's title without the site's name (and without the 示例数据 mark). */
const ownTitle = (html: string, siteTitle: string) => titleOf(html).replace(/^【示例数据】/, '').replace(new RegExp(` - ${siteTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');

const isPoster = (url: string) => /\/poster\/$/.test(url);
const isVersion = (url: string) => /\/history\/[^/]+\/$/.test(url);
const isNotFound = (url: string) => url.endsWith('/404.html');
const htmlPages = (site: SiteUnderTest) => site.crawl.pages.filter((u) => !/\.[a-z]+$/.test(new URL(u).pathname));

for (const site of sites) {
  describe(`${site.name} build (base ${site.basePath})`, () => {
    let context: BrowserContext;
    let page: Page;
    let foreign: string[];
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      foreign = await blockOtherOrigins(context, site.origin);
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('answers a missing address with the 404 page and status 404, its links working from any depth', async () => {
      const notFound = readFileSync(join(site.distDir, '404.html'), 'utf8');
      for (const path of MISSING) {
        const response = await fetch(`${site.baseUrl}${path}`);
        expect(response.status, path).toBe(404);
        expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
        expect(await response.text(), path).toBe(notFound);
      }
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400 && r.url() !== `${site.baseUrl}${MISSING[1]}`) failed.push(`${r.status()} ${r.url()}`);
      });
      const response = await page.goto(`${site.baseUrl}${MISSING[1]}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toBe('找不到这个页面');
      // The site's stylesheet applies (its address is absolute): the header has the brand colour.
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(155, 28, 28)');
      // The header keeps the navigation and the search box; the page links home, 最近更新, 网站地图 and each year.
      await expect(page.locator('header nav a').count()).resolves.toBeGreaterThan(3);
      expect(await page.locator('header form[role="search"]').getAttribute('action')).toBe(`${site.basePath}search/`);
      const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const path of ['', 'updates/', 'sitemap/']) expect(links, path).toContain(`${site.baseUrl}${path}`);
      expect(links.some((l) => /\/\d{4}\/(\d+\/)?$/.test(l)), 'a link to a year').toBe(true);
      for (const link of [...new Set(links)]) expect((await fetch(link)).status, link).toBe(200);
      expect(failed).toEqual([]);
      expect(foreign).toEqual([]);
      // Not indexed, and it names no address of its own (it is served at any).
      expect(head(notFound)).toContain('<meta name="robots" content="noindex">');
      expect(canonicalOf(notFound)).toBeUndefined();
    });

    it('has a 网站地图 that lists every page a reader may look for, linked from every page’s footer', () => {
      const mapUrl = `${site.baseUrl}sitemap/`;
      expect(site.crawl.pages).toContain(mapUrl);
      const listed = new Set(site.crawl.refs.filter((r) => r.from === mapUrl && r.kind === 'a').map((r) => r.url));
      const expected = htmlPages(site).filter((u) => !isPoster(u) && !isVersion(u) && u !== mapUrl && !/\/(content|pagefind)\//.test(u));
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.filter((u) => !listed.has(u)).map((u) => pagePath(site, u))).toEqual([]);
      // Posters and earlier versions are reached from their pages, not from the map.
      expect([...listed].filter((u) => isPoster(u) || isVersion(u))).toEqual([]);
      const withFooter = site.crawl.pages.filter((u) => !isPoster(u));
      const linking = new Set(site.crawl.refs.filter((r) => r.url === mapUrl && r.kind === 'a').map((r) => r.from));
      expect(withFooter.filter((u) => !linking.has(u)).map((u) => pagePath(site, u))).toEqual([]);
    });

    if (site === sub) {
      it('with 网站地址: every address in sitemap.xml opens, dated as its page, and robots.txt names the sitemap', async () => {
        const xml = readFileSync(join(site.distDir, 'sitemap.xml'), 'utf8');
        // Well-formed XML in the sitemaps.org namespace (parsed by the browser).
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.namespaceURI, urls: doc.getElementsByTagName('url').length };
        }, xml);
        expect(parsed.error).toBeNull();
        expect(parsed.root).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
        const entries = [...xml.matchAll(/<url><loc>([^<]*)<\/loc>(?:<lastmod>([^<]*)<\/lastmod>)?<\/url>/g)].map((m) => ({ loc: decode(m[1]!), lastmod: m[2] }));
        expect(entries.length).toBe(parsed.urls);
        const locals: string[] = [];
        for (const { loc, lastmod } of entries) {
          expect(loc.startsWith(`${SUB_SITE_URL}${site.basePath}`), loc).toBe(true);
          const local = `${site.origin}${new URL(loc).pathname}`;
          locals.push(local);
          const response = await fetch(local);
          expect(response.status, loc).toBe(200);
          expect(response.headers.get('content-type'), loc).toBe('text/html; charset=utf-8');
          const html = await response.text();
          // Each is its page's own (canonical) address, dated as the page's footer and PubDate date it.
          expect(canonicalOf(html), loc).toBe(loc);
          // (A page dated nothing, 最近更新 of a site without history, has no lastmod.)
          const footer = footerDate(html)!;
          expect(lastmod, loc).toBe(Date.parse(footer) > 0 ? footer : undefined);
          const pubDate = metaByName(html).get('PubDate');
          if (pubDate !== undefined) expect(pubDate, loc).toBe(chinaMinute(lastmod!));
        }
        // Every page of the site is there, except posters, earlier versions, the 404 page and the
        // home page of a single unit (its canonical address is its newest overview, listed itself).
        const expected = htmlPages(site).filter((u) => !isPoster(u) && !isVersion(u) && u !== site.baseUrl && !/\/content\//.test(u));
        expect([...locals].sort()).toEqual(expected.sort());
        expect(new Set(locals).size).toBe(locals.length);
        const robots = await fetch(`${site.baseUrl}robots.txt`);
        expect(robots.status).toBe(200);
        expect(await robots.text()).toBe(`User-agent: *\nDisallow:\n\nSitemap: ${SUB_SITE_URL}${site.basePath}sitemap.xml\n`);
      });

      it('shows the registration numbers as links, the 党政机关网站标识 from the site itself, and 联系我们', async () => {
        await page.goto(site.baseUrl, { waitUntil: 'load' });
        const footer = page.locator('footer');
        await expect(footer.locator(`a:text-is("${SUB_GOV_SETTINGS.ICP备案号}")`).getAttribute('href')).resolves.toBe('https://beian.miit.gov.cn/');
        await expect(footer.locator(`a:text-is("${SUB_GOV_SETTINGS.公安备案号}")`).getAttribute('href')).resolves.toBe('https://beian.mps.gov.cn/#/query/webSearch?code=13022902000123');
        await expect(footer.textContent()).resolves.toContain(`网站标识码：${SUB_GOV_SETTINGS.网站标识码}`);
        const badge = footer.locator('.site-footer__badge a');
        await expect(badge.getAttribute('href')).resolves.toBe(SUB_GOV_SETTINGS.党政机关网站标识.链接);
        const image = badge.locator('img');
        await expect(image.getAttribute('alt')).resolves.toBe('党政机关网站标识：查看本网站的开办者信息');
        expect(await image.evaluate((img) => ({ src: (img as HTMLImageElement).src, loaded: (img as HTMLImageElement).naturalWidth > 0 }))).toEqual({ src: `${site.baseUrl}${SUB_GOV_SETTINGS.党政机关网站标识.图片}`, loaded: true });
        await expect(footer.locator('a:text-is("联系我们")').getAttribute('href')).resolves.toBe(`${site.basePath}about/`);
        await expect(footer.locator('a:text-is("网站地图")').getAttribute('href')).resolves.toBe(`${site.basePath}sitemap/`);
        expect(foreign).toEqual([]);
      });
    } else {
      it('without 网站地址: no sitemap.xml and no robots.txt (they need absolute addresses), and no registration links or 标识 it does not set', async () => {
        expect(existsSync(join(site.distDir, 'sitemap.xml'))).toBe(false);
        expect(existsSync(join(site.distDir, 'robots.txt'))).toBe(false);
        expect((await fetch(`${site.baseUrl}sitemap.xml`)).status).toBe(404);
        const home = htmlOf(site, site.baseUrl);
        const footer = home.slice(home.indexOf('<footer'));
        expect(footer).not.toMatch(/beian|conac|联系我们|网站标识码/);
        expect(footer).toContain(`href="${site.basePath}sitemap/"`);
      });
    }

    it('gives every page the 政府网站 metadata, each value what the page shows', () => {
      const home = htmlOf(site, site.baseUrl);
      const siteName = siteTitleOf(home);
      const publisher = decode(/主办单位：([^<]*)</.exec(home)![1]!);
      const idCode = /网站标识码：(\w{10})/.exec(home)?.[1];
      // The home page has an absolute address exactly when site.yaml has 网站地址.
      const homeCanonical = canonicalOf(home);
      const domain = homeCanonical ? new URL(homeCanonical).host : undefined;
      const problems: string[] = [];
      const check = (url: string, ok: boolean, message: string) => {
        if (!ok) problems.push(`${pagePath(site, url)}: ${message}`);
      };
      let articles = 0;
      for (const url of site.crawl.pages.filter((u) => !/\.(xml|txt)$/.test(u))) {
        const html = htmlOf(site, url);
        const meta = metaByName(html);
        const path = pagePath(site, url);
        const canonical = canonicalOf(html);
        check(url, meta.get('SiteName') === siteName, `SiteName ${meta.get('SiteName')}, the header says ${siteName}`);
        check(url, meta.get('SiteDomain') === domain, `SiteDomain ${meta.get('SiteDomain')}, the site is at ${domain}`);
        check(url, meta.get('SiteIDCode') === idCode, `SiteIDCode ${meta.get('SiteIDCode')}, the footer says ${idCode}`);
        if (isPoster(url) || isNotFound(url) || path === '/') {
          // Posters (the print version of a page), the 404 page and the home page are the site's only.
          check(url, !meta.has('ColumnName') && !meta.has('ArticleTitle') && !meta.has('PubDate'), `site-level metadata only: ${[...meta.keys()].join(', ')}`);
          continue;
        }
        const column = meta.get('ColumnName');
        const unitYear = /^\/(\d{4})\/([^/]+)\//.exec(path);
        if (unitYear) {
          // Everything under a unit's year is in its column, named as its overview is titled.
          const overview = `${site.baseUrl}${unitYear[1]}/${unitYear[2]}/`;
          if (existsSync(fileOf(site, overview))) check(url, column === ownTitle(htmlOf(site, overview), siteName), `ColumnName ${column}, the overview is ${ownTitle(htmlOf(site, overview), siteName)}`);
          else check(url, column !== undefined && column.endsWith(`${unitYear[1]}年`), `ColumnName ${column}`);
        } else {
          // Column pages name themselves; 说明 is in its column of the navigation.
          const current = /<a href="[^"]*" aria-current="page"[^>]*>([^<]*)<\/a>/.exec(html)?.[1];
          check(url, column === (current ?? ownTitle(html, siteName)), `ColumnName ${column}, the page is ${current ?? ownTitle(html, siteName)}`);
        }
        const article = meta.get('ArticleTitle');
        const isDocument = /\/(projects\/[^/]+\/|department\/|budget\/|final-accounts\/|history\/[^/]+\/)$|^\/about\/$/.test(path);
        check(url, (article !== undefined) === isDocument, `ArticleTitle ${article} on ${isDocument ? 'a document' : 'a column page'}`);
        if (article !== undefined) {
          articles++;
          check(url, titleOf(html).startsWith(`${article} - `), `ArticleTitle ${article}, the page’s title is ${titleOf(html)}`);
          check(url, meta.get('PubDate') === chinaMinute(footerDate(html)!), `PubDate ${meta.get('PubDate')}, the footer dates it ${footerDate(html)}`);
          check(url, meta.get('ContentSource') === publisher, `ContentSource ${meta.get('ContentSource')}, the 主办单位 is ${publisher}`);
          check(url, meta.get('Url') === canonical, `Url ${meta.get('Url')}, canonical ${canonical}`);
        } else {
          check(url, !meta.has('PubDate') && !meta.has('ContentSource') && !meta.has('Url'), 'document fields on a page that is no document');
        }
        // Never a second description: meta names ignore case.
        check(url, [...meta.keys()].filter((k) => k.toLowerCase() === 'description').length === 1, 'one description');
      }
      expect(articles).toBeGreaterThan(3);
      expect(problems).toEqual([]);
    });
  });
}

describe('npm run preview', () => {
  it('serves the built site under its base path as a web server would: the 404 page with status 404, gzip, the security headers', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/preview.ts', sub.distDir, '--port', '0'], {
      cwd: ROOT,
      env: toolEnv({ GONGKAI_CONTENT: join(TEST_DIST, 'content-yusuan') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const base = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`npm run preview did not start:\n${output}`)), 60_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          // The address it prints, with the base path of the site's site.yaml.
          const url = /(http:\/\/127\.0\.0\.1:\d+\/yusuan\/)/.exec(output)?.[1];
          if (url) {
            clearTimeout(timer);
            done(url);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => fail(new Error(`npm run preview exited (${code}):\n${output}`)));
      });
      const home = await fetch(base, { headers: { 'accept-encoding': 'gzip' } });
      expect(home.status).toBe(200);
      expect(home.headers.get('content-encoding')).toBe('gzip');
      for (const [header, value] of Object.entries(SECURITY_HEADERS)) expect(home.headers.get(header), header).toBe(value);
      expect(await home.text()).toBe(readFileSync(join(sub.distDir, 'index.html'), 'utf8'));
      const notFound = readFileSync(join(sub.distDir, '404.html'), 'utf8');
      for (const path of ['no-such-page/', '2023/000000/projects/NOPE/', 'data/nope.csv', 'nope']) {
        const response = await fetch(`${base}${path}`);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).toBe(notFound);
      }
    } finally {
      child.kill();
    }
  }, 90_000);
});
