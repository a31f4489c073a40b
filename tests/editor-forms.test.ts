// The editor's forms cover every field of every schema, and the save hook writes only what the
// form changed onto the file as written (no browser: src/lib/editor/cms-config.ts and save.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { kindForms, type FormField, type FormKind } from '../src/lib/editor/cms-config.ts';
import { applyForm } from '../src/lib/editor/save.ts';
import { jsonSchemaFiles, SCHEMA_FILES } from '../src/lib/check/json-schema.ts';
import { DEFAULT_FRAMEWORK } from '../src/schema/framework.ts';

const forms = kindForms(DEFAULT_FRAMEWORK);
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
  it.each(KINDS)('cover every field of the %s schema: a form field, or kept as written for a reason the test names', (kind, file) => {
    const schema = JSON.parse(schemas[file]!) as Json;
    const form = forms[kind];
    const inForm = new Set(formPaths(form.fields));
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

const FILE = 'content/2023/483001/projects/02-13022923P00JXC4155606.yaml';
const original = readFileSync(FILE, 'utf8');
/** What Decap sends: the whole entry in its own YAML (comments gone, flow style and quoting its own). */
const asDecapSends = (change: (data: any) => void) => {
  const data = parse(original);
  change(data);
  return parse(stringify(data));
};
const save = (change: (data: any) => void) => applyForm(forms.project, original, asDecapSends(change), () => '');
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
    const result = applyForm(forms.project, wrong, parse(original), () => '');
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
