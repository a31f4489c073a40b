// The Atom feed of published changes (/feed.xml): one entry per change of a table (history-view.ts),
// newest first, so that journalists and people's congress staff can follow a county's disclosure
// in any feed reader. Every date is a commit date: two builds of one commit give the same feed.
import type { ChangeEvent } from './history-view.ts';

/** XML text: markup escaped, and the characters XML 1.0 forbids (a control character pasted into a commit message) dropped, so the feed stays well-formed. */
const escape = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export interface FeedSite {
  title: string;
  publisher: string;
  /** The site's address (网站地址), when known: entry ids are then the versions' absolute addresses. */
  url?: string;
  /** The path of a site path as the browser requests it (href.ts). */
  href: (path: string) => string;
  /** An absolute address for a site path, when the site's address is known. */
  absolute: (path: string) => string | undefined;
}

/** Where an event happened, for titles: `玉田县林南仓镇人民政府本级 2023年`. */
export const eventPlace = (e: ChangeEvent) => `${String(e.table.versions.at(-1)?.raw['单位名称'] ?? e.table.unit)} ${e.table.year}年`;

export function atomFeed(site: FeedSite, events: readonly ChangeEvent[], selfPath: string, updatesPath: string): string {
  const link = (path: string) => site.absolute(path) ?? site.href(path);
  const updated = events[0]?.date ?? '1970-01-01T00:00:00Z';
  const entries = events.map((e) => {
    const text = [e.reason && `原因：${e.reason}`, ...e.changes].filter(Boolean).join('\n');
    return [
      '  <entry>',
      `    <title>${escape(`${e.kind}：${e.name}（${eventPlace(e)}）`)}</title>`,
      `    <id>${escape(site.absolute(e.path) ? `${site.absolute(e.path)}#${e.id}` : `urn:gongkai:${e.id}`)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escape(link(e.path))}"/>`,
      `    <updated>${escape(e.date)}</updated>`,
      `    <summary>${escape(e.summary)}</summary>`,
      ...(text ? [`    <content type="text">${escape(text)}</content>`] : []),
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escape(`${site.title}：最近更新`)}</title>`,
    `  <subtitle>每次发布的修改：新发布、修改和撤回的绩效目标表</subtitle>`,
    // Without the site's address no absolute id is known: a fixed URN (a site has one feed).
    `  <id>${escape(site.absolute(selfPath) ?? 'urn:gongkai:feed')}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(link(selfPath))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escape(link(updatesPath))}"/>`,
    `  <updated>${escape(updated)}</updated>`,
    `  <author><name>${escape(site.publisher)}</name></author>`,
    '  <generator>gongkai</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
