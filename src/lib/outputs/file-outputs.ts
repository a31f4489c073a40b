// The static files published beside the pages, one or more per content file: each project's
// downloads (CSV, JSON exactly its YAML, XLSX laid out like the approved table), its monitoring and
// self-evaluation as CSV, JSON and XLSX in the published layout (result-downloads.ts), the
// 部门整体支出绩效自评表 as XLSX and JSON, and every content file itself under content/.
//
// The one producer of their bytes and of their list. Plain TypeScript (no astro:content): the
// endpoints under src/pages serve these files in `npm run dev`, while `npm run build` writes them
// outside Astro's render, in a worker thread beside it (file-writer.ts): Astro spends about 1.5 ms
// per generated file on its own, and a project has six to nine of them besides its page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Project } from '../../schema/project.ts';
import type { DepartmentEvaluation, Evaluation, Monitoring } from '../../schema/results.ts';
import { rawOf, type Entry, type FileSources } from '../site/entries.ts';
import { isDemoSite } from '../site/demo.ts';
import { exportProject, projectIndicatorTable, tableCsv, withDemoColumn, withDemoNotice, type Table } from './tables.ts';
import { lastChanged } from '../site/git-dates.ts';
import { layoutOf } from '../views/layout-view.ts';
import { projectWorkbook } from '../import/form-workbook.ts';
import { resultWorkbook } from './result-xlsx.ts';
import { cachedBytes } from '../build/output-cache.ts';
import { strictJson } from '../site/strict-json.ts';
import { contentFilePath, projectDownloadPath } from '../site/paths.ts';
import { DEPARTMENT_EVALUATION_DOWNLOADS, departmentEvaluationDownloadPath, RESULT_DOWNLOADS, resultDownloadPath, type ResultStage } from './result-downloads.ts';
import { projectEvaluationTable, projectMonitoringTable } from './result-tables.ts';
import { loadSiteConfig } from '../site/site-config.ts';

type Ext = 'csv' | 'json' | 'xlsx';

/** One file to publish: its site path (relative to the base, as in paths.ts) and what it is made of. */
export type FileOutput = { path: string } & (
  | { kind: 'project'; entry: Entry<Project>; ext: Ext }
  | { kind: 'result'; entry: Entry<Monitoring> | Entry<Evaluation>; stage: ResultStage; ext: Ext }
  | { kind: 'departmentEvaluation'; entry: Entry<DepartmentEvaluation>; ext: 'xlsx' | 'json' }
  | { kind: 'content'; /** The file on disk. */ file: string }
);

/**
 * Every content file under the folder, as published under content/: site path and file. Hidden
 * files (.DS_Store, an editor's swap file, a year folder's .gitkeep) are left out; sorted, so that the list is stable.
 */
export function contentFiles(contentDir: string): FileOutput[] {
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(contentDir, join(e.parentPath, e.name)).split('\\').join('/'))
    // Nor what is inside a hidden folder (.git, when the content folder is a repository's root).
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort()
    .map((path) => ({ kind: 'content', path: contentFilePath(path), file: join(contentDir, path) }));
}

/** Every download of the given content files, in a stable order: projects, results, department self-evaluations. */
export function downloadOutputs(sources: FileSources): FileOutput[] {
  const result = (entry: Entry<Monitoring> | Entry<Evaluation>, stage: ResultStage): FileOutput[] =>
    RESULT_DOWNLOADS.filter((d) => d.stage === stage).map(({ ext }) => ({
      kind: 'result',
      path: resultDownloadPath(entry.data.fiscalYear, entry.data.unitCode, entry.data.key, stage, ext),
      entry,
      stage,
      ext,
    }));
  return [
    ...sources.projects.flatMap((entry) =>
      (['csv', 'json', 'xlsx'] as const).map((ext): FileOutput => ({ kind: 'project', path: projectDownloadPath(entry.data.fiscalYear, entry.data.unitCode, entry.data.key, ext), entry, ext })),
    ),
    ...sources.monitoring.flatMap((entry) => result(entry, 'monitoring')),
    ...sources.evaluations.flatMap((entry) => result(entry, 'evaluation')),
    ...sources.departmentEvaluations.flatMap((entry) =>
      DEPARTMENT_EVALUATION_DOWNLOADS.map(({ ext }): FileOutput => ({ kind: 'departmentEvaluation', path: departmentEvaluationDownloadPath(entry.data.fiscalYear, entry.data.unitCode, ext), entry, ext })),
    ),
  ];
}

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  yaml: 'text/yaml; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The Content-Type `npm run dev` serves a file with (by its extension). */
export const contentTypeOf = (output: FileOutput): string => TYPES[output.path.split('.').pop() ?? ''] ?? 'application/octet-stream';

/**
 * Everything an XLSX's bytes depend on besides the code (output-cache.ts adds the code version):
 * which workbook, the file's bytes and its parsed data, the date written into it, whether the site
 * is 示例数据, and the site configuration (it chooses the table's layout).
 *
 * Only the XLSX is cached: an exceljs workbook takes milliseconds, while the CSV and the JSON are
 * produced faster than a cache entry can be looked up (measured on 200 projects: JSON 0.03 ms to
 * produce against 0.9 ms for a hit, CSV 0.8 ms against 0.9 ms; XLSX 20–50 ms against 1.5 ms).
 */
const xlsxInputs = (what: string, entry: Entry<unknown>, date: string, demo: boolean) => () => [
  what,
  entry.sourcePath,
  readFileSync(entry.file),
  strictJson(entry.data),
  date,
  String(demo),
  strictJson(loadSiteConfig()),
];

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes of one output, the same wherever they are produced (dev server or build). */
export async function outputBytes(output: FileOutput): Promise<Uint8Array> {
  if (output.kind === 'content') return readFileSync(output.file);
  const demo = isDemoSite();
  const csv = (table: Table) => utf8(tableCsv(demo ? withDemoColumn(table) : table));
  const json = (raw: unknown) => utf8(JSON.stringify(demo ? withDemoNotice(raw) : raw, null, 2) + '\n');

  if (output.kind === 'departmentEvaluation') {
    const raw = rawOf(output.entry);
    if (output.ext === 'json') return json(raw);
    // As published (it imports back to the same file). Dated by the file's last change, not the
    // clock: the same content gives the same bytes. Not cached: one per unit and year.
    return resultWorkbook('departmentEvaluation', raw as Record<string, unknown>, { date: new Date(lastChanged(output.entry.file)) });
  }

  if (output.kind === 'result') {
    const { entry, stage, ext } = output;
    if (ext === 'json') return json(rawOf(entry));
    // As published, so that it imports back to the same file; dated by the file's last change.
    if (ext === 'xlsx') {
      const date = lastChanged(entry.file);
      return cachedBytes(xlsxInputs(`result ${stage} xlsx`, entry, date, demo), () => resultWorkbook(stage, rawOf(entry) as Record<string, unknown>, { date: new Date(date) }));
    }
    const data = { data: entry.data, raw: rawOf(entry) };
    return csv(stage === 'monitoring' ? projectMonitoringTable(data as { data: Monitoring; raw: unknown }) : projectEvaluationTable(data as { data: Evaluation; raw: unknown }));
  }

  const project = exportProject(output.entry);
  if (output.ext === 'xlsx') {
    // Dated by the file's last change, not the clock, so that the same content gives the same bytes.
    const date = lastChanged(output.entry.file);
    // In the table's own layout: the bundled unit's form, or another province's table by its 表样.
    return cachedBytes(xlsxInputs('project xlsx', output.entry, date, demo), () => projectWorkbook(project.raw, { date: new Date(date), layout: layoutOf(project.data) }));
  }
  return output.ext === 'csv' ? csv(projectIndicatorTable(project)) : json(project.raw);
}

/**
 * Set by `npm run build` (build.ts) for the `astro build` it starts: the build writes these files
 * itself (file-writer.ts), so the endpoints list none, and no file is produced twice.
 */
export const FILES_OUTSIDE_ENV = 'GONGKAI_FILES_OUTSIDE_ASTRO';
export const filesWrittenOutsideAstro = () => process.env[FILES_OUTSIDE_ENV] === '1';
