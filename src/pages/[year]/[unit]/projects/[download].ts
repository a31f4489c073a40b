// One project's data as CSV (UTF-8 with BOM, for Excel), JSON (exactly its YAML) and XLSX (laid
// out like the approved table), beside its page; and its monitoring and self-evaluation as CSV and
// JSON and as XLSX in the published layout (result-downloads.ts), also for a project that has results only.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { isDemoSite } from '../../../../lib/demo.ts';
import { exportProject, rawOf } from '../../../../lib/downloads.ts';
import { projectIndicatorTable, tableCsv, withDemoColumn, withDemoNotice, type Table } from '../../../../lib/exports.ts';
import { RESULT_DOWNLOADS, resultDownloadFile, type ResultExt, type ResultStage } from '../../../../lib/result-downloads.ts';
import { projectEvaluationTable, projectMonitoringTable } from '../../../../lib/result-exports.ts';
import { lastChanged } from '../../../../lib/git-dates.ts';
import { projectWorkbook } from '../../../../lib/office/project-xlsx.ts';
import { writeXlsxGrids } from '../../../../lib/office/grid-xlsx.ts';
import { resultWorkbook } from '../../../../lib/office/result-xlsx.ts';
import { projectGrids } from '../../../../lib/import/layout-table.ts';
import { layoutOf } from '../../../../lib/layout-view.ts';
import { cachedBytes, strictJson } from '../../../../lib/output-cache.ts';
import { loadSiteConfig } from '../../../../lib/site-config.ts';
import { unitYears, type Entry, type ProjectEntry } from '../../../../lib/site-content.ts';
import type { Evaluation, Monitoring } from '../../../../schema/results.ts';

type Ext = 'csv' | 'json' | 'xlsx';
type Props = { entry: ProjectEntry; ext: Ext } | { result: Entry<Monitoring> | Entry<Evaluation>; stage: ResultStage; ext: ResultExt };

export const getStaticPaths: GetStaticPaths = async () =>
  (await unitYears()).flatMap((uy) => [
    ...uy.projects.flatMap((entry) =>
      (['csv', 'json', 'xlsx'] as const).map((ext) => ({
        params: { year: String(uy.year), unit: uy.unit, download: `${entry.data.key}.${ext}` },
        props: { entry, ext } satisfies Props,
      })),
    ),
    ...uy.results.flatMap((cycle) =>
      RESULT_DOWNLOADS.flatMap(({ stage, ext }) => {
        const result = cycle[stage];
        return result ? [{ params: { year: String(uy.year), unit: uy.unit, download: resultDownloadFile(cycle.key, stage, ext) }, props: { result, stage, ext } satisfies Props }] : [];
      }),
    ),
  ]);

const CSV = { 'Content-Type': 'text/csv; charset=utf-8' };
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const XLSX = { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Everything a download's bytes depend on besides the code (output-cache.ts adds the code
 * version): which download, the file's bytes and its parsed data, the date written into an XLSX,
 * whether the site is 示例数据, and the site configuration (it chooses the table's layout).
 */
const inputsOf = (what: string, entry: { data: unknown; file: string; sourcePath: string }, demo: boolean, date: string) => () => [
  what,
  entry.sourcePath,
  readFileSync(entry.file),
  strictJson(entry.data),
  date,
  String(demo),
  strictJson(loadSiteConfig()),
];

export const GET: APIRoute = async ({ props }) => {
  const demo = isDemoSite();
  const csv = (table: Table) => utf8(tableCsv(demo ? withDemoColumn(table) : table));
  const json = (raw: unknown) => utf8(JSON.stringify(demo ? withDemoNotice(raw) : raw, null, 2) + '\n');
  const p = props as Props;
  const headers = p.ext === 'csv' ? CSV : p.ext === 'json' ? JSON_TYPE : XLSX;
  if ('result' in p) {
    const { result, stage, ext } = p;
    // As published, so that it imports back to the same file; dated by the file's last change (same bytes for the same content).
    const date = ext === 'xlsx' ? lastChanged(result.file) : '';
    const bytes = await cachedBytes(inputsOf(`result ${stage} ${ext}`, result, demo, date), async () => {
      if (ext === 'json') return json(rawOf(result));
      if (ext === 'xlsx') return resultWorkbook(stage, rawOf(result) as Record<string, unknown>, { date: new Date(date) });
      const data = { data: result.data, raw: rawOf(result) };
      return csv(stage === 'monitoring' ? projectMonitoringTable(data as { data: Monitoring; raw: unknown }) : projectEvaluationTable(data as { data: Evaluation; raw: unknown }));
    });
    return new Response(bytes as BodyInit, { headers });
  }
  const { entry, ext } = p;
  // Dated by the file's last change, not the clock, so that the same content gives the same bytes.
  const date = ext === 'xlsx' ? lastChanged(entry.file) : '';
  const bytes = await cachedBytes(inputsOf(`project ${ext}`, entry, demo, date), async () => {
    const project = exportProject(entry);
    if (ext === 'xlsx') {
      // In the table's own layout: the bundled unit's form, or another province's table by its 表样.
      const layout = layoutOf(project.data);
      return layout.readBy === 'labels' ? writeXlsxGrids(projectGrids(project.raw, layout), { date: new Date(date) }) : projectWorkbook(project.raw, { date: new Date(date) });
    }
    return ext === 'csv' ? csv(projectIndicatorTable(project)) : json(project.raw);
  });
  return new Response(bytes as BodyInit, { headers });
};
