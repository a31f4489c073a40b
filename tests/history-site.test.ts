// What readers see of a table's history on the built site: the 修订记录 of each page, every
// version at its own permalink, the page of a withdrawn project, the adjusted budget beside the
// 年初预算, the totals naming their phases, 最近更新 and /feed.xml, a shallow clone's warning, and
// two builds of one commit byte for byte (the repository of tests/history-repo.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.ts';
import { KEPT, makeHistoryRepo, shallowClone, UNIT, WITHDRAWN } from './history-repo.ts';

const OUT = join(ROOT, '.test-dist', 'history');
const repo = makeHistoryRepo();

function build(content: string, name: string, env: NodeJS.ProcessEnv = {}) {
  const out = join(OUT, name);
  const result = runCli('build', [], { GONGKAI_CONTENT: content, GONGKAI_OUT: out, ...env });
  expect(result.status, result.stderr).toBe(0);
  return { out, stderr: result.stderr, page: (path: string) => text(readFileSync(join(out, path, 'index.html'), 'utf8')) };
}
/** A page's text as a reader reads it: tags out, spaces collapsed. */
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex');
  }
  return out;
}

describe('history on the built site', () => {
  const site = build(repo.content, 'full');
  const project = `${UNIT}/projects/${KEPT}`;
  afterAll(() => {
    rmSync(repo.dir, { recursive: true, force: true });
    rmSync(OUT, { recursive: true, force: true });
  });

  it('lists every published version on the project page, newest first, with reasons and changes', () => {
    const page = site.page(project);
    const record = page.slice(page.indexOf('修订记录'));
    expect(record).toContain('本表共发布过 4 个版本');
    expect(page.slice(0, page.indexOf('修订记录 本表'))).toContain('修订记录（4 个版本）');
    const order = ['2024年6月30日', '2024年2月5日', '2024年2月1日', '2024年1月10日'].map((d) => record.indexOf(d));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(record).toContain('原因：预算调整：追加人饮井更新资金 5,000 元');
    expect(record).toContain('预算数 由 40,000.00 元 改为 45,000.00 元');
    expect(record).toContain('新增指标 产出指标 › 时效指标 › 完工时间：指标值 2023年10月底前');
    expect(record).toContain('预算阶段 由 “年初预算” 改为 “调整预算”');
    // Comments and key order only, and a rename: not versions.
    expect(record).not.toContain('整理注释和字段顺序');
    expect(record).not.toContain('文件改用项目名称命名');
  });

  it('keeps every version at its own permalink, saying which one superseded it', () => {
    const versions = readdirSync(join(site.out, project, 'history')).sort();
    expect(versions).toEqual(['2024-01-10', '2024-02-01', '2024-02-05', '2024-06-30']);
    const first = site.page(`${project}/history/2024-01-10`);
    expect(first).toContain('已被2024年2月1日发布的版本取代');
    expect(first).toContain('40,000.00');
    expect(first).toContain('金额为 年初预算 数');
    const corrected = site.page(`${project}/history/2024-02-01`);
    expect(corrected).toContain('预算数 由 40,000.00 元 改为 45,000.00 元');
    expect(corrected).toContain('45,000.00');
    expect(corrected).not.toContain('完工时间');
    const current = site.page(`${project}/history/2024-06-30`);
    expect(current).toContain('也是现行版本');
    expect(current).toContain('50,000.00');
  });

  it('shows the adjusted budget beside the 年初预算 it adjusted', () => {
    const page = site.page(project);
    expect(page).toContain('预算调整：调整预算与年初预算');
    expect(page).toMatch(/预算数 45,000\.00 50,000\.00 \+5,000\.00/);
    expect(page).toContain('金额为 调整预算 数');
  });

  it('names the phases the overview totals add up', () => {
    const overview = site.page(UNIT);
    expect(overview).toContain('年初预算 1 个项目、调整预算 1 个项目');
    // And still lists the withdrawn project, so that its page stays found.
    expect(overview).toContain('已撤回的项目');
    expect(overview).toContain('2022年村级垃圾清运及焚烧 （2024年3月1日撤回）');
  });

  it('keeps a withdrawn project at its address with when and why, and its last version', () => {
    const page = site.page(`${UNIT}/projects/${WITHDRAWN}`);
    expect(page).toContain('已于 2024年3月1日 撤回');
    expect(page).toContain('原因：撤回项目：2022年村级垃圾清运及焚烧已并入县级统一清运');
    expect(page).toContain('2022年村级垃圾清运及焚烧');
    expect(existsSync(join(site.out, UNIT, 'projects', WITHDRAWN, 'history', '2024-01-10', 'index.html'))).toBe(true);
    expect(site.page(`${UNIT}/projects/${WITHDRAWN}/history/2024-01-10`)).toContain('本项目已于2024年3月1日撤回');
  });

  it('publishes each change in 最近更新 and in the Atom feed, newest first', () => {
    const feed = readFileSync(join(site.out, 'feed.xml'), 'utf8');
    const titles = [...feed.matchAll(/<entry>\s*<title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      '修改：2022年人饮井更新（玉田县林南仓镇人民政府本级 2023年）',
      '撤回：2022年村级垃圾清运及焚烧（玉田县林南仓镇人民政府本级 2023年）',
      '修改：2022年人饮井更新（玉田县林南仓镇人民政府本级 2023年）',
      '修改：2022年人饮井更新（玉田县林南仓镇人民政府本级 2023年）',
      // First publication of the department and the three projects, one commit: by table (id).
      '首次发布：玉田县林南仓镇人民政府本级 部门整体绩效目标（玉田县林南仓镇人民政府本级 2023年）',
      '首次发布：安保、环保、安全生产、食药监管（玉田县林南仓镇人民政府本级 2023年）',
      '首次发布：2022年人饮井更新（玉田县林南仓镇人民政府本级 2023年）',
      '首次发布：2022年村级垃圾清运及焚烧（玉田县林南仓镇人民政府本级 2023年）',
    ]);
    expect(feed).toContain('<summary>预算阶段 由 “年初预算” 改为 “调整预算”；预算数 由 45,000.00 元 改为 50,000.00 元；财政资金 由 45,000.00 元 改为 50,000.00 元</summary>');
    expect(feed).toContain(`href="/${project}/history/2024-06-30/"`);
    expect(feed).toContain('<updated>2024-06-30T16:00:00+08:00</updated>');
    const updates = site.page('updates');
    expect(updates).toContain('2024年3月1日 撤回 2022年村级垃圾清运及焚烧');
    expect(updates.indexOf('2024年6月30日')).toBeLessThan(updates.indexOf('2024年1月10日'));
  });

  it('builds one commit twice into byte-identical sites', () => {
    // Every page rendered again, none taken from the page cache.
    const again = build(repo.content, 'again', { GONGKAI_NO_PAGE_CACHE: '1' });
    expect(digests(again.out)).toEqual(digests(site.out));
  }, 120_000);

  it('in a shallow clone, builds, warns with the command that completes the history, and says the record is incomplete', () => {
    const clone = shallowClone(repo);
    try {
      const shallow = build(clone.content, 'shallow');
      expect(shallow.stderr).toContain('git fetch --unshallow');
      expect(shallow.page(project)).toContain('修订记录不完整');
      expect(shallow.page('updates')).toContain('修订记录不完整');
    } finally {
      rmSync(clone.dir, { recursive: true, force: true });
    }
  }, 120_000);
}, 300_000);
