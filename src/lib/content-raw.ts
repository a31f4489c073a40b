// A content file's YAML exactly as written, for downloads that must equal the YAML. Plain
// TypeScript (no astro:content): used inside Astro (pages, downloads.ts) and by the build's file
// writer outside it (file-outputs.ts), so both read a file the same way.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ProjectInput } from '../schema/project.ts';
import { CONTENT_DIR } from './content-layout.ts';
import type { ExportProject } from './exports.ts';
import { readOnce } from './file-cache.ts';
import { contentFilePath } from './paths.ts';
import type { ProjectEntry } from './site-content.ts';

/** The YAML mapping exactly as written (parsed once per file until it changes). */
export const rawOf = (entry: { file: string }): unknown => readOnce(entry.file, (file) => parse(readFileSync(file, 'utf8')) as unknown);

export const exportProject = (entry: ProjectEntry): ExportProject => ({ data: entry.data, raw: rawOf(entry) as ProjectInput });

/**
 * A content file as pages and downloads use it: its data, the file on disk (absolute) and the site
 * path of the published file. The one definition for Astro's entries (site-content.ts) and the
 * validator's files (the build's file writer), so both name a file alike.
 */
export function entryOf<T>(data: T, file: string, contentDir = CONTENT_DIR): { data: T; file: string; sourcePath: string } {
  const absolute = resolve(file);
  return { data, file: absolute, sourcePath: contentFilePath(relative(resolve(contentDir), absolute).split('\\').join('/')) };
}
