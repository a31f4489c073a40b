// What every page's footer says of the site besides its publisher and contact: the 网站标识码,
// the ICP and 公安 registration numbers as the links government sites give them (to the
// registries' own query pages: links only, nothing is loaded from there), the 党政机关网站标识
// (an image the site serves from public/, linking where site.yaml says), 网站地图 and 联系我们.
// Each appears only when site.yaml has it; 网站地图 always (the page always exists).
import type { SiteConfig } from '../../schema/site.ts';
import { siteMapPath } from '../site/paths.ts';

/** Where a footer link goes: a path of this site (under the base, see href.ts) or an address elsewhere. */
export type FooterTarget = { path: string } | { url: string };

export interface FooterLink {
  text: string;
  target: FooterTarget;
}

export interface SiteFooter {
  /** 网站标识码 (text), ICP备案号 and 公安备案号 (links), in that order. */
  registration: { text: string; target?: FooterTarget }[];
  /** 网站地图, then 联系我们 when configured. */
  links: FooterLink[];
  /** The 党政机关网站标识: the image's path in the site and the address it links to. */
  badge?: { image: string; url: string; alt: string };
}

/** MIIT's ICP registry: government sites link their ICP number to its front page. */
export const ICP_REGISTRY = 'https://beian.miit.gov.cn/';

/** The 全国互联网安全管理服务平台 page that shows a 公安 registration, by its number. */
export const psbRecordUrl = (psb: string): string | undefined => {
  const code = /(\d+)\s*号$/.exec(psb)?.[1];
  return code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : undefined;
};

/** 联系我们 as site.yaml writes it: an address (https:, mailto:) or a path of this site. */
export function contactTarget(link: string): FooterTarget {
  return /^(https?|mailto):/i.test(link) ? { url: link } : { path: link.replace(/^\/+/, '') };
}

export function siteFooter(site: Partial<Pick<SiteConfig, 'siteCode' | 'icp' | 'psb' | 'badge' | 'contactLink'>>): SiteFooter {
  const registration: SiteFooter['registration'] = [];
  if (site.siteCode) registration.push({ text: `网站标识码：${site.siteCode}` });
  if (site.icp) registration.push({ text: site.icp, target: { url: ICP_REGISTRY } });
  if (site.psb) {
    const url = psbRecordUrl(site.psb);
    registration.push(url ? { text: site.psb, target: { url } } : { text: site.psb });
  }
  const links: FooterLink[] = [{ text: '网站地图', target: { path: siteMapPath } }];
  if (site.contactLink) links.push({ text: '联系我们', target: contactTarget(site.contactLink) });
  return {
    registration,
    links,
    ...(site.badge ? { badge: { image: site.badge.image.replace(/^\/+/, ''), url: site.badge.link, alt: '党政机关网站标识：查看本网站的开办者信息' } } : {}),
  };
}
