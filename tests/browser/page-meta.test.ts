// What pages tell search engines and link previews: a meta description on every page of every
// site; canonical and Open Graph tags with absolute addresses on the site whose site.yaml names its
// 网站地址 (sub: https://www.example.gov.cn + /yusuan/), and none at all where it does not (root).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUB_SITE_URL } from './global-setup.ts';
import { pagePath, sitesUnderTest, type SiteUnderTest } from './sites.ts';

const sites = sitesUnderTest();
const root = sites.find((s) => s.name === 'root')!;
const sub = sites.find((s) => s.name === 'sub')!;

/** The built HTML of a crawled page (read from disk: the head is what matters, not the DOM after scripts). */
function htmlOf(site: SiteUnderTest, url: string): string {
  const path = new URL(url).pathname.slice(site.basePath.length);
  return readFileSync(join(site.distDir, path, 'index.html'), 'utf8');
}
const head = (html: string) => html.slice(0, html.indexOf('</head>'));
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const metaContent = (html: string, key: string) => {
  const tag = head(html).match(new RegExp(`<meta (?:name|property)="${key}"[^>]*>`))?.[0];
  return tag === undefined ? undefined : attr(tag, 'content')?.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");
};
const canonicalOf = (html: string) => {
  const tag = head(html).match(/<link rel="canonical"[^>]*>/)?.[0];
  return tag === undefined ? undefined : attr(tag, 'href');
};
const htmlPages = (site: SiteUnderTest) => site.crawl.pages.filter((u) => !/\.[a-z]+$/.test(new URL(u).pathname));

describe('meta description', () => {
  for (const site of sites) {
    it(`every page of the ${site.name} site has a description of its own, from its data`, () => {
      const seen = new Map<string, string>();
      for (const url of htmlPages(site)) {
        const description = metaContent(htmlOf(site, url), 'description');
        expect(description, pagePath(site, url)).toBeTruthy();
        expect([...description!].length, pagePath(site, url)).toBeLessThanOrEqual(150);
        seen.set(pagePath(site, url), description!);
      }
      expect(seen.size).toBeGreaterThan(3);
    });
  }

  it('says a project’s budget and indicator count', () => {
    const html = htmlOf(root, `${root.baseUrl}2023/483001/projects/13022923P00JXC415564L/`);
    expect(metaContent(html, 'description')).toBe('玉田县林南仓镇人民政府本级 2023年项目“2022年村级垃圾清运及焚烧”：预算数 219,800.00 元（年初预算；财政资金 219,800.00 元），9 条绩效指标。');
  });
});

describe('canonical and Open Graph', () => {
  it('are absent where site.yaml has no 网站地址 (a relative address would be wrong)', () => {
    for (const url of htmlPages(root)) {
      const html = head(htmlOf(root, url));
      expect(canonicalOf(html), pagePath(root, url)).toBeUndefined();
      expect(html, pagePath(root, url)).not.toContain('property="og:');
    }
  });

  it('give every page its absolute address: 网站地址 + 基础路径 + page path', () => {
    const pages = htmlPages(sub);
    expect(pages.length).toBeGreaterThan(3);
    for (const url of pages) {
      const html = htmlOf(sub, url);
      const path = new URL(url).pathname;
      // The home page of a single unit is that unit's newest overview: it names the overview as canonical.
      // A poster is the print version of its page: its address is the page's (as its QR code).
      const expected = path === sub.basePath ? `${SUB_SITE_URL}${sub.basePath}2023/483001/` : `${SUB_SITE_URL}${path.replace(/poster\/$/, '')}`;
      expect(canonicalOf(html), pagePath(sub, url)).toBe(expected);
      expect(metaContent(html, 'og:url'), pagePath(sub, url)).toBe(expected);
      expect(metaContent(html, 'og:type')).toBe('website');
      expect(metaContent(html, 'og:locale')).toBe('zh_CN');
      expect(metaContent(html, 'og:site_name')).toBe('林南仓镇预算绩效目标公开');
      expect(metaContent(html, 'og:title')).toBe(/<title>([^<]*)<\/title>/.exec(html)![1]!.replace(/&amp;/g, '&'));
      expect(metaContent(html, 'og:description')).toBe(metaContent(html, 'description'));
    }
  });

  it('point a project page at its own address under the base', () => {
    const html = htmlOf(sub, `${sub.baseUrl}2023/483001/projects/13022923P00JXC415564L/`);
    expect(canonicalOf(html)).toBe('https://www.example.gov.cn/yusuan/2023/483001/projects/13022923P00JXC415564L/');
    expect(metaContent(html, 'og:title')).toBe('2022年村级垃圾清运及焚烧 - 林南仓镇预算绩效目标公开');
  });
});
