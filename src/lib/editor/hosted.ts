// Hosted mode: /admin/ in the built site when site.yaml has 在线编辑. Decap CMS then saves straight
// to the code hosting platform (Gitea/Forgejo and GitLab log in by PKCE from the browser; GitHub
// through an OAuth service), without our save hook: it writes its own serialisation, which the
// history reads as the same table when only the formatting changed, and which the validator checks
// in CI like any other commit. Its commit messages are Chinese so the 修订记录 reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { SiteConfig } from '../../schema/site.ts';
import { cmsConfig, kindForms } from './cms-config.ts';
import { adminPage, contentPlaces } from './admin-page.ts';

type HostedEditor = NonNullable<SiteConfig['hostedEditor']>;

/** Decap's backend settings for the platform site.yaml names (decapcms.org/docs/gitea-backend, gitlab-backend, github-backend). */
export function hostedBackend(editor: HostedEditor): Record<string, unknown> {
  const common = {
    repo: editor.repo,
    branch: editor.branch,
    // What a commit says is what the 修订记录 shows as its reason (history.ts reasonOf).
    commit_messages: {
      create: '新增{{collection}}“{{slug}}”',
      update: '修改{{collection}}“{{slug}}”',
      delete: '删除{{collection}}“{{slug}}”',
      uploadMedia: '上传图片 {{path}}',
      deleteMedia: '删除图片 {{path}}',
    },
  };
  const url = editor.url?.replace(/\/$/, '');
  switch (editor.platform) {
    case 'gitea':
    case 'forgejo':
      return { name: editor.platform, ...common, app_id: editor.appId!, api_root: `${url}/api/v1`, base_url: url!, auth_endpoint: `${url}/login/oauth/authorize` };
    case 'gitlab':
      return { name: 'gitlab', ...common, auth_type: 'pkce', app_id: editor.appId!, api_root: `${url}/api/v4`, base_url: url!, auth_endpoint: 'oauth/authorize' };
    case 'github':
      return { name: 'github', ...common, base_url: editor.authUrl!, ...(url ? { api_root: `${url}/api/v3` } : {}) };
  }
}

const DECAP_DIST = dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));

/** A file of /admin/: its name and its bytes, read when the page is written. */
export interface AdminFile {
  name: string;
  body(): string | Buffer;
}

/**
 * The files of /admin/ for a site that enables 在线编辑, none otherwise (the site stays as it was):
 * the page, Decap's configuration with the content's folders, and Decap's bundle with its chunks.
 * The page's CSP allows 'unsafe-eval' (Decap needs it) as a meta element: it applies to that page only.
 */
export function hostedAdminFiles(site: SiteConfig, contentDir: string): AdminFile[] {
  const editor = site.hostedEditor;
  if (!editor) return [];
  const page = adminPage(site.title).replace('<script src="admin.js"></script>\n', '').replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${HOSTED_CSP}">`);
  const config = () => stringify(cmsConfig(kindForms(site.indicatorFramework), contentPlaces(contentDir), hostedBackend(editor), 'content'), { lineWidth: 0 });
  const bundle = readdirSync(DECAP_DIST).filter((f) => /^(\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/.test(f)).sort();
  return [
    { name: 'index.html', body: () => page },
    { name: 'config.yml', body: config },
    ...bundle.map((name) => ({ name, body: () => readFileSync(join(DECAP_DIST, name)) })),
  ];
}

/** Decap talks to the platform's API and login page: those origins, and nothing else outside. */
const HOSTED_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self' https:; font-src 'self' data:; worker-src 'self' blob:; frame-src 'self' blob:";
