// Writes content files as staff will read and edit them: keys in the approved table's order,
// no line folding, one blank line between indicators, the spending plan one checkpoint a line.
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DepartmentInput } from '../../schema/department.ts';
import type { ProjectInput } from '../../schema/project.ts';
import { resultLayoutOf, type ResultKind } from '../../schema/result-layouts.ts';
import { SCHEMA_FILES, type SchemaKind } from '../../schema/schema-files.ts';

const EDIT_HINT = '可直接编辑；改完运行 npm run validate 检查。';

export { SCHEMA_FILES, type SchemaKind };
/** How deep each kind of file lies in a content folder (content/<year>/<unit>/projects/x.yaml is 3 down). */
const DEPTH: Record<SchemaKind, number> = { project: 3, department: 2, site: 0, monitoring: 3, evaluation: 3, departmentEvaluation: 2, budget: 2 };
/** The tool's schemas folder, wherever the tool is (a county keeps it in .gongkai-tool/, or beside its content). */
const TOOL_SCHEMAS = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/**
 * The first line tells editors with the YAML language server (e.g. VS Code's YAML extension)
 * which JSON Schema to autocomplete and check against. Its path is relative to the file, so it is
 * worked out from the folder the file is written into and where the tool's schemas are: a county's
 * content outside the tool gets the path to the tool it was written with. Without a folder, the
 * path of the tool's own content folder (content/ beside schemas/).
 */
export function schemaLine(kind: SchemaKind, folder?: string): string {
  const schemas = folder === undefined ? `${'../'.repeat(DEPTH[kind] + 1)}schemas` : relative(resolve(folder), TOOL_SCHEMAS).split(sep).join('/');
  return ` yaml-language-server: $schema=${schemas}/${SCHEMA_FILES[kind]}`;
}

function render(doc: Document): string {
  // Some YAML readers (Astro's among them) turn an unquoted 2024-03-01 into a date object: a date
  // written as text stays text when quoted.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{1,2}-\d{1,2}/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: never fold long Chinese text across lines, so a cell stays one line.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Each item of a list of maps after the first gets a blank line before it. */
function spaceItems(node: unknown) {
  if (!isSeq(node)) return;
  node.items.forEach((item, i) => {
    if (i > 0 && isMap(item)) item.spaceBefore = true;
  });
}

function flowItems(node: unknown) {
  if (!isSeq(node)) return;
  for (const item of node.items) if (isMap(item) || isSeq(item)) item.flow = true;
}

/** A blank line before each of these top-level keys, so the file reads in the table's blocks. */
function spaceBeforeKeys(doc: Document, keys: readonly string[]) {
  for (const key of keys) {
    const pair = (doc.contents as YAMLMap).items.find((p) => (p.key as { value?: unknown })?.value === key || p.key === key);
    if (pair && pair.key && typeof pair.key === 'object') (pair.key as { spaceBefore?: boolean }).spaceBefore = true;
  }
}

function markSource(doc: Document) {
  const range = doc.getIn(['来源', '起止行'], true) as YAMLSeq | undefined;
  if (range) range.flow = true;
}

/**
 * The writers of files written into `folder` (the $schema line's path is worked out from it);
 * without one, for the tool's own content folder.
 */
export function yamlWriters(folder?: string) {
  return {
    project: (project: ProjectInput) => writeProject(project, folder),
    department: (department: DepartmentInput) => writeDepartment(department, folder),
    result: (kind: ResultKind, table: Record<string, unknown>) => writeResult(kind, table, folder),
  };
}
export const projectYaml = (project: ProjectInput) => writeProject(project);
export const departmentYaml = (department: DepartmentInput) => writeDepartment(department);
export const resultYaml = (kind: ResultKind, table: Record<string, unknown>) => writeResult(kind, table);

function writeProject(project: ProjectInput, folder?: string): string {
  const doc = new Document(project);
  doc.commentBefore = `${schemaLine('project', folder)}\n 项目绩效目标表：${project.项目名称}\n ${EDIT_HINT}`;
  flowItems(doc.get('资金支出计划', true));
  spaceItems(doc.get('绩效指标', true));
  markSource(doc);
  spaceBeforeKeys(doc, ['资金支出计划', '绩效目标', '绩效指标', '来源']);
  return render(doc);
}

function writeDepartment(department: DepartmentInput, folder?: string): string {
  const doc = new Document(department);
  doc.commentBefore = `${schemaLine('department', folder)}\n 部门整体绩效目标：${department.单位名称}（${department.年度}年）\n ${EDIT_HINT}`;
  spaceItems(doc.get('分项绩效目标', true));
  markSource(doc);
  return render(doc);
}

/** A monitoring, self-evaluation or department self-evaluation file (YAML keys, in the schema's order). */
function writeResult(kind: ResultKind, table: Record<string, unknown>, folder?: string): string {
  const doc = new Document(table);
  const name = kind === 'departmentEvaluation' ? `${String(table['单位名称'])}（${String(table['年度'])}年）` : String(table['项目名称']);
  doc.commentBefore = `${schemaLine(kind, folder)}\n ${resultLayoutOf(kind).title}：${name}\n ${EDIT_HINT}`;
  // 偏差原因类别 one line per indicator, as the example files write it: [经费保障, 人员保障].
  visit(doc, {
    Pair(_, pair) {
      if ((pair.key as { value?: unknown })?.value === '偏差原因类别' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  spaceItems(doc.get('资金', true));
  spaceItems(doc.get('绩效指标', true));
  markSource(doc);
  spaceBeforeKeys(doc, ['资金', '年度总体目标', '绩效指标', '来源']);
  return render(doc);
}
