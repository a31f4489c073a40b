// One project's data as CSV (UTF-8 with BOM, for Excel) and JSON (exactly its YAML), beside its page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportProject } from '../../../../lib/downloads.ts';
import { projectCsv, projectJson } from '../../../../lib/exports.ts';
import { unitYears, type ProjectEntry } from '../../../../lib/site-content.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await unitYears()).flatMap((uy) =>
    uy.projects.flatMap((entry) =>
      (['csv', 'json'] as const).map((ext) => ({
        params: { year: String(uy.year), unit: uy.unit, download: `${entry.data.code}.${ext}` },
        props: { entry, ext },
      })),
    ),
  );

export const GET: APIRoute = ({ props }) => {
  const { entry, ext } = props as { entry: ProjectEntry; ext: 'csv' | 'json' };
  const project = exportProject(entry);
  return ext === 'csv'
    ? new Response(projectCsv(project), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(projectJson(project), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
