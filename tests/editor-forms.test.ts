// The editor's forms cover every field of every schema, and the save hook writes only what the
// form changed onto the file as written (no browser: src/lib/editor/cms-config.ts and save.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kindForms, projectFormFor, projectLayoutForms, type FormField, type FormKind } from '../src/lib/editor/cms-config.ts';
import { applyForm } from '../src/lib/editor/save.ts';
import { jsonSchemaFiles, SCHEMA_FILES } from '../src/lib/check/json-schema.ts';
import { DEFAULT_FRAMEWORK } from '../src/schema/framework.ts';
import { TABLE_LAYOUTS } from '../src/schema/table-layouts.ts';

const forms = kindForms(DEFAULT_FRAMEWORK);
const layouts = projectLayoutForms(forms.project);
/** The form a file of the bundled site (表样 河北) opens in. */
const hebei = projectFormFor(layouts, undefined, '河北');
const schemas = jsonSchemaFiles(DEFAULT_FRAMEWORK);
type Json = Record<string, any>;

/** Every field path of a schema (the zod schemas as z.toJSONSchema writes them), objects and list rows walked. */
function schemaPaths(schema: Json, path = ''): string[] {
  const items = schema.type === 'array' && !Array.isArray(schema.items) ? schema.items : undefined;
  if (items?.type === 'object') return schemaPaths(items, path);
  if (schema.type !== 'object' || !schema.properties) return [];
  return Object.entries(schema.properties as Record<string, Json>).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    return [at, ...schemaPaths(child, at)];
  });
}
function formPaths(fields: readonly FormField[], path = ''): string[] {
  return fields.flatMap((f) => {
    const at = path ? `${path}.${f.name}` : f.name;
    return [at, ...formPaths(f.fields ?? [], at)];
  });
}

const KINDS: [FormKind, string][] = [
  ['project', SCHEMA_FILES.project],
  ['department', SCHEMA_FILES.department],
  ['monitoring', SCHEMA_FILES.monitoring],
  ['evaluation', SCHEMA_FILES.evaluation],
  ['departmentEvaluation', SCHEMA_FILES.departmentEvaluation],
  ['site', SCHEMA_FILES.site],
];

describe('the editor’s forms', () => {
  it.each(KINDS)('cover every field of the %s schema: a form field (of some 表样’s form, for projects), or kept as written for a reason the test names', (kind, file) => {
    const schema = JSON.parse(schemas[file]!) as Json;
    const form = forms[kind];
    const inForm = new Set(kind === 'project' ? Object.values(layouts).flatMap((l) => formPaths(l.fields)) : formPaths(form.fields));
    const kept = (path: string) => form.kept.some((k) => path === k || path.startsWith(`${k}.`));
    expect(schemaPaths(schema).filter((p) => !inForm.has(p) && !kept(p))).toEqual([]);
    // Only what a form cannot show is kept: a mapping with keys of the file's choosing, or a field of two shapes.
    const at = (path: string) => path.split('.').reduce<Json>((s, key) => (s.type === 'array' ? s.items : s).properties[key], schema);
    for (const path of form.kept) {
      const s = at(path);
      expect(s.additionalProperties !== undefined || s.anyOf?.some((a: Json) => a.type === 'array'), path).toBe(true);
    }
  });

  it('offer the site’s 指标体系 as the choices of 一级 and 二级指标, and keep amounts as text', () => {
    const indicators = forms.project.fields.find((f) => f.name === '绩效指标')!;
    expect(indicators.fields!.find((f) => f.name === '一级指标')!.options).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(indicators.fields!.find((f) => f.name === '二级指标')!.options).toContain('服务对象满意度指标');
    expect(forms.project.fields.find((f) => f.name === '预算数')!.widget).toBe('string');
    expect(forms.project.fields.find((f) => f.name === '资金支出计划')!.widget).toBe('list');
  });
});

describe('the forms of the 表样', () => {
  const names = (fields: readonly FormField[]) => fields.map((f) => f.name);
  const rowsOf = (fields: readonly FormField[]) => fields.find((f) => f.name === '绩效指标')!.fields!;
  const projectLayouts = TABLE_LAYOUTS.filter((l) => l.kind === 'project');
  const printedBy = (pick: (l: (typeof projectLayouts)[number]) => readonly { field: string }[]) => new Set(projectLayouts.flatMap((l) => pick(l).map((f) => f.field)));
  const required = (fields: readonly FormField[]) => new Set(fields.filter((f) => f.required).map((f) => f.name));

  it.each(projectLayouts.map((l) => [l.name, l] as const))('%s: the fields it prints in its printed order, no field only another 表样 prints, its indicator columns in their order', (name, layout) => {
    const form = layouts[name]!;
    const own: string[] = [...new Set(layout.fields.map((f) => f.field))];
    const others = [...printedBy((l) => l.fields)].filter((f) => !own.includes(f) && !required(forms.project.fields).has(f));
    expect(names(form.fields).filter((f) => own.includes(f))).toEqual(own);
    expect(names(form.fields).filter((f) => others.includes(f))).toEqual([]);
    const columns: string[] = [...new Set(layout.indicatorColumns.map((f) => f.field))];
    const otherColumns = [...printedBy((l) => l.indicatorColumns)].filter((f) => !columns.includes(f) && !required(rowsOf(forms.project.fields)).has(f));
    expect(names(rowsOf(form.fields)).filter((f) => columns.includes(f))).toEqual(columns);
    expect(names(rowsOf(form.fields)).filter((f) => otherColumns.includes(f))).toEqual([]);
    // What every table has (its unit, year, money unit) and what no 表样 prints are in every form.
    expect(names(form.fields)).toEqual(expect.arrayContaining(['单位编码', '年度', '金额单位', '长期目标', '绩效指标', '来源']));
    // A new file made in it is of its 表样.
    expect(form.fields.find((f) => f.name === '表样')).toMatchObject({ widget: 'hidden', default: name });
  });

  it('show a label printed otherwise than the file’s key in the hint', () => {
    expect(layouts['重庆']!.fields.find((f) => f.name === '项目名称')!.hint).toMatch(/^原表“专项资金名称”/);
    expect(rowsOf(layouts['重庆']!.fields).find((f) => f.name === '度量单位')!.hint).toMatch(/^原表“计量单位”/);
    expect(layouts['河北']!.fields.find((f) => f.name === '财政资金')!.hint).toMatch(/^原表“其中：财政资金”/);
  });

  it('open a file in its own 表样’s form, one naming none in the site’s, where new files name none', () => {
    expect(projectFormFor(layouts, '四川', '河北').label).toBe('项目绩效目标表（四川）');
    expect(projectFormFor(layouts, undefined, '河北').label).toBe('项目绩效目标表（河北）');
    expect(projectFormFor(layouts, '四川省', '重庆').label).toBe('项目绩效目标表（重庆）');
    expect(names(projectFormFor(layouts, undefined, '河北').fields)).not.toContain('表样');
    expect(names(projectFormFor(layouts, '河北', '四川').fields)).toContain('表样');
  });
});

const FILE = 'content/2023/483001/projects/02-13022923P00JXC4155606.yaml';
const original = readFileSync(FILE, 'utf8');
/** What Decap sends: the whole entry in its own YAML (comments gone, flow style and quoting its own). */
const asDecapSends = (change: (data: any) => void) => {
  const data = parse(original);
  change(data);
  return parse(stringify(data));
};
const save = (change: (data: any) => void) => applyForm(hebei, original, asDecapSends(change), () => '');
const diff = (text: string) => {
  const before = original.split('\n');
  const after = text.split('\n');
  return { removed: before.filter((l) => !after.includes(l)), added: after.filter((l) => !before.includes(l)) };
};

describe('the save hook', () => {
  it('writes only the changed values: comments, blank lines, flow rows, quoting and null stay', () => {
    const result = save((d) => {
      d.预算数 = '45000.00';
      d.绩效指标[0].指标值 = '2个';
    });
    expect(result.ok && diff(result.text)).toEqual({ removed: ['预算数: "40000.00"', '    指标值: 1个'], added: ['预算数: "45000.00"', '    指标值: 2个'] });
  });

  it('writes a cleared field as the schema means empty: left out, or null for a plan’s empty cell; never ""', () => {
    const result = save((d) => {
      d.资金用途 = '';
      d.资金支出计划[3].累计比例 = '';
    });
    expect(result.ok && diff(result.text)).toEqual({ removed: ['资金用途: 2022年人饮井更新', '  - { 月份: 12, 累计比例: 100 }'], added: ['  - { 月份: 12, 累计比例: null }'] });
  });

  it('writes a new row like its neighbours, a percent as a number', () => {
    const result = save((d) => d.资金支出计划.splice(3, 1, { 月份: 11, 累计比例: '90' }, { 月份: 12, 累计比例: 100 }));
    expect(result.ok && diff(result.text).added).toEqual(['  - { 月份: 11, 累计比例: 90 }']);
  });

  it('returns the file unchanged when nothing changed', () => {
    expect(save(() => undefined)).toEqual({ ok: true, text: original, changed: false });
  });

  it('refuses a file the form cannot show, naming the field and the row', () => {
    const wrong = original.replace('    指标值: 1个', '    指标值: [1, 个]');
    const result = applyForm(hebei, wrong, parse(original), () => '');
    expect(result).toEqual({ ok: false, message: expect.stringContaining('字段“绩效指标[1].指标值”应为一项文字或数字，文件里写的是一组条目') });
  });
});

describe('hosted mode (site.yaml 在线编辑)', async () => {
  const { hostedAdminFiles, hostedBackend } = await import('../src/lib/editor/hosted.ts');
  const { siteSchema } = await import('../src/schema/site.ts');
  const { loadSiteConfig } = await import('../src/lib/site/site-config.ts');
  const base = { 网站名称: '某镇', 主办单位: '某镇人民政府', 联系方式: { 地址: '某地' } };
  const site = (在线编辑: Record<string, string>) => siteSchema.parse({ ...base, 在线编辑 });

  it('makes no /admin/ for a site that does not enable it (the bundled site stays as it was)', () => {
    expect(hostedAdminFiles(loadSiteConfig('content'), 'content')).toEqual([]);
  });

  it('makes /admin/ with Decap’s bundle and a configuration of the content’s folders when enabled', () => {
    const files = hostedAdminFiles(site({ 平台: 'forgejo', 仓库: 'czj/yusuan', 网址: 'https://git.example.gov.cn', 应用ID: 'abc' }), 'content');
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['index.html', 'config.yml', 'decap-cms.js']));
    const page = String(files.find((f) => f.name === 'index.html')!.body());
    expect(page).toContain("script-src 'self' 'unsafe-eval'");
    expect(page).not.toContain('admin.js');
    const config = parse(String(files.find((f) => f.name === 'config.yml')!.body()));
    expect(config.backend).toMatchObject({ name: 'forgejo', repo: 'czj/yusuan', branch: 'main', app_id: 'abc', api_root: 'https://git.example.gov.cn/api/v1' });
    expect(config.collections.map((c: { name: string }) => c.name)).toContain('projects-2023-483001');
  });

  it('lists every file of a folder in the site’s 表样’s collection (hosted Decap cannot match a file naming no 表样), each other 表样’s files in its own', async () => {
    const { cmsConfig } = await import('../src/lib/editor/cms-config.ts');
    const places = { unitYears: [{ year: 2024, unit: '813', department: false, departmentEvaluation: false, layouts: ['四川'] }], about: false };
    const projects = (filterSite: boolean) => cmsConfig(forms, places, { name: 'forgejo' }, { site: '河北', filterSite }, 'content').collections.filter((c: { folder?: string }) => c.folder?.endsWith('/projects'));
    expect(projects(false).map((c: Json) => [c.name, c.filter])).toEqual([['projects-2024-813', undefined], ['projects-2024-813-sc', { field: '表样', value: '四川' }]]);
    expect(projects(true)[0].filter).toEqual({ field: '表样', value: '河北' });
    expect(projects(true)[1].fields.find((f: FormField) => f.name === '年度目标')).toBeDefined();
  });

  it('configures each platform’s backend as Decap documents it', () => {
    expect(hostedBackend(site({ 平台: 'gitlab', 仓库: 'czj/yusuan', 网址: 'https://gitlab.example.gov.cn/', 应用ID: 'id' }).hostedEditor!)).toMatchObject({ name: 'gitlab', auth_type: 'pkce', app_id: 'id', api_root: 'https://gitlab.example.gov.cn/api/v4', base_url: 'https://gitlab.example.gov.cn' });
    expect(hostedBackend(site({ 平台: 'github', 仓库: 'czj/yusuan', 登录服务: 'https://auth.example.gov.cn' }).hostedEditor!)).toMatchObject({ name: 'github', base_url: 'https://auth.example.gov.cn' });
  });

  it('says in Chinese what a platform still needs', () => {
    const result = siteSchema.safeParse({ ...base, 在线编辑: { 平台: 'gitea', 仓库: 'czj/yusuan' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join('\n')).toMatch(/平台是 gitea 时要写它的网址[\s\S]*Client ID/);
  });
});
