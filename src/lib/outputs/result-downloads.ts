// A project's downloads of its later stages (执行监控, 绩效自评), beside its target downloads:
// `<key>.monitoring.csv` and so on. A key never holds a dot (项目编码 and 网址标识 are letters,
// digits and hyphens), so these names never meet another project's `<key>.csv`.
import type { ProjectCycle } from '../site/entries.ts';

export type ResultStage = 'monitoring' | 'evaluation';
export type ResultExt = 'csv' | 'json' | 'xlsx';

/** Every result download a project may have, as data: the stage it holds, its format and its link text. */
export const RESULT_DOWNLOADS: readonly { stage: ResultStage; ext: ResultExt; label: string }[] = [
  { stage: 'monitoring', ext: 'csv', label: '执行监控（CSV，Excel 可直接打开）' },
  { stage: 'monitoring', ext: 'json', label: '执行监控（JSON）' },
  { stage: 'monitoring', ext: 'xlsx', label: '执行监控表（Excel，版式同公开的表格）' },
  { stage: 'evaluation', ext: 'csv', label: '绩效自评（CSV，Excel 可直接打开）' },
  { stage: 'evaluation', ext: 'json', label: '绩效自评（JSON）' },
  { stage: 'evaluation', ext: 'xlsx', label: '绩效自评表（Excel，版式同公开的表格）' },
];

/** The file name under the project folder: `99000024P00EXAMPLE001.evaluation.csv`. */
export const resultDownloadFile = (key: string, stage: ResultStage, ext: ResultExt) => `${key}.${stage}.${ext}`;

/** Site path of a result download (relative to the base; see href.ts). */
export const resultDownloadPath = (year: number, unit: string, key: string, stage: ResultStage, ext: ResultExt) => `${year}/${unit}/projects/${resultDownloadFile(key, stage, ext)}`;

/** The result downloads of one project, for its page: only the stages it has. */
export function resultDownloadLinks(year: number, unit: string, cycle: ProjectCycle): { label: string; path: string; stage: ResultStage; ext: ResultExt }[] {
  return RESULT_DOWNLOADS.filter((d) => cycle[d.stage] !== undefined).map((d) => ({ ...d, path: resultDownloadPath(year, unit, cycle.key, d.stage, d.ext) }));
}

/** The department self-evaluation's downloads (beside the unit's folder): as published, and exactly its YAML. */
export const DEPARTMENT_EVALUATION_DOWNLOADS: readonly { ext: 'xlsx' | 'json'; label: string }[] = [
  { ext: 'xlsx', label: '部门整体支出绩效自评表（Excel，版式同公开的表格）' },
  { ext: 'json', label: '部门整体支出绩效自评（JSON）' },
];
export const departmentEvaluationDownloadPath = (year: number, unit: string, ext: 'xlsx' | 'json') => `${year}/${unit}/department-evaluation.${ext}`;
export const departmentEvaluationDownloadLinks = (year: number, unit: string) => DEPARTMENT_EVALUATION_DOWNLOADS.map((d) => ({ label: d.label, path: departmentEvaluationDownloadPath(year, unit, d.ext) }));
