// What a page says about itself to search engines and link previews: a one-sentence meta
// description computed from the data (fixed templates, nothing guessed), and the absolute URL for
// canonical and Open Graph tags, which exist only when site.yaml names the site's address.
import type { Project } from '../../schema/project.ts';
import { totalsOf } from './aggregate.ts';
import { formatYuan, toFen } from '../reading/money.ts';
import { chinaMinute } from '../site/git-dates.ts';

/** A search engine shows about this many characters; longer descriptions are cut at a sentence-friendly place. */
export const MAX_DESCRIPTION = 150;

/** One line of plain text, at most MAX_DESCRIPTION characters (cut with an ellipsis). */
export function clampDescription(text: string, max = MAX_DESCRIPTION): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  return chars.length <= max ? plain : `${chars.slice(0, max - 1).join('')}…`;
}

/** A unit's year as the descriptions need it (a structural slice of site-content's UnitYear). */
export interface UnitYearFacts {
  year: number;
  unit: string;
  unitName: string;
  projects: { data: Project }[];
}

const yuan = (fen: bigint) => `${formatYuan(fen)} 元`;
const phasesOf = (projects: readonly Project[]) => [...new Set(projects.map((p) => p.budgetPhase))].join('、') || '年初预算';

/** `<单位> <年度>年项目“<名称>”：预算数 X 元（年初预算；财政资金 Y 元），N 条绩效指标。` */
export function projectDescription(p: Project): string {
  const parts: string[] = [p.budgetPhase];
  if (p.fiscal !== undefined) parts.push(`财政资金 ${yuan(toFen(p.fiscal, p.moneyUnit))}`);
  if (p.other !== undefined) parts.push(`其他资金 ${yuan(toFen(p.other, p.moneyUnit))}`);
  return clampDescription(
    `${p.unitName} ${p.fiscalYear}年项目“${p.name}”：预算数 ${yuan(toFen(p.total, p.moneyUnit))}（${parts.join('；')}），${p.indicators.length} 条绩效指标。`,
  );
}

/** A unit's year: how many projects, their 预算数 合计 and indicators. */
export function unitYearDescription(uy: UnitYearFacts): string {
  const projects = uy.projects.map((e) => e.data);
  if (projects.length === 0) return clampDescription(`${uy.unitName}（单位编码 ${uy.unit}）${uy.year}年预算绩效公开：部门整体绩效目标。`);
  const t = totalsOf(projects);
  return clampDescription(
    `${uy.unitName}（单位编码 ${uy.unit}）${uy.year}年预算绩效目标：${t.projects} 个项目，预算数合计 ${yuan(t.total)}（${phasesOf(projects)}），${t.indicators} 条绩效指标。`,
  );
}

/** The county's year: units, projects and their 预算数 合计. */
export function countyYearDescription(year: number, units: readonly UnitYearFacts[]): string {
  const projects = units.flatMap((uy) => uy.projects.map((e) => e.data));
  const t = totalsOf(projects);
  return clampDescription(`${year}年各单位预算绩效目标：${units.length} 个单位、${t.projects} 个项目，预算数合计 ${yuan(t.total)}（${phasesOf(projects)}）。`);
}

/** The home page of a county (several units): the years and units it publishes. */
export function countyHomeDescription(siteTitle: string, all: readonly UnitYearFacts[]): string {
  const years = [...new Set(all.map((uy) => uy.year))].sort((a, b) => b - a);
  const units = new Set(all.map((uy) => uy.unit)).size;
  if (years.length === 0) return clampDescription(`${siteTitle}：还没有公开任何预算绩效目标。`);
  const projects = all.reduce((n, uy) => n + uy.projects.length, 0);
  return clampDescription(`${siteTitle}：${units} 个单位 ${years.map((y) => `${y}年`).join('、')}的部门预算绩效目标，共 ${projects} 张项目绩效目标表，可检索、可下载。`);
}

/** 部门整体绩效目标 of a unit's year. */
export function departmentDescription(uy: Pick<UnitYearFacts, 'year' | 'unitName'>, firstGoal?: string): string {
  const goal = firstGoal?.trim();
  return clampDescription(`${uy.unitName} ${uy.year}年部门整体绩效目标${goal ? `：${goal}` : '。'}`);
}

/** Every indicator of a unit's year on one page. */
export function indicatorsDescription(uy: UnitYearFacts): string {
  const count = uy.projects.reduce((n, e) => n + e.data.indicators.length, 0);
  return clampDescription(`${uy.unitName} ${uy.year}年全部绩效指标：${uy.projects.length} 个项目共 ${count} 条，按一级、二级指标分组，每条链接到项目绩效目标表中的那一行。`);
}

/** A project published with monitoring or a self-evaluation only. */
export function resultsOnlyDescription(uy: Pick<UnitYearFacts, 'year' | 'unitName'>, name: string, stages: readonly string[]): string {
  return clampDescription(`${uy.unitName} ${uy.year}年项目“${name}”的${stages.join('和')}：资金执行和每条绩效指标的完成情况。`);
}

export function searchDescription(siteTitle: string): string {
  return clampDescription(`搜索${siteTitle}的项目名称、绩效目标、资金用途和绩效指标；输入词语的一部分也能找到。`);
}

export function dataDescription(siteTitle: string, projects: number, indicators: number): string {
  return clampDescription(`${siteTitle}的全部数据下载：${projects} 个项目、${indicators} 条绩效指标，CSV（Excel 可直接打开）、Excel、JSON 和 datapackage.json。`);
}

/**
 * The first paragraph of a Markdown page as plain text (the 说明 page's description): the first
 * block that is not a heading, list, quote, table, code or HTML, with inline marks removed.
 */
export function firstParagraphOf(markdown: string): string | undefined {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const text = block.trim();
    if (text === '' || /^(#|[-*+] |\d+[.)] |>|\||```|~~~|<|!\[)/.test(text)) continue;
    const plain = text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/\s*\n\s*/g, '')
      .trim();
    if (plain !== '') return plain;
  }
  return undefined;
}

export function aboutDescription(markdown: string, siteTitle: string): string {
  return clampDescription(firstParagraphOf(markdown) ?? `${siteTitle}的说明与名词解释。`);
}

/**
 * The absolute address of a page: 网站地址 + 基础路径 + the page's path under the base, or
 * undefined when site.yaml has no 网站地址 (a relative canonical or og:url would be wrong).
 * `pathname` is the page's path as served, with the base (Astro.url.pathname).
 */
export function absoluteUrl(siteUrl: string | undefined, base: string, pathname: string): string | undefined {
  if (!siteUrl) return undefined;
  const normalBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  let path = pathname.startsWith(normalBase) ? pathname.slice(normalBase.length) : pathname.replace(/^\/+/, '');
  path = path.replace(/^\/+/, '');
  return `${siteUrl.replace(/\/+$/, '')}${normalBase}${path}`;
}

export interface SocialTags {
  canonical: string;
  /** property → content, in the order they are written. */
  openGraph: [string, string][];
}

/** Canonical and Open Graph tags of a page, or undefined when the site's address is not set. */
export function socialTags(input: { siteUrl?: string; base: string; pathname: string; title: string; description: string; siteName: string; type?: 'website' | 'article' }): SocialTags | undefined {
  const url = absoluteUrl(input.siteUrl, input.base, input.pathname);
  if (url === undefined) return undefined;
  return {
    canonical: url,
    openGraph: [
      ['og:type', input.type ?? 'website'],
      ['og:site_name', input.siteName],
      ['og:locale', 'zh_CN'],
      ['og:title', input.title],
      ['og:description', input.description],
      ['og:url', url],
    ],
  };
}

/** The name a unit's year goes by (its overview's title; the 栏目 of its pages). */
export const unitYearLabel = (unitName: string, year: number) => `${unitName} ${year}年`;

/**
 * What a page is, for the 政府网站 page metadata: the 栏目 (column) it belongs to, and whether it
 * is one document (文章: a table, the 说明) with a title and a date of its own.
 */
export interface GovPage {
  /** ColumnName: the page's 栏目 (a column page names itself; a document names the column it is in). */
  column?: string;
  /** The page as a document: its title (ArticleTitle) and the date its content last changed (PubDate). */
  article?: { title: string; published: string };
}

export interface GovSite {
  /** 网站名称 → SiteName */
  siteName: string;
  /** 网站地址 → SiteDomain (the host name) */
  siteUrl?: string;
  /** 网站标识码 → SiteIDCode */
  siteCode?: string;
  /** 主办单位 → ContentSource of documents */
  publisher: string;
}

/**
 * The page metadata that government web pages carry (`<meta name="SiteName">` …), read by site
 * censuses and by portals that gather their sites' pages: each written only when its value is
 * known. Site: SiteName, SiteDomain, SiteIDCode. Column: ColumnName. Document: ArticleTitle,
 * PubDate (China time, `YYYY-MM-DD HH:mm`), ContentSource, and Url (only with 网站地址). Not
 * written: Description and Keywords (meta names ignore case, so Description would be a second
 * `description`; the data has no keywords), Author, Image, ColumnDescription, ColumnType.
 */
export function govMetaTags(site: GovSite, page: GovPage = {}, url?: string): [string, string][] {
  const tags: [string, string][] = [['SiteName', site.siteName]];
  if (site.siteUrl) tags.push(['SiteDomain', new URL(site.siteUrl).host]);
  if (site.siteCode) tags.push(['SiteIDCode', site.siteCode]);
  if (page.column) tags.push(['ColumnName', page.column]);
  if (page.article) {
    tags.push(['ArticleTitle', page.article.title]);
    if (Date.parse(page.article.published) > 0) tags.push(['PubDate', chinaMinute(page.article.published)]);
    tags.push(['ContentSource', site.publisher]);
    if (url) tags.push(['Url', url]);
  }
  return tags.filter(([, content]) => content.trim() !== '');
}

export function siteMapDescription(siteTitle: string, counts: { years: number; units: number; projects: number }): string {
  return clampDescription(`${siteTitle}的网站地图：栏目，以及 ${counts.years} 个年度、${counts.units} 个单位的概览、部门整体绩效目标、全部绩效指标和 ${counts.projects} 个项目的页面。`);
}

export function notFoundDescription(siteTitle: string): string {
  return clampDescription(`${siteTitle}没有这个网址的页面。可以从首页、搜索、最近更新或网站地图找到要看的内容。`);
}
