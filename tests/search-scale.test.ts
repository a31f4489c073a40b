// The search at a county's scale: 10,000 synthetic projects indexed as the build indexes them,
// and 500 sampled queries (2–6 characters of every searchable field) searched in Node with the
// built pagefind.js, each compared with a brute-force substring scan of the projects (folded as containsQuery folds). Recall and
// precision of the exact matches must both be 1.0.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchDocuments, writeSearchIndex } from '../src/lib/search/search-index.ts';
import { searchPages, type Pagefind } from '../src/lib/search/search.ts';
import { foldText } from '../src/lib/search/search-tokens.ts';
import type { Project } from '../src/schema/project.ts';

const PROJECTS = 10_000;
const QUERIES = 500;

// Deterministic random numbers (the same projects and queries every run, so a failure reproduces).
let state = 20_260_313;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const PLACES = ['村级', '镇区', '农村', '社区', '中小学', '卫生院', '敬老院', '全镇', '辖区', '重点村', '示范区', '街道'];
const SUBJECTS = ['道路', '垃圾清运', '人居环境', '安全生产', '饮水', '绿化', '路灯', '水利设施', '文化广场', '养老服务', '坑塘', '厕所改造', '污水处理', '河道', '森林防火', '防汛', '秸秆禁烧', '农田水利', '校舍', '图书馆'];
const ACTIONS = ['维修', '补助', '培训', '整治', '运行维护', '建设', '保洁', '管护', '专项经费', '改造提升', '设备购置', '宣传'];
const LEVELS = [
  ['产出指标', '数量指标', ['清运垃圾吨数', '维修道路里程', '培训人次', '覆盖行政村数', '补助户数'], ['≥1200吨', '≥3.5公里', '≥200人次', '42个']],
  ['产出指标', '质量指标', ['工程验收合格率', '清洁度', '设施完好率'], ['≥95%', '100%', '优']],
  ['效益指标', '社会效益指标', ['群众出行条件改善', '公共服务水平提升', '安全事故发生率'], ['明显改善', '有效提升', '≤0.1%']],
  ['满意度指标', '服务对象满意度指标', ['群众满意度', '受益群众满意度', '服务对象满意度'], ['≥95%', '≥90%']],
] as const;

/** Only what the index reads of a project (the schema's other fields do not reach the search). */
function project(n: number): Project {
  const unit = 483001 + Math.floor(n / 100);
  const subject = pick(SUBJECTS);
  const name = `${2020 + (n % 5)}年${pick(PLACES)}${subject}${pick(ACTIONS)}`;
  return {
    fiscalYear: 2020 + (n % 5),
    unitCode: String(unit),
    unitName: `示例县第${unit - 483000}单位`,
    key: `P${String(n).padStart(6, '0')}`,
    name,
    purpose: `用于${name.slice(5)}，保障${pick(SUBJECTS)}工作正常开展`,
    goals: [`完成${name.slice(5)}任务，${pick(['改善群众生产生活条件', '保障工作顺利开展', '提升公共服务水平'])}`],
    indicators: LEVELS.map(([level1, level2, names, values]) => ({ level1, level2, name: pick(names), description: random() < 0.5 ? `反映${pick(names)}情况` : undefined, value: pick(values), basis: pick(['预算安排', '历史数据', '行业标准']) })),
  } as unknown as Project;
}

const projects = Array.from({ length: PROJECTS }, (_, n) => project(n));
const pageOf = (p: Project) => `/${p.fiscalYear}/${p.unitCode}/projects/${p.key}/`;
const searchable = (p: Project) => [p.name, p.purpose, ...(p.goals ?? []), ...p.indicators.flatMap((i) => [i.name, i.description, i.value, i.basis])].filter((t): t is string => !!t);

/** 2–6 characters of a run of Chinese in a random field of a random project. */
function sampleQuery(): string {
  for (;;) {
    const runs = [...pick(searchable(pick(projects))).matchAll(/\p{Script=Han}{2,}/gu)].map((m) => [...m[0]]);
    if (runs.length === 0) continue;
    const run = pick(runs);
    const length = Math.min(run.length, 2 + Math.floor(random() * 5));
    const from = Math.floor(random() * (run.length - length + 1));
    return run.slice(from, from + length).join('');
  }
}
const queries = [...new Set(Array.from({ length: QUERIES * 8 }, sampleQuery))].slice(0, QUERIES);

describe(`search at ${PROJECTS.toLocaleString('en')} projects`, () => {
  let dir: string;
  let pagefind: Pagefind;
  /** Each result id's page: read once, so that a query's pages need no fragment downloads. */
  const urlOf = new Map<string, string>();
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-search-scale-'));
    await writeSearchIndex(searchDocuments(projects), join(dir, 'pagefind'));
    const g = globalThis as Record<string, unknown>;
    g['fetch'] = async (url: string | URL) => new Response(await readFile(join(dir, decodeURIComponent(new URL(String(url), 'http://localhost/').pathname))));
    g['document'] = { documentElement: { lang: 'zh-CN' }, querySelector: () => null, currentScript: null };
    g['location'] = new URL('http://localhost/');
    g['window'] = globalThis;
    const pf = (await import(/* @vite-ignore */ join(dir, 'pagefind/pagefind.js'))) as Pagefind & { options(o: object): Promise<void>; init(): Promise<void>; search(term: null, o: object): Promise<{ results: { id: string; data(): Promise<{ url: string }> }[] }> };
    await pf.options({ basePath: '/pagefind/', baseUrl: '/' });
    await pf.init();
    pagefind = pf;
    for (const year of ['2020', '2021', '2022', '2023', '2024']) {
      const all = await pf.search(null, { filters: { 年度: year } });
      for (const r of all.results) urlOf.set(r.id, (await r.data()).url);
    }
  }, 600_000);

  afterAll(async () => {
    const g = globalThis as Record<string, unknown>;
    g['fetch'] = realFetch;
    for (const key of ['document', 'location', 'window']) delete g[key];
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('indexes one document per project', () => {
    expect(urlOf.size).toBe(PROJECTS);
  });

  it(`finds exactly the projects containing each of ${QUERIES} sampled queries (recall and precision 1.0)`, async () => {
    expect(queries.length).toBe(QUERIES);
    // The brute force: each project's fields, folded as containsQuery folds them, joined by a
    // character no query contains (so that no match spans two fields).
    const texts = projects.map((p) => ({ page: pageOf(p), text: searchable(p).map(foldText).join('\u0000') }));
    const wrong: string[] = [];
    let missed = 0;
    let extra = 0;
    let searching = 0;
    for (const query of queries) {
      const folded = foldText(query);
      const expected = new Set(texts.filter((p) => p.text.includes(folded)).map((p) => p.page));
      const from = performance.now();
      const outcome = await searchPages(pagefind, query);
      searching += performance.now() - from;
      const found = new Set(outcome.hits.slice(0, outcome.exactCount).map((h) => urlOf.get(h.id)!));
      const missing = [...expected].filter((p) => !found.has(p));
      const surplus = [...found].filter((p) => !expected.has(p));
      missed += missing.length ? 1 : 0;
      extra += surplus.length ? 1 : 0;
      if (missing.length || surplus.length) wrong.push(`${query}: ${missing.length} missing (${missing.slice(0, 3).join(', ')}), ${surplus.length} not containing it (${surplus.slice(0, 3).join(', ')})`);
    }
    console.log(`[search scale] ${PROJECTS} projects, ${queries.length} queries: recall ${((queries.length - missed) / queries.length).toFixed(4)}, precision ${((queries.length - extra) / queries.length).toFixed(4)}; ${(searching / queries.length).toFixed(0)} ms per search in Node`);
    expect(wrong).toEqual([]);
  }, 900_000);
});
