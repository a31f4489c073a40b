// What `npm run bench` and `npm run province` share in measuring: a build run as a child process
// with the memory of its whole process tree, a first visit in headless Chromium counted in bytes
// as a county web server sends them, and the terminal tables they print.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DEFAULT_CHROMIUM, launchBrowser } from './chromium.ts';
import { sampleTree } from './process-tree.ts';
import { startStaticServer } from './server.ts';

/**
 * The environment of a child build: this process's, without the variables Vitest sets for its
 * own Vite (when a command runs from a test they would make Astro behave as under test, and
 * BASE_URL would even override the base path).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || ['TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key)) delete env[key];
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  return env;
}

export interface MeasuredRun {
  exit: number;
  seconds: number;
  /** The last of what the process printed (stdout and stderr, as they came). */
  output: string;
  /** Peak resident set size in bytes of the largest single process of the tree, if seen. */
  peakRss?: number;
  /** Peak per program of the tree (node, pagefind), in bytes. */
  peaks: Map<string, number>;
  /** Every process seen in the tree: its program and its own peak, in bytes. */
  processes: Map<number, { program: string; peak: number }>;
  /** CPU seconds (user + system) of the whole tree, when /proc tells them: steadier than the wall time on a busy machine. */
  cpuSeconds?: number;
}

/**
 * CPU seconds of this process's children that have been waited for (/proc/self/stat cutime + cstime,
 * in USER_HZ = 100 ticks a second on Linux). A child's figure includes every process it waited for in
 * turn, so the difference across one run is that run's whole tree. Undefined without /proc.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 (state): cutime is field 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Runs `node <args>` on this process's Node (without npm's own process, which would be counted in
 * the memory and add its start-up), sampling the memory of everything it starts (process-tree.ts).
 * A process shorter than one sampling interval may go unseen: its peak is then missing, never 0.
 */
export async function runMeasured(nodeArgs: string[], options: { cwd: string; env?: Record<string, string> }): Promise<MeasuredRun> {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const child = spawn(process.execPath, nodeArgs, { cwd: options.cwd, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = child.pid === undefined ? undefined : sampleTree(child.pid);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 400) output.splice(0, output.length - 400); // only the tail is ever shown
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exit = await new Promise<number>((done) => {
    child.on('error', () => done(-1));
    child.on('close', (code) => done(code ?? -1));
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  await sampler?.stop();
  const peaks = sampler?.peaks ?? new Map<string, number>();
  const peakRss = Math.max(0, ...peaks.values());
  return { exit, seconds, output: output.join(''), peaks, processes: sampler?.processes ?? new Map(), ...(peakRss > 0 ? { peakRss } : {}), ...(cpuSeconds === undefined ? {} : { cpuSeconds }) };
}

/** A response of a first visit: its path, and its bytes as they travel (HTML, CSS and JS gzipped). */
export interface VisitResponse {
  path: string;
  bytes: number;
}

/**
 * Serves a built site on 127.0.0.1 and opens headless Chromium on it for `visit`; undefined when
 * there is no Chromium (the commands then print how to install it instead of a figure).
 */
export async function withServedSite<T>(outDir: string, visit: (browser: Browser, baseUrl: string) => Promise<T>): Promise<T | undefined> {
  if (!existsSync(process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM)) return undefined;
  const server = await startStaticServer(outDir, '/');
  const browser = await launchBrowser();
  try {
    return await visit(browser, server.baseUrl);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * What a reader's browser downloads for a first search: the page opened at `url` in a browser
 * context of its own (an empty cache), every response counted until the search status (the
 * `[data-search-status]` element) matches `done`. Pagefind's own files are already compressed,
 * so their bytes are what travels; the page's HTML, CSS and JS are counted gzipped, as a county
 * web server sends them. Depends only on the URL and the status text, not on how search works.
 */
export async function firstSearchVisit(browser: Browser, url: string, done: RegExp): Promise<{ status: string; responses: VisitResponse[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes: Promise<VisitResponse>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      sizes.push(response.body().then((body) => ({ path, bytes: /\.(html|css|js)$|\/$/.test(path) ? gzipSync(body).length : body.length }), () => ({ path, bytes: 0 })));
    });
    await page.goto(url);
    await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector('[data-search-status]')?.textContent ?? ''), done.source, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const status = (await page.textContent('[data-search-status]')) ?? '';
    return { status, responses: await Promise.all(sizes) };
  } finally {
    await context.close();
  }
}

export const bytesOf = (responses: readonly { bytes: number }[]) => responses.reduce((n, r) => n + r.bytes, 0);

/** Megabytes with `digits` decimals; "—" for a figure that was not measured. */
export const MB = (bytes: number | undefined, digits = 1) => (bytes ? `${(bytes / 1024 / 1024).toFixed(digits)} MB` : '—');
export const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Display width in a terminal: CJK and full-width characters take two columns. */
const terminalWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - terminalWidth(s)));

/** Rows as aligned columns, indented by two spaces, each column as wide as its widest cell. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => terminalWidth(r[i] ?? ''))));
  return rows.map((row) => `  ${row.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd()}`).join('\n');
}
