// /sitemap.xml: every page of the 网站地图 with its absolute address and the date its content last
// changed (site-map.ts). Only with 网站地址 in site.yaml: the protocol wants absolute addresses,
// and none is made up. (A dynamic route, so that without the address no file is written.)
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { lastChangedOf } from '../lib/site/git-dates.ts';
import { ABOUT_FILE } from '../lib/site/glossary.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { unitYears } from '../lib/site/site-content.ts';
import { sharedHistory } from '../lib/history/history.ts';
import { historyPages } from '../lib/history/history-view.ts';
import { disclosurePages } from '../lib/outputs/budget-downloads.ts';
import { budgetEntries } from '../lib/site/budget-entries.ts';
import { mapPages, siteMap, sitemapXml } from '../lib/views/site-map.ts';

export const getStaticPaths: GetStaticPaths = () => (loadSiteConfig().url ? [{ params: { sitemap: 'sitemap' } }] : []);

export const GET: APIRoute = async () => {
  const site = loadSiteConfig();
  const all = await unitYears();
  const map = siteMap({ all, ...historyPages(sharedHistory(CONTENT_DIR), all), aboutFile: join(CONTENT_DIR, ABOUT_FILE), dateOf: lastChangedOf, disclosure: disclosurePages(budgetEntries()) });
  return new Response(sitemapXml(mapPages(map), site.url!, site.base), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
