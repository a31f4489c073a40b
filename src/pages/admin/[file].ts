// /admin/: the hosted editor (Decap CMS over the code hosting platform), only when site.yaml has
// 在线编辑 (src/lib/editor/hosted.ts). Without it no file is made and the site is as it was.
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_DIR } from '../../lib/site/content-layout.ts';
import { loadSiteConfig } from '../../lib/site/site-config.ts';
import { hostedAdminFiles, type AdminFile } from '../../lib/editor/hosted.ts';

export const getStaticPaths: GetStaticPaths = () => hostedAdminFiles(loadSiteConfig(), CONTENT_DIR).map((file) => ({ params: { file: file.name }, props: { file } }));

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', yml: 'text/yaml; charset=utf-8', js: 'text/javascript; charset=utf-8', wasm: 'application/wasm', txt: 'text/plain; charset=utf-8' };

export const GET: APIRoute = ({ props }) => {
  const file = (props as { file: AdminFile }).file;
  const body = file.body();
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': TYPES[file.name.split('.').pop()!] ?? 'application/octet-stream' } });
};
