// npm run import -- <file> [--year 2023] [--unit 813] [--layout 四川] [--content content]
// What kind of table the file holds, and in which layout, is recognised by scoring every known
// description against its labels (import/recognise.ts): the target tables of every 表样
// (schema/table-layouts.ts, read by import/layout-table.ts: each project becomes one file under
// content/<year>/<unit>/projects/, a 部门整体 table the unit's department.yaml), and the 执行监控表,
// 项目支出绩效自评表 and 部门整体支出绩效自评表 (schema/result-layouts.ts, read by import/result-table.ts:
// monitoring/, evaluations/ or department-evaluation.yaml); `--layout` names the description instead.
// The file itself is kept in source/. A cell kept under 其他栏目 because no description names its
// label is listed, so that a maintainer can add the label to the description.
// The bundled unit's own document — the text export (.txt) or the Word file (.docx) of an approved
// 部门预算绩效目标 document — is read by its own reader into content/<year>/<unit>/: a copy of the
// document, department.yaml and one file per project table, in document order. A .docx is read as
// its text-export lines (src/lib/office/docx.ts), kept beside it as <name>.txt, to which the 来源
// line numbers refer. Its Excel form (npm run template) adds or updates one project file.
// A table no description can read is refused naming the closest one and the labels it lacks.
// A workbook of a unit's 部门预算 or 部门决算 tables (one sheet per table) is read by import-budget.ts.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { parseSourceText } from '../lib/import/source-text.ts';
import { yamlWriters } from '../lib/import/write-yaml.ts';
import { importResultFile, type ResultImportOptions } from '../lib/import/result-table.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema } from '../schema/results.ts';
import type { ResultLayout } from '../schema/result-layouts.ts';
import { formatProblem, validateContent } from '../lib/check/validate.ts';
import { docxLines } from '../lib/office/docx.ts';
import { projectFileName, projectFilesIn } from '../lib/import/project-file.ts';
import { readProjectWorkbook } from '../lib/import/form-workbook.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { DEFAULT_FRAMEWORK } from '../schema/framework.ts';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { projectSchema, type ProjectInput } from '../schema/project.ts';
import { departmentSchemaFor } from '../schema/department.ts';
import { projectRulesOf } from '../schema/site.ts';
import { DEFAULT_LAYOUT, TABLE_LAYOUTS, type TableLayout } from '../schema/table-layouts.ts';
import { importLayoutFile } from '../lib/import/layout-table.ts';
import { DESCRIPTION_NAMES, describedAs, recognise, unrecognisedMessage, type Candidate, type Description } from '../lib/import/recognise.ts';
import { problemLine, schemaProblems, type ImportProblem } from '../lib/import/problems.ts';
import type { GridFile } from '../lib/office/grid.ts';
import { readXlsxGrids } from '../lib/office/grid-xlsx.ts';
import { readDocxGrids } from '../lib/office/grid-docx.ts';
import { decodeText, readTextGrids } from '../lib/office/grid-text.ts';
import { readBudgetWorkbook } from '../lib/budget/budget-import.ts';
import { importBudget } from './import-budget.ts';
import { outputFlushed } from '../lib/commands/exit.ts';

const usage = `用法：npm run import -- <原始文件 .txt、.docx 或 .xlsx> [--year 2023] [--unit 单位编码] [--layout ${DESCRIPTION_NAMES.join('|')}] [--content content]\n      部门预算、决算的 .xlsx（每张表一个工作表）另可加 [--region 地区] [--note 情况说明 .docx、.txt 或 .md]`;
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { year: { type: 'string' }, unit: { type: 'string' }, layout: { type: 'string' }, content: { type: 'string' }, region: { type: 'string' }, note: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const year = args.values.year === undefined ? undefined : Number(args.values.year);
if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
  console.error(`--year 应为四位年度，例如 --year 2023；这里是 ${args.values.year}`);
  process.exit(2);
}
const contentDir = args.values.content ?? CONTENT_DIR;
const ext = extname(file).toLowerCase();
const unitOption: string | undefined = args.values.unit;
const layoutOption = args.values.layout === undefined ? undefined : describedAs(args.values.layout);
if (args.values.layout !== undefined && !layoutOption) {
  console.error(`--layout 只能写：${DESCRIPTION_NAMES.join('、')}；这里是 ${args.values.layout}`);
  process.exit(2);
}
if (args.values.unit !== undefined && !/^\d{3,15}(?!\d)/.test(args.values.unit.trim())) {
  console.error(`--unit 应以 3–15 位数字的单位编码开头，例如 --unit 813 或 --unit "813 某某局"；这里是 ${args.values.unit}`);
  process.exit(2);
}
{
  const bytes = await readInput();
  if (!bytes) process.exit(2);
  const read = ext === '.xlsx' ? await readXlsxGrids(bytes) : ext === '.docx' ? await readDocxGrids(bytes) : readTextGrids(decodeText(bytes));
  if ('error' in read) {
    console.error(`${file}  ${read.error}`);
    process.exit(1);
  }
  // A workbook whose sheets are a 部门预算/决算 set's tables (src/schema/budget-tables.ts).
  const budget = ext === '.xlsx' && !layoutOption ? readBudgetWorkbook(read, { year, 地区: args.values.region }) : undefined;
  if (budget && 'error' in budget) {
    console.error(`${file}  ${budget.error}\n\n导入失败：没有写入任何文件。`);
    process.exit(1);
  }
  if (budget) process.exit(await outputFlushed(await importBudget(file, budget, { unit: unitOption, contentDir, note: args.values.note })));
  const chosen = layoutOption ?? recognised(read);
  if (chosen.kind === 'result') process.exit(await outputFlushed(await importResultTables(read, chosen.layout)));
  if (chosen.layout.readBy === 'labels') process.exit(await outputFlushed(await importLabelledTables(read, chosen.layout)));
  // The bundled unit's readers: its Excel form, or its document below.
  if (ext === '.xlsx') process.exit(await outputFlushed(await importWorkbook()));
}

const documentName = ext === '.docx' ? `${basename(file, extname(file))}.txt` : basename(file);
let text: string;
/** For a .docx: where in the Word document each line comes from. */
let where: string[] | undefined;
try {
  if (ext === '.docx') {
    const docx = await docxLines(await readFile(file));
    text = docx.lines.join('\n');
    where = docx.where;
  } else text = await readFile(file, 'utf8');
} catch (e) {
  console.error(`无法读取 ${file}：${(e as Error).message}`);
  process.exit(2);
}
const imported = parseSourceText(text, documentName, year);
if (imported.problems.length > 0) {
  for (const p of imported.problems) console.error(where ? `${file}：${where[p.line - 1]}  ${p.message}` : `${file}:${p.line}  ${p.message}`);
  console.error(`\n导入失败：有 ${imported.problems.length} 处内容无法放置，没有写入任何文件。请核对原始文件的${where ? '这些位置' : '这些行'}。`);
  process.exit(await outputFlushed(1));
}

const { department } = imported;
const projects = imported.projects.map(namedLayout);
const unitDir = join(contentDir, String(department.年度), department.单位编码);
const projectDir = join(unitDir, 'projects');
await mkdir(projectDir, { recursive: true });
await mkdir(join(unitDir, 'source'), { recursive: true });
const sourceCopy = join(unitDir, 'source', documentName);
if (where) {
  const original = join(unitDir, 'source', basename(file));
  if (resolve(original) !== resolve(file)) await copyFile(file, original);
  await writeFile(sourceCopy, text);
} else if (resolve(sourceCopy) !== resolve(file)) await copyFile(file, sourceCopy);
await writeFile(join(unitDir, 'department.yaml'), yamlWriters(unitDir).department(department));

// File names keep the document order (01-, 02-, …) and carry the code for finding a file;
// pages are addressed by year, unit and code, never by file name.
const width = Math.max(2, String(projects.length).length);
const written = new Set<string>();
for (const [i, project] of projects.entries()) {
  const name = `${String(i + 1).padStart(width, '0')}-${project.项目编码}.yaml`;
  written.add(name);
  await writeFile(join(projectDir, name), yamlWriters(projectDir).project(project));
}
// The document is the whole truth for this unit and year: tables no longer in it are removed.
for (const name of await readdir(projectDir)) {
  if (/\.ya?ml$/.test(name) && !written.has(name)) {
    await rm(join(projectDir, name));
    console.log(`已删除不在原始文件中的 ${join(projectDir, name)}`);
  }
}
console.log(`已导入 ${projects.length} 个项目表和部门整体目标到 ${unitDir}/（原始文件副本：${sourceCopy}）`);
process.exit(await outputFlushed(await validateImported()));

async function validateImported(): Promise<number> {
  const result = await validateContent(contentDir);
  for (const problem of result.problems) console.error(formatProblem(problem));
  if (result.problems.length > 0) {
    console.error(`\n导入的内容有 ${result.problems.length} 个问题，改正前不能发布。`);
    return 1;
  }
  console.log('校验通过。');
  return 0;
}

/** One project table from an .xlsx: the file with the same 项目编码, or the next number. */
async function importWorkbook(): Promise<number> {
  const bytes = await readInput();
  if (!bytes) return 2;
  let framework = DEFAULT_FRAMEWORK;
  try {
    framework = loadSiteConfig(contentDir).indicatorFramework;
  } catch {
    // No readable site.yaml yet: the default framework; validate reports the site file.
  }
  const { project, problems } = await readProjectWorkbook(bytes, { framework, fiscalYear: year });
  if (!project) {
    for (const p of problems) console.error(`${file}${p.where ? ` 单元格 ${p.where}` : ''}  ${p.message}`);
    console.error(`\n导入失败：有 ${problems.length} 处需要修改，没有写入任何文件。请在 Excel 中改好这些单元格后再导入。`);
    return 1;
  }
  const projectDir = join(contentDir, String(project.年度), project.单位编码, 'projects');
  await mkdir(projectDir, { recursive: true });
  const target = join(projectDir, projectFileName(await projectFilesIn(projectDir), project.项目编码 ?? ''));
  await writeFile(target, yamlWriters(projectDir).project(namedLayout(project)));
  console.log(`已导入项目表“${project.项目名称}”到 ${target}`);
  return validateImported();
}

/**
 * A table read by the bundled unit's readers (the 河北 document and Excel form) names its 表样
 * when the site's default (site.yaml 表样) is another, so that it is checked and shown in its own.
 */
function namedLayout(project: ProjectInput): ProjectInput {
  let siteLayout = DEFAULT_LAYOUT;
  try {
    siteLayout = projectRulesOf(loadSiteConfig(contentDir)).layout;
  } catch {
    // No readable site.yaml: the default; validate reports the site file.
  }
  const own = TABLE_LAYOUTS.find((l) => l.readBy === 'document')!;
  return siteLayout === own || project.表样 !== undefined ? project : { 表样: own.name, ...project };
}

/**
 * The description the file's labels fit best (import/recognise.ts). Two close ones are both named;
 * a file none can read is refused, naming the closest and what it lacks — unless the closest is the
 * bundled unit's document or Excel form, whose own readers say what is wrong in their terms.
 */
function recognised(read: GridFile): Description {
  const recognition = recognise(read.grids);
  const { best, runnerUp } = recognition;
  if (best) {
    if (runnerUp) console.log(`提示：按栏目认作${described(best)}（相符 ${best.score} 个栏目）；${described(runnerUp)}也相符 ${runnerUp.score} 个。若认错了，请用 --layout ${runnerUp.name} 指定`);
    return best.description;
  }
  const closest = recognition.candidates[0];
  if (!recognition.rival && closest?.description.kind === 'target' && closest.description.layout.readBy === 'document') return closest.description;
  console.error(`${file}  ${unrecognisedMessage(recognition)}`);
  console.error('\n导入失败：没有写入任何文件。');
  process.exit(1);
}
function described(c: Candidate): string {
  return c.description.kind === 'target' ? `表样“${c.name}”` : `“${c.name}”`;
}

/**
 * Cells kept under 其他栏目 because no description names their label, and rows left out: printed
 * (to standard output, they stop nothing) so that a maintainer can add the label to the description.
 */
function printNotices(notices: readonly ImportProblem[], layoutName: string) {
  if (notices.length === 0) return;
  console.log(
    `提示（不影响导入）：以下 ${notices.length} 处是“${layoutName}”的描述里没有的：没有对应字段的栏目照原样保存在“其他栏目”下，只有一级、二级指标的空行没有导入。` +
      '常见的栏目名称可以加进 src/schema/table-layouts.ts 中这种表的描述：',
  );
  for (const n of notices) console.log(`  ${problemLine(file!, n)}`);
}

/**
 * The tables of a layout read by labels, as project files (or the unit's department.yaml); the exit
 * code. Nothing is written unless every cell found its place and every table passes the schema.
 */
async function importLabelledTables(read: GridFile, layout: TableLayout): Promise<number> {
  let site;
  try {
    site = loadSiteConfig(contentDir);
  } catch {
    // No readable site.yaml yet: the default rules; validate reports the site file.
  }
  const rules = projectRulesOf(site);
  const imported = importLayoutFile(read, { layout, year, unit: unitOption, siteLayout: rules.layout });
  printNotices(imported.notices, layout.name);
  const problems: ImportProblem[] = [...imported.problems];
  // A department file of another kind (the bundled unit's, with its 分项绩效目标) is not replaced.
  for (const d of imported.departments) {
    const existing = join(contentDir, String(d.年度), d.单位编码, 'department.yaml');
    let written: Record<string, unknown> | undefined;
    try {
      written = parse(await readFile(existing, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // none yet
      // A file that cannot be read (e.g. hand-edited into bad YAML) is not overwritten either.
      problems.push({ where: '', message: `无法读取已有的 ${existing}（${(e as Error).message.split('\n')[0]}），没有覆盖它。请先改正或删除这个文件再导入` });
      continue;
    }
    if (written?.['表样'] !== d.表样) {
      problems.push({ where: '', message: `${existing} 已有${written?.['表样'] ? `表样“${String(written['表样'])}”的` : ''}部门整体绩效目标，不能用表样“${String(d.表样)}”的表覆盖它。确要替换时，先删除或改名这个文件再导入` });
    }
  }
  const checks: [string, z.ZodType, unknown][] = [
    ...imported.projects.map((p): [string, z.ZodType, unknown] => [`项目“${p.项目名称}”`, projectSchema(rules), p]),
    ...imported.departments.map((d): [string, z.ZodType, unknown] => [`“${d.单位名称}”的部门整体目标`, departmentSchemaFor(rules.framework), d]),
  ];
  for (const [name, schema, file] of checks) problems.push(...schemaProblems(name, schema.safeParse(file).error?.issues ?? []));
  if (problems.length > 0) {
    for (const p of problems) console.error(problemLine(file!, p));
    console.error(`\n导入失败（表样“${layout.name}”）：有 ${problems.length} 处需要修改，没有写入任何文件。`);
    return 1;
  }
  const dirs = new Set<string>();
  for (const department of imported.departments) {
    const unitDir = join(contentDir, String(department.年度), department.单位编码);
    await mkdir(unitDir, { recursive: true });
    await writeFile(join(unitDir, 'department.yaml'), yamlWriters(unitDir).department(department));
    console.log(`已导入“${department.单位名称}”的部门整体目标到 ${join(unitDir, 'department.yaml')}`);
    dirs.add(unitDir);
  }
  for (const project of imported.projects) {
    const unitDir = join(contentDir, String(project.年度), project.单位编码);
    const projectDir = join(unitDir, 'projects');
    await mkdir(projectDir, { recursive: true });
    const key = (project.项目编码 ?? project.网址标识)!;
    const target = join(projectDir, projectFileName(await projectFilesIn(projectDir), key));
    await writeFile(target, yamlWriters(projectDir).project(project));
    console.log(`已导入项目表“${project.项目名称}”到 ${target}`);
    dirs.add(unitDir);
  }
  // The file as published is kept beside the tables it gave, like the bundled document.
  for (const unitDir of dirs) {
    await mkdir(join(unitDir, 'source'), { recursive: true });
    const copy = join(unitDir, 'source', basename(file!));
    if (resolve(copy) !== resolve(file!)) await copyFile(file!, copy);
  }
  console.log(`表样“${layout.name}”：导入了 ${imported.projects.length ? `${imported.projects.length} 个项目表` : `${imported.departments.length} 个部门整体目标`}。`);
  return validateImported();
}

/** The file to import, or undefined (after saying why) when it cannot be read. */
async function readInput(): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file!);
  } catch (e) {
    console.error(`无法读取 ${file}：${(e as Error).message}`);
    return undefined;
  }
}

/**
 * The result tables of the file (执行监控表, 项目支出绩效自评表, 部门整体支出绩效自评表); the exit code.
 * Each project table goes to monitoring/ or evaluations/ beside the target tables, the department's
 * to department-evaluation.yaml; nothing is written on any problem.
 */
async function importResultTables(read: GridFile, recognisedAs: ResultLayout): Promise<number> {
  let site;
  try {
    site = loadSiteConfig(contentDir);
  } catch {
    // No readable site.yaml yet: the default rules; validate reports the site file.
  }
  const rules = projectRulesOf(site);
  // The kind recognised (or named with --layout) and the site's framework go along.
  const options: ResultImportOptions = { year, unit: unitOption, targetOf, kind: recognisedAs.kind, framework: rules.framework };
  const imported = importResultFile(read, options);
  const layout = imported.layout ?? recognisedAs;
  printNotices(imported.notices, layout.title);
  const problems: ImportProblem[] = [...imported.problems];
  const schema = layout.kind === 'monitoring' ? monitoringSchema(rules) : layout.kind === 'evaluation' ? evaluationSchema(rules) : departmentEvaluationSchema(rules.framework);
  for (const table of imported.tables) problems.push(...schemaProblems(`“${String(table['项目名称'] ?? table['单位名称'])}”`, schema.safeParse(table).error?.issues ?? []));
  if (problems.length > 0) {
    for (const p of problems) console.error(problemLine(file!, p));
    console.error(`\n导入失败（${layout.title}）：有 ${problems.length} 处需要修改，没有写入任何文件。`);
    return 1;
  }
  const dirs = new Set<string>();
  for (const table of imported.tables) {
    const unitDir = join(contentDir, String(table['年度']), String(table['单位编码']));
    let target: string;
    if (layout.kind === 'departmentEvaluation') target = join(unitDir, 'department-evaluation.yaml');
    else {
      const dir = join(unitDir, layout.kind === 'monitoring' ? 'monitoring' : 'evaluations');
      await mkdir(dir, { recursive: true });
      // Beside the project's target table under the same name (so the folders list in one order), else numbered.
      const key = String(table['项目编码'] ?? table['网址标识']);
      const existing = await projectFilesIn(dir);
      const targetFile = existing.some((f) => f.code === key) ? undefined : (await projectFilesIn(join(unitDir, 'projects'))).find((f) => f.code === key);
      target = join(dir, targetFile && !existing.some((f) => f.name === targetFile.name) ? targetFile.name : projectFileName(existing, key));
    }
    await mkdir(unitDir, { recursive: true });
    await writeFile(target, yamlWriters(dirname(target)).result(layout.kind, table));
    console.log(`已导入${layout.title}“${String(table['项目名称'] ?? table['单位名称'])}”到 ${target}`);
    dirs.add(unitDir);
  }
  for (const unitDir of dirs) {
    await mkdir(join(unitDir, 'source'), { recursive: true });
    const copy = join(unitDir, 'source', basename(file!));
    if (resolve(copy) !== resolve(file!)) await copyFile(file!, copy);
  }
  return validateImported();
}

/** The target table of a project with this 项目名称 in the year and unit: the result takes its 项目编码 / 网址标识. */
function targetOf(year: number, unitCode: string, name: string): { 项目编码?: string; 网址标识?: string } | undefined {
  const dir = join(contentDir, String(year), unitCode, 'projects');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return undefined; // no target tables for this unit and year
  }
  for (const n of names) {
    try {
      const data = parse(readFileSync(join(dir, n), 'utf8')) as Record<string, unknown> | null;
      if (data && String(data['项目名称'] ?? '').trim() === name) return { 项目编码: data['项目编码'] as string | undefined, 网址标识: data['网址标识'] as string | undefined };
    } catch {
      // A file that does not parse: validate reports it.
    }
  }
  return undefined;
}
