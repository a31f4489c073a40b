// The checks, as functions that list problems (an empty list means the check passed), so that the
// site tests and the harness's own tests (harness.test.ts, on pages made to fail) share them.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ALL_URL_SELECTORS, blockOtherOrigins, collectRefsInPage, decodeFragment, withoutFragment, type Ref } from './crawl.ts';
import { phoneFactsInPage, type PhoneFacts } from './page-facts.ts';
import { isSearchPage, pagePath, type SiteUnderTest } from './sites.ts';
import type { Visit } from './visit.ts';

// ---- one page, from a Visit ----

export function loadProblems(v: Visit): string[] {
  return [...(v.status === 200 ? [] : [`HTTP status ${v.status ?? '(none)'}`]), ...v.problems];
}

export function foreignRequestProblems(v: Visit, origin: string): string[] {
  return v.foreign.map((url) => `request to another origin than ${origin} (blocked by the test): ${url}`);
}

export function langProblems(v: Visit): string[] {
  return v.doc.lang === 'zh-CN' ? [] : [v.doc.lang === null ? '<html> has no lang' : `<html lang="${v.doc.lang}">, expected lang="zh-CN"`];
}

export function overflowProblems(v: Visit): string[] {
  return v.narrow
    .filter((n) => n.scrollWidth > n.innerWidth)
    .map((n) => `at ${n.width} px the page is ${n.scrollWidth} px wide; sticking out: ${n.offenders.join(', ') || '(not found)'}`);
}

export function skipLinkProblems(v: Visit): string[] {
  const f = v.firstTab;
  if (!f.focused) return ['the first Tab press focused nothing'];
  if (f.tag !== 'a') return [`the first Tab press focused <${f.focused}>, not a link`];
  const problems: string[] = [];
  if (!f.samePage || !f.target) problems.push(`the first Tab press focused <${f.focused} href="${f.href}"> (“${f.text}”), which is not a skip link to an element of this page`);
  else if (!f.targetExists) problems.push(`the skip link <${f.focused} href="${f.href}"> points to #${f.target}, which does not exist`);
  if (!f.text) problems.push(`the skip link <${f.focused}> has no text`);
  if (!f.visible) problems.push(`the skip link <${f.focused}> is not visible when focused`);
  return problems;
}

export function tableMarkupProblems(v: Visit): string[] {
  return v.tables.flatMap((t) => [
    ...(t.caption ? [] : [`${t.label}: ${t.caption === null ? 'no <caption>' : 'empty <caption>'}`]),
    ...(t.unscopedHeaders.length > 0
      ? [`${t.label}: header cells without scope: ${t.unscopedHeaders.slice(0, 6).join(', ')}${t.unscopedHeaders.length > 6 ? ` … (${t.unscopedHeaders.length})` : ''}`]
      : []),
  ]);
}

export function tableRegionProblems(v: Visit): string[] {
  return v.tables.filter((t) => t.regionProblem).map((t) => `${t.label} ${t.regionProblem}`);
}

export function withoutJsProblems(v: Visit): string[] {
  const plain = v.withoutJs;
  if (!plain) return ['the page was not opened without JavaScript'];
  const problems: string[] = [];
  if (plain.status !== 200) problems.push(`HTTP status ${plain.status ?? '(none)'} without JavaScript`);
  if (plain.doc.mains === 0) problems.push('no <main> without JavaScript');
  else if (plain.doc.mainTextLength === 0) problems.push('<main> is empty without JavaScript');
  if (plain.doc.h1 === 0) problems.push('no <h1> without JavaScript');
  if (plain.doc.tables < v.doc.tables) problems.push(`${plain.doc.tables} table(s) without JavaScript, ${v.doc.tables} with it`);
  const missing = v.doc.captions.filter((c) => !plain.doc.captions.includes(c));
  if (missing.length > 0) problems.push(`tables missing without JavaScript: ${missing.map((c) => `“${c || '(no caption)'}”`).join(', ')}`);
  return problems;
}

// ---- axe-core ----

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe (already in the page: addInitScript or addScriptTag with axe.min.js) on the document. */
export function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A desktop tab for a site's axe checks: other origins blocked, axe-core added to every document. */
export async function axeTab(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blockOtherOrigins(context, origin);
  // Cheaper than a script tag per page.
  await context.addInitScript({ path: AXE_SCRIPT });
  return { context, page: await context.newPage() };
}

/** axe's WCAG 2.1 A/AA violations on the page at `url` (opened in a tab from axeTab), as lines to read. */
export async function axePageProblems(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) return [`${url}: HTTP status ${response?.status() ?? '(none)'}`];
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const violations = await runAxe(page);
  return violations.length === 0 ? [] : [`axe found ${violations.length} violation(s) on ${url}:\n${formatViolations(violations)}`];
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes}${more}`;
    })
    .join('\n');
}

// ---- links, over a whole site ----

/** `<link rel>` values that name a URL without loading it (so another origin is fine). */
const NON_LOADING_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'me', 'external', 'bookmark', 'noopener', 'noreferrer', 'nofollow', 'next', 'prev', 'search']);
/** Schemes that need no file: mail, phone, inline data. Anything else not http(s) is reported. */
const OTHER_SCHEMES = new Set(['mailto:', 'tel:', 'sms:', 'data:']);

/** True when the reference makes the browser fetch it (not just a link to follow). */
function loads(ref: Pick<Ref, 'kind' | 'rel'>): boolean {
  if (ref.kind === 'a') return false;
  if (ref.kind === 'link') return !(ref.rel ?? '').split(/\s+/).every((r) => NON_LOADING_RELS.has(r));
  return true;
}

function fragmentProblem(ids: string[] | undefined, hash: string): string | null {
  if (hash === '' || hash === '#') return null;
  const raw = hash.slice(1);
  const id = decodeFragment(raw);
  if (!ids) return `has a fragment ${hash}, but its target is not an HTML page`;
  if (ids.includes(id) || ids.includes(raw)) return null;
  if (id.toLowerCase() === 'top') return null; // #top scrolls to the top of any page
  return `points to #${id}, which is not an id on the target page`;
}

/** Every same-origin URL the crawler found that did not answer 200, with the pages linking it. */
export function crawlStatusProblems(site: SiteUnderTest): string[] {
  const { crawl } = site;
  const referrers = (url: string) => [...new Set(crawl.refs.filter((r) => withoutFragment(r.url) === url).map((r) => pagePath(site, r.from)))];
  return Object.entries(crawl.fetched)
    .filter(([, f]) => f.status !== 200)
    .map(([url, f]) => `${f.status}${f.location ? ` → ${f.location}` : ''} ${url} (linked from ${referrers(url).join(', ') || 'the start'})`);
}

/** Fragments of crawled links whose id is missing on the target page (as rendered with JS). */
export function crawlFragmentProblems(site: SiteUnderTest): string[] {
  const { crawl } = site;
  const problems: string[] = [];
  for (const ref of crawl.refs) {
    if (ref.invalid) continue;
    const url = new URL(ref.url);
    if (url.origin !== site.origin || url.hash === '') continue;
    const target = withoutFragment(url.href);
    if (crawl.fetched[target]?.status !== 200) continue; // reported by crawlStatusProblems
    const problem = fragmentProblem(crawl.ids[target], url.hash);
    if (problem) problems.push(`${pagePath(site, ref.from)}: <${ref.kind}> ${ref.url} ${problem}`);
  }
  return problems;
}

/** Scripts, stylesheets, images… on crawled pages that would load from another origin. */
export function foreignResourceProblems(site: SiteUnderTest): string[] {
  return site.crawl.refs
    .filter((r) => !r.invalid && loads(r) && new URL(r.url).origin !== site.origin && !OTHER_SCHEMES.has(new URL(r.url).protocol))
    .map((r) => `${pagePath(site, r.from)}: <${r.kind}${r.rel ? ` rel="${r.rel}"` : ''}> ${r.url}`);
}

export function htmlFilesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The URL at which the server serves a dist file. */
function urlOfFile(site: SiteUnderTest, file: string): string {
  const rel = relative(site.distDir, file).split(sep).join('/');
  const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return site.baseUrl + path.split('/').map(encodeURIComponent).join('/');
}

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDirectory = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The dist file a same-origin URL names, as a static web server would resolve it. */
function fileOfUrl(site: SiteUnderTest, url: URL): { file: string } | { problem: string } {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { problem: 'has an invalid percent-encoding' };
  }
  if (!path.startsWith(site.basePath)) return { problem: `is outside the base path ${site.basePath}` };
  const rel = path.slice(site.basePath.length);
  const file = join(site.distDir, rel);
  if (relative(site.distDir, file).startsWith('..')) return { problem: 'leaves the site folder' };
  if (rel === '' || rel.endsWith('/')) {
    const index = join(file, 'index.html');
    return isFile(index) ? { file: index } : { problem: `has no ${relative(site.distDir, index)} in the dist` };
  }
  if (isFile(file)) return { file };
  if (isDirectory(file)) return { problem: 'names a folder without the trailing slash (the server redirects)' };
  return { problem: 'names no file in the dist' };
}

/**
 * Every href, src and srcset of every HTML file in the dist folder (linked or not), parsed by
 * Chromium without JavaScript (exactly what is in the file), resolved as a static server would:
 * the file must exist under the base path, and a #fragment's id must be on the target page.
 * Plain links to other sites cannot be checked offline; loading anything from one is a problem.
 */
export async function distLinkProblems(browser: Browser, site: SiteUnderTest): Promise<string[]> {
  const files = htmlFilesOf(site.distDir);
  if (files.length === 0) return [`no HTML file in ${site.distDir}`];
  const problems: string[] = [];
  const found = new Map<string, { refs: Omit<Ref, 'from'>[]; ids: string[] }>();
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await blockOtherOrigins(context, site.origin);
    const page = await context.newPage();
    for (const file of files) {
      const url = urlOfFile(site, file);
      const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
      if (response?.status() !== 200) problems.push(`${relative(site.distDir, file)}: served at ${url} with HTTP ${response?.status()}`);
      found.set(file, await page.evaluate(collectRefsInPage, ALL_URL_SELECTORS));
    }
  } finally {
    await context.close();
  }
  for (const [file, { refs }] of found) {
    const where = relative(site.distDir, file);
    for (const ref of refs) {
      const attr = `<${ref.kind}${ref.rel ? ` rel="${ref.rel}"` : ''}> ${ref.url}`;
      if (ref.invalid) {
        problems.push(`${where}: ${attr} is not a valid URL`);
        continue;
      }
      const url = new URL(ref.url);
      if (url.origin !== site.origin) {
        if (OTHER_SCHEMES.has(url.protocol)) continue;
        if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`${where}: ${attr} uses the scheme ${url.protocol}`);
        else if (loads(ref)) problems.push(`${where}: ${attr} loads from another origin`);
        continue;
      }
      const resolved = fileOfUrl(site, url);
      if ('problem' in resolved) {
        problems.push(`${where}: ${attr} ${resolved.problem}`);
        continue;
      }
      const problem = fragmentProblem(found.get(resolved.file)?.ids, url.hash);
      if (problem) problems.push(`${where}: ${attr} ${problem}`);
    }
  }
  return problems;
}

/** Paths (below the base) of every URL the crawl found answering 200: the same for every base. */
export function crawledPaths(site: SiteUnderTest): string[] {
  return Object.keys(site.crawl.fetched)
    .filter((u) => site.crawl.fetched[u]?.status === 200)
    .map((u) => pagePath(site, u))
    // A bundled script that contains the base path differs between the builds, and so does the
    // content hash in its file name: compare bundles by name without the hash.
    .map((path) => path.replace(/^(\/_astro\/.+)\.[\w-]{8}\.(js|css)$/, '$1.[hash].$2'))
    .sort();
}

// ---- phones ----

export const PHONE_WIDTHS = [320, 375, 1280] as const;
const PHONE_HEIGHT = 800;
/** A word that the search finds on every site of the crawl tests, so that the phone check sees a result list. */
export const SEARCH_QUERY = '满意';

/** A phone's tab for a site's phone checks (touch, 320 px wide), other origins blocked. */
export async function phoneTab(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: PHONE_WIDTHS[0], height: PHONE_HEIGHT }, hasTouch: true });
  await blockOtherOrigins(context, origin);
  return { context, page: await context.newPage() };
}

/** The address a crawled page is checked at on a phone: the search page with a query, so that it shows results. */
export function phoneUrl(site: SiteUnderTest, url: string, query = SEARCH_QUERY): string {
  return isSearchPage(site, url) ? `${url}?q=${encodeURIComponent(query)}` : url;
}

interface TableTree {
  domTables: number;
  domCells: number;
  /** Roles of Chromium's accessibility tree (not ignored nodes), counted. */
  roles: Record<string, number>;
}

async function tableTree(page: Page): Promise<TableTree> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value?: unknown } }[] };
    const roles: Record<string, number> = {};
    for (const n of nodes) {
      const role = String(n.role?.value ?? '');
      if (!n.ignored && ['table', 'row', 'cell', 'gridcell', 'columnheader', 'rowheader'].includes(role)) roles[role] = (roles[role] ?? 0) + 1;
    }
    const dom = await page.evaluate(() => ({ domTables: document.querySelectorAll('table').length, domCells: document.querySelectorAll('td').length }));
    return { ...dom, roles };
  } finally {
    await cdp.detach();
  }
}

function phoneFactProblems(f: PhoneFacts): string[] {
  return [
    ...f.offenders.map((o) => `at ${f.width} px, past the right edge: ${o}`),
    ...f.scrolling.map((s) => `at ${f.width} px, ${s}`),
    ...f.hiddenValues.map((h) => `at ${f.width} px, 指标值 not entirely visible: ${h}`),
    ...f.unlabelled.map((u) => `at ${f.width} px, a body cell without its column's name (data-label): ${u}`),
  ];
}

/**
 * The page at `url` (from phoneUrl, in a tab from phoneTab) at 320, 375 and 1280 px: nothing reaches past the
 * viewport's right edge (measured on every element, also inside regions that scroll), nothing scrolls
 * sideways, every cell of an 指标值 column is entirely on screen, every body cell of a table with a header
 * row carries its column's name for the block layout, and at 375 px the tables are still tables, rows
 * and cells in Chromium's accessibility tree. Each width is measured in one evaluate call.
 */
export async function phonePageProblems(page: Page, site: SiteUnderTest, url: string): Promise<{ problems: string[]; valueCells: number }> {
  const search = isSearchPage(site, url.replace(/\?.*$/, ''));
  await page.setViewportSize({ width: PHONE_WIDTHS[0], height: PHONE_HEIGHT });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) return { problems: [`HTTP status ${response?.status() ?? '(none)'}`], valueCells: 0 };
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const problems: string[] = [];
  // Results missing are reported below, at each width.
  if (search) await page.waitForSelector('[data-search-results] li', { timeout: 10_000 }).catch(() => undefined);
  let valueCells = 0;
  let tree: TableTree | undefined;
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: PHONE_HEIGHT });
    // Let the charts' resize catch up with the new width before measuring.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 2_000, polling: 'raf' }).catch(() => undefined);
    const facts = await page.evaluate(phoneFactsInPage);
    problems.push(...phoneFactProblems(facts));
    if (width === 375) {
      valueCells = facts.valueCells;
      if (facts.tables > 0) tree = await tableTree(page);
    }
    if (search && facts.searchResults === 0) problems.push(`at ${width} px, no search results shown`);
  }
  if (tree) {
    // Chromium keeps table semantics under the block layout: every table, and a cell per <td>.
    const cells = (tree.roles['cell'] ?? 0) + (tree.roles['gridcell'] ?? 0);
    if ((tree.roles['table'] ?? 0) !== tree.domTables) problems.push(`at 375 px, ${tree.roles['table'] ?? 0} tables in the accessibility tree, ${tree.domTables} in the page`);
    if (cells !== tree.domCells) problems.push(`at 375 px, ${cells} cells in the accessibility tree, ${tree.domCells} <td>s in the page`);
    if ((tree.roles['row'] ?? 0) === 0) problems.push('at 375 px, no rows in the accessibility tree');
  }
  return { problems: problems.map((p) => `${pagePath(site, url)}: ${p}`), valueCells };
}

// ---- HTML validity ----

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Java runs the checker; missing Java must fail the tests, saying how to install it. */
function checkJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error(
      'Java not found: the Nu HTML Checker (vnu-jar) needs it. Install it with:\n' +
        '  apt-get update && apt-get install -y default-jre-headless\n' +
        `(${java.error?.message ?? java.stderr})`,
    );
  }
}

/**
 * The W3C Nu HTML Checker's errors (vnu-jar from npm, run on the system Java) on every .html file of a
 * built site, one line each. One JVM over all files: a JVM start costs seconds, a page milliseconds.
 */
export function htmlValidityProblems(distDir: string): string[] {
  checkJava();
  const files = htmlFilesOf(distDir);
  if (files.length === 0) return [`no HTML file in ${distDir}`];
  // --errors-only: warnings (e.g. about a redundant role) are advice, not invalid HTML.
  const result = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  // vnu writes its JSON report to stderr and exits 1 when it found errors.
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`vnu gave no JSON report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return report.messages.map((m) => {
    const file = m.url.startsWith('file:') ? relative(distDir, new URL(m.url).pathname) : m.url;
    return `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${m.extract ? `\n    ${m.extract.replaceAll('\n', ' ')}` : ''}`;
  });
}
