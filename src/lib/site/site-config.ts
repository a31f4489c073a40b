// Reads content/site.yaml for the places that need it before any collection is loaded: the Astro
// config (base path, site URL) and the content config (the indicator framework).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { siteSchema, type SiteConfig } from '../../schema/site.ts';
import { CONTENT_DIR, SITE_FILE } from './content-layout.ts';
import { readOnce } from './file-cache.ts';

/** The site configuration (every page's layout asks for it: read once until the file changes). */
export function loadSiteConfig(contentDir = CONTENT_DIR): SiteConfig {
  return readOnce(join(contentDir, SITE_FILE), readSiteConfig);
}

/**
 * GONGKAI_BASE, when set, replaces site.yaml's 基础路径. Where a site lives is sometimes decided
 * by whoever publishes it rather than by its content: a province builds each county under
 * /<区划代码>/ (npm run province, the CI files), from the county's unchanged content folder.
 */
export const BASE_ENV = 'GONGKAI_BASE';

function readSiteConfig(file: string): SiteConfig {
  const raw = parse(readFileSync(file, 'utf8')) as unknown;
  const result = siteSchema.safeParse(raw);
  // The validator runs first and reports problems properly; this is the last line of defence.
  if (!result.success) throw new Error(`${file} 有误，请运行 npm run validate 查看详情`);
  const base = process.env[BASE_ENV];
  if (!base) return result.data;
  // Checked by the same schema as the file's 基础路径 (the file itself is valid by now).
  const withBase = siteSchema.safeParse({ ...(raw as object), 基础路径: base });
  if (!withBase.success) throw new Error(`环境变量 ${BASE_ENV}=${base} 不是有效的基础路径：应以 / 开头并以 / 结尾，例如 /130229/`);
  return withBase.data;
}
