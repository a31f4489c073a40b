// A temporary git repository whose content goes through the changes a published table goes
// through (tests/history.test.ts, tests/history-site.test.ts): first publication, a corrected
// amount, an added indicator, a change of comments and key order only, a renamed file, a
// withdrawn project and an adjusted budget (调整预算). Each commit has its own date.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.ts';

export const UNIT = '2023/483001';
/** Changed in every way below. */
export const KEPT = '13022923P00JXC4155606';
/** Withdrawn in the sixth commit. */
export const WITHDRAWN = '13022923P00JXC415564L';
const KEPT_FILE = 'projects/02-13022923P00JXC4155606.yaml';
const RENAMED_FILE = 'projects/02-人饮井更新.yaml';
const WITHDRAWN_FILE = 'projects/01-13022923P00JXC415564L.yaml';
/** Never changed: stays in 年初预算 beside the adjusted one, so the totals add two phases. */
const UNCHANGED_FILE = 'projects/03-13022923P00JXC4143105.yaml';

export interface HistoryRepo {
  dir: string;
  content: string;
  /** The commits, oldest first: their dates and messages. */
  commits: { date: string; message: string }[];
}

function git(dir: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: '财政所', GIT_AUTHOR_EMAIL: 'czs@example.org', GIT_COMMITTER_NAME: '财政所', GIT_COMMITTER_EMAIL: 'czs@example.org', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', env });
}

/** Makes the repository, in a new temporary folder or (emptied first) in `at`. */
export function makeHistoryRepo(at?: string): HistoryRepo {
  if (at) rmSync(at, { recursive: true, force: true });
  const dir = at ?? mkdtempSync(join(tmpdir(), 'gongkai-history-'));
  const content = join(dir, 'content');
  const unit = join(content, UNIT);
  mkdirSync(join(unit, 'projects'), { recursive: true });
  cpSync(join(ROOT, 'content/site.yaml'), join(content, 'site.yaml'));
  cpSync(join(ROOT, 'content/about.md'), join(content, 'about.md'));
  cpSync(join(ROOT, 'content', UNIT, 'department.yaml'), join(unit, 'department.yaml'));
  // The approved document the tables name as their 来源 (批复原文).
  cpSync(join(ROOT, 'content', UNIT, 'source'), join(unit, 'source'), { recursive: true });
  for (const file of [KEPT_FILE, WITHDRAWN_FILE, UNCHANGED_FILE]) cpSync(join(ROOT, 'content', UNIT, file), join(unit, file));
  git(dir, ['init', '-q', '-b', 'main']);
  const commits: HistoryRepo['commits'] = [];
  const commit = (date: string, message: string) => {
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', message], date);
    commits.push({ date, message });
  };
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(unit, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    writeFileSync(path, after);
  };
  commit('2024-01-10T09:00:00+08:00', '发布2023年部门预算绩效目标表');
  edit(KEPT_FILE, (t) => t.replace('预算数: "40000.00"', '预算数: "45000.00"').replace('财政资金: "40000.00"', '财政资金: "45000.00"'));
  commit('2024-02-01T10:00:00+08:00', '更正预算数：批复文件为 45,000 元');
  edit(KEPT_FILE, (t) => t.replace('绩效指标:\n', '绩效指标:\n  - 一级指标: 产出指标\n    二级指标: 时效指标\n    三级指标: 完工时间\n    指标值: 2023年10月底前\n\n'));
  commit('2024-02-05T10:00:00+08:00', '补充时效指标');
  edit(KEPT_FILE, (t) => t.replace('# 可直接编辑；改完运行 npm run validate 检查。', '# 本表按批复原文录入。').replace('单位编码: "483001"\n单位名称: 玉田县林南仓镇人民政府本级\n', '单位名称: 玉田县林南仓镇人民政府本级\n单位编码: "483001"\n'));
  commit('2024-02-10T10:00:00+08:00', '整理注释和字段顺序');
  renameSync(join(unit, KEPT_FILE), join(unit, RENAMED_FILE));
  commit('2024-02-20T10:00:00+08:00', '文件改用项目名称命名');
  rmSync(join(unit, WITHDRAWN_FILE));
  commit('2024-03-01T10:00:00+08:00', '撤回项目：2022年村级垃圾清运及焚烧已并入县级统一清运');
  edit(RENAMED_FILE, (t) => t.replace('预算阶段: 年初预算', '预算阶段: 调整预算').replace('预算数: "45000.00"', '预算数: "50000.00"').replace('财政资金: "45000.00"', '财政资金: "50000.00"'));
  commit('2024-06-30T16:00:00+08:00', '预算调整：追加人饮井更新资金 5,000 元');
  return { dir, content, commits };
}

/** A clone with only the last commit, as CI checkouts often are (file:// so that git honours the depth). */
export function shallowClone(repo: HistoryRepo): { dir: string; content: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-history-shallow-'));
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, dir]);
  return { dir, content: join(dir, 'content') };
}
