// The site-wide download files under data/ (see src/lib/outputs/site-downloads.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloads } from '../../lib/outputs/site-downloads.ts';

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const getStaticPaths: GetStaticPaths = async () => {
  const { files, budgetFiles } = await downloads();
  return [...files.map((f) => f.file), 'datapackage.json', ...budgetFiles.map((f) => f.file)].map((file) => ({ params: { file } }));
};

export const GET: APIRoute = async ({ params }) => {
  const { files, datapackage, budgetFiles } = await downloads();
  const file = String(params.file);
  const bytes = file === 'datapackage.json' ? datapackage : [...files, ...budgetFiles].find((f) => f.file === file)!.bytes;
  return new Response(bytes as BodyInit, { headers: { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream' } });
};
