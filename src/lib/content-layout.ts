// Where content lives. Every unit (department) and fiscal year has its own folder, so that a
// county can publish dozens of units every year side by side without moving files or changing ids:
//   content/site.yaml                                 site configuration
//   content/<year>/<unit>/department.yaml             部门整体绩效目标
//   content/<year>/<unit>/projects/<any name>.yaml    one 项目绩效目标表 each
//   content/<year>/<unit>/source/…                    the approved document as published
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/** The content folder; GONGKAI_CONTENT points elsewhere (tests build from fixtures). */
export const CONTENT_DIR = process.env.GONGKAI_CONTENT ?? 'content';

/**
 * Astro's cache folder for this content folder. Astro caches loaded content (with file paths); a
 * build from another content folder (tests, fixtures) gets its own cache so it never sees the
 * other folder's entries.
 */
export const ASTRO_CACHE_DIR =
  CONTENT_DIR === 'content' ? './node_modules/.astro' : `./node_modules/.astro-${createHash('sha256').update(resolve(CONTENT_DIR)).digest('hex').slice(0, 12)}`;
export const SITE_FILE = 'site.yaml';
export const DEPARTMENT_GLOB = '[0-9][0-9][0-9][0-9]/*/department.yaml';
export const PROJECT_GLOB = '[0-9][0-9][0-9][0-9]/*/projects/*.yaml';

export type ContentFileKind =
  | { kind: 'site' }
  | { kind: 'department'; year: number; unit: string }
  | { kind: 'project'; year: number; unit: string };

/** Classifies a path relative to the content folder (with `/` separators); undefined if unknown. */
export function classifyContentPath(relative: string): ContentFileKind | undefined {
  if (relative === SITE_FILE) return { kind: 'site' };
  const department = /^(\d{4})\/([^/]+)\/department\.yaml$/.exec(relative);
  if (department) return { kind: 'department', year: Number(department[1]), unit: department[2]! };
  const project = /^(\d{4})\/([^/]+)\/projects\/[^/]+\.yaml$/.exec(relative);
  if (project) return { kind: 'project', year: Number(project[1]), unit: project[2]! };
  return undefined;
}

/** Stable id of a project: year, unit and code, never the file name (files may be renamed). */
export function projectId(p: { fiscalYear: number; unitCode: string; code: string }): string {
  return `${p.fiscalYear}/${p.unitCode}/${p.code}`;
}
