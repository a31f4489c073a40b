// The site-wide download files under data/ (see src/lib/outputs/site-downloads.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloads } from '../../lib/outputs/site-downloads.ts';

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const getStaticPaths: GetStaticPaths = async () => {
  const { files } = await downloads();
  return [...files.map((f) => f.file), 'datapackage.json'].map((file) => ({ params: { file } }));
};

export const GET: APIRoute = async ({ params }) => {
  const { files, datapackage } = await downloads();
  const file = String(params.file);
  const bytes = file === 'datapackage.json' ? datapackage : files.find((f) => f.file === file)!.bytes;
  return new Response(bytes as BodyInit, { headers: { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream' } });
};
