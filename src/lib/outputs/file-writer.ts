// `npm run build` writes the per-project downloads and the published content files
// (file-outputs.ts) itself, in a worker thread, while Astro renders the pages on the main thread:
// through Astro each of these files cost about 1.5 ms of Astro's own work besides its bytes, on
// Astro's one core, and a project has six to nine of them. The worker writes into a folder of its
// own (Astro empties its output folder when it starts), moved into Astro's output once both are
// done, before the whole site replaces dist/ (build.ts): a failure anywhere still changes nothing.
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contentFiles, downloadOutputs, outputBytes, type FileOutput } from './file-outputs.ts';
import type { FileSources } from '../site/entries.ts';

export interface FileWriterJob {
  sources: FileSources;
  /** The content folder, whose files are published under content/. */
  contentDir: string;
  /** Where to write (created; the site's paths below it). */
  outDir: string;
}

/** The source a file is made from, for messages (relative to the working directory). */
const sourceOf = (output: FileOutput) => relative(process.cwd(), output.kind === 'content' ? output.file : output.entry.file);

/**
 * Writes every output; returns how many. A few at a time, so that one file's write overlaps the
 * next one's production (the XLSX is compressed on the thread, the write goes to the I/O pool).
 * The first failure stops the rest and names the file and its source.
 */
export async function writeOutputs(outputs: readonly FileOutput[], outDir: string, concurrency = 4): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => folders.get(dir) ?? folders.set(dir, mkdir(dir, { recursive: true })).get(dir)!;
  let next = 0;
  let failed: Error | undefined;
  const lane = async () => {
    while (failed === undefined && next < outputs.length) {
      const output = outputs[next++]!;
      try {
        const target = join(outDir, output.path);
        const [bytes] = await Promise.all([outputBytes(output), folder(dirname(target))]);
        await writeFile(target, bytes);
      } catch (error) {
        failed ??= new Error(`生成 ${output.path} 失败（来自 ${sourceOf(output)}）：${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  if (failed) throw failed;
  return outputs.length;
}

/** All the files of a job: the downloads of its content files, then the content files themselves. */
export function jobOutputs(job: FileWriterJob): FileOutput[] {
  let published: FileOutput[];
  try {
    published = contentFiles(job.contentDir);
  } catch (error) {
    throw new Error(`列出内容文件夹 ${job.contentDir} 中的文件失败：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return [...downloadOutputs(job.sources), ...published];
}

/**
 * The worker loads TypeScript through tsx's hooks. Under `npm run build` (tsx) it inherits the
 * process's execArgv, which loads them; elsewhere (Vitest) they are added: without them Node would
 * strip the types itself, and fail on the TypeScript-only syntax of some modules.
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((arg) => /[\\/]tsx[\\/]/.test(arg))) return process.execArgv;
  return [...process.execArgv, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** Runs a job in a worker thread (file-writer-worker.ts); resolves to the number of files written. */
export function writeFilesInWorker(job: FileWriterJob): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./file-writer-worker.ts', import.meta.url), { workerData: job, execArgv: workerExecArgv() });
    let settled = false;
    const settle = (error: Error | undefined, count = 0) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(count);
    };
    worker.on('message', (message: { written: number } | { error: string }) => {
      settle('error' in message ? new Error(message.error) : undefined, 'written' in message ? message.written : 0);
    });
    // The worker could not start or load (its messages are then Node's own): said so in Chinese.
    worker.on('error', (error) => settle(new Error(`生成下载文件的线程出错：${error.message}`, { cause: error })));
    worker.on('exit', (code) => settle(new Error(`生成下载文件的线程意外退出（退出码 ${code}），下载文件没有全部生成`)));
  });
}

/**
 * Moves everything under `from` into `to`, keeping what `to` already holds: a folder missing in
 * `to` is moved whole (content/), files are moved one by one into folders both have (a unit's
 * projects/ holds the pages' folders and the downloads). A file both have means two producers of
 * one address, which must not silently pick one: it fails, naming the file.
 */
export async function moveInto(from: string, to: string, root = to): Promise<void> {
  const [entries, present] = await Promise.all([readdir(from, { withFileTypes: true }), readdir(to, { withFileTypes: true })]);
  const existing = new Map(present.map((e) => [e.name, e]));
  await Promise.all(
    entries.map(async (entry) => {
      const there = existing.get(entry.name);
      if (!there) return rename(join(from, entry.name), join(to, entry.name));
      if (entry.isDirectory() && there.isDirectory()) return moveInto(join(from, entry.name), join(to, entry.name), root);
      throw new Error(`网站中有两个同名文件：${relative(root, join(to, entry.name)).split('\\').join('/')}（Astro 和下载文件各生成了一个）`);
    }),
  );
}
