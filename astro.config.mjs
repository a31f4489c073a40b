// @ts-check
import { defineConfig } from 'astro/config';
import { ASTRO_CACHE_DIR } from './src/lib/site/content-layout.ts';
import { loadSiteConfig } from './src/lib/site/site-config.ts';

const site = loadSiteConfig();

export default defineConfig({
  site: site.url,
  // site.yaml's 基础路径, or GONGKAI_BASE when a province places the site (src/lib/site/site-config.ts).
  base: site.base,
  trailingSlash: 'always',
  cacheDir: ASTRO_CACHE_DIR,
  // Vite's pre-bundled dependencies (which Astro's build also writes) beside Astro's cache, one
  // per content folder, instead of the shared node_modules/.vite/: npm run province builds several
  // counties at once in project copies that share node_modules through a symlink.
  vite: { cacheDir: `${ASTRO_CACHE_DIR}/vite` },
  // Four pages in flight at once: while one page's file is written the next renders. 1,000
  // projects: 18.8–19.9 s → 16.5–17.2 s for Astro, byte-identical output (8 was slower).
  build: { format: 'directory', concurrency: 4 },
  // Nothing leaves the site: no prefetch of other origins, no remote images.
  prefetch: false,
});
