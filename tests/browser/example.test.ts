// The example county (examples/county, built as `npm run build:example` does): a site of 示例数据
// must say so on every page, in the banner and the title, so that nobody takes it for a real
// disclosure. Every page the crawler reached is read as served (no JavaScript needed).
import { describe, expect, it } from 'vitest';
import { DEMO_LABEL, DEMO_NOTICE } from '../../src/lib/site/demo.ts';
import { pagePath, sitesUnderTest } from './sites.ts';

const example = sitesUnderTest().find((s) => s.name === 'example')!;

describe('example site (示例数据)', () => {
  it('was built and crawled, results included', () => {
    expect(example, 'the global setup builds the example site').toBeDefined();
    const paths = example.crawl.pages.map((url) => pagePath(example, url));
    expect(paths).toContain('/');
    expect(paths).toContain('/data/');
    expect(paths.some((p) => p.startsWith('/2023/')) && paths.some((p) => p.startsWith('/2024/'))).toBe(true);
  });

  it('shows the 示例数据 banner and title prefix on every page', async () => {
    const missing: string[] = [];
    for (const url of example.crawl.pages) {
      const html = await (await fetch(url)).text();
      const banner = /<p class="demo-banner"[^>]*>\s*<strong[^>]*>([^<]*)<\/strong>/.exec(html)?.[1];
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      if (banner !== DEMO_NOTICE || !title.startsWith(`【${DEMO_LABEL}】`)) missing.push(`${pagePath(example, url)}（横幅：${banner ?? '无'}；标题：${title}）`);
    }
    expect(missing).toEqual([]);
  });

  it('marks the site-wide downloads as 示例数据', async () => {
    const csv = await (await fetch(`${example.baseUrl}data/evaluations.csv`)).text();
    // (The text decoder drops the BOM.)
    expect(csv.replace(/^\uFEFF/, '').startsWith(`${DEMO_LABEL},`)).toBe(true);
    const all = (await (await fetch(`${example.baseUrl}data/gongkai.json`)).json()) as Record<string, unknown>;
    expect(Object.keys(all)[0]).toBe(DEMO_LABEL);
    const pkg = (await (await fetch(`${example.baseUrl}data/datapackage.json`)).json()) as { description: string };
    expect(pkg.description.startsWith(DEMO_NOTICE)).toBe(true);
  });
});
