// The download cache (src/lib/build/output-cache.ts) may only make a build faster: a hit gives the very
// bytes a miss produced, any change of the inputs or of the code gives a new entry, and a damaged
// or unusable cache means producing the bytes as if there were none.
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectWorkbook } from '../src/lib/import/form-workbook.ts';
import { cachedBytes, currentCodeVersion, pruneOutputCache } from '../src/lib/build/output-cache.ts';
import { strictJson } from '../src/lib/site/strict-json.ts';
import type { ProjectInput } from '../src/schema/project.ts';
import { ROOT } from './helpers.ts';

const PROJECT_FILE = join(ROOT, 'content/2023/483001/projects/01-13022923P00JXC415564L.yaml');
const DATE = '2024-03-01T08:00:00.000Z';
const freshDir = () => mkdtempSync(join(tmpdir(), 'gongkai-output-cache-'));

/** A real per-project XLSX, counting how often it is produced. */
function workbookOf(text: string) {
  const counter = { produced: 0 };
  const produce = async () => {
    counter.produced++;
    return projectWorkbook(parse(text) as ProjectInput, { date: new Date(DATE) });
  };
  return { counter, produce, inputs: () => ['project xlsx', text, DATE] };
}

describe('download cache', () => {
  it('gives a warm build the same bytes as the cold build, produced once', async () => {
    const dir = freshDir();
    const text = readFileSync(PROJECT_FILE, 'utf8');
    const { counter, produce, inputs } = workbookOf(text);
    const cold = await cachedBytes(inputs, produce, { dir, version: 'v1' });
    const warm = await cachedBytes(inputs, produce, { dir, version: 'v1' });
    expect(counter.produced).toBe(1);
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
    // And the same as producing it without any cache.
    expect(Buffer.from(warm).equals(Buffer.from(await projectWorkbook(parse(text) as ProjectInput, { date: new Date(DATE) })))).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('makes a new entry for a changed project and for a new code version', async () => {
    const dir = freshDir();
    const text = readFileSync(PROJECT_FILE, 'utf8');
    const before = workbookOf(text);
    await cachedBytes(before.inputs, before.produce, { dir, version: 'v1' });
    const edited = workbookOf(text.replace(/指标值: .*/, '指标值: ≥99%'));
    expect(edited.inputs()[1]).not.toBe(text);
    const changed = await cachedBytes(edited.inputs, edited.produce, { dir, version: 'v1' });
    expect(edited.counter.produced).toBe(1);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(Buffer.from(changed).equals(Buffer.from(await before.produce()))).toBe(false);

    const again = workbookOf(text);
    await cachedBytes(again.inputs, again.produce, { dir, version: 'v2' });
    expect(again.counter.produced).toBe(1);
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('keeps inputs apart however they are split', async () => {
    const dir = freshDir();
    const one = await cachedBytes(() => ['ab', 'c'], () => new TextEncoder().encode('first'), { dir, version: 'v1' });
    const two = await cachedBytes(() => ['a', 'bc'], () => new TextEncoder().encode('second'), { dir, version: 'v1' });
    expect(new TextDecoder().decode(one)).toBe('first');
    expect(new TextDecoder().decode(two)).toBe('second');
  });

  it('produces the bytes when an entry is damaged, and repairs it', async () => {
    const dir = freshDir();
    let produced = 0;
    const produce = () => (produced++, new TextEncoder().encode('the real bytes'));
    await cachedBytes(() => ['x'], produce, { dir, version: 'v1' });
    const [entry] = readdirSync(dir);
    const file = join(dir, entry!);
    for (const damage of [Buffer.alloc(0), Buffer.from('short'), Buffer.concat([readFileSync(file).subarray(0, 32), Buffer.from('other bytes')])]) {
      writeFileSync(file, damage);
      expect(new TextDecoder().decode(await cachedBytes(() => ['x'], produce, { dir, version: 'v1' }))).toBe('the real bytes');
    }
    expect(produced).toBe(4);
    // Repaired: the next read is a hit again.
    await cachedBytes(() => ['x'], produce, { dir, version: 'v1' });
    expect(produced).toBe(4);
  });

  it('produces the bytes when the cache folder cannot be used or the inputs cannot be hashed', async () => {
    const blocked = join(freshDir(), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const produce = () => new TextEncoder().encode('bytes');
    expect(new TextDecoder().decode(await cachedBytes(() => ['x'], produce, { dir: blocked, version: 'v1' }))).toBe('bytes');
    expect(new TextDecoder().decode(await cachedBytes(() => ['x'], produce, { dir: join(blocked, 'below'), version: 'v1' }))).toBe('bytes');
    const dir = freshDir();
    const unhashable = () => [strictJson({ value: Number.NaN })];
    expect(new TextDecoder().decode(await cachedBytes(unhashable, produce, { dir, version: 'v1' }))).toBe('bytes');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses what JSON would silently change', () => {
    expect(strictJson({ a: [1, 'b', null, { c: true }] })).toBe('{"a":[1,"b",null,{"c":true}]}');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, new Map([['a', 1]]), new Set([1]), 1n]) expect(() => strictJson({ bad })).toThrow();
  });

  it('removes after a build the entries it did not use', async () => {
    const dir = freshDir();
    const bytes = () => new TextEncoder().encode('b');
    await cachedBytes(() => ['old'], bytes, { dir, version: 'v1' });
    const [old] = readdirSync(dir);
    utimesSync(join(dir, old!), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const start = Date.now();
    await cachedBytes(() => ['new'], bytes, { dir, version: 'v1' });
    expect(await pruneOutputCache(start, dir)).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)).not.toContain(old);
    expect(await pruneOutputCache(start, join(dir, 'missing'))).toBe(0);
  });

  it('versions the code from the sources that produce downloads', async () => {
    // The tests run from the project folder, so the sources are there to hash.
    expect(await currentCodeVersion()).toMatch(/^[0-9a-f]{64}$/);
  });
});
