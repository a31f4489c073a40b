// npm run bench -- --projects N [--units U] [--seed S] [--versions V] [--budgets] [--keep]
//
// Performance benchmark on a synthetic county: writes N realistic project tables spread over U
// units into a temporary content folder, then times `validate` and the full `build` (Astro +
// Pagefind) as child processes, a second (warm) build after editing one project, and, for
// comparison, the build of a minimal Astro site with one trivial page per project. Prints times,
// pages per second, peak memory of every process, output sizes and first searches.
// With --budgets, every synthetic unit also gets a 部门预算 and a 部门决算 with their 说明
// (synthetic-budget.ts), and a second cold build of the same county with them runs right after the
// first, in a project copy and content folder of its own (no cache shared): its cost is the difference.
// Nothing is written to content/, dist/ or .test-dist/; the temporary folder is removed at the
// end unless --keep is given.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { copyProject } from '../lib/commands/project-copy.ts';
import { writeSyntheticBudgets } from '../lib/commands/synthetic-budget.ts';
import { INDICATORS, syntheticCounty, writeSyntheticUnits, type SyntheticFile } from '../lib/commands/synthetic-county.ts';
import { projectYaml } from '../lib/import/write-yaml.ts';
import type { ProjectInput } from '../schema/project.ts';
// The browser tests' static server and Chromium launcher, reused to measure a first search.
import { bytesOf, firstSearchVisit, formatTable, KB, MB, runMeasured, withServedSite, type MeasuredRun } from '../lib/commands/measure.ts';

const REPO = process.cwd();
const TSX_CLI = join(REPO, 'node_modules/tsx/dist/cli.mjs');
const ASTRO_CLI = join(REPO, 'node_modules/astro/bin/astro.mjs');
const YEAR = 2023;
const COUNTY = '130229';
/** Queries for the first-search measurement: a frequent word of the synthetic text (SUBJECTS) … */
const FREQUENT_QUERY = '垃圾清运';
/** … and one with a filter, in the URL form the search page reads (query and filters as parameters). */
const FILTER_QUERY = { q: '满意度', 年度: String(YEAR) };
// The third, a rare word, is chosen from the generated names (rareWord).

// ---------------------------------------------------------------------------------------------
// Arguments

const args = parseArgs({
  options: {
    projects: { type: 'string' },
    units: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    versions: { type: 'string', default: '1' },
    budgets: { type: 'boolean', default: false },
  },
});
const N = Number(args.values.projects);
if (!Number.isInteger(N) || N < 1) {
  console.error('用法：npm run bench -- --projects N [--units U] [--seed S] [--versions V] [--budgets] [--keep]');
  process.exit(2);
}
const U = args.values.units === undefined ? Math.ceil(N / 100) : Number(args.values.units);
if (!Number.isInteger(U) || U < 1 || U > N) {
  console.error(`--units 要写 1 到 ${N} 之间的整数`);
  process.exit(2);
}
const SEED = Number(args.values.seed);
const KEEP = args.values.keep;
const BUDGETS = args.values.budgets;
// Published versions per table: with more than one the content is a git repository with that many
// commits, each changing every table, so the build's history (history.ts) and version pages cost what a county's years of corrections cost.
const VERSIONS = Number(args.values.versions);
if (!Number.isInteger(VERSIONS) || VERSIONS < 1 || VERSIONS > 100) {
  console.error('--versions 要写 1 到 100 之间的整数（每张表发布过的版本数）');
  process.exit(2);
}
const COMMAND = `npm run bench -- ${process.argv.slice(2).join(' ')}`;

// ---------------------------------------------------------------------------------------------
// Synthetic content (src/lib/commands/synthetic-county.ts, shared with the province example)

const generator = syntheticCounty({ seed: SEED, county: COUNTY, countyName: '玉田县', year: YEAR });
const usedCodes = generator.usedCodes;

/** Each generated project file (the rare search word is chosen from them, the warm build edits one). */
type Generated = SyntheticFile;

async function writeContent(contentDir: string): Promise<Generated[]> {
  // site.yaml: the repository's keys, with a title that says the data is synthetic.
  const site = parseYaml(await readFile(join(REPO, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
  site.网站名称 = `${String(site.网站名称)}（性能测试合成数据）`;
  await mkdir(contentDir, { recursive: true });
  await writeFile(join(contentDir, 'site.yaml'), stringifyYaml(site, { lineWidth: 0 }));
  // about.md is read by every page (名词解释), so the site cannot build without it.
  await copyFile(join(REPO, 'content/about.md'), join(contentDir, 'about.md'));
  return writeSyntheticUnits(contentDir, generator, { projects: N, units: U, year: YEAR, firstUnit: 483001 });
}

/**
 * The rare query: the four-character run of the project names (after the year) found in the
 * fewest names, the first such in generation order, so that the same seed always picks the same
 * word and it always occurs. Runs across two parts of a name (敬老院河道…) are the rarest.
 */
function rareWord(generated: readonly Generated[]): { word: string; projects: number } {
  const counts = new Map<string, number>();
  for (const { name } of generated) {
    const rest = name.replace(`${YEAR}年`, '');
    const runs = new Set<string>();
    for (let i = 0; i + 4 <= rest.length; i++) runs.add(rest.slice(i, i + 4));
    for (const run of runs) counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  let word = '';
  for (const [run, count] of counts) if (!word || count < counts.get(word)!) word = run;
  // In how many project files the word occurs at all (it may appear outside the name too).
  return { word, projects: generated.filter((g) => g.text.includes(word)).length };
}

/**
 * The warm build's edit, as a maintainer would make it: the first project's first indicator value
 * changed to another value of its pool (the first that differs), so that the edit is the same
 * every run and the file stays valid. Returns the project's code and the new value.
 */
async function editOneProject(generated: readonly Generated[]): Promise<{ code: string; value: string }> {
  const first = generated[0]!;
  const table = parseYaml(await readFile(first.file, 'utf8')) as ProjectInput;
  const indicator = table.绩效指标[0]!;
  const pool = INDICATORS.find((c) => c.level2 === indicator.二级指标)!.values;
  const value = pool.find((v) => v !== indicator.指标值)!;
  indicator.指标值 = value;
  await writeFile(first.file, projectYaml(table));
  return { code: first.code, value };
}

/**
 * Makes the content folder a git repository with VERSIONS commits: the first publishes every
 * table, each later one changes every table's first indicator value (to the next value of its
 * pool), one day apart, so that every table has VERSIONS versions with a change each.
 */
async function commitVersions(contentDir: string, generated: readonly Generated[]): Promise<void> {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
  const git = (args: string[], day = 0) => {
    const date = new Date(Date.UTC(YEAR + 1, 0, 1 + day, 2)).toISOString();
    execFileSync('git', ['-C', contentDir, ...args], { env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' });
  };
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', '发布绩效目标表'], 0);
  for (let version = 2; version <= VERSIONS; version++) {
    for (const g of generated) {
      const table = parseYaml(await readFile(g.file, 'utf8')) as ProjectInput;
      const indicator = table.绩效指标[0]!;
      const pool = INDICATORS.find((c) => c.level2 === indicator.二级指标)!.values;
      indicator.指标值 = pool[(pool.indexOf(indicator.指标值) + 1) % pool.length]!;
      await writeFile(g.file, projectYaml(table));
    }
    git(['add', '-A']);
    git(['commit', '-q', '-m', `第 ${version - 1} 次更正指标值`], version - 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes: time, peak memory, output tail (measure.ts)

/** Runs `node <args>` with the same Node as this process; exits the benchmark if it fails. */
async function runStage(label: string, nodeArgs: string[], options: { cwd: string; env?: Record<string, string> }): Promise<MeasuredRun> {
  const run = await runMeasured(nodeArgs, options);
  if (run.exit !== 0) {
    const tail = run.output.split('\n').slice(-40).join('\n');
    console.error(`\n✗ ${label} 失败（退出码 ${run.exit}，用时 ${run.seconds.toFixed(1)} 秒）。输出末尾：\n${tail}`);
    throw new StageFailed(label);
  }
  console.log(`  ✓ ${label}：${run.seconds.toFixed(1)} 秒`);
  return run;
}

class StageFailed extends Error {}

// ---------------------------------------------------------------------------------------------
// Output measurements

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function folderBytes(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const file of await walk(dir)) total += (await stat(file)).size;
  return total;
}

/**
 * Gzip size of one page as a first visit downloads it: the HTML plus every file under _astro/ it
 * references, following relative imports between JS chunks (Astro splits shared code).
 */
async function pageWeight(outDir: string, htmlFile: string) {
  const html = await readFile(htmlFile);
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (absolute: string) => {
    if (!seen.has(absolute) && existsSync(absolute)) {
      seen.add(absolute);
      queue.push(absolute);
    }
  };
  // References look like "/_astro/x.css" or "/base/_astro/x.js"; the site's base path varies.
  for (const m of html.toString('utf8').matchAll(/["'(]([^"'()\s]*\/_astro\/[^"'()\s?#]+)/g)) add(join(outDir, '_astro', basename(m[1]!)));
  let assets = 0;
  const gzip = { css: 0, js: 0 };
  while (queue.length > 0) {
    const file = queue.shift()!;
    const body = await readFile(file);
    assets += body.length;
    gzip[file.endsWith('.css') ? 'css' : 'js'] += gzipSync(body).length;
    if (file.endsWith('.js')) {
      // Static and dynamic imports of sibling chunks: from"./chunk.js", import(`./chunk.js`) (the
      // minifier writes dynamic ones with backticks; Chart.js is such a chunk, loaded when a chart
      // comes into view, and counted here as part of the page).
      for (const m of body.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*["'`](\.\.?\/[^"'`]+\.js)["'`]/g)) add(resolve(dirname(file), m[1]!));
    }
  }
  return { files: seen.size, html: html.length, htmlGzip: gzipSync(html).length, assets, cssGzip: gzip.css, jsGzip: gzip.js };
}

/**
 * What a reader's browser downloads for a first search: the search page is opened with a query
 * (and filters) in its URL in headless Chromium and every response counted until the page says
 * what it found. Pagefind's own files are already gzip-compressed, so their bytes are what
 * travels; the page's HTML, CSS and JS are counted gzipped, as a county web server sends them.
 * Each search has a browser context of its own (an empty cache), and nothing here depends on how
 * the search page or its index work inside: only on the URL and the status text.
 */
async function firstSearches(outDir: string, searches: readonly Record<string, string>[]) {
  return withServedSite(outDir, async (browser, baseUrl) => {
    const results: { requests: number; total: number; pagefind: number; pagefindRequests: number }[] = [];
    for (const params of searches) {
      // Done when the page says what it found (results, or none: a small county may lack the
      // word), or asks for a longer query.
      const { responses } = await firstSearchVisit(browser, `${baseUrl}search/?${new URLSearchParams(params).toString()}`, /找到|没有找到|请至少输入/);
      const pagefind = responses.filter((r) => r.path.startsWith('/pagefind/'));
      results.push({ requests: responses.length, total: bytesOf(responses), pagefind: bytesOf(pagefind), pagefindRequests: pagefind.length });
    }
    return results;
  });
}

/**
 * What a phone fetches before it first paints a page: in headless Chromium at 375×667, the
 * document, stylesheets and scripts whose requests started before first-contentful-paint
 * (Resource Timing), counted gzipped as a county web server sends them (the bench's own server
 * does not compress, so their encoded sizes would be the raw bytes). A script that waits for
 * something (Chart.js waits for its chart to come into view) is not counted unless it came first.
 */
async function phoneFirstPaintBytes(outDir: string, paths: string[]) {
  return withServedSite(outDir, async (browser, baseUrl) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const weights: number[] = [];
    for (const path of paths) {
      const page = await context.newPage();
      const bodies = new Map<string, Promise<Buffer | undefined>>();
      page.on('response', (response) => bodies.set(response.url(), response.body().catch(() => undefined)));
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
      const before = await page.evaluate(async () => {
        const fcp = await new Promise<number>((done) => {
          const now = performance.getEntriesByName('first-contentful-paint')[0];
          if (now) return done(now.startTime);
          new PerformanceObserver((list) => done(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true });
        });
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return [
          location.href,
          ...resources.filter((r) => r.startTime < fcp && (/\.(css|js)$/.test(new URL(r.name).pathname) || r.initiatorType === 'script')).map((r) => r.name),
        ];
      });
      let bytes = 0;
      for (const url of before) {
        const body = await bodies.get(url);
        if (body) bytes += gzipSync(body).length;
      }
      weights.push(bytes);
      await page.close();
    }
    return weights;
  });
}

// ---------------------------------------------------------------------------------------------
// Minimal Astro site for comparison: the same number of pages, each a bare <h1>.

async function writeMinimalSite(dir: string, codes: string[]) {
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await symlink(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bench-minimal', private: true, type: 'module' }, null, 2));
  // Caches stay inside the temporary project: node_modules is a symlink into the repository,
  // and Astro's and Vite's default caches live under node_modules/.
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\n` +
      `export default defineConfig({ cacheDir: './.cache/astro', vite: { cacheDir: './.cache/vite' }, build: { format: 'directory' } });\n`,
  );
  await writeFile(
    join(dir, 'src/pages/[code].astro'),
    `---\nexport function getStaticPaths() {\n  return ${JSON.stringify(codes)}.map((code) => ({ params: { code } }));\n}\n` +
      `const { code } = Astro.params;\n---\n` +
      `<html lang="zh-CN"><head><meta charset="utf-8" /><title>{code}</title></head><body><h1>{code}</h1></body></html>\n`,
  );
}

// ---------------------------------------------------------------------------------------------
// Report

/** Every process of a stage, by program, largest first: `node 842.6 MB、61.0 MB · pagefind 95.0 MB（共 3 个进程）`. */
function processPeaks(stage: MeasuredRun): string {
  const byProgram = new Map<string, number[]>();
  for (const { program, peak } of stage.processes.values()) byProgram.set(program, [...(byProgram.get(program) ?? []), peak]);
  const groups = [...byProgram].map(([program, peaks]) => ({ program, peaks: peaks.sort((a, b) => b - a) })).sort((a, b) => b.peaks[0]! - a.peaks[0]!);
  // Three of a program at most: a build starts many short helpers (git, esbuild) of a few MB.
  const shown = groups.map(({ program, peaks }) => `${program} ${peaks.slice(0, 3).map((bytes) => MB(bytes)).join('、')}${peaks.length > 3 ? ` 等 ${peaks.length} 个` : ''}`);
  return `${shown.join(' · ') || '—'}（共 ${stage.processes.size} 个进程）`;
}

/** The stage times the build prints: "用时（秒）：validate 1.97，index 9.12，files 8.40，astro 21.79，move 0.05，total 26.60". */
function buildStages(output: string): Record<string, number> {
  return Object.fromEntries([...(/用时（秒）：(.*)/.exec(output)?.[1] ?? '').matchAll(/(\w+) ([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
}
/** The build's line on the page cache (page-reuse.ts): "9 个单位年度的项目页与上次生成时相同，直接沿用（共 10 个）". */
function reusedUnitYears(output: string): string {
  const line = /(\d+) 个单位年度的项目页与上次生成时相同，直接沿用（共 (\d+) 个）/.exec(output);
  return line ? `${line[1]} / ${line[2]} 个单位年度（其余由 Astro 生成）` : '无（全部由 Astro 生成）';
}
const sec = (stages: Record<string, number>, stage: string) => (stages[stage] === undefined ? '—' : `${stages[stage]!.toFixed(2)} s`);

// ---------------------------------------------------------------------------------------------
// --budgets: the same county with a 部门预算 and a 部门决算 for every unit

/**
 * Copies the generated content (before the warm build edits it), adds every unit's 部门预算 and
 * 部门决算 with their 说明, validates it and builds it cold in a project copy and output folder of
 * its own, so that nothing is reused from the build without them.
 */
async function budgetRun(generated: readonly Generated[]) {
  const from = performance.now();
  await cp(contentDir, budgetsContentDir, { recursive: true });
  const documents = await writeSyntheticBudgets(budgetsContentDir, generated, { seed: SEED, year: YEAR });
  const seconds = (performance.now() - from) / 1000;
  const added = (await folderBytes(budgetsContentDir)) - (await folderBytes(contentDir));
  console.log(`  ✓ 预算决算：${documents} 份（${seconds.toFixed(1)} 秒）`);
  const validate = await runStage('validate（含预算决算）', [TSX_CLI, 'src/cli/validate.ts', budgetsContentDir], { cwd: REPO });
  await copyProject(REPO, budgetsProjectDir);
  const build = await runStage('build（含预算决算）', [TSX_CLI, 'src/cli/build.ts'], { cwd: budgetsProjectDir, env: { GONGKAI_CONTENT: budgetsContentDir, GONGKAI_OUT: budgetsOutDir } });
  const files = await walk(budgetsOutDir);
  return {
    documents,
    seconds,
    added,
    validate,
    build,
    files,
    bytes: await folderBytes(budgetsOutDir),
    pagefindBytes: await folderBytes(join(budgetsOutDir, 'pagefind')),
    // Each unit's /<year>/<unit>/budget/ and /final-accounts/ page.
    budgetPages: files.filter((f) => /\/(budget|final-accounts)\/index\.html$/.test(f)).length,
  };
}

/** A difference with its sign and its share of the base: `+1.23 s（+8.4 %）`. */
const plus = (value: number, base: number, unit: (x: number) => string) =>
  `${value < 0 ? '-' : '+'}${unit(Math.abs(value))}（${value < 0 ? '-' : '+'}${((Math.abs(value) / base) * 100).toFixed(1)} %）`;

// ---------------------------------------------------------------------------------------------
// Main

const root = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
const contentDir = join(root, 'content');
// The build runs in a copy of the project: Astro keeps its intermediate files in the project's
// .astro/ folder, so a build in the work tree at the same time (tests, npm run dev) would break
// the benchmark's build, and the other way round. node_modules is shared through a symlink.
const projectDir = join(root, 'project');
const outDir = join(root, 'dist');
const minimalDir = join(root, 'minimal');
// build.ts's Astro config keys its content cache by the content folder (node_modules/.astro-<hash>);
// the folder is unique to this run, so the cache is removed afterwards.
const cacheOf = (dir: string) => join(REPO, 'node_modules', `.astro-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}`);
const astroCache = cacheOf(contentDir);
// --budgets: the same county with every unit's 部门预算 and 部门决算, built in folders of its own.
const budgetsContentDir = join(root, 'content-budgets');
const budgetsProjectDir = join(root, 'project-budgets');
const budgetsOutDir = join(root, 'dist-budgets');
let exitCode = 0;

try {
  console.log(`生成合成数据：${N} 个项目，${U} 个单位，种子 ${SEED} → ${root}`);
  const genStarted = performance.now();
  const generated = await writeContent(contentDir);
  const genSeconds = (performance.now() - genStarted) / 1000;
  const contentBytes = await folderBytes(contentDir);
  console.log(`  ✓ 生成：${genSeconds.toFixed(1)} 秒（${generated.length} 个项目文件，${MB(contentBytes)}）`);
  const rare = rareWord(generated);
  if (VERSIONS > 1) {
    const from = performance.now();
    await commitVersions(contentDir, generated);
    console.log(`  ✓ git 历史：${VERSIONS} 个版本（${((performance.now() - from) / 1000).toFixed(1)} 秒）`);
  }

  const validate = await runStage('validate', [TSX_CLI, 'src/cli/validate.ts', contentDir], { cwd: REPO });
  await copyProject(REPO, projectDir);
  const buildEnv = { GONGKAI_CONTENT: contentDir, GONGKAI_OUT: outDir };
  const build = await runStage('build', [TSX_CLI, 'src/cli/build.ts'], { cwd: projectDir, env: buildEnv });
  // Right after the build without them, so that both meet the machine as alike as can be.
  const withBudgets = BUDGETS ? await budgetRun(generated) : undefined;

  const files = await walk(outDir);
  const htmlPages = files.filter((f) => f.endsWith('.html')).length;
  const versionPages = files.filter((f) => /\/history\/[^/]+\/index\.html$/.test(f)).length;
  const distBytes = await folderBytes(outDir);
  const pagefindBytes = await folderBytes(join(outDir, 'pagefind'));
  const pagefindFiles = files.filter((f) => f.startsWith(join(outDir, 'pagefind') + '/')).length;
  // One project page: the first unit's first project (build format "directory").
  const firstCode = [...usedCodes][0]!;
  const projectPage = files.find((f) => f.endsWith(join('projects', firstCode, 'index.html')));
  const weight = projectPage ? await pageWeight(outDir, projectPage) : undefined;
  const searches = await firstSearches(outDir, [{ q: FREQUENT_QUERY }, { q: rare.word }, FILTER_QUERY]);
  // Home, the first project's unit overview, and that project (paths below the site's root).
  const projectPath = projectPage ? projectPage.slice(outDir.length + 1).replace(/index\.html$/, '') : undefined;
  const phone = projectPath ? await phoneFirstPaintBytes(outDir, ['', projectPath.replace(/projects\/[^/]+\/$/, ''), projectPath]) : undefined;
  const stages = buildStages(build.output);

  // Warm build: the same project copy and content folder, so Astro's content store and the
  // download cache are as a maintainer's second build finds them; one project edited.
  const edit = await editOneProject(generated);
  const editedDownload = join(outDir, String(YEAR), '483001', 'projects', `${edit.code}`);
  const coldXlsx = await readFile(`${editedDownload}.xlsx`).catch(() => undefined);
  const warm = await runStage('warm build', [TSX_CLI, 'src/cli/build.ts'], { cwd: projectDir, env: buildEnv });
  const warmStages = buildStages(warm.output);
  // The edit must show in the warm build's downloads: a cache that served the old bytes would be wrong.
  const warmJson = await readFile(`${editedDownload}.json`, 'utf8').then((t) => JSON.parse(t) as ProjectInput, () => undefined);
  const warmXlsx = await readFile(`${editedDownload}.xlsx`).catch(() => undefined);
  const editShown = warmJson?.绩效指标[0]?.指标值 === edit.value && coldXlsx !== undefined && warmXlsx !== undefined && !coldXlsx.equals(warmXlsx);
  if (!editShown) {
    console.error(`\n✗ 热构建的下载文件没有反映编辑（${edit.code} 的第一条指标值应为 ${edit.value}）。`);
    throw new StageFailed('warm build');
  }

  await writeMinimalSite(minimalDir, [...usedCodes]);
  const minimal = await runStage('minimal', [ASTRO_CLI, 'build', '--silent'], { cwd: minimalDir });
  const minimalPages = existsSync(join(minimalDir, 'dist')) ? (await walk(join(minimalDir, 'dist'))).filter((f) => f.endsWith('.html')).length : 0;

  const memory = (stage: MeasuredRun) => `${MB(stage.peakRss)}（Node ${MB(stage.peaks.get('node'))}，Pagefind ${MB(stage.peaks.get('pagefind'))}）`;
  const searchRow = (i: number) => {
    const search = searches?.[i];
    return search ? `${KB(search.total)}（${search.requests} 个请求；其中 Pagefind ${KB(search.pagefind)}，${search.pagefindRequests} 个文件）` : '— 找不到 Chromium（apt-get install -y chromium）';
  };
  console.log(`\n命令：${COMMAND}`);
  console.log(`Node ${process.version}，${N} 个项目，${U} 个单位，种子 ${SEED}\n`);
  console.log(
    formatTable([
      ['阶段 stage', '用时 time · 峰值内存 peak RSS'],
      ['生成数据 generate', `${genSeconds.toFixed(2)} s（内容 ${MB(contentBytes)}）`],
      ['检查 validate', `${validate.seconds.toFixed(2)} s · ${MB(validate.peakRss)}`],
      ['  各进程 processes', processPeaks(validate)],
      ['构建 build 冷 cold (Astro + Pagefind)', `${build.seconds.toFixed(2)} s · ${memory(build)}`],
      ['  其中 检查 validate', sec(stages, 'validate')],
      ['  其中 Astro 页面 pages', sec(stages, 'astro')],
      ['  其中 索引 Pagefind index', `${sec(stages, 'index')}（与 Astro 同时进行）`],
      // The downloads and content files, written by a worker thread beside Astro (file-writer.ts),
      // then moved into Astro's output once both are done.
      ['  其中 文件 files (downloads, content)', `${sec(stages, 'files')}（与 Astro 同时进行；移入 ${sec(stages, 'move')}）`],
      ['  各进程 processes', processPeaks(build)],
      ['热构建 warm build (edited one project)', `${warm.seconds.toFixed(2)} s · ${memory(warm)}`],
      ['  其中 检查 · Astro · 索引 · 文件', `${sec(warmStages, 'validate')} · ${sec(warmStages, 'astro')} · ${sec(warmStages, 'index')} · ${sec(warmStages, 'files')}`],
      ['  沿用项目页 reused project pages', reusedUnitYears(warm.output)],
      ['修订记录 history', `每张表 ${VERSIONS} 个版本 · 读取 git ${sec(stages, 'history')}（热构建 ${sec(warmStages, 'history')}）· 版本页 ${versionPages} 个`],
      ['  各进程 processes', processPeaks(warm)],
      ['  编辑 edit', `${edit.code} 的第一条指标值改为 ${edit.value}：JSON 与 XLSX 已更新`],
      ['最小站点 minimal Astro', `${minimal.seconds.toFixed(2)} s · ${MB(minimal.peakRss)}（${minimalPages} 页）`],
      ['  各进程 processes', processPeaks(minimal)],
      ['构建倍数 ours / minimal', `冷 ${(build.seconds / minimal.seconds).toFixed(2)} × · 热 ${(warm.seconds / minimal.seconds).toFixed(2)} ×`],
    ]),
  );
  console.log();
  console.log(
    formatTable([
      ['输出 output', ''],
      ['HTML 页面 pages', `${htmlPages}`],
      ['每秒页数 pages/s (build)', `${(htmlPages / build.seconds).toFixed(0)}`],
      ['dist 大小 size', `${MB(distBytes)}（${files.length} 个文件）`],
      ['搜索索引 search index', `${sec(stages, 'index')} · ${MB(pagefindBytes)}（dist/pagefind，${pagefindFiles} 个文件）`],
      [`首次搜索 first search「${FREQUENT_QUERY}」常见`, searchRow(0)],
      [`首次搜索 first search「${rare.word}」少见（${rare.projects} 个项目）`, searchRow(1)],
      [`首次搜索 first search「${FILTER_QUERY.q}」年度=${FILTER_QUERY.年度}`, searchRow(2)],
      [
        '项目页 project page (gzip)',
        weight
          ? `${KB(weight.htmlGzip + weight.cssGzip + weight.jsGzip)} = HTML ${KB(weight.htmlGzip)} + CSS ${KB(weight.cssGzip)} + JS ${KB(weight.jsGzip)}（${weight.files} 个 _astro 文件；未压缩 ${KB(weight.html + weight.assets)}）`
          : '找不到项目页',
      ],
      [
        '手机首次绘制前 phone first paint (gzip)',
        phone
          ? `首页 ${KB(phone[0]!)} · 单位概览 ${KB(phone[1]!)} · 项目页 ${KB(phone[2]!)}（HTML + CSS + JS，375×667）`
          : projectPath ? '— 找不到 Chromium（apt-get install -y chromium）' : '找不到项目页',
      ],
    ]),
  );
  if (withBudgets) {
    const b = withBudgets;
    const html = b.files.filter((f) => f.endsWith('.html')).length;
    const st = buildStages(b.build.output);
    const s2 = (x: number) => `${x.toFixed(2)} s`;
    const cpu = (run: MeasuredRun) => (run.cpuSeconds === undefined ? '—' : s2(run.cpuSeconds));
    const mb2 = (x: number) => `${(x / 1024 / 1024).toFixed(2)} MB`; // MB() prints 0 as —
    console.log();
    console.log(
      formatTable([
        ['预算决算 budgets（每个单位一份部门预算、一份部门决算）', ''],
        ['  生成 generate', `${b.documents} 份 · ${s2(b.seconds)}（内容多 ${MB(b.added)}）`],
        ['  检查 validate 含预算决算', `${s2(b.validate.seconds)} · ${MB(b.validate.peakRss)}（不含：${s2(validate.seconds)}）`],
        ['  构建 build 冷 cold 含预算决算', `${s2(b.build.seconds)} · ${memory(b.build)}`],
        // CPU seconds of the build's whole process tree: on a machine shared with other work the wall
        // time of two builds can differ by half, their CPU time much less.
        ['  CPU 用时 CPU time 不含 · 含预算决算', `${cpu(build)} · ${cpu(b.build)}`],
        ['  含预算决算 检查 · Astro · 索引 · 文件', `${sec(st, 'validate')} · ${sec(st, 'astro')} · ${sec(st, 'index')} · ${sec(st, 'files')}`],
        ['  预算决算的代价 cost (cold build)', `${plus(b.build.seconds - build.seconds, build.seconds, s2)}，不含：${s2(build.seconds)}`],
        [
          '  预算决算的代价 CPU cost',
          build.cpuSeconds !== undefined && b.build.cpuSeconds !== undefined ? `${plus(b.build.cpuSeconds - build.cpuSeconds, build.cpuSeconds, s2)}，不含：${s2(build.cpuSeconds)}` : '—（没有 /proc）',
        ],
        ['  HTML 页面 pages 含预算决算', `${html}（多 ${html - htmlPages} 页，其中预算、决算页 ${b.budgetPages} 个）`],
        ['  dist 大小 size 含预算决算', `${MB(b.bytes)}（${plus(b.bytes - distBytes, distBytes, mb2)}，${b.files.length} 个文件）`],
        ['  搜索索引 search index 含预算决算', `${MB(b.pagefindBytes)}（${plus(b.pagefindBytes - pagefindBytes, pagefindBytes, mb2)}）`],
      ]),
    );
  }
  if (projectPage) console.log(`\n  测量的项目页：${projectPage.slice(outDir.length + 1)}`);
} catch (error) {
  if (!(error instanceof StageFailed)) console.error(error);
  exitCode = 1;
} finally {
  await rm(astroCache, { recursive: true, force: true });
  await rm(cacheOf(budgetsContentDir), { recursive: true, force: true });
  if (KEEP) console.log(`\n保留临时文件夹：${root}`);
  else await rm(root, { recursive: true, force: true });
}
process.exit(exitCode);
