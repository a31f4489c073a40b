// Every path of the site, in one place, relative to the base path (see href.ts for the base).
// Permalinks name the year and the unit so that adding years and units never changes an address.
// Plain TypeScript: also used outside Astro (the search indexer).

/** All units of one year (a county's overview). */
export const countyYearPath = (year: number) => `${year}/`;
export const unitYearPath = (year: number, unit: string) => `${year}/${unit}/`;
export const projectPath = (year: number, unit: string, code: string) => `${year}/${unit}/projects/${code}/`;
export const projectDownloadPath = (year: number, unit: string, code: string, ext: 'csv' | 'json' | 'xlsx') => `${year}/${unit}/projects/${code}.${ext}`;
/** The one-page A4 notice-board poster (公示海报) of a project, and of a unit's year. */
export const projectPosterPath = (year: number, unit: string, code: string) => `${projectPath(year, unit, code)}poster/`;
export const unitPosterPath = (year: number, unit: string) => `${unitYearPath(year, unit)}poster/`;
export const departmentPath = (year: number, unit: string) => `${year}/${unit}/department/`;
/** A unit-year's 部门预算 or 部门决算 page: `budget/`, `final-accounts/`, named as its file is (content-layout.ts BUDGET_FILES). */
export const budgetPagePath = (year: number, unit: string, file: 'budget' | 'final-accounts') => `${year}/${unit}/${file}/`;
export const indicatorsPath = (year: number, unit: string) => `${year}/${unit}/indicators/`;
/** Raw content files (YAML, the source document) are published under content/ as they lie there. */
export const contentFilePath = (relativeToContent: string) => `content/${relativeToContent}`;

/** Anchor of an indicator row on its project page; unique because the validator forbids duplicates. */
export const indicatorAnchor = (i: { level2?: string; name: string }) => `指标-${[i.level2, i.name].filter((s) => s !== undefined).join('-')}`.replace(/\s+/g, '_');

/** Anchor of the project table (资金用途, 绩效目标 …) on a project page. */
export const PROJECT_TABLE_ANCHOR = 'project-table';
/** Anchor of the overall goals (and what follows them) on a department page. */
export const DEPARTMENT_TABLE_ANCHOR = 'overall-targets';
/** Anchor of the 部门整体支出绩效自评 on a department page (or on the unit overview when the unit published no department targets). */
export const DEPARTMENT_EVALUATION_ANCHOR = 'department-evaluation';

/** Anchor of the 情况说明 on a 部门预算 or 部门决算 page ([budget].astro); its headings keep their own (markdown.ts headingId). */
export const BUDGET_NOTE_ANCHOR = '情况说明';
/** Anchor of a table on a 部门预算 or 部门决算 page, by its place in the file (表1 …). */
export const budgetTableAnchor = (table: number) => `表${table + 1}`;
/** Anchor of a row of that table, by its row number as the file's 合并 ranges count them (from 1): 表9-2. */
export const budgetRowAnchor = (table: number, row: number) => `${budgetTableAnchor(table)}-${row + 1}`;

/** An earlier (or the current) published version of a project's table, by the day of its commit (history.ts). */
export const projectVersionPath = (year: number, unit: string, code: string, slug: string) => `${projectPath(year, unit, code)}history/${slug}/`;
export const departmentVersionPath = (year: number, unit: string, slug: string) => `${departmentPath(year, unit)}history/${slug}/`;
/** 最近更新: every published change, newest first; and the same as an Atom feed. */
export const updatesPath = 'updates/';
export const feedPath = 'feed.xml';
/** Anchor of the 修订记录 section of a project or department page. */
export const REVISIONS_ANCHOR = 'revisions';
/** Anchor of the YAML as committed on a version page (the page's source). */
export const VERSION_YAML_ANCHOR = 'yaml';
/** 网站地图: every year, unit, 部门 page and project, linked from every page's footer. */
export const siteMapPath = 'sitemap/';
/** For search engines, only with 网站地址 (absolute addresses): the sitemap protocol's file and robots.txt naming it. */
export const sitemapXmlPath = 'sitemap.xml';
export const robotsPath = 'robots.txt';
/** The page a web server sends, with status 404, for an address the site does not have. */
export const notFoundPath = '404.html';
