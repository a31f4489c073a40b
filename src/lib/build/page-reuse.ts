// A unit's year whose content, and what its project pages show of other files, did not change
// since a build with the same code gets its project pages (the table page, the poster and the
// version pages of each project, 98 % of a county's pages) from the previous build instead of from Astro: editing one
// project re-renders its unit's year, not the county. Published years do not change, so a county
// of many years renders only the year being edited.
//
// The key of a unit's year is a SHA-256 of everything those pages are made from: the code (every
// source under src/, the Astro config, the package lock, Node), the content folder's own files
// (site.yaml, about.md) and the base path, every
// file of content/<year>/<unit>/ with the date the page shows for it, the tables of other years
// the pages link to or compare with, the units of the site, and the history of each table (its
// 修订记录 and version pages, history.ts). What a page reads that is not in
// the key would make a reused page stale; the determinism test (a second build reusing every page)
// and tests/page-reuse.test.ts (an edit, a corrupted entry) compare reused output with a fresh build.
//
// Like the download cache (output-cache.ts), the page cache may only make a build faster: an entry
// is a folder of pages with the SHA-256 of each, written under a temporary name and renamed; an
// entry that is missing, incomplete or damaged in any file means the unit's year is rendered.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Project } from '../../schema/project.ts';
import { astroCacheDirOf, CONTENT_DIR } from '../site/content-layout.ts';
import { lastChanged } from '../site/git-dates.ts';
import { type ContentHistory, projectHistoryId, publishedVersions } from '../history/history.ts';
import { sourcesDigest } from './output-cache.ts';
import { projectPath, projectPosterPath, projectVersionPath } from '../site/paths.ts';
import { BASE_ENV } from '../site/site-config.ts';
import { linkYears } from '../site/year-over-year.ts';

/** Beside Astro's cache of the content folder, like the download cache. */
export const pageCacheDirOf = (contentDir: string) => join(astroCacheDirOf(contentDir), 'gongkai-pages');
export const PAGE_CACHE_DIR = pageCacheDirOf(CONTENT_DIR);

/** The unit-years (`2023/483001`, one per line) whose project pages this build reuses; set by build.ts for getStaticPaths. */
export const REUSED_ENV = 'GONGKAI_REUSED_UNIT_YEARS';

const unitYearId = (year: number, unit: string) => `${year}/${unit}`;

let reused: Set<string> | undefined;
/** Whether Astro renders this unit-year's project pages (false when build.ts takes them from the page cache). */
export function rendersProjectPages(uy: { year: number; unit: string }): boolean {
  reused ??= new Set((process.env[REUSED_ENV] ?? '').split('\n').filter(Boolean));
  return !reused.has(unitYearId(uy.year, uy.unit));
}

/** What decides a page's bytes besides content: all of src/ (pages, components, styles, scripts, lib, schema) and the build setup. */
const CODE = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

const codeVersion = (root: string) => sourcesDigest(root, CODE, `gongkai pages 1\0node ${process.versions.node}\0`);

/** Every file below a folder, relative to it with `/`, sorted. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export interface UnitYearPages {
  /** `2023/483001` */
  id: string;
  /** The cache key (hex). */
  key: string;
  /** The pages' files in the site, e.g. `2023/483001/projects/P1/index.html`. */
  pages: string[];
}

/** Each unit-year with project tables, its key and its project pages (for the projects of the validated content). */
export async function unitYearPages(
  projects: readonly { data: Project; file: string }[],
  units: readonly string[],
  history: ContentHistory,
  options: { contentDir?: string; root?: string } = {},
): Promise<UnitYearPages[]> {
  const contentDir = options.contentDir ?? CONTENT_DIR;
  const version = await codeVersion(options.root ?? process.cwd());
  // Everything of the content folder outside the year folders (site.yaml, about.md with the
  // 名词解释 every table page shows, …): any change there renders every page again.
  const siteFiles = (await filesBelow(contentDir)).filter((name) => !/^\d{4}\//.test(name));
  const site = await Promise.all(siteFiles.map(async (name) => [name, await readFile(join(contentDir, name))] as const));
  const links = linkYears(projects);
  const byId = new Map<string, (typeof projects)[number][]>();
  for (const p of projects) {
    const id = unitYearId(p.data.fiscalYear, p.data.unitCode);
    byId.set(id, [...(byId.get(id) ?? []), p]);
  }
  const fileBytes = new Map<string, Promise<Buffer>>();
  const bytesOf = (file: string) => fileBytes.get(file) ?? fileBytes.set(file, readFile(file)).get(file)!;
  const result: UnitYearPages[] = [];
  for (const [id, entries] of [...byId].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hash = createHash('sha256');
    // Length-prefixed, so that no two different inputs hash alike.
    const add = (value: string | Uint8Array) => {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      hash.update(`${bytes.length}:`).update(bytes);
    };
    add(version);
    add(process.env[BASE_ENV] ?? '');
    for (const [name, bytes] of site) {
      add(name);
      add(bytes);
    }
    add(units.join('\n'));
    // The unit-year's folders (one, unless a file sits in a folder not named after its unit).
    for (const folder of [...new Set(entries.map((e) => dirname(dirname(e.file))))].sort()) {
      for (const name of await filesBelow(folder)) {
        const file = join(folder, name);
        add(relative(contentDir, file).split('\\').join('/'));
        add(await bytesOf(file));
        add(lastChanged(file));
      }
    }
    // The other years' tables the pages name (其他年度) or compare with (与上年比较).
    for (const entry of entries) {
      for (const other of [links.previous.get(entry), ...(links.next.get(entry) ?? [])]) {
        if (!other) continue;
        add(relative(contentDir, other.file).split('\\').join('/'));
        add(await bytesOf(other.file));
      }
    }
    // The 修订记录 (every version, its date, reason and text) and whether the record is complete.
    add(`${history.available} ${history.shallow}`);
    const tables = entries.map((e) => history.tables.get(projectHistoryId(e.data.fiscalYear, e.data.unitCode, e.data.key)));
    for (const table of tables) add(JSON.stringify(table?.versions.map((v) => [v.slug, v.date, v.commit, v.reason, v.file, v.text]) ?? null));
    const pages = entries.flatMap((e, i) => [
      ...[projectPath, projectPosterPath].map((path) => `${path(e.data.fiscalYear, e.data.unitCode, e.data.key)}index.html`),
      ...(tables[i] ? publishedVersions(tables[i]).map((v) => `${projectVersionPath(e.data.fiscalYear, e.data.unitCode, e.data.key, v.slug)}index.html`) : []),
    ]);
    result.push({ id, key: hash.digest('hex'), pages: pages.sort() });
  }
  return result;
}

/** At most this many files open at once. */
const PARALLEL = 64;
async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const MANIFEST = 'pages.json';

/** A hard link where the file system allows it (the cache sits in the project folder, as the site does), else a copy. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * Puts the cached pages of every unit-year whose entry is intact into `stagingDir` (at their
 * place in the site) and returns the ids of those unit-years. A damaged or partial entry is
 * skipped (its unit-year is rendered) and nothing of it is staged.
 */
export async function stageCachedPages(units: readonly UnitYearPages[], stagingDir: string, dir = PAGE_CACHE_DIR): Promise<Set<string>> {
  const reusable = new Set<string>();
  for (const unit of units) {
    const entry = join(dir, unit.key);
    try {
      const manifest = JSON.parse(await readFile(join(entry, MANIFEST), 'utf8')) as Record<string, string>;
      if (Object.keys(manifest).sort().join('\n') !== unit.pages.join('\n')) continue;
      let intact = true;
      await eachLimited(unit.pages, async (page) => {
        if (intact && sha256(await readFile(join(entry, page))) !== manifest[page]) intact = false;
      });
      if (!intact) continue;
      await eachLimited(unit.pages, (page) => linkOrCopy(join(entry, page), join(stagingDir, page)));
      // Marks the entry as used by this build, so that prunePageCache keeps it.
      const now = new Date();
      await utimes(entry, now, now).catch(() => undefined);
      reusable.add(unit.id);
    } catch {
      // No entry, or one that cannot be read: rendered. Its staged pages, if any, are removed.
      await Promise.all(unit.pages.map((page) => rm(join(stagingDir, page), { force: true })));
    }
  }
  return reusable;
}

/** Stores the project pages Astro has just rendered into `siteDir`, one entry per unit-year not yet cached. */
export async function storeRenderedPages(units: readonly UnitYearPages[], siteDir: string, dir = PAGE_CACHE_DIR): Promise<void> {
  for (const unit of units) {
    const entry = join(dir, unit.key);
    const temp = `${entry}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      const manifest: Record<string, string> = {};
      await eachLimited(unit.pages, async (page) => {
        manifest[page] = sha256(await readFile(join(siteDir, page)));
        await linkOrCopy(join(siteDir, page), join(temp, page));
      });
      await writeFile(join(temp, MANIFEST), JSON.stringify(manifest));
      // An entry already there was damaged or incomplete (else these pages were not rendered).
      await rm(entry, { recursive: true, force: true });
      await rename(temp, entry);
    } catch {
      // Not stored (or stored meanwhile by another build): the next build renders these pages again.
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Removes the entries no build has used since `since` (ms since the epoch), as pruneOutputCache does for downloads. */
export async function prunePageCache(since: number, dir = PAGE_CACHE_DIR): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const entry = join(dir, name);
    try {
      // A temporary folder of a build that died is removed too once it is old.
      if ((await stat(entry)).mtimeMs < since - 5_000) {
        await rm(entry, { recursive: true, force: true });
        removed++;
      }
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return removed;
}
