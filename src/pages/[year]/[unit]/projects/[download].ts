// One project's data as CSV (UTF-8 with BOM, for Excel), JSON (exactly its YAML) and XLSX (laid
// out like the approved table), beside its page; and its monitoring and self-evaluation as CSV and
// JSON and as XLSX in the published layout (result-downloads.ts), also for a project that has results only.
// The XLSX files come from the download cache when their inputs are unchanged (output-cache.ts).
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

/**
 * Everything an XLSX's bytes depend on besides the code (output-cache.ts adds the code version):
 * which workbook, the file's bytes and its parsed data, the date written into it, whether the site
 * is 示例数据, and the site configuration (it chooses the table's layout).
 *
 * Only the XLSX is cached: an exceljs workbook takes milliseconds, while the CSV and the JSON are
 * produced faster than a cache entry can be looked up (measured on 200 projects: JSON 0.03 ms to
 * produce against 0.9 ms for a hit, CSV 0.8 ms against 0.9 ms; XLSX 20–50 ms against 1.5 ms).
 */
const xlsxInputs = (what: string, entry: { data: unknown; file: string; sourcePath: string }, date: string, demo: boolean) => () => [
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
  const csv = (table: Table) => new Response(tableCsv(demo ? withDemoColumn(table) : table), { headers: CSV });
  const json = (raw: unknown) => new Response(JSON.stringify(demo ? withDemoNotice(raw) : raw, null, 2) + '\n', { headers: JSON_TYPE });
  const p = props as Props;
  if ('result' in p) {
    if (p.ext === 'json') return json(rawOf(p.result));
    // As published, so that it imports back to the same file; dated by the file's last change (same bytes for the same content).
    if (p.ext === 'xlsx') {
      const { result, stage } = p;
      const date = lastChanged(result.file);
      const bytes = await cachedBytes(xlsxInputs(`result ${stage} xlsx`, result, date, demo), () => resultWorkbook(stage, rawOf(result) as Record<string, unknown>, { date: new Date(date) }));
      return new Response(bytes as BodyInit, { headers: XLSX });
    }
    const data = { data: p.result.data, raw: rawOf(p.result) };
    return csv(p.stage === 'monitoring' ? projectMonitoringTable(data as { data: Monitoring; raw: unknown }) : projectEvaluationTable(data as { data: Evaluation; raw: unknown }));
  }
  const { entry, ext } = p;
  const project = exportProject(entry);
  if (ext === 'xlsx') {
    // Dated by the file's last change, not the clock, so that the same content gives the same bytes.
    const date = lastChanged(entry.file);
    const bytes = await cachedBytes(xlsxInputs('project xlsx', entry, date, demo), () => {
      // In the table's own layout: the bundled unit's form, or another province's table by its 表样.
      const layout = layoutOf(project.data);
      return layout.readBy === 'labels' ? writeXlsxGrids(projectGrids(project.raw, layout), { date: new Date(date) }) : projectWorkbook(project.raw, { date: new Date(date) });
    });
    return new Response(bytes as BodyInit, { headers: XLSX });
  }
  return ext === 'csv' ? csv(projectIndicatorTable(project)) : json(project.raw);
};
