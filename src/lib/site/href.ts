// Site paths under the configured base path, for links in pages (Astro's BASE_URL).
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** A site path (without leading slash) under the base: `href('about/')` → `/yusuan/about/`. */
export const href = (path = '') => `${BASE}${path.replace(/^\//, '')}`;
