// The site's pages, as the 网站地图 page lists them (grouped by year and unit) and as sitemap.xml
// gives them to search engines, each with the date its content last changed: the same date its
// footer shows, from the same content files (pageFiles, which the pages use too). Posters and old
// versions are not listed (a poster is the print version of its page, marked noindex; a version
// page is a record reached from its table's 修订记录), nor the 404 page and the files.
import { contentFilesOf, isCounty, type ProjectCycle, type ProjectEntry, type UnitYear } from '../site/entries.ts';
import { budgetEntryOf, budgetFilesOf } from '../site/budget-entries.ts';
import type { BudgetKind } from '../site/content-layout.ts';
import { budgetPagePath, countyYearPath, departmentPath, indicatorsPath, projectPath, siteMapPath, sitemapXmlPath, unitYearPath, updatesPath } from '../site/paths.ts';
import { absoluteUrl, unitYearLabel } from './page-meta.ts';
import { resultFilesOf } from './results-view.ts';

const files = (cycle: ProjectCycle | undefined) => (cycle ? resultFilesOf(cycle).map((f) => f.file) : []);

/**
 * The content files whose newest change is a page's 最后更新 date (git-dates.ts lastChangedOf):
 * the pages and the sitemap take them from here, so that sitemap.xml's lastmod, the page's
 * PubDate and its footer agree.
 */
export const pageFiles = {
  /** The home page, 搜索 and 数据下载 show every unit's year. */
  home: (all: readonly UnitYear[]) => all.flatMap(contentFilesOf),
  /** Every project table (搜索, 数据下载). */
  projects: (all: readonly UnitYear[]) => all.flatMap((uy) => uy.projects.map((p) => p.file)),
  /** A county's year sums its units' 部门预算 and 部门决算 too (their files, where any). */
  countyYear: (all: readonly UnitYear[], year: number) => all.filter((uy) => uy.year === year).flatMap((uy) => [...contentFilesOf(uy), ...(uy.budgets ?? []).flatMap((b) => pageFiles.budget(uy, b.kind))]),
  /** The overview counts the results as its content too (its summary, and the department's self-evaluation when the unit published no department targets). */
  unitYear: (uy: UnitYear) => [...contentFilesOf(uy), ...uy.results.flatMap(files), ...(uy.departmentEvaluation ? [uy.departmentEvaluation.file] : [])],
  department: (uy: UnitYear) => [...(uy.department ? [uy.department.file] : []), ...(uy.departmentEvaluation ? [uy.departmentEvaluation.file] : [])],
  indicators: (uy: UnitYear) => uy.projects.map((p) => p.file),
  /** A project's table with its monitoring and self-evaluation. */
  project: (uy: UnitYear, entry: ProjectEntry) => [entry.file, ...files(uy.results.find((c) => c.key === entry.data.key))],
  /** A project published with monitoring or a self-evaluation only. */
  resultsOnly: (cycle: ProjectCycle) => files(cycle),
  /** A 部门预算 or 部门决算 page: its YAML and its 情况说明. */
  budget: (uy: UnitYear, kind: BudgetKind) => {
    const entry = budgetEntryOf(uy.year, uy.unit, kind);
    return entry ? budgetFilesOf(entry) : [];
  },
};

/** A page in the map: its title, its site path (under the base) and the date its content last changed (ISO). */
export interface MapPage {
  label: string;
  path: string;
  date: string;
}

export interface MapProject extends MapPage {
  /** 项目编码, when the table has one (a 网址标识 names the page otherwise). */
  code?: string;
}

export interface MapUnit {
  unit: string;
  unitName: string;
  /** The unit's year: overview, 部门整体绩效目标, 全部绩效指标 (absent when every file of the year was deleted). */
  pages: MapPage[];
  projects: MapProject[];
  /** Withdrawn projects that keep their page (撤回的日期和原因). */
  withdrawn: MapProject[];
}

export interface MapYear {
  year: number;
  /** A county's summary of the year (`/<年度>/`), on sites with several units. */
  overview?: MapPage;
  /** The 部门预算、决算公开情况 of the year (`/<年度>/disclosure/`), where some unit has budget files. */
  disclosure?: MapPage;
  units: MapUnit[];
}

export interface SiteMap {
  /** 首页, 搜索, 数据下载, 最近更新, 说明. */
  sections: MapPage[];
  years: MapYear[];
  /** The newest date of any page listed: the 网站地图 page's own date. */
  date: string;
  /** Whether the home page is a page of its own (a county); a single unit's home is its newest overview (rel=canonical). */
  ownHome: boolean;
}

/** A withdrawn project's page, as the history records it (history-view.ts withdrawnProjects). */
export interface WithdrawnPage {
  year: number;
  unit: string;
  /** 单位名称 of its last version (the unit's year may be gone). */
  unitName: string;
  key: string;
  name: string;
  /** When it was withdrawn: the page's date. */
  date: string;
}

export interface SiteMapInput {
  all: readonly UnitYear[];
  withdrawn?: readonly WithdrawnPage[];
  /** 最近更新's date: its newest change (history-view.ts changeEvents). */
  updated: string;
  /** content/about.md, the 说明 page's file. */
  aboutFile: string;
  /** The newest change of some files (git-dates.ts lastChangedOf). */
  dateOf: (files: string[]) => string;
  /** The years with a 公开情况 page: its path and the budget files it is built from (outputs/budget-downloads.ts). */
  disclosure?: readonly { year: number; path: string; files: string[] }[];
}

const newest = (dates: readonly string[]) => dates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b), '1970-01-01T00:00:00Z');

export function siteMap({ all, withdrawn = [], updated, aboutFile, dateOf, disclosure = [] }: SiteMapInput): SiteMap {
  const county = isCounty(all);
  const sections: MapPage[] = [
    { label: '首页', path: '', date: dateOf(pageFiles.home(all)) },
    { label: '搜索', path: 'search/', date: dateOf(pageFiles.projects(all)) },
    { label: '数据下载', path: 'data/', date: dateOf(pageFiles.projects(all)) },
    { label: '最近更新', path: updatesPath, date: updated },
    { label: '说明', path: 'about/', date: dateOf([aboutFile]) },
  ];
  const years = [...new Set([...all.map((uy) => uy.year), ...withdrawn.map((w) => w.year), ...disclosure.map((d) => d.year)])].sort((a, b) => b - a);
  const mapYears: MapYear[] = years.map((year) => {
    const unitYears = all.filter((uy) => uy.year === year);
    const open = disclosure.find((d) => d.year === year);
    const units = [...new Set([...unitYears.map((uy) => uy.unit), ...withdrawn.filter((w) => w.year === year).map((w) => w.unit)])].sort();
    return {
      year,
      ...(county && unitYears.length > 0 ? { overview: { label: `${year}年各单位汇总`, path: countyYearPath(year), date: dateOf(pageFiles.countyYear(all, year)) } } : {}),
      ...(open ? { disclosure: { label: `${year}年部门预算、决算公开情况`, path: open.path, date: dateOf(open.files) } } : {}),
      units: units.map((unit): MapUnit => {
        const uy = unitYears.find((u) => u.unit === unit);
        const gone = withdrawn.filter((w) => w.year === year && w.unit === unit);
        const pages: MapPage[] = uy
          ? [
              { label: '概览与项目', path: unitYearPath(year, unit), date: dateOf(pageFiles.unitYear(uy)) },
              ...(uy.department ? [{ label: '部门整体绩效目标', path: departmentPath(year, unit), date: dateOf(pageFiles.department(uy)) }] : []),
              { label: '全部绩效指标', path: indicatorsPath(year, unit), date: dateOf(pageFiles.indicators(uy)) },
              ...(uy.budgets ?? []).map(({ kind, file }) => ({ label: kind, path: budgetPagePath(year, unit, file), date: dateOf(pageFiles.budget(uy, kind)) })),
            ]
          : [];
        const projects: MapProject[] = uy
          ? [
              ...uy.projects.map((entry) => ({
                label: entry.data.name,
                path: projectPath(year, unit, entry.data.key),
                date: dateOf(pageFiles.project(uy, entry)),
                ...(entry.data.code !== undefined ? { code: entry.data.code } : {}),
              })),
              ...uy.results
                .filter((c) => !c.target)
                .map((cycle) => {
                  const code = cycle.evaluation?.data.code ?? cycle.monitoring?.data.code;
                  return { label: cycle.name, path: projectPath(year, unit, cycle.key), date: dateOf(pageFiles.resultsOnly(cycle)), ...(code !== undefined ? { code } : {}) };
                }),
            ]
          : [];
        return {
          unit,
          unitName: uy?.unitName ?? gone[0]!.unitName,
          pages,
          projects,
          withdrawn: gone.map((w) => ({ label: w.name, path: projectPath(year, unit, w.key), date: w.date })),
        };
      }),
    };
  });
  const dates = [...sections, ...mapYears.flatMap((y) => [...(y.overview ? [y.overview] : []), ...(y.disclosure ? [y.disclosure] : []), ...y.units.flatMap((u) => [...u.pages, ...u.projects, ...u.withdrawn])])].map((p) => p.date);
  return { sections, years: mapYears, date: newest(dates), ownHome: county };
}

/** The unit's heading in the map: `玉田县林南仓镇人民政府本级 2023年（单位编码 483001）`. */
export const mapUnitHeading = (year: number, u: Pick<MapUnit, 'unit' | 'unitName'>) => `${unitYearLabel(u.unitName, year)}（单位编码 ${u.unit}）`;

/** Every page the map lists, in its order, for sitemap.xml: the home page only where it is its own canonical page; the 网站地图 itself. */
export function mapPages(map: SiteMap): MapPage[] {
  return [
    ...map.sections.filter((s) => s.path !== '' || map.ownHome),
    ...map.years.flatMap((y) => [...(y.overview ? [y.overview] : []), ...(y.disclosure ? [y.disclosure] : []), ...y.units.flatMap((u) => [...u.pages, ...u.projects, ...u.withdrawn])]),
    { label: '网站地图', path: siteMapPath, date: map.date },
  ];
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A page's absolute address as the sitemap protocol wants it: 网站地址 + 基础路径 + path, percent-encoded. */
export const sitemapLoc = (siteUrl: string, base: string, path: string) => new URL(absoluteUrl(siteUrl, base, path)!).href;

/**
 * sitemap.xml (sitemaps.org protocol 0.9): each page's absolute address and, where known, the date
 * its content last changed (never the build's date, so two builds of one commit are identical).
 * One file holds up to 50,000 addresses, far more than a county's pages.
 */
export function sitemapXml(pages: readonly Pick<MapPage, 'path' | 'date'>[], siteUrl: string, base: string): string {
  const urls = pages.map((p) => {
    const lastmod = Date.parse(p.date) > 0 ? `<lastmod>${xmlEscape(p.date)}</lastmod>` : '';
    return `  <url><loc>${xmlEscape(sitemapLoc(siteUrl, base, p.path))}</loc>${lastmod}</url>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
}

/** robots.txt: every page may be read, and where the sitemap is. */
export function robotsTxt(siteUrl: string, base: string): string {
  return `User-agent: *\nDisallow:\n\nSitemap: ${sitemapLoc(siteUrl, base, sitemapXmlPath)}\n`;
}

/** Each year's page, for the 404 page: a county's summary of the year, or a single unit's overview of it. */
export function yearPages(all: readonly UnitYear[]): { label: string; path: string }[] {
  if (isCounty(all)) return [...new Set(all.map((uy) => uy.year))].map((year) => ({ label: `${year}年`, path: countyYearPath(year) }));
  return all.map((uy) => ({ label: `${uy.year}年`, path: unitYearPath(uy.year, uy.unit) }));
}

/** How many years, units and projects the map lists (its description). */
export function mapCounts(map: SiteMap): { years: number; units: number; projects: number } {
  return {
    years: map.years.length,
    units: new Set(map.years.flatMap((y) => y.units.map((u) => u.unit))).size,
    projects: map.years.reduce((n, y) => n + y.units.reduce((m, u) => m + u.projects.length, 0), 0),
  };
}
