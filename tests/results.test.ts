// The checks a reader of a monitoring or self-evaluation table relies on: each one, on its own bad
// case, is reported in Chinese at the field that needs the fix, and the build publishes nothing.
// Every case starts from tests/fixtures/results (a fictitious unit whose target table, monitoring
// and self-evaluation agree) and breaks one thing by editing the YAML text.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ContentProblem } from '../src/lib/check/problems.ts';
import { validateContent } from '../src/lib/check/validate.ts';
import { evaluationSchema, monitoringSchema, readIndicatorName, readLevel1 } from '../src/schema/results.ts';
import { runCli } from './helpers.ts';

const FIXTURE = 'tests/fixtures/results';
const UNIT = '2024/910001';
const EVALUATION = `${UNIT}/evaluations/01-road.yaml`;
const MONITORING = `${UNIT}/monitoring/01-road.yaml`;
const TARGET = `${UNIT}/projects/01-road.yaml`;

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture with some files edited (file → text → text); undefined deletes the file. */
function contentWith(edits: Record<string, ((text: string) => string) | undefined>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-results-'));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    if (edit === undefined) rmSync(path);
    else {
      const before = readFileSync(path, 'utf8');
      const after = edit(before);
      expect(after, `the edit of ${file} changes nothing`).not.toBe(before);
      writeFileSync(path, after);
    }
  }
  return dir;
}

async function problemsOf(edits: Record<string, ((text: string) => string) | undefined>): Promise<ContentProblem[]> {
  return (await validateContent(contentWith(edits))).problems;
}

/** Replaces the n-th (1-based) occurrence of `from`. */
const nth = (from: string, to: string, n = 1) => (text: string) => {
  let seen = 0;
  return text.replace(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), (m) => (++seen === n ? to : m));
};

describe('the fixture', () => {
  it('passes: target, monitoring and self-evaluation agree', async () => {
    const result = await validateContent(FIXTURE);
    expect(result.problems).toEqual([]);
    expect([result.projects.length, result.monitoring.length, result.evaluations.length, result.departmentEvaluations.length]).toEqual([1, 1, 2, 1]);
  });

  it('keeps cells as published: ★, 产出指标(50分), 其中 rows, `-` for an empty amount, 万元 decimals', async () => {
    const { evaluations } = await validateContent(FIXTURE);
    const e = evaluations[0]!.data;
    expect(e.indicators[0]!.name).toBe('★道路清理次数');
    expect(readIndicatorName(e.indicators[0]!.name)).toEqual({ name: '道路清理次数', core: true, breakdown: false });
    expect(e.indicators[0]!.level1).toBe('产出指标(50分)');
    expect(readLevel1(e.indicators[0]!.level1!)).toEqual({ name: '产出指标', points: 50 });
    expect(e.money[1]!.label).toBe('其中：当年财政拨款');
    expect(e.money[2]!.initialBudget).toBe('-');
    expect(e.money[0]!.executed).toBe('11.520000');
    expect(readIndicatorName('其中：村内主干道')).toEqual({ name: '村内主干道', core: false, breakdown: true });
  });
});

describe('each cross-check rejects its bad case with a Chinese message at the field', () => {
  const cases: { name: string; edits: Record<string, ((text: string) => string) | undefined>; file: string; field: string; message: RegExp }[] = [
    {
      name: '执行率 = 执行数 ÷ 预算数, to 0.01%, naming the 预算数',
      edits: { [EVALUATION]: nth('执行率: 96.00%', '执行率: 95.99%') },
      file: EVALUATION,
      field: '资金[1].执行率',
      message: /执行率写的是 95\.99%，按 全年执行数 ÷ 全年预算数 = 11\.520000 ÷ 12\.000000（万元）算出是 96\.00%/,
    },
    {
      name: 'the monitoring 执行率 divides by 年初预算数 when there is no 调整后预算数',
      edits: { [MONITORING]: nth('执行率: 45.00%', '执行率: 46.00%') },
      file: MONITORING,
      field: '资金[1].执行率',
      message: /执行数 ÷ 年初预算数/,
    },
    {
      name: '得分 ≤ 分值',
      edits: { [EVALUATION]: nth('得分: 20', '得分: 21') },
      file: EVALUATION,
      field: '绩效指标[1].得分',
      message: /得分 21 高于分值 20/,
    },
    {
      name: '总分 = the sum of the scores',
      edits: { [EVALUATION]: nth('总分: 99.1', '总分: 99') },
      file: EVALUATION,
      field: '总分',
      message: /总分写的是 99，资金和各项指标的得分合计是 99\.1/,
    },
    {
      name: 'the 分值 under 产出指标(50分) add up to 50',
      edits: { [EVALUATION]: (t) => t.replaceAll('产出指标(50分)', '产出指标(40分)') },
      file: EVALUATION,
      field: '绩效指标[1].一级指标',
      message: /分值合计 50，与标明的 40 分不相等/,
    },
    {
      name: 'an indicator not in the target table',
      edits: { [MONITORING]: nth('三级指标: 村容村貌', '三级指标: 村容') },
      file: MONITORING,
      field: '绩效指标[4].三级指标',
      message: /指标“村容”不在批复的绩效目标表.*变更: 新增/,
    },
    {
      name: 'a target indicator missing from the self-evaluation',
      edits: { [EVALUATION]: (t) => t.replace(/  - 一级指标: 效益指标\(30分\)[\s\S]*?得分: 30\n/, '').replace('总分: 99.1', '总分: 69.1') },
      file: EVALUATION,
      field: '绩效指标',
      message: /“效益指标 \/ 社会效益指标 \/ 村容村貌”在本绩效自评表中没有/,
    },
    {
      name: '新增 needs a reason',
      edits: {
        [MONITORING]: (t) => t + '  - 一级指标: 产出指标\n    二级指标: 数量指标\n    三级指标: 垃圾桶更新数\n    年度指标值: ≥20个\n    当前完成值: 8个\n    全年预计完成情况: 20个\n    完成目标可能性: 确定能\n    变更: 新增\n',
      },
      file: MONITORING,
      field: '绩效指标[6].变更理由',
      message: /写了“变更: 新增”就要写变更理由/,
    },
    {
      name: 'the 年度指标值 is the approved one unless marked 调整',
      edits: { [EVALUATION]: nth('年度指标值: ≥90%', '年度指标值: ≥85%') },
      file: EVALUATION,
      field: '绩效指标[5].年度指标值',
      message: /年度指标值写的是“≥85%”，批复的绩效目标表.*是“≥90%”/,
    },
    {
      name: 'amounts to the fen: 万元 with at most six decimals',
      edits: { [EVALUATION]: nth('全年执行数: "11.520000"', '全年执行数: "11.5200001"') },
      file: EVALUATION,
      field: '资金[1].全年执行数',
      message: /小数超过 6 位/,
    },
    {
      name: '偏差原因 required where the reading says the target was missed',
      edits: { [EVALUATION]: (t) => t.replace(/    偏差原因分析及改进措施: .*\n/, '') },
      file: EVALUATION,
      field: '绩效指标[2].偏差原因分析及改进措施',
      message: /“垃圾清运率”未达到目标（实际完成 93%，低于目标 ≥95%）：按规定要写偏差原因分析及改进措施/,
    },
    {
      name: '偏差原因 required where the score is below the points',
      edits: { [EVALUATION]: (t) => nth('得分: 30', '得分: 29')(t).replace('总分: 99.1', '总分: 98.1') },
      file: EVALUATION,
      field: '绩效指标[4].偏差原因分析及改进措施',
      message: /“村容村貌”得分 29 低于分值 30/,
    },
    {
      name: 'a monitoring row at risk names its deviation category',
      edits: { [MONITORING]: (t) => t.replace(/    偏差原因类别: .*\n/, '') },
      file: MONITORING,
      field: '绩效指标[2].偏差原因类别',
      message: /要写偏差原因类别（经费保障、制度保障、人员保障、硬件条件保障、其他）/,
    },
    {
      name: 'the parts of the money add up to the total row',
      edits: { [EVALUATION]: nth('全年执行数: "11.520000"', '全年执行数: "11.500000"', 2) },
      file: EVALUATION,
      field: '资金[1].全年执行数',
      message: /“其中：当年财政拨款” \+ “上年结转资金” \+ “其他资金” 的全年执行数合计 11\.50 万元，与“年度资金总额”的 11\.52 万元 不相等/,
    },
    {
      name: 'the 年初预算数 is the approved 预算数 (in either unit)',
      edits: { [TARGET]: (t) => t.replaceAll('"120000.00"', '"125000.00"') },
      file: EVALUATION,
      field: '资金[1].年初预算数',
      message: /年初预算数 12\.00 万元与批复的绩效目标表.*的预算数 125,000\.00 元不相等/,
    },
    {
      name: 'one self-evaluation per project and year',
      edits: { [`${UNIT}/evaluations/02-copy.yaml`]: undefined },
      file: `${UNIT}/evaluations/02-copy.yaml`,
      field: '项目编码',
      message: /的绩效自评表在 .*01-road\.yaml 中已经有了/,
    },
  ];
  // The duplicate case needs a second file: written before the run.
  const duplicate = cases.find((c) => c.name.startsWith('one self-evaluation'))!;
  duplicate.edits = {};

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = contentWith(c.edits);
    if (c === duplicate) cpSync(join(dir, EVALUATION), join(dir, `${UNIT}/evaluations/02-copy.yaml`));
    const { problems } = await validateContent(dir);
    const found = problems.find((p) => p.file.endsWith(c.file) && p.field === c.field && c.message.test(p.message));
    expect(found, JSON.stringify(problems, null, 1)).toBeDefined();
    expect(found!.line).toBeGreaterThan(1);
  });

  it('accepts 新增 and 调整 with their reasons, and a self-evaluation without a target table', async () => {
    expect(
      await problemsOf({
        [EVALUATION]: (t) =>
          nth('年度指标值: ≥90%', '年度指标值: ≥90%\n    调整后指标值: ≥85%\n    变更: 调整\n    变更理由: 年中预算调整（示例）')(t) +
          '',
      }),
    ).toEqual([]);
    expect(await problemsOf({ [TARGET]: undefined })).toEqual([]);
  });

  it('reports every problem of several files in one run', async () => {
    const problems = await problemsOf({ [EVALUATION]: nth('得分: 20', '得分: 21'), [MONITORING]: nth('执行率: 45.00%', '执行率: 46.00%') });
    expect(new Set(problems.map((p) => p.file.split('/').slice(-2).join('/')))).toEqual(new Set(['evaluations/01-road.yaml', 'monitoring/01-road.yaml']));
  });
});

describe('the build', () => {
  it('publishes nothing when a self-evaluation is wrong', () => {
    const dir = contentWith({ [EVALUATION]: nth('总分: 99.1', '总分: 100') });
    const out = join(dir, '..', `${dir.split('/').pop()}-site`);
    temps.push(out);
    const run = runCli('build', [], { GONGKAI_CONTENT: dir, GONGKAI_OUT: out });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/总分写的是 100/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('schemas on their own', () => {
  it('parse the fixture files into the shapes pages use', () => {
    const m = monitoringSchema().parse(parse(readFileSync(join(FIXTURE, MONITORING), 'utf8')));
    expect(m.key).toBe('99000024P00EXAMPLE001');
    expect(m.month).toBe(6);
    expect(m.indicators[1]!.deviationCategories).toEqual(['硬件条件保障']);
    const e = evaluationSchema().parse(parse(readFileSync(join(FIXTURE, EVALUATION), 'utf8')));
    expect(e.total).toBe('99.1');
    expect(e.goal).toEqual({ target: '全镇村内道路每周清理，垃圾日产日清', achieved: '全年清理 50 次，垃圾清运率 93%' });
  });

  it('refuses a 偏差原因类别 outside the list and a 完成目标可能性 outside the three', () => {
    const m = parse(readFileSync(join(FIXTURE, MONITORING), 'utf8'));
    m.绩效指标[1].偏差原因类别 = ['天气'];
    m.绩效指标[0].完成目标可能性 = '可能';
    const issues = monitoringSchema().safeParse(m).error!.issues.map((i) => i.message);
    expect(issues.some((i) => i.includes('偏差原因类别只能写'))).toBe(true);
    expect(issues.some((i) => i.includes('完成目标可能性只能写'))).toBe(true);
  });
});

describe('bad input never crashes the validator', () => {
  // Every field (and every field of the first money row and indicator) replaced by each kind of
  // wrong value: the checks run after other fields failed, so they must read defensively.
  const WRONG: unknown[] = [null, 7, 'x', [], [1], { a: 1 }, '【待填写】'];
  for (const file of [EVALUATION, MONITORING]) {
    it(`reports, never throws, on ${file.split('/').slice(-2).join('/')}`, async () => {
      const original = parse(readFileSync(join(FIXTURE, file), 'utf8')) as Record<string, unknown>;
      const paths: (string | number)[][] = [
        ...Object.keys(original).map((k) => [k]),
        ...Object.keys((original['资金'] as Record<string, unknown>[])[0]!).map((k) => ['资金', 0, k]),
        ...Object.keys((original['绩效指标'] as Record<string, unknown>[])[1]!).map((k) => ['绩效指标', 1, k]),
      ];
      const dir = contentWith({});
      for (const path of paths) {
        for (const wrong of WRONG) {
          const data = structuredClone(original);
          let node: any = data;
          for (const key of path.slice(0, -1)) node = node[key];
          node[path.at(-1)!] = wrong;
          writeFileSync(join(dir, file), JSON.stringify(data));
          await expect(validateContent(dir), `${path.join('.')} = ${JSON.stringify(wrong)}`).resolves.toHaveProperty('problems');
        }
      }
    });
  }
});
