// npm run build: validate all content, then build the site into a temporary folder and move it
// to dist/ only when every step succeeded, so a failed build never leaves a partial site.
import { rename, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { forgetStaleContent } from '../lib/build/astro-cache.ts';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { entryOf } from '../lib/site/entries.ts';
import { FILES_OUTSIDE_ENV } from '../lib/outputs/file-outputs.ts';
import { moveInto, writeFilesInWorker } from '../lib/outputs/file-writer.ts';
import { pruneOutputCache } from '../lib/build/output-cache.ts';
import { prunePageCache, REUSED_ENV, stageCachedPages, storeRenderedPages, unitYearPages } from '../lib/build/page-reuse.ts';
import { firstCommitted, HistoryError, parsedCacheOf, readHistory, shareFirstCommitted, shareHistory, UNSHALLOW_COMMAND } from '../lib/history/history.ts';
import { searchDocuments, writeSearchIndex } from '../lib/search/search-index.ts';
import { formatProblem, validateContent } from '../lib/check/validate.ts';
import { outputFlushed } from '../lib/commands/exit.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// GONGKAI_OUT lets tests build a second site (e.g. under a sub-path) without touching dist/.
const OUT = process.env.GONGKAI_OUT ?? 'dist';
const TEMP = `${OUT}.build-tmp`;
const INDEX_TEMP = `${OUT}.index-tmp`;
const FILES_TEMP = `${OUT}.files-tmp`;
const PAGES_TEMP = `${OUT}.pages-tmp`;

// Seconds per stage, printed at the end (npm run bench reads this line). Astro, the search index
// and the files (downloads and content files, written outside Astro) run at the same time, so
// their times overlap; 'total' is the wall time of all stages.
const seconds: Record<string, number> = {};
const started = performance.now();
// Wall-clock time, for the download cache: entries this build did not use are removed at the end.
const startedAt = Date.now();
const timed = async <T>(stage: string, work: Promise<T>): Promise<T> => {
  const from = performance.now();
  const value = await work;
  seconds[stage] = (performance.now() - from) / 1000;
  return value;
};

// Only the files' data and paths are kept: the validation result also holds every parsed YAML
// document (for line numbers in messages), about 90 KB per project, which Astro's render would
// otherwise carry along (0.9 GB for 10,000 projects).
const { problems, departments, sources, parsedTexts, hasBudgets, budgets } = await timed(
  'validate',
  validateContent(CONTENT_DIR).then((result) => ({
    problems: result.problems,
    // The tables' files, text and mapping, for the history (read once, below, then dropped).
    parsedTexts: [...result.projects, ...result.departments].map((f) => ({ file: f.file, text: f.text, raw: f.raw })),
    departments: result.departments.map((d) => d.data),
    hasBudgets: result.budgets.length > 0,
    // What the file writer makes each download from: the same data and path as Astro's entries
    // (entryOf), so that its bytes are those the endpoints would produce. The search index reads
    // the same data.
    sources: {
      projects: result.projects.map((f) => entryOf(f.data, f.file)),
      monitoring: result.monitoring.map((f) => entryOf(f.data, f.file)),
      evaluations: result.evaluations.map((f) => entryOf(f.data, f.file)),
      departmentEvaluations: result.departmentEvaluations.map((f) => entryOf(f.data, f.file)),
    },
    // The 部门预算 and 部门决算 with their 情况说明, for the search index.
    budgets: result.budgets.map((b) => ({ year: b.data.年度, unit: b.unit, 种类: b.data.种类, data: b.data, noteText: b.noteText })),
  })),
);
const data = <T>(entries: readonly { data: T }[]) => entries.map((e) => e.data);
const projects = data(sources.projects);
const stages = { monitoring: data(sources.monitoring), evaluations: data(sources.evaluations), departmentEvaluations: data(sources.departmentEvaluations) };
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n内容有 ${problems.length} 个问题，没有生成网站（${OUT}/ 保持不变）。改正后重新运行 npm run build。`);
  process.exit(await outputFlushed(1));
}

/**
 * A unit publishes only some kinds of file (no department file, no monitoring or self-evaluation
 * yet); Astro warns about every empty collection as if the content configuration were wrong. To
 * staff those lines are alarms about nothing, so they are dropped; every other line passes.
 */
const EMPTY_COLLECTION = /\[glob-loader\] No files found matching|The collection "\w+" does not exist or is empty/;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!EMPTY_COLLECTION.test(String(chunk))) return write(chunk, ...rest);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}

// Every version of every table, from git in one pass, for the 修订记录, the version pages and the
// feed (history.ts); the pages read it from here rather than running git themselves.
const history = await timed(
  'history',
  Promise.resolve()
    .then(() => readHistory(CONTENT_DIR, { parsedCache: parsedCacheOf(CONTENT_DIR), parsedTexts }))
    .catch((error: unknown) => {
      // A repository whose history cannot be read would publish an empty record: stop instead.
      console.error(error instanceof HistoryError ? error.message : error);
      console.error(`\n没有生成网站（${OUT}/ 保持不变）。`);
      process.exit(1);
    }),
);
parsedTexts.length = 0;
shareHistory(CONTENT_DIR, history);
// The 公开情况 pages date each budget file's first publication by its first commit: one git log, here.
if (hasBudgets) shareFirstCommitted(CONTENT_DIR, firstCommitted(CONTENT_DIR));
if (history.shallow) {
  console.warn(`警告：这是浅克隆（shallow clone），git 历史不完整，页面上的修订记录会注明“不完整”。要列出全部版本，请先运行 ${UNSHALLOW_COMMAND}（CI 的 checkout 设 fetch-depth: 0）再生成网站。`);
} else if (!history.available) {
  console.warn('警告：内容文件夹不在 git 仓库里，没有修订记录（页面上会注明）。发布的网站应从 git 仓库生成。');
}

await rm(TEMP, { recursive: true, force: true });
await rm(INDEX_TEMP, { recursive: true, force: true });
await rm(FILES_TEMP, { recursive: true, force: true });
await rm(PAGES_TEMP, { recursive: true, force: true });
await forgetStaleContent();
// Project pages of unit-years that did not change since a build with the same code are taken from
// the page cache (page-reuse.ts) and moved in beside what Astro renders; Astro skips them. A key
// that cannot be computed (e.g. a source that cannot be read) only means rendering everything.
const units = [...new Set([...departments, ...projects, ...stages.monitoring, ...stages.evaluations, ...stages.departmentEvaluations].map((d) => d.unitCode))].sort();
// GONGKAI_NO_PAGE_CACHE=1 renders every page (the determinism tests compare such a build with one that reused pages).
const pageUnits = process.env.GONGKAI_NO_PAGE_CACHE === '1' ? [] : await unitYearPages(sources.projects, units, history).catch(() => []);
const reused = await timed('reuse', stageCachedPages(pageUnits, PAGES_TEMP));
process.env[REUSED_ENV] = [...reused].join('\n');
// The downloads and content files are written below (file-writer.ts); the endpoints that serve
// them in `npm run dev` list none during this build, so that no file is produced twice.
process.env[FILES_OUTSIDE_ENV] = '1';
try {
  const { build } = await import('astro');
  // The search index comes from the validated content, not from the pages (no page chrome in it),
  // so Pagefind (a separate process) indexes while Astro renders, each on its own core. It is
  // written beside the site and moved in once Astro has finished: Astro empties its output folder
  // when it starts. The downloads and content files likewise, from a worker thread (file-writer.ts).
  // All finish before anything is cleaned up: removing the folders while another is still
  // writing into them failed with ENOTEMPTY and hid the real error (e.g. a missing about.md).
  const results = await Promise.allSettled([
    timed('astro', build({ outDir: TEMP, logLevel: 'warn' })),
    timed('index', writeSearchIndex(searchDocuments(projects, departments, stages, budgets), INDEX_TEMP)),
    timed('files', writeFilesInWorker({ sources, contentDir: CONTENT_DIR, outDir: FILES_TEMP })),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  await rename(INDEX_TEMP, `${TEMP}/pagefind`);
  await timed('store', storeRenderedPages(pageUnits.filter((u) => !reused.has(u.id)), TEMP));
  await timed('move', moveInto(FILES_TEMP, TEMP));
  if (reused.size > 0) await moveInto(PAGES_TEMP, TEMP);
  await rm(FILES_TEMP, { recursive: true, force: true });
  await rm(PAGES_TEMP, { recursive: true, force: true });
} catch (error) {
  // Astro's renders may still be writing when its build rejects: retry until the folder is empty.
  await rm(TEMP, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await rm(INDEX_TEMP, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await rm(FILES_TEMP, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await rm(PAGES_TEMP, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  console.error(error);
  console.error(`\n生成网站失败，没有改动 ${OUT}/。`);
  process.exit(await outputFlushed(1));
}
await rm(OUT, { recursive: true, force: true });
await rename(TEMP, OUT);
// Only after a build that rendered every download: each entry still needed has just been used.
await pruneOutputCache(startedAt);
// Not when every page was rendered on purpose: the entries were not used, but are not stale.
if (process.env.GONGKAI_NO_PAGE_CACHE !== '1') await prunePageCache(startedAt);
seconds.total = (performance.now() - started) / 1000;
console.log(`网站已生成到 ${OUT}/（${projects.length} 个项目，含搜索索引）。`);
if (reused.size > 0) console.log(`${reused.size} 个单位年度的项目页与上次生成时相同，直接沿用（共 ${pageUnits.length} 个）。`);
console.log(`用时（秒）：${Object.entries(seconds).map(([stage, s]) => `${stage} ${s.toFixed(2)}`).join('，')}`);
