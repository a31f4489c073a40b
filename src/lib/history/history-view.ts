// The history of a table (history.ts) as pages show it: the 修订记录 list, the budget adjustment
// (调整预算 against 年初预算), the note on an incomplete record, and the site's list of changes for
// 最近更新 and the Atom feed. Plain TypeScript; the .astro files lay it out.
import { departmentSchemaFor, type Department } from '../../schema/department.ts';
import { projectSchema, type Project } from '../../schema/project.ts';
import { projectRulesOf } from '../../schema/site.ts';
import { MONEY_FIELDS } from '../../schema/table-layouts.ts';
import { signedYuan } from '../views/format.ts';
import type { WithdrawnPage } from '../views/site-map.ts';
import { formatDate } from '../site/git-dates.ts';
import { type ContentHistory, publishedVersions, type TableHistory, type TableVersion, UNSHALLOW_COMMAND } from './history.ts';
import { formatYuan, moneyUnitOf, toFen } from '../reading/money.ts';
import { loadSiteConfig } from '../site/site-config.ts';
import { departmentPath, departmentVersionPath, projectPath, projectVersionPath, unitYearPath } from '../site/paths.ts';
import { changeSummary, tableChanges } from './table-diff.ts';

/** The phase a version's amounts belong to (a table that names none is 年初预算, as the schema reads it). */
export const phaseOf = (v: TableVersion) => String(v.raw['预算阶段'] ?? '年初预算');

/** The page of one version. */
export function versionPath(table: TableHistory, slug: string): string {
  return table.kind === 'project' ? projectVersionPath(table.year, table.unit, table.key!, slug) : departmentVersionPath(table.year, table.unit, slug);
}
/** The table's own page (the current version, or the notice that it was withdrawn; a withdrawn department's unit overview). */
export const tablePath = (table: TableHistory) =>
  table.kind === 'project' ? projectPath(table.year, table.unit, table.key!) : table.withdrawn ? unitYearPath(table.year, table.unit) : departmentPath(table.year, table.unit);

/** The table's name as readers know it. */
export function tableName(table: TableHistory): string {
  const last = table.versions.at(-1)?.raw ?? {};
  return table.kind === 'project' ? String(last['项目名称'] ?? table.key) : `${String(last['单位名称'] ?? table.unit)} 部门整体绩效目标`;
}

export interface RevisionEntry {
  /** `2024年2月1日` */
  dateText: string;
  date: string;
  /** 首次发布, 修改 or 尚未提交的修改 */
  label: string;
  reason: string;
  changes: string[];
  /** The version's permalink; none for changes not yet committed. */
  path?: string;
  /** The version now shown on the table's page. */
  current: boolean;
}

/** 修订记录, newest first. */
export function revisionEntries(table: TableHistory): RevisionEntry[] {
  const last = table.versions.length - 1;
  return table.versions
    .map((v, i): RevisionEntry => ({
      dateText: formatDate(v.date),
      date: v.date,
      label: v.commit === '' ? '尚未提交的修改' : i === 0 ? '首次发布' : '修改',
      reason: v.commit === '' ? '本机上的修改，还没有提交到 git；正式发布前请提交并写明修改原因。' : v.reason,
      changes: v.changes,
      ...(v.slug ? { path: versionPath(table, v.slug) } : {}),
      current: i === last && !table.withdrawn,
    }))
    .reverse();
}

/** What the page says when the record it shows is not the whole history; undefined when it is. */
export function incompleteNotice(history: ContentHistory): string | undefined {
  if (!history.available) return '本网站生成时没有 git 历史，修订记录无法列出：下面只有当前版本。';
  if (history.shallow) return `修订记录不完整：本网站生成时只取得了部分 git 历史（浅克隆），更早的版本没有列出。维护人员在完整的仓库中（${UNSHALLOW_COMMAND}）重新生成即可补全。`;
  return undefined;
}

export interface MoneyRow {
  label: string;
  initial: string;
  adjusted: string;
  change: string;
}

export interface BudgetAdjustment {
  /** The last version in 年初预算, and the version in the current phase that followed it. */
  initial: TableVersion;
  adjusted: TableVersion;
  /** The phase now shown (调整预算, or 决算). */
  phase: string;
  money: MoneyRow[];
  /** Everything else that differs. */
  changes: string[];
}

function fenOf(raw: Record<string, unknown>, key: string): bigint | undefined {
  const value = raw[key];
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  try {
    return toFen(String(value), moneyUnitOf(raw));
  } catch {
    return undefined;
  }
}

/**
 * When the current table is in a later phase than 年初预算 and the history has the 年初预算 it
 * replaced: both, side by side. An adjusted budget is a new version of the table, so the 年初预算
 * stays published at its own permalink and is compared here, never overwritten.
 */
export function budgetAdjustment(table: TableHistory): BudgetAdjustment | undefined {
  const current = table.versions.at(-1);
  if (!current || phaseOf(current) === '年初预算') return undefined;
  const initial = [...table.versions].reverse().find((v) => phaseOf(v) === '年初预算');
  if (!initial) return undefined;
  const money = [...MONEY_FIELDS]
    .filter((key) => fenOf(initial.raw, key) !== undefined || fenOf(current.raw, key) !== undefined)
    .map((label) => {
      const a = fenOf(initial.raw, label);
      const b = fenOf(current.raw, label);
      return { label, initial: a === undefined ? '—' : formatYuan(a), adjusted: b === undefined ? '—' : formatYuan(b), change: signedYuan((b ?? 0n) - (a ?? 0n)) };
    });
  // The money is in the table above; the phase is what the section is about.
  const rest = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).filter(([k]) => !MONEY_FIELDS.has(k) && k !== '预算阶段'));
  const changes = tableChanges(rest(initial.raw), rest(current.raw));
  return { initial, adjusted: current, phase: phaseOf(current), money, changes };
}

export interface ChangeEvent {
  date: string;
  dateText: string;
  /** 首次发布, 修改 or 撤回 */
  kind: '首次发布' | '修改' | '撤回';
  table: TableHistory;
  name: string;
  reason: string;
  summary: string;
  changes: string[];
  /** The version's permalink, or the table's page for a withdrawal. */
  path: string;
  /** Unique and stable: the commit and the table. */
  id: string;
}

/** Every published change of the site, newest first (ties: by table), at most `limit`. */
export function changeEvents(history: ContentHistory, limit = Infinity): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  for (const table of history.tables.values()) {
    const name = tableName(table);
    publishedVersions(table).forEach((v, i) => {
      const kind = i === 0 && table.versions[0] === v ? '首次发布' : '修改';
      events.push({ date: v.date, dateText: formatDate(v.date), kind, table, name, reason: v.reason, changes: v.changes, summary: kind === '首次发布' ? '首次发布本表' : changeSummary(v.changes), path: versionPath(table, v.slug), id: `${v.commit}/${table.id}` });
    });
    if (table.withdrawn && table.withdrawn.commit) {
      events.push({ date: table.withdrawn.date, dateText: formatDate(table.withdrawn.date), kind: '撤回', table, name, reason: table.withdrawn.reason, changes: [], summary: '撤回本表（不再公开为现行版本，原表仍可查阅）', path: tablePath(table), id: `${table.withdrawn.commit}/${table.id}/withdrawn` });
    }
  }
  const time = (e: ChangeEvent) => Date.parse(e.date);
  return events.sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
}

/**
 * A version's table as the current schema reads it, for laying it out like the current one;
 * undefined when it no longer reads (the page then shows its YAML as committed).
 */
export function versionProject(version: TableVersion): Project | undefined {
  const parsed = projectSchema(projectRulesOf(loadSiteConfig())).safeParse(version.raw);
  return parsed.success ? parsed.data : undefined;
}
export function versionDepartment(version: TableVersion): Department | undefined {
  const parsed = departmentSchemaFor(projectRulesOf(loadSiteConfig()).framework).safeParse(version.raw);
  return parsed.success ? parsed.data : undefined;
}

/** What a version page says about where the version stands. */
export function versionStatus(table: TableHistory, version: TableVersion): { current: boolean; text: string } {
  const published = publishedVersions(table);
  const at = published.indexOf(version);
  const later = table.versions[table.versions.indexOf(version) + 1];
  const when = formatDate(version.date);
  if (later) return { current: false, text: `本页是这张表${when}发布的版本，已被${formatDate(later.date)}${later.commit ? '发布' : '修改'}的版本取代。` };
  if (table.withdrawn) return { current: false, text: `本页是这张表${when}发布的版本，也是最后一个版本：本项目已于${formatDate(table.withdrawn.date)}撤回。` };
  return { current: true, text: `本页是这张表${when}发布的版本，也是现行版本${at > 0 ? `（此前有 ${at} 个版本）` : ''}。` };
}

/**
 * Withdrawn projects that keep a page of their own ([withdrawn].astro): every project table whose
 * file was deleted, except those whose monitoring or self-evaluation is still published (that page
 * has the address, [...result].astro). The 网站地图 and sitemap.xml list the same pages.
 */
export function withdrawnProjects(history: ContentHistory, all: readonly { year: number; unit: string; results: readonly { key: string; target?: unknown }[] }[]): TableHistory[] {
  const resultPages = new Set(all.flatMap((uy) => uy.results.filter((c) => !c.target).map((c) => `${uy.year}/${uy.unit}/${c.key}`)));
  return [...history.tables.values()].filter((t) => t.kind === 'project' && t.withdrawn !== undefined && !resultPages.has(t.id));
}

/** The date 最近更新 shows: its newest change (the epoch when nothing was published yet). */
export const updatesDate = (history: ContentHistory) => changeEvents(history, 1)[0]?.date ?? '1970-01-01T00:00:00Z';

/** What the 网站地图 and sitemap.xml take from the history (site-map.ts): the withdrawn projects' pages and 最近更新's date. */
export function historyPages(history: ContentHistory, all: Parameters<typeof withdrawnProjects>[1]): { withdrawn: WithdrawnPage[]; updated: string } {
  return {
    withdrawn: withdrawnProjects(history, all).map((table) => ({
      year: table.year,
      unit: table.unit,
      unitName: String(table.versions.at(-1)?.raw['单位名称'] ?? table.unit),
      key: table.key!,
      name: tableName(table),
      date: table.withdrawn!.date,
    })),
    updated: updatesDate(history),
  };
}
