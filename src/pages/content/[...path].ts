// Publishes the content files themselves (YAML, Markdown, the approved source documents) under
// content/, so that every page can link to the file it was built from.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_DIR } from '../../lib/content-layout.ts';

const TYPES: Record<string, string> = {
  yaml: 'text/yaml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export const getStaticPaths: GetStaticPaths = () =>
  readdirSync(CONTENT_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(CONTENT_DIR, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
    .map((path) => ({ params: { path } }));

export const GET: APIRoute = ({ params }) => {
  const path = String(params.path);
  const type = TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
  return new Response(readFileSync(join(CONTENT_DIR, path)), { headers: { 'Content-Type': type } });
};
