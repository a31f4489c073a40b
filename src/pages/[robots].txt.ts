// /robots.txt: every page may be read, and where sitemap.xml is (site-map.ts). Only with 网站地址
// in site.yaml, like sitemap.xml. Crawlers read robots.txt at the root of a host only: a site under
// a portal's sub-path (基础路径) has its Sitemap line added to the portal's robots.txt (docs/网站.md).
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { robotsTxt } from '../lib/views/site-map.ts';

export const getStaticPaths: GetStaticPaths = () => (loadSiteConfig().url ? [{ params: { robots: 'robots' } }] : []);

export const GET: APIRoute = () => {
  const site = loadSiteConfig();
  return new Response(robotsTxt(site.url!, site.base), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
