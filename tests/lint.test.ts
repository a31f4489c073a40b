// The content quality report finds the real weaknesses of the approved document, says where and
// how to fix them, and never blocks publishing.
import { describe, expect, it } from 'vitest';
import { lintProjects, type ContentWarning } from '../src/lib/check/lint.ts';
import type { ValidFile } from '../src/lib/check/problems.ts';
import { validateContent } from '../src/lib/check/validate.ts';
import type { Project } from '../src/schema/project.ts';
import { runCli } from './helpers.ts';

const content = await validateContent('content');
const warnings = lintProjects(content.projects);
const of = (kind: ContentWarning['kind']) => warnings.filter((w) => w.kind === kind);

describe('content quality report on the bundled content', () => {
  it('finds the template text 目标内容1 left in the first two tables, at its line', () => {
    const template = of('template-text');
    expect(template.map((w) => w.file.replace(/.*projects\//, ''))).toEqual(['01-13022923P00JXC415564L.yaml', '02-13022923P00JXC4155606.yaml']);
    for (const w of template) expect(w.message).toContain('目标内容1');
    expect(template[0]!.line).toBe(24);
  });

  it('flags the 指标值 that are not measurable targets, citing the rule and showing how to write them', () => {
    const values = of('unmeasurable').map((w) => /指标值“(.+?)”/.exec(w.message)![1]);
    expect(values).toEqual(expect.arrayContaining(['≤1总吨数', '≥1清洁天数', '≥1合同规格', '≤1约定时间', '≤1定额']));
    expect(values).toHaveLength(12);
    expect(of('unmeasurable')[0]!.message).toMatch(/财预〔2015〕88号.*例如“≥95%”/);
  });

  it('finds the project that plans no spending before December (人饮井更新)', () => {
    expect(of('late-spending').map((w) => w.file)).toEqual([expect.stringContaining('02-13022923P00JXC4155606.yaml')]);
  });

  it('finds descriptions that only repeat the indicator name and indicators copied across projects', () => {
    expect(of('same-as-name').length).toBeGreaterThan(100);
    const copied = of('copied').find((w) => w.message.includes('资金按时拨付：≥90百分百'));
    expect(copied?.message).toMatch(/在 \d+ 个项目中一字不差/);
  });

  it('checks every project and reports nothing the document does not have', () => {
    expect(content.problems).toEqual([]);
    expect(of('no-basis')).toEqual([]);
    expect(of('qualitative')).toEqual([]);
  });
});

describe('rules on small examples', () => {
  const base = content.projects.find((p) => p.data.code === '13022923P00JXC4143086')!;
  const variant = (change: (p: Project) => Project): ValidFile<Project> => ({ ...base, data: change(structuredClone(base.data)) });

  it('reports a missing 指标值确定依据 and a qualitative value', () => {
    const found = lintProjects([variant((p) => ({ ...p, indicators: [{ ...p.indicators[0]!, description: '全年按要求召开人大相关会议的次数', basis: undefined, value: '及时' }] }))]);
    expect(found.map((w) => w.kind).sort()).toEqual(['no-basis', 'qualitative']);
  });

  it('does not call two projects copying each other a template (threshold three)', () => {
    const two = lintProjects(content.projects.slice(0, 2));
    expect(two.filter((w) => w.kind === 'copied')).toEqual([]);
  });
});

describe('npm run lint:content', () => {
  it('prints warnings with file and line, counts by kind, and exits 0', () => {
    const run = runCli('lint-content', []);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^content\/2023\/483001\/projects\/01-13022923P00JXC415564L\.yaml:24:5  \[模板示例文字\]/m);
    expect(run.stdout).toContain('模板示例文字：2');
    expect(run.stdout).toContain('不影响发布');
  });
});
