// One project's data as CSV (UTF-8 with BOM, for Excel), JSON (exactly its YAML) and XLSX (laid
// out like the approved table), beside its page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportProject } from '../../../../lib/downloads.ts';
import { projectCsv, projectJson } from '../../../../lib/exports.ts';
import { lastChanged } from '../../../../lib/git-dates.ts';
import { projectWorkbook } from '../../../../lib/office/project-xlsx.ts';
import { writeXlsxGrids } from '../../../../lib/office/grid-xlsx.ts';
import { projectGrids } from '../../../../lib/import/layout-table.ts';
import { layoutOf } from '../../../../lib/layout-view.ts';
import { unitYears, type ProjectEntry } from '../../../../lib/site-content.ts';

type Ext = 'csv' | 'json' | 'xlsx';

export const getStaticPaths: GetStaticPaths = async () =>
  (await unitYears()).flatMap((uy) =>
    uy.projects.flatMap((entry) =>
      (['csv', 'json', 'xlsx'] as const).map((ext) => ({
        params: { year: String(uy.year), unit: uy.unit, download: `${entry.data.key}.${ext}` },
        props: { entry, ext },
      })),
    ),
  );

export const GET: APIRoute = async ({ props }) => {
  const { entry, ext } = props as { entry: ProjectEntry; ext: Ext };
  const project = exportProject(entry);
  if (ext === 'xlsx') {
    // Dated by the file's last change, not the clock, so that the same content gives the same bytes.
    const date = new Date(lastChanged(entry.file));
    // In the table's own layout: the bundled unit's form, or another province's table by its 表样.
    const layout = layoutOf(project.data);
    const bytes = layout.readBy === 'labels' ? await writeXlsxGrids(projectGrids(project.raw, layout), { date }) : await projectWorkbook(project.raw, { date });
    return new Response(bytes as BodyInit, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  }
  return ext === 'csv'
    ? new Response(projectCsv(project), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
    : new Response(projectJson(project), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
