// Checks all content in one run and reports every problem with file, line, column and field, in
// plain Chinese. Used by `npm run validate` and by the build, which refuses invalid content.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'astro/zod';
import { departmentSchemaFor } from '../../schema/department.ts';
import { projectSchema, type Project } from '../../schema/project.ts';
import { projectRulesOf, siteSchema } from '../../schema/site.ts';
import type { Department } from '../../schema/department.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema, type DepartmentEvaluation, type Evaluation, type Monitoring } from '../../schema/results.ts';
import { resultProblems } from './results-check.ts';
import { budgetDocumentSchema } from '../../schema/budget.ts';
import { budgetProblems, type BudgetFile } from '../budget/budget-validate.ts';
import { classifyContentPath, PUBLIC_DIR, SITE_FILE, type ContentFileKind } from '../site/content-layout.ts';
import { isPlaceholder } from '../site/placeholders.ts';
import type { ContentProblem, ValidatedContent } from './problems.ts';

/** `file:line:column  field  message`, the format editors and CI logs link to. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.field || '（整个文件）'}  ${p.message}`;
}

async function listYaml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  text: string;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key + 1}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');
}

/**
 * The place in the file a problem is about: the key of the field if it exists, else the nearest
 * existing parent (a missing field is reported where it should be added).
 */
function locate(parsed: ParsedFile, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = parsed.doc.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof key === 'number') {
      const item = (node as { items: unknown[] }).items[key] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = parsed.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Paths of the placeholders (see placeholders.ts) still in a file. */
function placeholderPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isPlaceholder(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholderPaths(v, [...path, k]));
  return [];
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((k, i) => String(k) === String(b[i]));

/**
 * Problems of one file: each unfilled placeholder, then the schema's issues except those about a
 * placeholder itself (“金额写法不对” says nothing new about 【待填写】).
 */
function fileProblems(parsed: ParsedFile, data: unknown, error: z.ZodError | undefined): ContentProblem[] {
  const placeholders = placeholderPaths(data);
  const unfinished = placeholders.map((path) => ({
    file: parsed.file,
    ...locate(parsed, path),
    field: fieldPath(path),
    message: '尚未填写：这里还是新建文件时的占位文字，请按批复的表格填写（提示见括号内）',
  }));
  const issues = error ? schemaProblems(parsed, error, placeholders) : [];
  return [...unfinished, ...issues];
}

function schemaProblems(parsed: ParsedFile, error: z.ZodError, skip: (string | number)[][] = []): ContentProblem[] {
  return error.issues.filter((issue) => !skip.some((p) => samePath(p, issue.path))).map((issue) => {
    // An unknown key is reported at the key itself, not at the map that holds it.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return { file: parsed.file, ...locate(parsed, path), field: fieldPath(path), message: issue.message };
  });
}

export async function validateContent(contentDir: string, cwd = process.cwd()): Promise<ValidatedContent> {
  const result: ValidatedContent = { problems: [], departments: [], projects: [], monitoring: [], evaluations: [], departmentEvaluations: [], budgets: [], notices: [], files: 0 };
  const problem = (file: string, message: string, field = '', line = 1, column = 1) =>
    result.problems.push({ file, line, column, field, message });

  let files: string[];
  try {
    files = await listYaml(contentDir);
  } catch {
    problem(relative(cwd, contentDir) || contentDir, `找不到内容文件夹 ${contentDir}`);
    return result;
  }
  result.files = files.length;
  // Messages name the folder actually checked (content/ in normal use).
  const root = (relative(cwd, contentDir) || '.').split(sep).join('/');

  const parsedFiles: { parsed: ParsedFile; kind: ContentFileKind }[] = [];
  for (const path of files) {
    const file = relative(cwd, path);
    const rel = relative(contentDir, path).split(sep).join('/');
    const kind = classifyContentPath(rel);
    if (/\.yml$/i.test(rel)) {
      problem(file, `文件扩展名要写成 .yaml（不是 .yml），否则不会被发布。请把文件改名为 ${basename(rel).replace(/\.yml$/i, '.yaml')}`);
      continue;
    }
    if (!kind) {
      problem(file, `这个位置的 YAML 文件不会被发布。项目表应放在 ${root}/<年度>/<单位编码>/projects/ 下（执行监控表放 monitoring/，绩效自评表放 evaluations/），部门整体目标是 ${root}/<年度>/<单位编码>/department.yaml，部门整体自评是 department-evaluation.yaml，部门预算、决算是 budget.yaml、final-accounts.yaml，网站设置是 ${root}/site.yaml`);
      continue;
    }
    const lines = new LineCounter();
    const text = await readFile(path, 'utf8');
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const parsed = { file, doc, lines, text };
    const [first] = doc.errors;
    if (first) {
      // Only the first syntax error: the ones after it are nearly always its consequences.
      const pos = lines.linePos(first.pos[0]);
      const indent = indentationProblem(text.split(/\r?\n/), pos.line);
      if (indent) problem(file, `YAML 格式错误：${indent.message}`, '', indent.line, 1);
      else problem(file, `YAML 格式错误：${yamlErrorMessage(first.code)}（${first.message.split('\n')[0]}）`, '', pos.line, pos.col);
      continue;
    }
    parsedFiles.push({ parsed, kind });
  }

  // The site file first: its indicator framework decides what the project files may use.
  const siteEntry = parsedFiles.find((f) => f.kind.kind === 'site');
  if (!siteEntry) {
    if (!result.problems.some((p) => p.file.endsWith(SITE_FILE))) problem(join(relative(cwd, contentDir), SITE_FILE), `缺少网站设置文件 ${root}/site.yaml（网站名称、主办单位、联系方式等）`);
  } else {
    const site = siteSchema.safeParse(siteEntry.parsed.doc.toJS());
    if (site.success) result.site = site.data;
    else result.problems.push(...schemaProblems(siteEntry.parsed, site.error));
    // The 党政机关网站标识 is an image the site serves itself (nothing is loaded from elsewhere): it must be there.
    const badge = site.success ? site.data.badge : undefined;
    if (badge && !existsSync(join(cwd, PUBLIC_DIR, badge.image.replace(/^\/+/, '')))) {
      const image = `${PUBLIC_DIR}/${badge.image.replace(/^\/+/, '')}`;
      result.problems.push({ file: siteEntry.parsed.file, ...locate(siteEntry.parsed, ['党政机关网站标识', '图片']), field: '图片', message: `找不到标识图片 ${image}：请把机构编制部门提供的党政机关网站标识图片放到 ${image}，或改正“图片”（写它在 ${PUBLIC_DIR}/ 下的路径）` });
    }
  }
  const rules = projectRulesOf(result.site);
  const schemas = {
    project: projectSchema(rules),
    department: departmentSchemaFor(rules.framework),
    monitoring: monitoringSchema(rules),
    evaluation: evaluationSchema(rules),
    departmentEvaluation: departmentEvaluationSchema(rules.framework),
  };

  const budgets = result.budgets;
  for (const { parsed, kind } of parsedFiles) {
    if (kind.kind === 'site') continue;
    if (kind.kind === 'budget') {
      const budget = await budgetFile(parsed, kind, root, cwd, result.problems);
      if (budget) budgets.push(budget);
      continue;
    }
    const schema = schemas[kind.kind];
    const raw = parsed.doc.toJS();
    const checked = schema.safeParse(raw);
    const problems = fileProblems(parsed, raw, checked.success ? undefined : checked.error);
    result.problems.push(...problems);
    if (!checked.success || problems.length > 0) continue;
    const data = checked.data;
    // The folder names the year and the unit; a file in the wrong folder would be published
    // under the wrong unit, so the two must agree.
    if (data.fiscalYear !== kind.year) {
      result.problems.push({ file: parsed.file, ...locate(parsed, ['年度']), field: '年度', message: `年度写的是 ${data.fiscalYear}，但文件放在 ${kind.year} 年的文件夹里。请改正年度，或把文件移到 ${root}/${data.fiscalYear}/${kind.unit}/ 下` });
    }
    if (data.unitCode !== kind.unit) {
      result.problems.push({ file: parsed.file, ...locate(parsed, ['单位编码']), field: '单位编码', message: `单位编码写的是 ${data.unitCode}，但文件放在单位文件夹 ${kind.unit} 里。请改正单位编码，或把文件移到 ${root}/${kind.year}/${data.unitCode}/ 下` });
    }
    const at = (path: readonly (string | number)[]) => locate(parsed, path);
    const valid = { file: parsed.file, at, text: parsed.text, raw };
    if (kind.kind === 'project') result.projects.push({ ...valid, data: data as Project });
    else if (kind.kind === 'department') result.departments.push({ ...valid, data: data as Department });
    else if (kind.kind === 'monitoring') result.monitoring.push({ ...valid, data: data as Monitoring });
    else if (kind.kind === 'evaluation') result.evaluations.push({ ...valid, data: data as Evaluation });
    else result.departmentEvaluations.push({ ...valid, data: data as DepartmentEvaluation });
  }

  // A project code names one project in a year: two files with it would publish two pages
  // competing for one permalink.
  const byCode = new Map<string, string>();
  for (const { file, data } of result.projects) {
    const key = `${data.fiscalYear}/${data.key}`;
    const first = byCode.get(key);
    if (first === undefined) byCode.set(key, file);
    else {
      const parsed = parsedFiles.find((f) => f.parsed.file === file)!.parsed;
      const field = data.code !== undefined ? '项目编码' : '网址标识';
      result.problems.push({ file, ...locate(parsed, [field]), field, message: `${field} ${data.key} 在 ${first} 中已经用过：同一年度里每个${field}只能出现在一个文件中（它决定项目页面的网址）。请删除重复的文件，或改正其中一个的${field}` });
    }
  }

  // 上年项目编码 links a project to last year's table for the year-over-year comparison; a code
  // that names nothing would silently show no comparison, so it is checked here.
  for (const { file, data, at } of result.projects) {
    if (data.previousCode === undefined || byCode.has(`${data.fiscalYear - 1}/${data.previousCode}`)) continue;
    result.problems.push({
      file,
      ...at(['上年项目编码']),
      field: '上年项目编码',
      message: `上年项目编码 ${data.previousCode} 在 ${data.fiscalYear - 1} 年的内容里找不到：应写上一年度这个项目的项目编码（见 ${root}/${data.fiscalYear - 1}/ 下的项目文件）。上一年度没有在本网站公开时，删去这一行`,
    });
  }

  // 来源 names the approved document the page links to as 批复原文: it must be there, or every
  // page of the unit would link to a missing file.
  for (const { file, data, at } of [...result.projects, ...result.departments]) {
    const document = data.source?.document;
    if (document === undefined) continue;
    const folder = join(contentDir, String(data.fiscalYear), data.unitCode, 'source');
    if (existsSync(join(folder, document))) continue;
    result.problems.push({
      file,
      ...at(['来源', '文件']),
      field: '来源.文件',
      message: `来源文件 ${document} 不在 ${root}/${data.fiscalYear}/${data.unitCode}/source/ 里：网站上的“批复原文”链接会打不开。请把批复原文放进这个文件夹，或改正文件名`,
    });
  }

  // Monitoring and self-evaluation against the approved targets they report on.
  result.problems.push(...resultProblems(result, root));
  // 部门预算 and 部门决算: the tables their set requires, every identity, the 说明 against the tables.
  result.problems.push(...budgetProblems(budgets, result.notices));

  result.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return result;
}

/** A 部门预算/决算 file checked by its schema, with its year and kind against its folder and name, and its 说明 read. */
async function budgetFile(parsed: ParsedFile, kind: Extract<ContentFileKind, { kind: 'budget' }>, root: string, cwd: string, problems: ContentProblem[]): Promise<BudgetFile | undefined> {
  const raw = parsed.doc.toJS();
  const checked = budgetDocumentSchema.safeParse(raw);
  const own = fileProblems(parsed, raw, checked.success ? undefined : checked.error);
  problems.push(...own);
  if (!checked.success || own.length > 0) return undefined;
  const at = (path: readonly (string | number)[]) => locate(parsed, path);
  const data = checked.data;
  const name = basename(parsed.file);
  if (data.年度 !== kind.year) problems.push({ file: parsed.file, ...at(['年度']), field: '年度', message: `年度写的是 ${data.年度}，但文件放在 ${kind.year} 年的文件夹里。请改正年度，或把文件移到 ${root}/${data.年度}/${kind.unit}/ 下` });
  if (data.种类 !== kind.种类) problems.push({ file: parsed.file, ...at(['种类']), field: '种类', message: `种类写的是${data.种类}，但文件名 ${name} 是${kind.种类}的：${BUDGET_FILE_HINT}` });
  // parsed.file is as shown to staff, relative to cwd (not always the process's): read from there.
  const noteFile = parsed.file.replace(/\.yaml$/, '.md');
  const notePath = resolve(cwd, noteFile);
  const noteText = existsSync(notePath) ? await readFile(notePath, 'utf8') : '';
  return { file: parsed.file, noteFile, noteText, data, unit: kind.unit, at };
}
const BUDGET_FILE_HINT = '部门预算写在 budget.yaml（情况说明 budget.md），部门决算写在 final-accounts.yaml（情况说明 final-accounts.md）';

function yamlErrorMessage(code: string): string {
  const messages: Record<string, string> = {
    DUPLICATE_KEY: '同一个字段写了两次，请删除其中一个',
    BAD_INDENT: '缩进不对：同一层的字段要左对齐，下一层多缩进两个空格',
    MISSING_CHAR: '缺少符号（例如引号或括号没有成对）',
    MULTILINE_IMPLICIT_KEY: '字段名后面要有英文冒号和空格，例如“项目名称: 道路清理”',
    BLOCK_AS_IMPLICIT_KEY: '字段名后面要有英文冒号和空格，例如“项目名称: 道路清理”',
    TAB_AS_INDENT: '不能用 Tab 键缩进，请改用空格',
    UNEXPECTED_TOKEN: '出现了意外的符号；以 >、|、*、&、!、%、@ 开头的文字要用引号括起来',
    BAD_SCALAR_START: '以 >、|、*、&、!、%、@ 等符号开头的文字要用引号括起来，例如 指标值: ">=90%"',
  };
  return messages[code] ?? '格式不对，请检查引号、冒号和缩进';
}

/** Column where a line's content starts, after its indentation and any list dash ("  - a: 1" → 4). */
function contentColumn(line: string): number {
  return /^(\s*(?:-\s+)?)/.exec(line)![1]!.length;
}

/**
 * The yaml library reports a mis-indented key where its consequences show, often as a missing
 * colon on the line above. Staff mostly mis-indent by a space or two, so recognise that and say
 * so at the line that needs the fix.
 */
function indentationProblem(lines: string[], errorLine: number): { line: number; message: string } | undefined {
  const isContent = (l: string | undefined) => l !== undefined && l.trim() !== '' && !l.trim().startsWith('#');
  const at = lines[errorLine - 1];
  if (!isContent(at)) return undefined;
  let previous = errorLine - 2;
  while (previous >= 0 && !isContent(lines[previous])) previous--;
  const above = lines[previous];
  // The line itself is out of line with the key above it (unless that key opens a nested block).
  if (above !== undefined && !at!.trim().startsWith('-') && !/:\s*$/.test(above) && contentColumn(above) !== contentColumn(at!)) {
    const diff = contentColumn(at!) - contentColumn(above);
    return { line: errorLine, message: `缩进不对：这一行比上一行${diff > 0 ? '多' : '少'}缩进了 ${Math.abs(diff)} 个空格。同一层的字段要左对齐` };
  }
  // A key indented further than the key above it (which already has a value) becomes part of that value.
  const next = lines[errorLine];
  if (isContent(next) && !next!.trim().startsWith('-') && contentColumn(next!) > contentColumn(at!) && !/:\s*$/.test(at!)) {
    return { line: errorLine + 1, message: `缩进不对：这一行比上一行多缩进了 ${contentColumn(next!) - contentColumn(at!)} 个空格。同一层的字段要左对齐` };
  }
  return undefined;
}
