// The site-wide download files, built once per build from the content and shared by their
// endpoints, the data page (sizes, SHA-256) and datapackage.json.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { DepartmentInput } from '../schema/department.ts';
import type { ProjectInput } from '../schema/project.ts';
import {
  allJson,
  dataPackage,
  departmentResources,
  indicatorsCsv,
  itemizedTargetsCsv,
  projectsCsv,
  sharedLabels,
  spendingPlanCsv,
  tableCsv,
  workbookXlsx,
  type ExportDepartment,
  type ExportProject,
} from './exports.ts';
import { readOnce } from './file-cache.ts';
import { lastChangedOf } from './git-dates.ts';
import { contentFilesOf, sourceDocumentPath, unitYears, type ProjectEntry } from './site-content.ts';
import { loadSiteConfig } from './site-config.ts';

export interface DownloadFile {
  /** Frictionless resource name (lower-case ASCII). */
  name: string;
  /** File name under data/. */
  file: string;
  title: string;
  description: string;
  bytes: Uint8Array;
}

/** The YAML mapping exactly as written, for downloads that must equal the YAML (parsed once per file). */
export const rawOf = (entry: { file: string }): unknown => readOnce(entry.file, (file) => parse(readFileSync(file, 'utf8')) as unknown);

export const exportProject = (entry: ProjectEntry): ExportProject => ({ data: entry.data, raw: rawOf(entry) as ProjectInput });

const utf8 = (text: string) => new TextEncoder().encode(text);
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let cache: Promise<{ files: DownloadFile[]; datapackage: Uint8Array }> | undefined;

export function downloads() {
  cache ??= (async () => {
    const all = await unitYears();
    const projects = all.flatMap((uy) => uy.projects.map(exportProject));
    const departments: ExportDepartment[] = all.flatMap((uy) => (uy.department ? [{ data: uy.department.data, raw: rawOf(uy.department) as DepartmentInput }] : []));
    // Dated by the content, not the clock, so that two builds of the same content are identical.
    const created = new Date(lastChangedOf(all.flatMap(contentFilesOf)));
    const labels = sharedLabels(projects);
    const departmentTables = departmentResources(departments);
    const phase = labels.budgetPhase ?? '见“预算阶段”列';
    const files: DownloadFile[] = [
      { name: 'projects', file: 'projects.csv', title: '项目（每个项目一行）', description: `全部项目绩效目标表的基本信息与资金支出计划；金额为${phase}数，单位见“金额单位”列`, bytes: utf8(projectsCsv(projects)) },
      { name: 'indicators', file: 'indicators.csv', title: '绩效指标（每条指标一行）', description: '全部项目的绩效指标，指标值照原文，另附本网站的解读', bytes: utf8(indicatorsCsv(projects)) },
      { name: 'spending-plan', file: 'spending-plan.csv', title: '资金支出计划（每个项目每个时点一行）', description: `累计支出比例照原文；累计计划支出金额（元）由预算数 × 比例算出，${phase}`, bytes: utf8(spendingPlanCsv(projects)) },
      { name: 'itemized-targets', file: 'itemized-targets.csv', title: '部门分项绩效目标', description: '部门整体绩效目标中的分项绩效目标表，九列照原文', bytes: utf8(itemizedTargetsCsv(departments)) },
      ...departmentTables.map((r) => ({ name: r.name, file: r.file, title: r.title, description: r.description, bytes: utf8(tableCsv(r.table)) })),
      { name: 'workbook', file: 'gongkai.xlsx', title: 'Excel 工作簿', description: `以上${'四五六七'[departmentTables.length]}张表，各占一个工作表`, bytes: await workbookXlsx(projects, departments, { date: created, departmentTables }) },
      { name: 'all', file: 'gongkai.json', title: 'JSON（全部内容）', description: '部门整体绩效目标与全部项目绩效目标表，字段与 YAML 文件相同', bytes: utf8(allJson(projects, departments)) },
    ];
    const site = loadSiteConfig();
    const documents = [...new Set(all.flatMap((uy) => sourceDocumentPath(uy) ?? []))];
    const datapackage = dataPackage(
      files.map((f) => ({ name: f.name, path: f.file, bytes: f.bytes, title: f.title, description: f.description })),
      {
        name: 'gongkai-budget-performance-targets',
        title: `${site.title}：预算绩效目标数据`,
        description: `${site.publisher}公开的部门预算绩效目标（部门整体绩效目标与项目绩效目标表）。`,
        created,
        sources: documents.map((path) => ({ title: '批复的部门预算绩效目标文件', path: `../${path}` })),
        ...labels,
      },
    );
    return { files, datapackage: utf8(`${JSON.stringify(datapackage, null, 2)}\n`) };
  })();
  return cache;
}
