// `npm run new -- project` gives staff a file with the standard skeleton whose placeholders the
// validator reports as unfinished, one by one, until they are all filled.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { PLACEHOLDER } from '../src/lib/site/placeholders.ts';
import { DEFAULT_FRAMEWORK } from '../src/schema/framework.ts';
import { ROOT, runCli, schemaOf } from './helpers.ts';

describe('npm run new -- project', () => {
  const content = join(mkdtempSync(join(tmpdir(), 'gongkai-new-')), 'content');
  cpSync('content', content, { recursive: true });
  const created = runCli('new', ['project', '--content', content, '--year', '2023', '--unit', '483001', '--name', '村内道路硬化']);
  const dir = join(content, '2023/483001/projects');
  const file = join(dir, readdirSync(dir).find((f) => f.startsWith('15-'))!);

  it('writes the next numbered file with the nine 二级 categories of the framework and the unit’s name', () => {
    expect(created.status, created.stderr).toBe(0);
    const data = parse(readFileSync(file, 'utf8'));
    expect(data['绩效指标'].map((i: Record<string, string>) => i['二级指标'])).toEqual(DEFAULT_FRAMEWORK.flatMap((f) => f.level2));
    expect(data['单位名称']).toBe('玉田县林南仓镇人民政府本级');
    expect(data['项目名称']).toBe('村内道路硬化');
    // The content folder is outside the tool: the editor's schema is the tool's.
    expect(schemaOf(file)).toBe(join(ROOT, 'schemas', 'project.schema.json'));
  });

  it('cannot be published until every placeholder is filled, and says so for each one', () => {
    const result = runCli('validate', [content]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.includes('15-new-project.yaml'));
    const placeholders = (readFileSync(file, 'utf8').match(new RegExp(PLACEHOLDER, 'g')) ?? []).length;
    expect(lines).toHaveLength(placeholders);
    for (const line of lines) expect(line).toContain('尚未填写');
    expect(lines.some((l) => /:\d+:\d+  预算数  /.test(l))).toBe(true);
  });

  it('passes once the placeholders are replaced with real content', () => {
    const data = parse(readFileSync(file, 'utf8'));
    Object.assign(data, { 项目编码: '13022923P00JXC4999991', 预算数: '50000.00', 财政资金: '50000.00', 资金用途: '村内道路硬化', 绩效目标: ['1.完成村内道路硬化'] });
    data['资金支出计划'] = [3, 6, 10, 12].map((m, i) => ({ 月份: m, 累计比例: (i + 1) * 25 }));
    data['绩效指标'] = data['绩效指标'].map((i: Record<string, string>, n: number) => ({ ...i, 三级指标: `指标${n + 1}`, 绩效指标描述: `描述${n + 1}`, 指标值: '≥95%', 指标值确定依据: '预算安排' }));
    writeFileSync(file, stringify(data));
    const result = runCli('validate', [content]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('explains its usage when asked for something else', () => {
    const wrong = runCli('new', ['department', '--content', content]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('用法');
  });
});

describe('npm run new -- monitoring | evaluation', () => {
  const content = join(mkdtempSync(join(tmpdir(), 'gongkai-new-results-')), 'content');
  cpSync('tests/fixtures/results', content, { recursive: true });
  const unit = join(content, '2024/910001');
  rmSync(join(unit, 'monitoring'), { recursive: true });
  rmSync(join(unit, 'evaluations'), { recursive: true });
  const args = ['--content', content, '--year', '2024', '--unit', '910001'];
  const evaluation = runCli('new', ['evaluation', '--code', '99000024P00EXAMPLE001', ...args]);
  const monitoring = runCli('new', ['monitoring', '--code', '99000024P00EXAMPLE001', '--month', '6', ...args]);
  const target = parse(readFileSync(join(unit, 'projects/01-road.yaml'), 'utf8'));

  it('start from the target table: its indicators, 年度指标值 and 年初预算数 exactly as approved', () => {
    expect(evaluation.status, evaluation.stderr).toBe(0);
    expect(monitoring.status, monitoring.stderr).toBe(0);
    for (const [folder, schemaLine] of [['evaluations', 'evaluation'], ['monitoring', 'monitoring']]) {
      const text = readFileSync(join(unit, folder!, '01-road.yaml'), 'utf8');
      expect(schemaOf(join(unit, folder!, '01-road.yaml'))).toBe(join(ROOT, 'schemas', `${schemaLine}.schema.json`));
      const data = parse(text);
      expect(data['项目编码']).toBe(target['项目编码']);
      expect(data['绩效指标'].map((i: Record<string, string>) => [i['三级指标'], i['年度指标值']])).toEqual(target['绩效指标'].map((i: Record<string, string>) => [i['三级指标'], i['指标值']]));
      expect(data['资金'][0]['年初预算数']).toBe(target['预算数']);
    }
    expect(parse(readFileSync(join(unit, 'monitoring/01-road.yaml'), 'utf8'))['监控截至月份']).toBe(6);
  });

  it('cannot be published until every placeholder is filled: the only problems are 尚未填写', () => {
    const result = runCli('validate', [content]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => /(monitoring|evaluations)\/01-road\.yaml/.test(l));
    const placeholders = ['monitoring', 'evaluations'].reduce((n, f) => n + (readFileSync(join(unit, f, '01-road.yaml'), 'utf8').match(new RegExp(PLACEHOLDER, 'g')) ?? []).length, 0);
    expect(lines).toHaveLength(placeholders);
    for (const line of lines) expect(line).toContain('尚未填写');
  });

  it('starts a self-evaluation without a target table from the framework, and never overwrites', () => {
    const alone = runCli('new', ['evaluation', '--code', '99000024P00EXAMPLE009', '--name', '示例项目', ...args]);
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stdout).toContain('没有项目编码为 99000024P00EXAMPLE009 的绩效目标表');
    const data = parse(readFileSync(join(unit, 'evaluations/99000024P00EXAMPLE009.yaml'), 'utf8'));
    expect(data['绩效指标'].map((i: Record<string, string>) => i['二级指标'])).toEqual(DEFAULT_FRAMEWORK.flatMap((f) => f.level2));
    const again = runCli('new', ['evaluation', '--code', '99000024P00EXAMPLE009', ...args]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在，没有覆盖');
  });

  it('refuses a month outside 1–12 and a missing code, with the usage', () => {
    const month = runCli('new', ['monitoring', '--code', 'x', '--month', '13', ...args]);
    expect(month.status).toBe(2);
    expect(month.stderr).toContain('--month 要写 1 到 12 的数字');
    const code = runCli('new', ['evaluation', ...args]);
    expect(code.status).toBe(2);
    expect(code.stderr).toContain('请用 --code 写出项目编码');
  });
});
