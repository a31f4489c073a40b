// Writes content files as staff will read and edit them: keys in the approved table's order,
// no line folding, one blank line between indicators, the spending plan one checkpoint a line.
import { Document, isMap, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DepartmentInput } from '../../schema/department.ts';
import type { ProjectInput } from '../../schema/project.ts';
import { resultLayoutOf, type ResultKind } from '../../schema/result-layouts.ts';

const EDIT_HINT = '可直接编辑；改完运行 npm run validate 检查。';

/**
 * The first line tells editors with the YAML language server (e.g. VS Code's YAML extension)
 * which JSON Schema to autocomplete and check against; the paths assume the content layout.
 */
export const SCHEMA_LINE = {
  project: ' yaml-language-server: $schema=../../../../schemas/project.schema.json',
  department: ' yaml-language-server: $schema=../../../schemas/department.schema.json',
  site: ' yaml-language-server: $schema=../schemas/site.schema.json',
  monitoring: ' yaml-language-server: $schema=../../../../schemas/monitoring.schema.json',
  evaluation: ' yaml-language-server: $schema=../../../../schemas/evaluation.schema.json',
  departmentEvaluation: ' yaml-language-server: $schema=../../../schemas/department-evaluation.schema.json',
} as const;

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

export function projectYaml(project: ProjectInput): string {
  const doc = new Document(project);
  doc.commentBefore = `${SCHEMA_LINE.project}\n 项目绩效目标表：${project.项目名称}\n ${EDIT_HINT}`;
  flowItems(doc.get('资金支出计划', true));
  spaceItems(doc.get('绩效指标', true));
  markSource(doc);
  spaceBeforeKeys(doc, ['资金支出计划', '绩效目标', '绩效指标', '来源']);
  return render(doc);
}

export function departmentYaml(department: DepartmentInput): string {
  const doc = new Document(department);
  doc.commentBefore = `${SCHEMA_LINE.department}\n 部门整体绩效目标：${department.单位名称}（${department.年度}年）\n ${EDIT_HINT}`;
  spaceItems(doc.get('分项绩效目标', true));
  markSource(doc);
  return render(doc);
}

/** A monitoring, self-evaluation or department self-evaluation file (YAML keys, in the schema's order). */
export function resultYaml(kind: ResultKind, table: Record<string, unknown>): string {
  const doc = new Document(table);
  const name = kind === 'departmentEvaluation' ? `${String(table['单位名称'])}（${String(table['年度'])}年）` : String(table['项目名称']);
  doc.commentBefore = `${SCHEMA_LINE[kind]}\n ${resultLayoutOf(kind).title}：${name}\n ${EDIT_HINT}`;
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
