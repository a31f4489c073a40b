// The province: its counties (one content folder each, counties/<区划代码>/content/) and its
// portal, a static page listing them (index.html) and a search page over all of them (search/).
// The portal sits at the root of the province's web server, each county's site below it at
// /<区划代码>/ (npm run province builds them so, with GONGKAI_BASE).
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { DEMO_LABEL } from '../site/demo.ts';
import type { PortalCounty } from '../search/province-search.ts';
import { loadSiteConfig } from '../site/site-config.ts';
import { SITE_FILE } from '../site/content-layout.ts';

export interface ProvinceCounty extends PortalCounty {
  contentDir: string;
  demo: boolean;
}

/** A problem with the province's input, in words for the person running the build. */
export class ProvinceError extends Error {}

const CODE = /^\d{6}$/;

/**
 * The counties under `countiesDir`, in code order: every folder there must be a 6-digit 区划代码
 * with a content/site.yaml, so that a misnamed or half-copied county stops the build instead of
 * silently missing from the portal.
 */
export async function listCounties(countiesDir: string): Promise<ProvinceCounty[]> {
  if (!existsSync(countiesDir)) throw new ProvinceError(`找不到各县的文件夹 ${countiesDir}（--counties 应指向含有 <区划代码>/content/ 的文件夹）`);
  const entries = await readdir(countiesDir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (folders.length === 0) throw new ProvinceError(`${countiesDir} 下没有任何县的文件夹（应为 <区划代码>/content/）`);
  const problems: string[] = [];
  const counties: ProvinceCounty[] = [];
  for (const code of folders) {
    const contentDir = resolve(countiesDir, code, 'content');
    if (!CODE.test(code)) problems.push(`${join(countiesDir, code)}：文件夹名应是 6 位区划代码，例如 130229`);
    else if (!existsSync(join(contentDir, SITE_FILE))) problems.push(`${join(countiesDir, code)}：缺少 content/${SITE_FILE}`);
    else {
      try {
        const site = loadSiteConfig(contentDir);
        counties.push({ code, name: site.title, contentDir, demo: site.demo === true });
      } catch {
        problems.push(`${join(contentDir, SITE_FILE)} 有误，请运行 npm run validate -- ${contentDir} 查看详情`);
      }
    }
  }
  if (problems.length > 0) throw new ProvinceError(problems.join('\n'));
  return counties;
}

/** What a county's build must have produced for the portal to link and search it. */
export function missingCountyFiles(outDir: string, county: PortalCounty): string[] {
  return ['index.html', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json'].map((f) => join(outDir, county.code, f)).filter((f) => !existsSync(f));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body { font: 1rem/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; color: #1b1b1b; }
a { color: #0b5394; } a:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
.demo { background: #fff3cd; border: 1px solid #8a6d00; padding: .5rem .75rem; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 1rem 0; }
label { display: block; font-weight: 600; } input { font: inherit; padding: .4rem; min-width: 16rem; } button { font: inherit; padding: .4rem 1rem; }
.meta { margin: 0 0 .75rem; color: #4a4a4a; font-size: .9rem; }
`;

// The empty icon: without one, every browser asks the portal's root for /favicon.ico (a 404).
function page(title: string, demo: boolean, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(demo ? `【${DEMO_LABEL}】${title}` : title)}</title>
<style>${STYLE}</style>
</head>
<body>
${demo ? `<p class="demo" role="note"><strong>${DEMO_LABEL}</strong>：以下各县的数据是虚构的，仅用于演示，不是任何单位的批复文件。</p>\n` : ''}${body}
</body>
</html>
`;
}

function countyList(counties: readonly PortalCounty[]): string {
  return `<ul>\n${counties.map((c) => `<li><a href="/${c.code}/">${escapeHtml(c.name)}</a>（${c.code}）</li>`).join('\n')}\n</ul>`;
}

/** The form that opens the search page; the same on both pages, so the label reads the same. */
const SEARCH_FORM = `<form action="/search/" method="get" role="search" data-search-form>
<div><label for="q">搜索全省各县的项目和绩效指标</label>
<input id="q" name="q" type="search" autocomplete="off"></div>
<button type="submit">搜索</button>
</form>`;

export function portalHtml(title: string, counties: readonly ProvinceCounty[]): string {
  const demo = counties.some((c) => c.demo);
  return page(
    title,
    demo,
    `<header><h1>${escapeHtml(title)}</h1></header>
<main>
${SEARCH_FORM}
<noscript><p>搜索需要浏览器开启 JavaScript；也可以打开下面各县的网站，在县网站上搜索。</p></noscript>
<h2>各县（${counties.length} 个）</h2>
${countyList(counties)}
</main>`,
  );
}

export function searchHtml(title: string, counties: readonly ProvinceCounty[]): string {
  const demo = counties.some((c) => c.demo);
  const data = JSON.stringify(counties.map(({ code, name }) => ({ code, name })))
    // A name cannot end the script element it is written into.
    .replace(/</g, '\\u003c');
  return page(
    `搜索 - ${title}`,
    demo,
    `<header><p><a href="/">${escapeHtml(title)}</a></p><h1>搜索全省各县</h1></header>
<main>
${SEARCH_FORM}
<noscript><p>搜索需要浏览器开启 JavaScript。可以直接打开各县的网站，在县网站上查看和搜索：</p>${countyList(counties)}</noscript>
<p role="status" aria-live="polite" data-search-status></p>
<ol data-search-results></ol>
</main>
<script type="application/json" id="province-counties">${data}</script>
<script type="module" src="/search/province-search.js"></script>`,
  );
}

/** The bundled search script: src/scripts/province-search.ts with the modules it imports. */
export async function bundleSearchScript(): Promise<string> {
  // esbuild comes with Astro (Vite's dependency): no other bundler is needed for one script.
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, '../../scripts/province-search.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}

/** The portal's search script, below the portal's folder. */
export const PORTAL_SCRIPT = 'search/province-search.js';

/** Writes index.html and search/ into `dir`; returns the files written. */
export async function writePortal(dir: string, title: string, counties: readonly ProvinceCounty[], script: string): Promise<string[]> {
  await mkdir(join(dir, 'search'), { recursive: true });
  const files: [string, string][] = [
    ['index.html', portalHtml(title, counties)],
    ['search/index.html', searchHtml(title, counties)],
    [PORTAL_SCRIPT, script],
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.map(([name]) => name);
}

/** The portal's title unless --title gives another. */
export const DEFAULT_TITLE = '全省预算绩效目标公开';
