// The Decap CMS forms, generated from the schemas: every field of every content file is a form field
// with the file's own Chinese key as its label and the schema's description as its hint, so that a
// field added to a schema appears in the form. Read from the JSON Schemas (themselves generated from
// the zod schemas by lib/check/json-schema.ts), whose shapes are plain data. Amounts are text (a
// number widget would drop "40000.00"'s decimals), 一级/二级指标 of the target tables are selects
// from the site's 指标体系, lists are lists. What a form cannot show — a mapping with keys of the
// file's own choosing (其他栏目) and a field of two shapes (site.yaml 指标体系 as a name or a list) —
// is not in the form and is kept as written by the save hook (`kept`).
import { stringify } from 'yaml';
import type { IndicatorFramework } from '../../schema/framework.ts';
import { departmentJsonSchema, jsonSchemaFiles, projectJsonSchema, SCHEMA_FILES, siteJsonSchema } from '../check/json-schema.ts';

type Json = Record<string, any>;

/** A Decap field (https://decapcms.org/docs/widgets/). */
export interface FormField {
  label: string;
  name: string;
  widget: 'string' | 'text' | 'number' | 'boolean' | 'select' | 'list' | 'object' | 'markdown';
  required?: boolean;
  hint?: string;
  options?: string[];
  value_type?: 'int' | 'float';
  fields?: FormField[];
  field?: FormField;
  collapsed?: boolean;
  summary?: string;
}

/** The kinds of file the editor shows, each a form. */
export const FORM_KINDS = ['project', 'department', 'monitoring', 'evaluation', 'departmentEvaluation', 'site', 'about'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface KindForm {
  label: string;
  fields: FormField[];
  /** Paths (`绩效指标.其他栏目`) of fields the form does not show; the save hook keeps them as written. */
  kept: string[];
  /** Paths of fields whose empty value is written `null` (an empty cell of the table, not 0); other cleared fields are left out. */
  nullable: string[];
}

/** What a value of a field holds, as the JSON Schema says it: used to build the widget. */
const isAmount = (s: Json) => (Array.isArray(s.type) && s.type.includes('string') && s.type.includes('number')) || (Array.isArray(s.anyOf) && s.anyOf.some((a: Json) => a.type === 'string') && s.anyOf.some((a: Json) => a.type === 'number' || a.type === 'null'));
const isDateText = (s: Json) => Array.isArray(s.anyOf) && s.anyOf.length === 2 && s.anyOf[0].type === 'string' && Object.keys(s.anyOf[1]).length === 0;
const isRecord = (s: Json) => s.type === 'object' && !s.properties && s.additionalProperties !== undefined;
/** Long texts get a text area: those whose example is longer than a line of a form. */
const isLong = (s: Json) => typeof s.examples?.[0] === 'string' && s.examples[0].length > 16;

interface WalkOptions {
  /** Selects for 一级/二级指标 of the indicator rows (the target tables, which the framework checks). */
  framework?: IndicatorFramework;
}

interface Found {
  kept: string[];
  nullable: string[];
}

function fieldOf(name: string, schema: Json, required: boolean, path: string, kept: Found, options: WalkOptions): FormField | undefined {
  // An empty cell written `null` is a value the form must accept empty (Decap would refuse to save it).
  const nullable = Array.isArray(schema.anyOf) && schema.anyOf.some((a: Json) => a.type === 'null');
  if (nullable) kept.nullable.push(path);
  const base = { label: name, name, required: required && !nullable, ...(schema.description ? { hint: schema.description } : {}) };
  if (isRecord(schema) || (Array.isArray(schema.anyOf) && schema.anyOf.some((a: Json) => a.type === 'array'))) {
    kept.kept.push(path);
    return undefined;
  }
  if (isAmount(schema) || isDateText(schema)) return { ...base, widget: 'string' };
  if (schema.enum) return { ...base, widget: 'select', options: schema.enum };
  if (schema.type === 'string') {
    if (options.framework && path.endsWith('绩效指标.一级指标')) return { ...base, widget: 'select', options: options.framework.map((f) => f.level1) };
    if (options.framework && path.endsWith('绩效指标.二级指标')) return { ...base, widget: 'select', options: [...new Set(options.framework.flatMap((f) => f.level2))] };
    return { ...base, widget: isLong(schema) ? 'text' : 'string' };
  }
  if (schema.type === 'integer' || schema.type === 'number') return { ...base, widget: 'number', value_type: schema.type === 'integer' ? 'int' : 'float' };
  if (schema.type === 'boolean') return { ...base, widget: 'boolean' };
  if (schema.type === 'array') {
    // A pair such as 起止行 [46, 184] is a list of numbers.
    const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
    if (items.type === 'object') {
      const fields = objectFields(items, `${path}`, kept, options);
      return { ...base, widget: 'list', collapsed: false, summary: summaryOf(fields), fields };
    }
    const field = fieldOf(name, items, true, path, kept, options);
    return field && { ...base, widget: 'list', field };
  }
  if (schema.type === 'object') {
    // Decap checks an object's required fields even when the object itself is optional and left
    // empty (a new file's 来源): inside an optional object, nothing is required in the form.
    const fields = objectFields(schema, path, kept, options);
    return { ...base, widget: 'object', fields: required ? fields : fields.map(optional) };
  }
  throw new Error(`表单无法表示字段 ${path}：${JSON.stringify(schema).slice(0, 120)}`);
}

const optional = (field: FormField): FormField => ({ ...field, required: false, ...(field.fields ? { fields: field.fields.map(optional) } : {}) });

/** How a collapsed list row reads: its first two named text fields. */
function summaryOf(fields: FormField[]): string | undefined {
  const names = fields.filter((f) => f.widget !== 'list' && f.widget !== 'object').slice(0, 3).map((f) => `{{fields.${f.name}}}`);
  return names.length ? names.join(' · ') : undefined;
}

function objectFields(schema: Json, path: string, kept: Found, options: WalkOptions): FormField[] {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries(schema.properties as Record<string, Json>).flatMap(([key, child]) => fieldOf(key, child, required.has(key), path ? `${path}.${key}` : key, kept, options) ?? []);
}

function formOf(label: string, schema: Json, options: WalkOptions = {}): KindForm {
  const found: Found = { kept: [], nullable: [] };
  const fields = objectFields(schema, '', found, options);
  return { label, fields, ...found };
}

/** The form of every kind of content file under a site's indicator framework. */
export function kindForms(framework: IndicatorFramework): Record<FormKind, KindForm> {
  const files = jsonSchemaFiles(framework);
  const parse = (name: string) => JSON.parse(files[name]!) as Json;
  return {
    project: formOf('项目绩效目标表', projectJsonSchema(framework), { framework }),
    department: formOf('部门整体绩效目标', departmentJsonSchema(framework), { framework }),
    monitoring: formOf('执行监控表', parse(SCHEMA_FILES.monitoring)),
    evaluation: formOf('绩效自评表', parse(SCHEMA_FILES.evaluation)),
    departmentEvaluation: formOf('部门整体支出绩效自评表', parse(SCHEMA_FILES.departmentEvaluation)),
    site: formOf('网站设置', siteJsonSchema()),
    about: { label: '说明与名词解释', fields: [{ label: '正文', name: 'body', widget: 'markdown', required: true, hint: '说明与名词解释页（/about/）的内容，Markdown 格式' }], kept: [], nullable: [] },
  };
}

/** The file `npm run schema` writes beside the JSON Schemas: the forms, before they are placed on the content's folders. */
export const CMS_FORMS_FILE = 'decap-cms.yml';
export function cmsFormsText(framework: IndicatorFramework): string {
  return (
    '# 由 npm run schema 从 src/schema/ 生成，不要手改。npm run edit 和在线编辑（/admin/）按 content/ 里的年度和单位\n' +
    '# 把这些表单放到各自的文件夹上（src/lib/editor/cms-config.ts 的 cmsConfig）。\n' +
    stringify(kindForms(framework), { lineWidth: 0 })
  );
}

/** Where the forms go: the unit-years of the content folder and which single files exist in each. */
export interface ContentPlaces {
  unitYears: { year: number; unit: string; unitName?: string; department: boolean; departmentEvaluation: boolean }[];
  about: boolean;
}

/** The folder a per-project kind lives in, under content/<年度>/<单位编码>/ (content-layout.ts). */
const FOLDERS = { project: 'projects', monitoring: 'monitoring', evaluation: 'evaluations' } as const;

/**
 * The whole Decap configuration: a folder collection per kind and unit-year (Decap's folders are
 * fixed paths), the single files as file collections, and the backend. `contentRoot` is the content
 * folder relative to the repository (the paths Decap reads and writes).
 */
export function cmsConfig(forms: Record<FormKind, KindForm>, places: ContentPlaces, backend: Json, contentRoot = 'content'): Json {
  const yml = { extension: 'yaml', format: 'yaml' } as const;
  const where = (u: ContentPlaces['unitYears'][number]) => `${u.year} 年 ${u.unitName ?? u.unit}`;
  const folders = (['project', 'monitoring', 'evaluation'] as const).flatMap((kind) =>
    places.unitYears.map((u) => ({
      name: `${FOLDERS[kind]}-${u.year}-${u.unit}`,
      label: `${forms[kind].label}（${where(u)}）`,
      label_singular: forms[kind].label,
      folder: `${contentRoot}/${u.year}/${u.unit}/${FOLDERS[kind]}`,
      create: true,
      ...yml,
      identifier_field: '项目名称',
      slug: '{{项目名称}}',
      summary: '{{项目名称}}',
      fields: forms[kind].fields,
    })),
  );
  const single = (kind: 'department' | 'departmentEvaluation', file: string, has: 'department' | 'departmentEvaluation') =>
    places.unitYears.filter((u) => u[has]).map((u) => ({ name: `${u.year}-${u.unit}`, label: where(u), file: `${contentRoot}/${u.year}/${u.unit}/${file}`, fields: forms[kind].fields }));
  const files = [
    { name: 'department', label: forms.department.label, files: single('department', 'department.yaml', 'department') },
    { name: 'department-evaluation', label: forms.departmentEvaluation.label, files: single('departmentEvaluation', 'department-evaluation.yaml', 'departmentEvaluation') },
  ].filter((c) => c.files.length > 0);
  // Files collections take each file's format from its extension (yaml, and about.md as Markdown).
  const site = {
    name: 'site',
    label: '网站设置与说明',
    files: [
      { name: 'settings', label: forms.site.label, file: `${contentRoot}/site.yaml`, fields: forms.site.fields },
      ...(places.about ? [{ name: 'about', label: forms.about.label, file: `${contentRoot}/about.md`, fields: forms.about.fields }] : []),
    ],
  };
  return {
    backend,
    locale: 'zh_Hans',
    // Decap requires a media folder; the site's only images (党政机关网站标识) live in public/.
    media_folder: 'public/images',
    public_folder: '/images',
    collections: [...folders, ...files, site],
  };
}
