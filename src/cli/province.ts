// npm run province -- [--counties examples/province/counties] [--out dist-province] [--jobs 2]
//                     [--title 全省预算绩效目标公开] [--portal-only] [--first-search 垃圾清运]
//
// A province of many counties, each its own site: builds every county folder
// (<counties>/<区划代码>/content/) with the same build as `npm run build`, N at a time, each into
// <out>/<区划代码>/ under the base path /<区划代码>/, then writes the province portal at <out>/
// (index.html listing the counties, search/ searching all of them through Pagefind's mergeIndex).
// With --portal-only nothing is built: the counties are already in <out>/<区划代码>/ (CI builds
// each in its own job and hands the folders to a last job), and only the portal is written.
//
// --first-search <词> then opens the portal's search page with that query in headless Chromium and
// reports what a reader downloads until the results show (per county index), as npm run bench
// does for one county.
//
// All or nothing: a missing folder or a county that fails validation or its build stops the run
// with the county's errors, and <out>/ is left as it was (no partial portal).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
// The browser tests' static server and Chromium launcher, as npm run bench uses them.
import { bytesOf, firstSearchVisit, formatTable, KB, MB, runMeasured, withServedSite } from '../lib/commands/measure.ts';
import { copyProject } from '../lib/commands/project-copy.ts';
import { bundleSearchScript, DEFAULT_TITLE, listCounties, missingCountyFiles, PORTAL_SCRIPT, ProvinceError, writePortal, type ProvinceCounty } from '../lib/build/province.ts';
import { countyBase } from '../lib/search/province-search.ts';
import { BASE_ENV } from '../lib/site/site-config.ts';

const REPO = process.cwd();
const TSX_CLI = join(REPO, 'node_modules/tsx/dist/cli.mjs');
const USAGE = '用法：npm run province -- [--counties examples/province/counties] [--out dist-province] [--jobs 2] [--title 标题] [--portal-only] [--first-search 词]';

let args;
try {
  args = parseArgs({
    options: {
      counties: { type: 'string', default: 'examples/province/counties' },
      out: { type: 'string', default: 'dist-province' },
      jobs: { type: 'string', default: '2' },
      title: { type: 'string', default: DEFAULT_TITLE },
      'portal-only': { type: 'boolean', default: false },
      'first-search': { type: 'string' },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const JOBS = Number(args.values.jobs);
if (!Number.isInteger(JOBS) || JOBS < 1) {
  console.error(`--jobs 要写正整数（同时构建几个县），例如 --jobs 2\n${USAGE}`);
  process.exit(2);
}
const COUNTIES_DIR = resolve(args.values.counties);
const OUT = resolve(args.values.out);
const TITLE = args.values.title;
const PORTAL_ONLY = args.values['portal-only'];
const FIRST_SEARCH = args.values['first-search'];
/** A path as the person typed it: relative inside the project, absolute outside it. */
/** Whether `inner` is `outer` or inside it. */
const within = (inner: string, outer: string) => inner === outer || !relative(outer, inner).startsWith('..');
const shown = (path: string) => {
  const inside = relative(REPO, path);
  return inside.startsWith('..') ? path : inside || '.';
};
const UNCHANGED = `没有生成省级门户，${shown(OUT)}/ 保持不变。`;

function fail(message: string): never {
  console.error(`${message}\n\n${UNCHANGED}`);
  process.exit(1);
}

// <out> is replaced as a whole: never the project, the counties' content, or the single site's dist/.
if (within(REPO, OUT) || within(COUNTIES_DIR, OUT) || within(OUT, join(REPO, 'dist')) || within(OUT, join(REPO, 'src'))) {
  fail(`--out ${shown(OUT)} 不能是项目文件夹、各县内容所在的文件夹或 dist/、src/ 之内：它会被整个替换。请另写一个文件夹，例如 --out dist-province`);
}

// ---------------------------------------------------------------------------------------------
// One county's build

interface CountyBuild {
  county: ProvinceCounty;
  seconds: number;
  exit: number;
  output: string;
  projects?: number;
  peaks: Map<string, number>;
}

async function buildCounty(county: ProvinceCounty, outDir: string): Promise<CountyBuild> {
  // Each build in its own copy of the project: Astro keeps intermediate files in the project's
  // .astro/ folder, so two builds in one folder break each other (docs/开发.md, “一个工作目录一次只运行一个构建”).
  const projectDir = await mkdtemp(join(tmpdir(), `gongkai-province-${county.code}-`));
  try {
    await copyProject(REPO, projectDir);
    // What `npm run build` runs (tsx src/cli/build.ts), on this Node.
    const run = await runMeasured([TSX_CLI, 'src/cli/build.ts'], {
      cwd: projectDir,
      env: { GONGKAI_CONTENT: county.contentDir, GONGKAI_OUT: join(outDir, county.code), [BASE_ENV]: countyBase(county.code) },
    });
    // build.ts prints "网站已生成到 …（20 个项目，含搜索索引）".
    const projects = /（(\d+) 个项目，含搜索索引）/.exec(run.output)?.[1];
    return { county, seconds: run.seconds, exit: run.exit, output: run.output, peaks: run.peaks, ...(projects ? { projects: Number(projects) } : {}) };
  } finally {
    await rm(projectDir, { recursive: true, force: true });
  }
}

/** Builds the counties JOBS at a time; after a failure no further county is started. */
async function buildAll(counties: ProvinceCounty[], outDir: string): Promise<CountyBuild[]> {
  const builds: CountyBuild[] = [];
  const queue = [...counties];
  let failed = false;
  const worker = async () => {
    for (let county = queue.shift(); county && !failed; county = queue.shift()) {
      console.log(`  … ${county.code} ${county.name}`);
      // A failure around the build (copying the project, starting Node) counts as that county's
      // failure, so that the staging folder is still removed and the message names the county.
      const result = await buildCounty(county, outDir).catch((error: unknown): CountyBuild => ({ county, seconds: 0, exit: -1, output: String(error), peaks: new Map() }));
      builds.push(result);
      if (result.exit !== 0) failed = true;
      console.log(`  ${result.exit === 0 ? '✓' : '✗'} ${county.code} ${county.name}：${result.seconds.toFixed(1)} 秒`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, counties.length) }, worker));
  return builds;
}

// ---------------------------------------------------------------------------------------------
// Report

async function portalSize(dir: string) {
  let bytes = 0;
  let gzip = 0;
  for (const name of ['index.html', 'search/index.html', PORTAL_SCRIPT]) {
    const body = await readFile(join(dir, name));
    bytes += body.length;
    gzip += gzipSync(body).length;
  }
  const script = (await stat(join(dir, PORTAL_SCRIPT))).size;
  return { bytes, gzip, script };
}

/**
 * What a reader's browser downloads for a first search on the portal: the search page opened with
 * the query in headless Chromium, every response counted until the status says what was found.
 * Pagefind's files are already compressed, so their bytes are what travels; HTML and JS are
 * counted gzipped, as a web server sends them.
 */
async function firstSearch(outDir: string, query: string, counties: ProvinceCounty[]) {
  return withServedSite(outDir, async (browser, baseUrl) => {
    const { status, responses } = await firstSearchVisit(browser, `${baseUrl}search/?q=${encodeURIComponent(query)}`, /找到/);
    const perCounty = counties.map((c) => {
      const files = responses.filter((r) => r.path.startsWith(`/${c.code}/pagefind/`));
      return { county: c, bytes: bytesOf(files), requests: files.length };
    });
    return { status, requests: responses.length, total: bytesOf(responses), perCounty };
  });
}

async function reportFirstSearch() {
  if (!FIRST_SEARCH) return;
  const search = await firstSearch(OUT, FIRST_SEARCH, counties);
  console.log();
  if (!search) console.log('  首次搜索：— 找不到 Chromium（apt-get install -y chromium）');
  else {
    console.log(formatTable([
      [`首次搜索「${FIRST_SEARCH}」`, `${KB(search.total)}（${search.requests} 个请求）`],
      ...search.perCounty.map((c) => [`  其中 ${c.county.code} 的索引`, `${KB(c.bytes)}（${c.requests} 个文件）`]),
      ['  页面显示', search.status],
    ]));
  }
}

// ---------------------------------------------------------------------------------------------
// Main

let counties: ProvinceCounty[];
try {
  counties = await listCounties(COUNTIES_DIR);
} catch (error) {
  if (error instanceof ProvinceError) fail(error.message);
  throw error;
}
// Bundled before any county is built: if the search modules no longer bundle for the browser,
// the run fails in a second instead of after every build.
const script = await bundleSearchScript();

if (PORTAL_ONLY) {
  if (!existsSync(OUT)) fail(`找不到 ${shown(OUT)}/：--portal-only 只写门户，各县应已构建到 ${shown(OUT)}/<区划代码>/`);
  const missing = counties.flatMap((c) => missingCountyFiles(OUT, c));
  if (missing.length > 0) fail(`以下文件不存在，对应的县还没有构建好（--portal-only 不构建县）：\n${missing.map((f) => `  ${shown(f)}`).join('\n')}`);
  // Written beside and moved in, so that a failure while writing leaves the old portal.
  const temp = await mkdtemp(join(OUT, '.portal-tmp-'));
  try {
    await writePortal(temp, TITLE, counties, script);
    await rm(join(OUT, 'index.html'), { force: true });
    await rm(join(OUT, 'search'), { recursive: true, force: true });
    await rename(join(temp, 'index.html'), join(OUT, 'index.html'));
    await rename(join(temp, 'search'), join(OUT, 'search'));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const size = await portalSize(OUT);
  console.log(`省级门户已写到 ${shown(OUT)}/（${counties.length} 个县；门户 ${KB(size.bytes)}，gzip ${KB(size.gzip)}）。`);
  await reportFirstSearch();
  process.exit(0);
}

// <out> is removed and replaced at the end, so it must be empty or an earlier portal's output:
// a mistyped --out (a home folder, /tmp) must never be deleted.
if (existsSync(OUT) && (await readdir(OUT)).length > 0 && !existsSync(join(OUT, PORTAL_SCRIPT))) {
  fail(`${shown(OUT)}/ 不是空文件夹，也不是省级门户的输出（没有 ${PORTAL_SCRIPT}），不会删除它。请另写一个 --out 文件夹。`);
}

// Everything is built into a folder beside <out>/ and moved in at the end.
const STAGING = `${OUT}.province-tmp`;
await rm(STAGING, { recursive: true, force: true });
await mkdir(STAGING, { recursive: true });
console.log(`构建 ${counties.length} 个县，同时 ${JOBS} 个 → ${shown(OUT)}/`);
const started = performance.now();
const builds = await buildAll(counties, STAGING);
const failures = builds.filter((b) => b.exit !== 0);
if (failures.length > 0) {
  await rm(STAGING, { recursive: true, force: true });
  const reports = failures.map((b) => {
    // The county's own messages (which file, which line, what to change), without the usual
    // "改正后重新运行 npm run build" advice, which names the wrong command here.
    const tail = b.output
      .replace(/，没有生成网站（[^）]*）。改正后重新运行 npm run build。/g, '。')
      .replace(/生成网站失败，没有改动 [^\n]*。/g, '生成网站失败。')
      .trimEnd()
      .split('\n')
      .slice(-40)
      .join('\n');
    return `✗ 县 ${b.county.code}（${b.county.name}，${shown(b.county.contentDir)}）构建失败（退出码 ${b.exit}）：\n${tail}`;
  });
  const notStarted = counties.length - builds.length;
  fail(`${reports.join('\n\n')}${notStarted > 0 ? `\n\n（另有 ${notStarted} 个县因此没有开始构建。）` : ''}\n\n改正后重新运行 npm run province。`);
}
await writePortal(STAGING, TITLE, counties, script);
await rm(OUT, { recursive: true, force: true });
await rename(STAGING, OUT);
const total = (performance.now() - started) / 1000;

const sum = builds.reduce((s, b) => s + b.seconds, 0);
const size = await portalSize(OUT);
const byCode = new Map(builds.map((b) => [b.county.code, b]));
console.log(`\n命令：npm run province -- ${process.argv.slice(2).join(' ')}`);
console.log(`Node ${process.version}，${counties.length} 个县，同时构建 ${JOBS} 个\n`);
console.log(formatTable([
  ['县', '项目', '用时', '峰值内存 Node / Pagefind'],
  ...counties.map((c) => {
    const b = byCode.get(c.code)!;
    return [`${c.code} ${c.name}`, String(b.projects ?? '—'), `${b.seconds.toFixed(1)} s`, `${MB(b.peaks.get('node'), 0)} / ${MB(b.peaks.get('pagefind'), 0)}`];
  }),
]));
console.log();
console.log(formatTable([
  ['各县用时之和', `${sum.toFixed(1)} s`],
  [`总墙钟（--jobs ${JOBS}）`, `${total.toFixed(1)} s（各县之和的 ${((total / sum) * 100).toFixed(0)}%）`],
  ['门户 index.html + search/', `${KB(size.bytes)}（gzip ${KB(size.gzip)}；其中搜索脚本 ${KB(size.script)}）`],
]));
await reportFirstSearch();
console.log(`\n省级门户：${shown(join(OUT, 'index.html'))}；各县：${counties.map((c) => `${shown(join(OUT, c.code))}/`).join('、')}`);
