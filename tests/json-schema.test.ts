// The JSON Schemas editors use must agree with the validator: generated from the zod schemas,
// up to date, and accepting and rejecting the same files — except for the cross-field rules that
// JSON Schema cannot express, each listed here with its reason.
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { classifyContentPath } from '../src/lib/site/content-layout.ts';
import { jsonSchemaFiles, SCHEMA_FILES } from '../src/lib/check/json-schema.ts';
import { departmentSchema } from '../src/schema/department.ts';
import { DEFAULT_FRAMEWORK } from '../src/schema/framework.ts';
import { projectSchema } from '../src/schema/project.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema } from '../src/schema/results.ts';
import { siteSchema } from '../src/schema/site.ts';
import { budgetDocumentSchema } from '../src/schema/budget.ts';

const files = jsonSchemaFiles(DEFAULT_FRAMEWORK);
const ajv = new Ajv({ allErrors: true, strict: false });
const json = Object.fromEntries(Object.entries(SCHEMA_FILES).map(([kind, file]) => [kind, ajv.compile(JSON.parse(files[file]!))])) as Record<keyof typeof SCHEMA_FILES, ReturnType<typeof ajv.compile>>;
const zod = { project: projectSchema(), department: departmentSchema, site: siteSchema, monitoring: monitoringSchema(), evaluation: evaluationSchema(), departmentEvaluation: departmentEvaluationSchema(), budget: budgetDocumentSchema };

/** Rules only the validator checks, by fixture: JSON Schema cannot compare fields or rows. */
const VALIDATOR_ONLY: Record<string, string> = {
  'sum-mismatch': '财政资金 + 其他资金 = 预算数 compares three fields',
  'plan-decreasing': 'a cumulative plan never decreasing compares rows',
  'duplicate-indicator': 'duplicate rows compare rows',
};

/** Every YAML file of every content folder the tests use: the bundled content and each fixture. */
function contentFiles(): { folder: string; path: string; kind: keyof typeof SCHEMA_FILES }[] {
  const roots = [{ folder: 'content', dir: 'content' }, ...readdirSync('tests/fixtures', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => ({ folder: d.name, dir: join('tests/fixtures', d.name) }))];
  return roots.flatMap(({ folder, dir }) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
      .flatMap((e) => {
        const path = join(e.parentPath, e.name);
        const kind = classifyContentPath(relative(dir, path).split('\\').join('/'))?.kind;
        return kind ? [{ folder, path, kind }] : [];
      }),
  );
}

describe('JSON Schema for editors', () => {
  it('is up to date with the zod schemas (run npm run schema after changing them)', () => {
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join('schemas', name), 'utf8'), name).toBe(text);
  });

  const cases = contentFiles().flatMap((f) => {
    const doc = parseDocument(readFileSync(f.path, 'utf8'));
    return doc.errors.length ? [] : [{ ...f, data: doc.toJS() as unknown }]; // a syntax error is no schema question
  });

  it('is checked against every content file and fixture', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases.map((c) => [c.path, c] as const))('agrees with zod on %s', (_path, c) => {
    const zodAccepts = zod[c.kind].safeParse(c.data).success;
    const jsonAccepts = json[c.kind](c.data) as boolean;
    if (VALIDATOR_ONLY[c.folder] && c.kind === 'project' && !zodAccepts) {
      expect(jsonAccepts, `${VALIDATOR_ONLY[c.folder]}: JSON Schema accepts, zod rejects`).toBe(true);
    } else {
      expect(jsonAccepts, JSON.stringify(json[c.kind].errors?.slice(0, 3))).toBe(zodAccepts);
    }
  });

  it('is named on the first line of every bundled content file, with a path that resolves', () => {
    for (const f of contentFiles().filter((c) => c.folder === 'content')) {
      const first = readFileSync(f.path, 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, f.path).not.toBeNull();
      expect(join(dirname(f.path), match![1]!), f.path).toBe(join('schemas', SCHEMA_FILES[f.kind]));
    }
  });

  it('rejects an unknown 一级/二级 pairing as the validator does', () => {
    const data = parseDocument(readFileSync('content/2023/483001/projects/01-13022923P00JXC415564L.yaml', 'utf8')).toJS();
    data['绩效指标'][4]['二级指标'] = '质量指标';
    expect(json.project(data)).toBe(false);
    expect(zod.project.safeParse(data).success).toBe(false);
  });
});
