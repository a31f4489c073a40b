// The site-wide download files, built once per build from the content and shared by their
// endpoints, the data page (sizes, SHA-256) and datapackage.json.
import { createHash } from 'node:crypto';
import type { DepartmentInput } from '../../schema/department.ts';
import { DEMO_NOTICE, isDemoSite } from '../site/demo.ts';
import {
  allJson,
  dataPackage,
  exportProject,
  departmentResources,
  indicatorsTable,
  itemizedTargetsTable,
  projectsTable,
  spendingPlanTable,
  sharedLabels,
  tableCsv,
  withDemoColumn,
  workbookXlsx,
  type Column,
  type ExportDepartment,
  type Table,
} from './tables.ts';
import { evaluationsTable, hasExportResults, monitoringTable, resultMoneyTable, resultsJson, type ExportResults } from './result-tables.ts';
import { rawOf } from '../site/entries.ts';
import { lastChangedOf } from '../site/git-dates.ts';
import { contentFilesOf, sourceDocumentPath, unitYears } from '../site/site-content.ts';
import type { UnitYear } from '../site/entries.ts';
import { loadSiteConfig } from '../site/site-config.ts';
import { budgetDownloadFiles, budgetLinesTable, type BudgetDownloadFile } from './budget-downloads.ts';
import { budgetEntries } from '../site/budget-entries.ts';

export interface DownloadFile {
  /** Frictionless resource name (lower-case ASCII). */
  name: string;
  /** File name under data/. */
  file: string;
  title: string;
  description: string;
  bytes: Uint8Array;
  /** For tables described outside tables.ts's COLUMNS (see PackageResource). */
  columns?: readonly Column[];
  missingValues?: readonly string[];
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Every monitoring and self-evaluation file of the site, with its YAML as written. */
export function exportResults(all: readonly UnitYear[]): ExportResults {
  const cycles = all.flatMap((uy) => uy.results);
  return {
    monitoring: cycles.flatMap((c) => (c.monitoring ? [{ data: c.monitoring.data, raw: rawOf(c.monitoring) }] : [])),
    evaluations: cycles.flatMap((c) => (c.evaluation ? [{ data: c.evaluation.data, raw: rawOf(c.evaluation) }] : [])),
    departmentEvaluations: all.flatMap((uy) => (uy.departmentEvaluation ? [{ data: uy.departmentEvaluation.data, raw: rawOf(uy.departmentEvaluation) }] : [])),
  };
}

/**
 * The site-wide tables of the later stages, each only when the content has that stage (a site of
 * targets only gets none, and its downloads stay as they were).
 */
function resultResources(results: ExportResults): { name: string; file: string; sheet: string; title: string; description: string; table: Table; missingValues?: string[] }[] {
  const evaluated = results.evaluations.length + results.departmentEvaluations.length > 0;
  return [
    ...(results.monitoring.length > 0
      ? [{ name: 'monitoring', file: 'monitoring.csv', sheet: '执行监控', title: '执行监控（每条指标一行）', description: '执行监控表的绩效指标：年度指标值、当前完成值、全年预计完成情况、完成目标可能性和偏差原因，照原表', table: monitoringTable(results.monitoring) }]
      : []),
    ...(evaluated
      ? [{ name: 'evaluations', file: 'evaluations.csv', sheet: '绩效自评', title: '绩效自评（每条指标一行）', description: '项目支出和部门整体支出绩效自评表的绩效指标，照原表；另附“本网站读法”（是否达到目标，派生数据）', table: evaluationsTable(results) }]
      : []),
    ...(hasExportResults(results)
      ? [{ name: 'result-money', file: 'result-money.csv', sheet: '执行与自评资金', title: '执行监控与绩效自评的资金（每个金额一行）', description: '两个阶段资金表中的每个金额，照原表（“-”照写），并标明所属阶段（年初预算、调整预算、监控至N月、全年预计、决算）和金额单位', table: resultMoneyTable(results), missingValues: ['-'] }]
      : []),
  ];
}
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let cache: Promise<{ files: DownloadFile[]; datapackage: Uint8Array; budgetFiles: BudgetDownloadFile[] }> | undefined;

export function downloads() {
  cache ??= (async () => {
    const all = await unitYears();
    const projects = all.flatMap((uy) => uy.projects.map(exportProject));
    const departments: ExportDepartment[] = all.flatMap((uy) => (uy.department ? [{ data: uy.department.data, raw: rawOf(uy.department) as DepartmentInput }] : []));
    // Dated by the content, not the clock, so that two builds of the same content are identical.
    const created = new Date(lastChangedOf(all.flatMap(contentFilesOf)));
    const labels = sharedLabels(projects);
    const departmentTables = departmentResources(departments);
    const results = exportResults(all);
    const resultTables = resultResources(results);
    const demo = isDemoSite();
    // 部门预算/决算 files: their lines join the package, their tables are downloads of their own (none: nothing changes).
    const budgets = budgetEntries();
    // A 示例数据 site marks every table in its first column (tables.ts withDemoColumn).
    const csv = (table: Table) => utf8(tableCsv(demo ? withDemoColumn(table) : table));
    const phase = labels.budgetPhase ?? '见“预算阶段”列';
    const files: DownloadFile[] = [
      { name: 'projects', file: 'projects.csv', title: '项目（每个项目一行）', description: `全部项目绩效目标表的基本信息与资金支出计划；金额为${phase}数，单位见“金额单位”列`, bytes: csv(projectsTable(projects)) },
      { name: 'indicators', file: 'indicators.csv', title: '绩效指标（每条指标一行）', description: '全部项目的绩效指标，指标值照原文，另附本网站的解读', bytes: csv(indicatorsTable(projects)) },
      { name: 'spending-plan', file: 'spending-plan.csv', title: '资金支出计划（每个项目每个时点一行）', description: `累计支出比例照原文；累计计划支出金额（元）由预算数 × 比例算出，${phase}`, bytes: csv(spendingPlanTable(projects)) },
      { name: 'itemized-targets', file: 'itemized-targets.csv', title: '部门分项绩效目标', description: '部门整体绩效目标中的分项绩效目标表，九列照原文', bytes: csv(itemizedTargetsTable(departments)) },
      ...departmentTables.map((r) => ({ name: r.name, file: r.file, title: r.title, description: r.description, bytes: csv(r.table) })),
      ...resultTables.map((r) => ({ name: r.name, file: r.file, title: r.title, description: r.description, bytes: csv(r.table), columns: r.table.columns, ...(r.missingValues ? { missingValues: r.missingValues } : {}) })),
      { name: 'workbook', file: 'gongkai.xlsx', title: 'Excel 工作簿', description: `以上${'四五六七八九十'[departmentTables.length + resultTables.length]}张表，各占一个工作表`, bytes: await workbookXlsx(projects, departments, { date: created, departmentTables, moreTables: resultTables, demo }) },
      {
        name: 'all', file: 'gongkai.json', title: 'JSON（全部内容）',
        description: `部门整体绩效目标与全部项目绩效目标表${hasExportResults(results) ? '，以及执行监控表和绩效自评表' : ''}，字段与 YAML 文件相同`,
        bytes: utf8(allJson(projects, departments, { ...(hasExportResults(results) ? { results: resultsJson(results) } : {}), demo })),
      },
      ...(budgets.length > 0
        ? (() => {
            const table = budgetLinesTable(budgets);
            return [{ name: 'budget-lines', file: 'budget-lines.csv', title: '部门预算、部门决算的金额（每个金额一行）', description: '各单位部门预算和部门决算中按功能分类、经济分类科目列示的每一个金额，照原表（编码、名称、所在列、金额单位），预算阶段为年初预算或决算', bytes: csv(table), columns: table.columns }];
          })()
        : []),
    ];
    const site = loadSiteConfig();
    const documents = [...new Set(all.flatMap((uy) => sourceDocumentPath(uy) ?? []))];
    const datapackage = dataPackage(
      files.map((f) => ({ name: f.name, path: f.file, bytes: f.bytes, title: f.title, description: f.description, ...(f.columns ? { columns: f.columns } : {}), ...(f.missingValues ? { missingValues: f.missingValues } : {}) })),
      {
        name: 'gongkai-budget-performance-targets',
        title: `${site.title}：预算绩效目标数据`,
        description: `${demo ? DEMO_NOTICE : ''}${site.publisher}公开的部门预算绩效目标（部门整体绩效目标与项目绩效目标表${hasExportResults(results) ? '，以及执行监控和绩效自评' : ''}）${budgets.length > 0 ? '，以及部门预算、部门决算按科目列示的金额' : ''}。`,
        created,
        sources: documents.map((path) => ({ title: '批复的部门预算绩效目标文件', path: `../${path}` })),
        ...labels,
      },
    );
    const budgetFiles = await budgetDownloadFiles(budgets, { date: created });
    return { files, datapackage: utf8(`${JSON.stringify(datapackage, null, 2)}\n`), budgetFiles };
  })();
  return cache;
}
