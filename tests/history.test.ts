// The history of every table, read from git (src/lib/history/history.ts), and the changes between its
// versions in words (src/lib/history/table-diff.ts).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHistory, reasonOf, unquotePath } from '../src/lib/history/history.ts';
import { tableChanges } from '../src/lib/history/table-diff.ts';
import { KEPT, makeHistoryRepo, shallowClone, UNIT, WITHDRAWN } from './history-repo.ts';

describe('history of the tables, from git', () => {
  const repo = makeHistoryRepo();
  const shallow = shallowClone(repo);
  afterAll(() => {
    rmSync(repo.dir, { recursive: true, force: true });
    rmSync(shallow.dir, { recursive: true, force: true });
  });
  const history = readHistory(repo.content);
  const kept = history.tables.get(`${UNIT}/${KEPT}`)!;

  it('lists a version for each change a reader sees, with its commit date and message', () => {
    expect(history.available).toBe(true);
    expect(history.shallow).toBe(false);
    expect(kept.versions.map((v) => [v.slug, v.reason])).toEqual([
      ['2024-01-10', '发布2023年部门预算绩效目标表'],
      ['2024-02-01', '更正预算数：批复文件为 45,000 元'],
      ['2024-02-05', '补充时效指标'],
      ['2024-06-30', '预算调整：追加人饮井更新资金 5,000 元'],
    ]);
    expect(kept.versions[0]!.changes).toEqual([]);
    expect(kept.versions[1]!.changes).toEqual(['预算数 由 40,000.00 元 改为 45,000.00 元', '财政资金 由 40,000.00 元 改为 45,000.00 元']);
    expect(kept.versions[2]!.changes).toEqual(['新增指标 产出指标 › 时效指标 › 完工时间：指标值 2023年10月底前']);
    expect(kept.versions[3]!.changes).toEqual(['预算阶段 由 “年初预算” 改为 “调整预算”', '预算数 由 45,000.00 元 改为 50,000.00 元', '财政资金 由 45,000.00 元 改为 50,000.00 元']);
    expect(kept.withdrawn).toBeUndefined();
  });

  it('follows a renamed file and ignores comments and key order', () => {
    expect(kept.versions.map((v) => v.file)).toEqual([
      `${UNIT}/projects/02-13022923P00JXC4155606.yaml`,
      `${UNIT}/projects/02-13022923P00JXC4155606.yaml`,
      `${UNIT}/projects/02-13022923P00JXC4155606.yaml`,
      `${UNIT}/projects/02-人饮井更新.yaml`,
    ]);
  });

  it('records a deleted project as withdrawn, with its last version', () => {
    const gone = history.tables.get(`${UNIT}/${WITHDRAWN}`)!;
    expect(gone.versions).toHaveLength(1);
    expect(gone.withdrawn).toEqual({ date: '2024-03-01T10:00:00+08:00', commit: expect.stringMatching(/^[0-9a-f]{40}$/), reason: '撤回项目：2022年村级垃圾清运及焚烧已并入县级统一清运' });
  });

  it('keeps the department table', () => {
    expect(history.tables.get(UNIT)!.versions.map((v) => v.slug)).toEqual(['2024-01-10']);
  });

  it('in a shallow clone, says the record is incomplete and keeps what it has', () => {
    const partial = readHistory(shallow.content);
    expect(partial.shallow).toBe(true);
    expect(partial.tables.get(`${UNIT}/${KEPT}`)!.versions.map((v) => v.slug)).toEqual(['2024-06-30']);
    expect(partial.tables.has(`${UNIT}/${WITHDRAWN}`)).toBe(false);
  });

  it('reads the same history with its cache of parsed versions cold, warm and damaged', () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'gongkai-history-cache-')), 'parsed.json');
    const plain = readHistory(repo.content);
    const cold = readHistory(repo.content, { parsedCache: cache });
    const entries = Object.keys((JSON.parse(readFileSync(cache, 'utf8')) as { entries: object }).entries).length;
    expect(entries).toBeGreaterThan(5);
    const warm = readHistory(repo.content, { parsedCache: cache });
    writeFileSync(cache, '{"version": "damaged"');
    const damaged = readHistory(repo.content, { parsedCache: cache });
    for (const h of [cold, warm, damaged]) expect(h).toEqual(plain);
    rmSync(dirname(cache), { recursive: true, force: true });
  });

  it('outside git, has the current tables only', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gongkai-no-git-'));
    cpSync('tests/fixtures/valid', copy, { recursive: true });
    const none = readHistory(copy);
    rmSync(copy, { recursive: true, force: true });
    expect(none.available).toBe(false);
    expect([...none.tables.values()].every((t) => t.versions.length === 1 && t.versions[0]!.commit === '')).toBe(true);
  });
});

describe('changes between two versions', () => {
  const base = { 金额单位: '元', 预算数: '40000.00', 项目名称: '人饮井更新', 资金支出计划: [{ 月份: 6, 累计比例: 50 }], 绩效指标: [{ 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '个数', 指标值: '1个' }] };
  it('reads money in 元 whatever the unit and however it is written', () => {
    expect(tableChanges(base, { ...base, 预算数: 40000 })).toEqual([]);
    expect(tableChanges(base, { ...base, 金额单位: '万元', 预算数: '4' })).toEqual(['金额单位 由 “元” 改为 “万元”']);
    expect(tableChanges(base, { ...base, 预算数: '40000.5' })).toEqual(['预算数 由 40,000.00 元 改为 40,000.50 元']);
  });
  it('names plan checkpoints and indicators with both values', () => {
    expect(tableChanges(base, { ...base, 资金支出计划: [{ 月份: 6, 累计比例: 60 }, { 月份: 12, 累计比例: 100 }] })).toEqual(['资金支出计划 6月底 由 50% 改为 60%', '资金支出计划 新增 12月底：100%']);
    expect(tableChanges(base, { ...base, 绩效指标: [{ ...base.绩效指标[0], 指标值: '2个' }] })).toEqual(['指标 产出指标 › 数量指标 › 个数 的 指标值 由 “1个” 改为 “2个”']);
    expect(tableChanges(base, { ...base, 绩效指标: [] })).toEqual(['删去指标 产出指标 › 数量指标 › 个数（原指标值 1个）']);
    expect(tableChanges(base, { ...base, 项目名称: '人饮井更新改造' })).toEqual(['项目名称 由 “人饮井更新” 改为 “人饮井更新改造”']);
    // Where the table is in the 批复原文 shows on the page too.
    const sourced = { ...base, 来源: { 文件: '批复.txt', 起止行: [46, 184] } };
    expect(tableChanges(sourced, { ...sourced, 来源: { 文件: '批复.txt', 起止行: [46, 190] } })).toEqual(['来源 › 起止行 › 第 2 行 由 “184” 改为 “190”']);
  });
});

describe('reading git', () => {
  it('publishes the commit message without its trailers, and reads quoted paths', () => {
    expect(reasonOf('更正预算数\n\n依据玉财预〔2023〕12 号\n\nSigned-off-by: 财政所 <czs@example.org>\n')).toBe('更正预算数\n\n依据玉财预〔2023〕12 号');
    expect(reasonOf('更正预算数：2: 45,000 元')).toBe('更正预算数：2: 45,000 元');
    // A commit that also changed code: no reason for citizens, unless it states one for them.
    expect(reasonOf('Import the approved document\n\nAdds the importer and its tests.', false)).toBe('');
    expect(reasonOf('Fix importer; re-import\n\n公开说明: 按批复文件更正预算数\nSigned-off-by: a <a@example.org>', false)).toBe('按批复文件更正预算数');
    expect(reasonOf('更正预算数\n\n公开说明：依据玉财预〔2023〕12 号更正')).toBe('依据玉财预〔2023〕12 号更正');
    expect(unquotePath('"a\\tb\\"c\\346\\226\\207.yaml"')).toBe('a\tb"c文.yaml');
    expect(unquotePath('content/2023/人饮井.yaml')).toBe('content/2023/人饮井.yaml');
  });

  // A repository of one table, committed on main and on a side branch.
  function branchRepo() {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-history-branch-'));
    const project = join(dir, 'content/2023/483001/projects/01.yaml');
    mkdirSync(dirname(project), { recursive: true });
    const original = readFileSync('content/2023/483001/projects/02-13022923P00JXC4155606.yaml', 'utf8');
    const git = (args: string[], date = '2024-01-10T09:00:00+08:00') =>
      execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
    const commit = (text: string, message: string, date: string) => {
      writeFileSync(project, text);
      git(['add', '-A']);
      git(['commit', '-q', '-m', message], date);
    };
    git(['init', '-q', '-b', 'main']);
    commit(original, '发布', '2024-01-10T09:00:00+08:00');
    return { dir, content: join(dir, 'content'), original, git, commit };
  }

  it('counts only the published branch: a side branch’s drafts are published when merged, at the merge’s date', () => {
    const repo = branchRepo();
    repo.git(['checkout', '-q', '-b', 'draft']);
    repo.commit(repo.original.replace('预算数: "40000.00"', '预算数: "41000.00"'), '草稿：41,000', '2024-02-01T09:00:00+08:00');
    repo.commit(repo.original.replace('预算数: "40000.00"', '预算数: "45000.00"').replace('财政资金: "40000.00"', '财政资金: "45000.00"'), '更正为 45,000', '2024-02-02T09:00:00+08:00');
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', '-m', '合并：更正预算数', 'draft'], '2024-03-01T09:00:00+08:00');
    const versions = readHistory(repo.content).tables.get('2023/483001/13022923P00JXC4155606')!.versions;
    expect(versions.map((v) => [v.slug, v.reason])).toEqual([
      ['2024-01-10', '发布'],
      ['2024-03-01', '合并：更正预算数'],
    ]);
    expect(versions[1]!.changes).toEqual(['预算数 由 40,000.00 元 改为 45,000.00 元', '财政资金 由 40,000.00 元 改为 45,000.00 元']);
    rmSync(repo.dir, { recursive: true, force: true });
  });

  it('shows citizens a commit message only when the commit changed content alone, or its 公开说明 trailer', () => {
    const repo = branchRepo();
    const code = (name: string) => {
      mkdirSync(join(repo.dir, 'src'), { recursive: true });
      writeFileSync(join(repo.dir, 'src', name), 'export {};\n');
    };
    code('importer.ts');
    repo.commit(repo.original.replace('预算数: "40000.00"', '预算数: "41000.00"').replace('财政资金: "40000.00"', '财政资金: "41000.00"'), 'Rewrite the importer and re-import the table', '2024-02-01T09:00:00+08:00');
    code('reader.ts');
    repo.commit(repo.original.replace('预算数: "40000.00"', '预算数: "42000.00"').replace('财政资金: "40000.00"', '财政资金: "42000.00"'), 'Fix the reader\n\n公开说明: 按批复文件更正预算数为 42,000 元', '2024-02-02T09:00:00+08:00');
    repo.commit(repo.original.replace('预算数: "40000.00"', '预算数: "43000.00"').replace('财政资金: "40000.00"', '财政资金: "43000.00"'), '预算调整：追加 1,000 元', '2024-02-03T09:00:00+08:00');
    const versions = readHistory(repo.content).tables.get('2023/483001/13022923P00JXC4155606')!.versions;
    expect(versions.map((v) => v.reason)).toEqual(['发布', '', '按批复文件更正预算数为 42,000 元', '预算调整：追加 1,000 元']);
    rmSync(repo.dir, { recursive: true, force: true });
  });

  it('ignores a commit the validator would have refused, without withdrawing the table', () => {
    const repo = branchRepo();
    repo.commit(repo.original.replace('年度: 2023', '年度: 2203'), '误写年度', '2024-02-01T09:00:00+08:00');
    repo.commit(repo.original.replace('预算数: "40000.00"', '预算数: "45000.00"').replace('财政资金: "40000.00"', '财政资金: "45000.00"'), '改正年度，更正预算数', '2024-02-02T09:00:00+08:00');
    const history = readHistory(repo.content);
    expect([...history.tables.keys()]).toEqual(['2023/483001/13022923P00JXC4155606']);
    const table = history.tables.get('2023/483001/13022923P00JXC4155606')!;
    expect(table.versions.map((v) => v.reason)).toEqual(['发布', '改正年度，更正预算数']);
    expect(table.withdrawn).toBeUndefined();
    rmSync(repo.dir, { recursive: true, force: true });
  });
});
