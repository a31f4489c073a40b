// The build's file writer (src/lib/outputs/file-writer.ts): the downloads and content files it writes
// beside Astro are those of file-outputs.ts, in a worker thread too; a failure names the file; and
// moving them into Astro's output never overwrites a file Astro wrote.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryOf } from '../src/lib/site/entries.ts';
import { downloadOutputs, outputBytes, type FileOutput } from '../src/lib/outputs/file-outputs.ts';
import { jobOutputs, moveInto, writeFilesInWorker, writeOutputs, type FileWriterJob } from '../src/lib/outputs/file-writer.ts';
import { validateContent } from '../src/lib/check/validate.ts';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-file-writer-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function bundledJob(outDir: string): Promise<FileWriterJob> {
  const result = await validateContent('content');
  expect(result.problems).toEqual([]);
  const sources = {
    projects: result.projects.map((f) => entryOf(f.data, f.file)),
    monitoring: result.monitoring.map((f) => entryOf(f.data, f.file)),
    evaluations: result.evaluations.map((f) => entryOf(f.data, f.file)),
    departmentEvaluations: result.departmentEvaluations.map((f) => entryOf(f.data, f.file)),
  };
  return { sources, contentDir: 'content', outDir };
}

describe('file outputs', () => {
  it('lists three downloads per project beside its page, and every content file under content/', async () => {
    const job = await bundledJob(join(temp, 'list'));
    const downloads = downloadOutputs(job.sources);
    expect(downloads).toHaveLength(job.sources.projects.length * 3);
    const first = job.sources.projects[0]!.data;
    expect(downloads.map((d) => d.path)).toContain(`${first.fiscalYear}/${first.unitCode}/projects/${first.key}.xlsx`);
    const paths = jobOutputs(job).map((o) => o.path);
    expect(paths).toContain('content/site.yaml');
    expect(paths).toContain('content/about.md');
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('writeOutputs and the worker', () => {
  it('writes in a worker thread the same bytes as file-outputs.ts produces', async () => {
    const job = await bundledJob(join(temp, 'worker'));
    const outputs = jobOutputs(job);
    expect(await writeFilesInWorker(job)).toBe(outputs.length);
    for (const output of outputs.filter((o) => o.kind === 'content' || o.path.endsWith('.xlsx')).slice(0, 6)) {
      expect(Buffer.from(readFileSync(join(job.outDir, output.path))).equals(Buffer.from(await outputBytes(output)))).toBe(true);
    }
  }, 120_000);

  it('fails naming the file and its source, in Chinese, when one cannot be made', async () => {
    const missing: FileOutput = { kind: 'content', path: 'content/2023/x/source/gone.txt', file: join(temp, 'gone.txt') };
    await expect(writeOutputs([missing], join(temp, 'failing'))).rejects.toThrow(/^生成 content\/2023\/x\/source\/gone\.txt 失败（来自 .*gone\.txt）：/);
  });

  it('reports a job that cannot run as a Chinese message, from the worker', async () => {
    const job: FileWriterJob = { sources: { projects: [], monitoring: [], evaluations: [], departmentEvaluations: [] }, contentDir: join(temp, 'no-such-folder'), outDir: join(temp, 'none') };
    await expect(writeFilesInWorker(job)).rejects.toThrow(/^列出内容文件夹 .*no-such-folder 中的文件失败：/);
  }, 60_000);
});

describe('moveInto', () => {
  it('moves missing folders whole and files into folders both have', async () => {
    const from = join(temp, 'move-from');
    const to = join(temp, 'move-to');
    mkdirSync(join(from, 'content/2023'), { recursive: true });
    mkdirSync(join(from, '2023/1/projects'), { recursive: true });
    mkdirSync(join(to, '2023/1/projects/A'), { recursive: true });
    writeFileSync(join(from, 'content/2023/a.yaml'), 'a');
    writeFileSync(join(from, '2023/1/projects/A.csv'), 'csv');
    writeFileSync(join(to, '2023/1/projects/A/index.html'), 'page');
    await moveInto(from, to);
    expect(readFileSync(join(to, 'content/2023/a.yaml'), 'utf8')).toBe('a');
    expect(readFileSync(join(to, '2023/1/projects/A.csv'), 'utf8')).toBe('csv');
    expect(readFileSync(join(to, '2023/1/projects/A/index.html'), 'utf8')).toBe('page');
    expect(readdirSync(join(from, '2023/1/projects'))).toEqual([]);
  });

  it('refuses a file both have, naming it, and keeps the one already there', async () => {
    const from = join(temp, 'clash-from');
    const to = join(temp, 'clash-to');
    mkdirSync(join(from, '2023'), { recursive: true });
    mkdirSync(join(to, '2023'), { recursive: true });
    writeFileSync(join(from, '2023/x.json'), 'writer');
    writeFileSync(join(to, '2023/x.json'), 'astro');
    await expect(moveInto(from, to)).rejects.toThrow('网站中有两个同名文件：2023/x.json');
    expect(readFileSync(join(to, '2023/x.json'), 'utf8')).toBe('astro');
  });
});
