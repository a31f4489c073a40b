// Recall of the search against the built index, in Node (pagefind.js with a file-reading fetch and
// a document that declares zh-CN): every 2–4-character run of Chinese from project and indicator
// names, and a large sample from every other searchable field, must find exactly the project
// pages that contain it.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hitLines, keepHitsWithLines, searchPages, type Pagefind } from '../../src/lib/search/search.ts';
import { containsQuery } from '../../src/lib/search/search-tokens.ts';
import { projectSchema, type Project } from '../../src/schema/project.ts';
import { sitesUnderTest, type SiteUnderTest } from './sites.ts';

const UNIT_DIR = join(import.meta.dirname, '../../content/2023/483001/projects');
const projects: Project[] = readdirSync(UNIT_DIR)
  .sort()
  .map((f) => projectSchema().parse(parse(readFileSync(join(UNIT_DIR, f), 'utf8'))));
const pageOf = (p: Project) => `/2023/483001/projects/${p.code}/`;

/** Every text of a project that the search covers. */
const searchable = (p: Project) => [p.name, p.purpose, ...(p.goals ?? []), ...p.indicators.flatMap((i) => [i.name, i.description, i.value, i.basis])].filter((t): t is string => !!t);

function runsOf(text: string, min: number, max: number): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(/\p{Script=Han}+/gu)) {
    const chars = [...run];
    for (let n = min; n <= max; n++) for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

/** A deterministic sample (the same every run, so a failure can be reproduced). */
function sample<T>(items: T[], count: number, seed = 20231): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

const nameQueries = [...new Set(projects.flatMap((p) => [p.name, ...p.indicators.map((i) => i.name)]).flatMap((t) => runsOf(t, 2, 4)))].sort();
const otherQueries = sample([...new Set(projects.flatMap((p) => searchable(p)).flatMap((t) => runsOf(t, 2, 6)))].filter((q) => !nameQueries.includes(q)).sort(), 400);

/** Loads a built site's pagefind.js in Node. */
async function loadPagefind(site: SiteUnderTest): Promise<Pagefind> {
  const g = globalThis as Record<string, unknown>;
  g['fetch'] = async (url: string | URL) => {
    const path = decodeURIComponent(new URL(String(url), 'http://localhost/').pathname).replace(site.basePath, '/');
    return new Response(await readFile(join(site.distDir, path)));
  };
  g['document'] = { documentElement: { lang: 'zh-CN' }, querySelector: () => null, currentScript: null };
  g['location'] = new URL(site.baseUrl);
  g['window'] = globalThis;
  const pf = (await import(/* @vite-ignore */ join(site.distDir, 'pagefind/pagefind.js'))) as Pagefind & { options(o: object): Promise<void>; init(): Promise<void> };
  await pf.options({ basePath: `${site.basePath}pagefind/`, baseUrl: site.basePath });
  await pf.init();
  return pf;
}

const realFetch = globalThis.fetch;
afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  g['fetch'] = realFetch;
  for (const key of ['document', 'location', 'window']) delete g[key];
});

describe('search recall on the bundled content', () => {
  const root = sitesUnderTest().find((s) => s.name === 'root')!;
  let pagefind: Pagefind;
  beforeAll(async () => {
    pagefind = await loadPagefind(root);
  });

  async function pagesFound(query: string): Promise<string[]> {
    const outcome = await searchPages(pagefind, query);
    const data = await Promise.all(outcome.hits.slice(0, outcome.exactCount).map((h) => h.data()));
    return data.map((d) => d.url).sort();
  }

  async function check(queries: string[]) {
    const misses: string[] = [];
    const extras: string[] = [];
    for (const query of queries) {
      const expected = projects.filter((p) => searchable(p).some((t) => containsQuery(t, query))).map(pageOf).sort();
      const found = await pagesFound(query);
      const missing = expected.filter((p) => !found.includes(p));
      const wrong = found.filter((p) => !expected.includes(p));
      if (missing.length) misses.push(`${query}: missing ${missing.join(', ')}`);
      if (wrong.length) extras.push(`${query}: not containing it ${wrong.join(', ')}`);
    }
    console.log(`[search recall] ${queries.length} queries: recall ${((queries.length - misses.length) / queries.length).toFixed(4)}, exact-match precision ${((queries.length - extras.length) / queries.length).toFixed(4)}`);
    expect(misses).toEqual([]);
    expect(extras).toEqual([]);
  }

  it(`finds every page for each of the ${nameQueries.length} distinct 2–4-character runs of project and indicator names`, async () => {
    expect(nameQueries.length).toBeGreaterThan(300);
    await check(nameQueries);
  }, 240_000);

  it(`finds every page for a sample of ${otherQueries.length} runs from goals, 资金用途, descriptions, values and bases`, async () => {
    await check(otherQueries);
  }, 240_000);

  it('finds parts of words across word boundaries (圾清运) and ranks a project named with the query first', async () => {
    const outcome = await searchPages(pagefind, '圾清运');
    const data = await Promise.all(outcome.hits.map((h) => h.data()));
    expect(data.slice(0, 2).map((d) => d.meta['title']).sort()).toEqual(['2022年村级垃圾清运及焚烧', '村垃圾清运及焚烧']);
    // The name is one of the matching lines of both, and the line in an indicator of the second.
    const lines = data.slice(0, 2).map((d, n) => hitLines(d, outcome.hits[n]!, '圾清运'));
    for (const l of lines) expect(l.some((line) => line.line === undefined)).toBe(true);
    expect(lines.flat().map((l) => l.line?.t)).toContain('按要求的村垃圾清运数量');
  });

  it('puts exact phrase matches before loose ones', async () => {
    // 垃圾 and 焚烧 both occur, but never as 垃圾焚烧.
    const outcome = await searchPages(pagefind, '垃圾焚烧');
    expect(outcome.exactCount).toBe(0);
    expect(outcome.hits.length).toBeGreaterThan(0);
    const exact = await searchPages(pagefind, '垃圾清运');
    const data = await Promise.all(exact.hits.map((h) => h.data()));
    data.forEach((d, n) => {
      const project = projects.find((p) => pageOf(p) === d.url)!;
      expect(searchable(project).some((t) => containsQuery(t, '垃圾清运')), d.url).toBe(n < exact.exactCount);
    });
  });

  it('narrows results with a line filter to pages with such a line, and shows only those lines', async () => {
    const all = await searchPages(pagefind, '满意度');
    const filtered = await searchPages(pagefind, '满意度', { 一级指标: '满意度指标' });
    const kept = await keepHitsWithLines(filtered.hits, '满意度', { 一级指标: '满意度指标' });
    expect(kept.hits.filter((h) => h.exact)).toHaveLength(14);
    expect(all.exactCount).toBeGreaterThanOrEqual(14);
    for (const hit of kept.hits) for (const l of hit.lines) expect(l.line?.f?.一级指标).toBe('满意度指标');
    // 效益指标 lines never contain 满意度 on this site: no page is kept.
    const none = await searchPages(pagefind, '满意度', { 一级指标: '效益指标' });
    expect((await keepHitsWithLines(none.hits, '满意度', { 一级指标: '效益指标' })).hits.filter((h) => h.exact)).toEqual([]);
  });

  it('searches one project alone (search in this project)', async () => {
    const outcome = await searchPages(pagefind, '满意度', {}, { scope: '2023/483001/13022923P00JXC414321L' });
    expect(outcome.hits).toHaveLength(1);
    expect((await outcome.hits[0]!.data()).url).toBe('/2023/483001/projects/13022923P00JXC414321L/');
    expect(outcome.exactCount).toBe(1);
  });

  it('does not search a single Chinese character (its prefix would miss results on a large site)', async () => {
    expect((await searchPages(pagefind, '垃')).tooShort).toBe(true);
    expect((await searchPages(pagefind, ' 垃 ')).tooShort).toBe(true);
    expect((await searchPages(pagefind, '垃圾')).tooShort).toBeUndefined();
  });

  it('keeps page chrome out of the index', async () => {
    // Words that appear on every page (navigation, footer) but in no content field.
    for (const chrome of ['数据下载', '主办单位', '大字模式', '跳到正文', '本页内容最后更新']) {
      expect(projects.some((p) => searchable(p).some((t) => containsQuery(t, chrome))), chrome).toBe(false);
      expect((await searchPages(pagefind, chrome)).exactCount, chrome).toBe(0);
    }
  });
});
