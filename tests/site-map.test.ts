// What a government website is checked for (issue 25), computed without a build: the pages the
// 网站地图 and sitemap.xml list and the date of each, sitemap.xml and robots.txt, the 政府网站
// page metadata, and the footer's registration links, 党政机关网站标识 and links.
import { describe, expect, it } from 'vitest';
import type { UnitYear } from '../src/lib/site/entries.ts';
import { govMetaTags } from '../src/lib/views/page-meta.ts';
import { contactTarget, ICP_REGISTRY, psbRecordUrl, siteFooter } from '../src/lib/views/site-footer.ts';
import { mapCounts, mapPages, pageFiles, robotsTxt, siteMap, sitemapXml, yearPages, type SiteMapInput } from '../src/lib/views/site-map.ts';
import { siteSchema } from '../src/schema/site.ts';

// Each file's date is its name's number of days after 2024-01-01 (noon, China time).
const DAY = 86_400_000;
const dateOfFile = (file: string) => new Date(Date.parse('2024-01-01T04:00:00Z') + Number(/(\d+)\.yaml$/.exec(file)?.[1] ?? 0) * DAY).toISOString();
const dateOf = (files: string[]) => files.map(dateOfFile).reduce((a, b) => (a >= b ? a : b), '1970-01-01T00:00:00.000Z');

const entry = (file: string, data: Record<string, unknown>) => ({ file, sourcePath: `content/${file}`, data });
/** A project table; `null` for one named by its 网址标识 (no 项目编码). */
const project = (file: string, key: string, name: string, code: string | null = key) => entry(file, { key, name, ...(code !== null ? { code } : {}) });

/** A county: unit A with department targets, two projects (one with a self-evaluation) and a project with results only; unit B with one project, in 2024; unit A again in 2023. */
function county(): UnitYear[] {
  const a1 = project('2024/A/projects/p-10.yaml', 'P1', '道路养护');
  const a2 = project('2024/A/projects/p-3.yaml', 'P2', '垃圾清运');
  const evaluation = entry('2024/A/evaluations/e-40.yaml', { key: 'P1', code: 'P1' });
  const onlyResults = entry('2024/A/monitoring/m-5.yaml', { key: 'P9', code: 'P9' });
  return [
    {
      year: 2024,
      unit: 'A',
      unitName: '甲单位',
      department: entry('2024/A/department-2.yaml', {}),
      projects: [a1, a2],
      results: [
        { key: 'P1', name: '道路养护', target: a1, evaluation },
        { key: 'P9', name: '只有监控的项目', monitoring: onlyResults },
      ],
    },
    { year: 2024, unit: 'B', unitName: '乙单位', projects: [project('2024/B/projects/q-7.yaml', 'slug-q', '网址标识的项目', null)], results: [] },
    { year: 2023, unit: 'A', unitName: '甲单位', projects: [project('2023/A/projects/p-1.yaml', 'P1', '道路养护')], results: [] },
  ] as unknown as UnitYear[];
}

const input = (all: UnitYear[], extra: Partial<SiteMapInput> = {}): SiteMapInput => ({
  all,
  updated: '2024-03-01T02:00:00Z',
  aboutFile: 'about-0.yaml',
  dateOf,
  ...extra,
});

describe('网站地图 and sitemap.xml: the pages and their dates', () => {
  const map = siteMap(input(county(), { withdrawn: [{ year: 2023, unit: 'A', unitName: '甲单位', key: 'P0', name: '撤回的项目', date: '2024-02-01T00:00:00Z' }] }));

  it('groups every year, unit, 部门 page and project, newest year first, with the withdrawn projects', () => {
    expect(map.sections.map((s) => s.label)).toEqual(['首页', '搜索', '数据下载', '最近更新', '说明']);
    expect(map.years.map((y) => y.year)).toEqual([2024, 2023]);
    const [y2024, y2023] = map.years;
    expect(y2024!.overview).toMatchObject({ label: '2024年各单位汇总', path: '2024/' });
    expect(y2024!.units.map((u) => u.unitName)).toEqual(['甲单位', '乙单位']);
    const a = y2024!.units[0]!;
    expect(a.pages.map((p) => [p.label, p.path])).toEqual([
      ['概览与项目', '2024/A/'],
      ['部门整体绩效目标', '2024/A/department/'],
      ['全部绩效指标', '2024/A/indicators/'],
    ]);
    expect(a.projects.map((p) => [p.label, p.path, p.code])).toEqual([
      ['道路养护', '2024/A/projects/P1/', 'P1'],
      ['垃圾清运', '2024/A/projects/P2/', 'P2'],
      ['只有监控的项目', '2024/A/projects/P9/', 'P9'],
    ]);
    // A unit without department targets has no 部门 page; a 网址标识 is no 项目编码.
    expect(y2024!.units[1]!.pages.map((p) => p.label)).toEqual(['概览与项目', '全部绩效指标']);
    expect(y2024!.units[1]!.projects[0]).not.toHaveProperty('code');
    expect(y2023!.units[0]!.withdrawn).toEqual([{ label: '撤回的项目', path: '2023/A/projects/P0/', date: '2024-02-01T00:00:00Z' }]);
    expect(mapCounts(map)).toEqual({ years: 2, units: 2, projects: 5 });
  });

  it('dates each page by the files its footer is dated by: a project with its self-evaluation, an overview with all its files', () => {
    const a = map.years[0]!.units[0]!;
    expect(a.projects[0]!.date).toBe(dateOfFile('e-40.yaml')); // the self-evaluation is newer than the table
    expect(a.projects[1]!.date).toBe(dateOfFile('p-3.yaml'));
    expect(a.projects[2]!.date).toBe(dateOfFile('m-5.yaml'));
    expect(a.pages[0]!.date).toBe(dateOfFile('e-40.yaml'));
    expect(a.pages[1]!.date).toBe(dateOfFile('department-2.yaml'));
    expect(a.pages[2]!.date).toBe(dateOfFile('p-10.yaml'));
    const all = county();
    expect(pageFiles.project(all[0]!, all[0]!.projects[0]!)).toEqual(['2024/A/projects/p-10.yaml', '2024/A/evaluations/e-40.yaml']);
    expect(pageFiles.unitYear(all[0]!)).toEqual(['2024/A/projects/p-10.yaml', '2024/A/projects/p-3.yaml', '2024/A/department-2.yaml', '2024/A/evaluations/e-40.yaml', '2024/A/monitoring/m-5.yaml']);
    // The map's own date is the newest of all (here 最近更新's).
    expect(map.sections.find((s) => s.label === '最近更新')!.date).toBe('2024-03-01T02:00:00Z');
    expect(map.date).toBe('2024-03-01T02:00:00Z');
  });

  it('gives sitemap.xml every page once, the 网站地图 itself, and a county’s home page; no poster, version or file', () => {
    const paths = mapPages(map).map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual([
      '',
      'search/',
      'data/',
      'updates/',
      'about/',
      '2024/',
      '2024/A/',
      '2024/A/department/',
      '2024/A/indicators/',
      '2024/A/projects/P1/',
      '2024/A/projects/P2/',
      '2024/A/projects/P9/',
      '2024/B/',
      '2024/B/indicators/',
      '2024/B/projects/slug-q/',
      '2023/',
      '2023/A/',
      '2023/A/indicators/',
      '2023/A/projects/P1/',
      '2023/A/projects/P0/',
      'sitemap/',
    ]);
    expect(paths.filter((p) => /poster|history|\.(csv|json|xlsx|yaml|xml)$/.test(p))).toEqual([]);
  });

  it('leaves out a single unit’s home page: it names its newest overview as canonical', () => {
    const single = siteMap(input(county().filter((uy) => uy.unit === 'A')));
    expect(single.ownHome).toBe(false);
    expect(single.years.every((y) => y.overview === undefined)).toBe(true);
    expect(mapPages(single).map((p) => p.path)).not.toContain('');
    expect(mapPages(single).map((p) => p.path)).toContain('2024/A/');
  });

  it('links the 404 page to each year: a county’s summaries, a single unit’s overviews', () => {
    expect(yearPages(county())).toEqual([{ label: '2024年', path: '2024/' }, { label: '2023年', path: '2023/' }]);
    expect(yearPages(county().filter((uy) => uy.unit === 'A'))).toEqual([{ label: '2024年', path: '2024/A/' }, { label: '2023年', path: '2023/A/' }]);
    expect(yearPages([])).toEqual([]);
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('writes absolute, percent-encoded, XML-escaped addresses under the base, with lastmod only when known', () => {
    const xml = sitemapXml(
      [
        { path: '', date: '2024-01-01T12:00:00+08:00' },
        { path: '2024/A/projects/道路-1/', date: '1970-01-01T00:00:00Z' },
        { path: 'search/?q=a&b', date: '2024-02-01T00:00:00Z' },
      ],
      'https://www.example.gov.cn/',
      '/yusuan/',
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://www.example.gov.cn/yusuan/</loc><lastmod>2024-01-01T12:00:00+08:00</lastmod></url>\n' +
        '  <url><loc>https://www.example.gov.cn/yusuan/2024/A/projects/%E9%81%93%E8%B7%AF-1/</loc></url>\n' +
        '  <url><loc>https://www.example.gov.cn/yusuan/search/?q=a&amp;b</loc><lastmod>2024-02-01T00:00:00Z</lastmod></url>\n' +
        '</urlset>\n',
    );
  });

  it('names the sitemap in robots.txt and lets every page be read', () => {
    expect(robotsTxt('https://www.example.gov.cn', '/')).toBe('User-agent: *\nDisallow:\n\nSitemap: https://www.example.gov.cn/sitemap.xml\n');
    expect(robotsTxt('https://www.example.gov.cn', '/yusuan/')).toContain('Sitemap: https://www.example.gov.cn/yusuan/sitemap.xml\n');
  });
});

describe('政府网站 page metadata', () => {
  const site = { siteName: '林南仓镇预算绩效目标公开', publisher: '玉田县林南仓镇人民政府' };

  it('writes only what is known: the site’s name always, its domain and 标识码 when site.yaml has them', () => {
    expect(govMetaTags(site)).toEqual([['SiteName', '林南仓镇预算绩效目标公开']]);
    expect(govMetaTags({ ...site, siteUrl: 'https://www.example.gov.cn/', siteCode: '1302290001' })).toEqual([
      ['SiteName', '林南仓镇预算绩效目标公开'],
      ['SiteDomain', 'www.example.gov.cn'],
      ['SiteIDCode', '1302290001'],
    ]);
  });

  it('names a column page’s column, and a document’s title, date (China time), source and address', () => {
    expect(govMetaTags(site, { column: '最近更新' })).toEqual([['SiteName', site.siteName], ['ColumnName', '最近更新']]);
    const tags = govMetaTags(site, { column: '玉田县林南仓镇人民政府本级 2023年', article: { title: '信访维稳', published: '2026-11-25T19:49:00Z' } }, 'https://www.example.gov.cn/2023/483001/projects/X/');
    expect(tags).toEqual([
      ['SiteName', site.siteName],
      ['ColumnName', '玉田县林南仓镇人民政府本级 2023年'],
      ['ArticleTitle', '信访维稳'],
      ['PubDate', '2026-11-26 03:49'],
      ['ContentSource', '玉田县林南仓镇人民政府'],
      ['Url', 'https://www.example.gov.cn/2023/483001/projects/X/'],
    ]);
    // Never a second description (meta names ignore case), and no date when none is known.
    expect(tags.map(([name]) => name.toLowerCase())).not.toContain('description');
    expect(govMetaTags(site, { article: { title: 'T', published: '1970-01-01T00:00:00Z' } }).map(([n]) => n)).toEqual(['SiteName', 'ArticleTitle', 'ContentSource']);
  });
});

describe('footer', () => {
  it('shows 网站地图 always, and nothing else site.yaml does not have', () => {
    expect(siteFooter({})).toEqual({ registration: [], links: [{ text: '网站地图', target: { path: 'sitemap/' } }] });
  });

  it('links the ICP and 公安 numbers to the registries, and shows the 标识码 as text', () => {
    const footer = siteFooter({ siteCode: '1302290001', icp: '冀ICP备12345678号-1', psb: '冀公网安备13022902000123号' });
    expect(footer.registration).toEqual([
      { text: '网站标识码：1302290001' },
      { text: '冀ICP备12345678号-1', target: { url: ICP_REGISTRY } },
      { text: '冀公网安备13022902000123号', target: { url: 'https://beian.mps.gov.cn/#/query/webSearch?code=13022902000123' } },
    ]);
    expect(psbRecordUrl('冀公网安备 13022902000123号')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=13022902000123');
  });

  it('shows the 党政机关网站标识 from public/ linking where site.yaml says, and 联系我们 to an address or a page of the site', () => {
    const footer = siteFooter({ badge: { image: '/images/dzjg.png', link: 'https://bszs.conac.cn/sitename?method=show&id=1' }, contactLink: 'about/' });
    expect(footer.badge).toEqual({ image: 'images/dzjg.png', url: 'https://bszs.conac.cn/sitename?method=show&id=1', alt: '党政机关网站标识：查看本网站的开办者信息' });
    expect(footer.links).toEqual([
      { text: '网站地图', target: { path: 'sitemap/' } },
      { text: '联系我们', target: { path: 'about/' } },
    ]);
    expect(contactTarget('https://www.example.gov.cn/lxwm/')).toEqual({ url: 'https://www.example.gov.cn/lxwm/' });
    expect(contactTarget('mailto:a@example.gov.cn')).toEqual({ url: 'mailto:a@example.gov.cn' });
    expect(contactTarget('/about/')).toEqual({ path: 'about/' });
  });

  it('site.yaml accepts these fields and refuses what would load from elsewhere or leave public/', () => {
    const base = { 网站名称: '某网站', 主办单位: '某单位', 联系方式: { 地址: '某地' } };
    const parsed = siteSchema.parse({ ...base, 党政机关网站标识: { 图片: 'images/dzjg.png', 链接: 'https://bszs.conac.cn/sitename?method=show&id=1' }, 联系我们: 'https://www.example.gov.cn/lxwm/' });
    expect(parsed.badge).toEqual({ image: 'images/dzjg.png', link: 'https://bszs.conac.cn/sitename?method=show&id=1' });
    expect(parsed.contactLink).toBe('https://www.example.gov.cn/lxwm/');
    for (const image of ['https://example.com/a.png', '../secret.png', 'images/../../a.png', 'a.exe', '']) {
      expect(siteSchema.safeParse({ ...base, 党政机关网站标识: { 图片: image, 链接: 'https://bszs.conac.cn/' } }).success, image).toBe(false);
    }
    expect(siteSchema.safeParse({ ...base, 党政机关网站标识: { 图片: 'a.png' } }).success).toBe(false);
    for (const link of ['javascript:alert(1)', '//evil.example/', 'ftp://x/', '']) {
      expect(siteSchema.safeParse({ ...base, 联系我们: link }).success, link).toBe(false);
    }
    for (const link of ['about/', '/about/', '/', 'mailto:a@example.gov.cn', 'http://www.example.gov.cn/lxwm/']) {
      expect(siteSchema.safeParse({ ...base, 联系我们: link }).success, link).toBe(true);
    }
  });
});
