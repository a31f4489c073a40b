// 示例数据: a site whose site.yaml says `示例数据: true` publishes fictitious content (the
// example county). Every page and every download says so, in these words, so that nobody takes
// a demonstration for an approved document.
import { loadSiteConfig } from './site-config.ts';

export const DEMO_LABEL = '示例数据';
export const DEMO_NOTICE = '示例数据：本网站的数据是虚构的，仅用于演示，不是任何单位的批复文件。';

/** Whether the site (content/site.yaml, or the given folder's) publishes 示例数据. */
export const isDemoSite = (contentDir?: string) => loadSiteConfig(contentDir).demo === true;
