// @ts-check
import { defineConfig } from 'astro/config';
import { loadSiteConfig } from './src/lib/site-config.ts';

const site = loadSiteConfig();

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Nothing leaves the site: no prefetch of other origins, no remote images.
  prefetch: false,
});
