// Reads content/site.yaml for the places that need it before any collection is loaded: the Astro
// config (base path, site URL) and the content config (the indicator framework).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { siteSchema, type SiteConfig } from '../schema/site.ts';
import { CONTENT_DIR, SITE_FILE } from './content-layout.ts';
import { readOnce } from './file-cache.ts';

/** The site configuration (every page's layout asks for it: read once until the file changes). */
export function loadSiteConfig(contentDir = CONTENT_DIR): SiteConfig {
  return readOnce(join(contentDir, SITE_FILE), readSiteConfig);
}

function readSiteConfig(file: string): SiteConfig {
  const result = siteSchema.safeParse(parse(readFileSync(file, 'utf8')));
  // The validator runs first and reports problems properly; this is the last line of defence.
  if (!result.success) throw new Error(`${file} 有误，请运行 npm run validate 查看详情`);
  return result.data;
}
