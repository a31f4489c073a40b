// /feed.xml: the Atom feed of published changes (feed.ts), the newest FEED_ENTRIES.
import type { APIRoute } from 'astro';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { atomFeed } from '../lib/history/feed.ts';
import { sharedHistory } from '../lib/history/history.ts';
import { changeEvents } from '../lib/history/history-view.ts';
import { href } from '../lib/site/href.ts';
import { absoluteUrl } from '../lib/views/page-meta.ts';
import { feedPath, updatesPath } from '../lib/site/paths.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';

/** Feed readers poll often: the last hundred changes are enough, the 最近更新 page and each 修订记录 have the rest. */
const FEED_ENTRIES = 100;

export const GET: APIRoute = () => {
  const site = loadSiteConfig();
  const feed = atomFeed(
    { title: site.title, publisher: site.publisher, href, absolute: (path) => absoluteUrl(site.url, site.base, href(path)), ...(site.url ? { url: site.url } : {}) },
    changeEvents(sharedHistory(CONTENT_DIR), FEED_ENTRIES),
    feedPath,
    updatesPath,
  );
  return new Response(feed, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
