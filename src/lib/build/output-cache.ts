// Per-project downloads that are slow to produce (the XLSX, about 5.5 ms each through exceljs)
// are produced once per content hash and kept between builds: a later build of the same file with
// the same code reads the bytes back instead of producing them again. The key is a SHA-256 of everything the
// bytes depend on (the caller names those inputs) and of the code version (the sources that
// produce downloads, the package lock and Node, whose zlib compresses the XLSX).
//
// The cache may only ever make a build faster, never different: any failure of the cache (a
// folder that cannot be made, an entry that cannot be read, a damaged entry, inputs that cannot be
// hashed) falls back to producing the bytes, and an entry is checked against its own digest
// before it is used.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ASTRO_CACHE_DIR } from '../site/content-layout.ts';

/**
 * Beside Astro's own cache of this content folder (node_modules/.astro…, ignored by git): a build
 * from another content folder (tests, `npm run bench`) keeps its own entries, and the benchmark,
 * which removes that folder at the end, starts cold every run.
 */
export const OUTPUT_CACHE_DIR = join(ASTRO_CACHE_DIR, 'gongkai-downloads');

/**
 * The sources whose text decides a download's bytes (relative to the project folder): the
 * producers are in src/lib (file-outputs.ts), the endpoints under src/pages only serve them.
 */
const CODE = ['src/lib', 'src/schema', 'package-lock.json'];

/**
 * A SHA-256 of source files and folders (relative to `root`, folders recursively, in name order),
 * each named and NUL-separated, after `salt` (the versions of what else decides the output). The
 * one digest of "the code" for the download cache and the page cache (page-reuse.ts); it throws
 * when a source cannot be read.
 */
export async function sourcesDigest(root: string, paths: readonly string[], salt: string): Promise<string> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(join(root, path))).isDirectory()) files.push(...(await readdir(join(root, path), { recursive: true })).map((name) => join(path, name)));
    else files.push(path);
  }
  const hash = createHash('sha256').update(salt);
  for (const file of files.sort()) {
    if (!(await stat(join(root, file))).isFile()) continue;
    hash.update(`${file}\0`).update(await readFile(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/**
 * A digest of the code that produces downloads, once per process; undefined (no caching) when a
 * source cannot be read, e.g. when the build does not run from the project folder.
 */
const readCodeVersion = (root: string): Promise<string | undefined> =>
  sourcesDigest(root, CODE, `node ${process.versions.node} zlib ${process.versions.zlib}\0`).catch(() => undefined);
let codeVersion: Promise<string | undefined> | undefined;
export const currentCodeVersion = () => (codeVersion ??= readCodeVersion(process.cwd()));

export interface CacheOptions {
  /** The cache folder (tests use their own). */
  dir?: string;
  /** The code version (tests give their own; normally the digest of the sources). */
  version?: string;
}

/**
 * The bytes for the given inputs: read from the cache when an entry for them is there and intact,
 * else produced and stored. `inputs` is a function so that a failure to gather or hash them also
 * just means producing the bytes. Each input is length-prefixed, so ["ab", "c"] ≠ ["a", "bc"].
 */
export async function cachedBytes(inputs: () => readonly (string | Uint8Array)[], produce: () => Promise<Uint8Array> | Uint8Array, options: CacheOptions = {}): Promise<Uint8Array> {
  const dir = options.dir ?? OUTPUT_CACHE_DIR;
  let file: string | undefined;
  try {
    const version = options.version ?? (await currentCodeVersion());
    if (version !== undefined) {
      const hash = createHash('sha256').update(`gongkai output cache 1\0${version}\0`);
      for (const input of inputs()) {
        const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
        hash.update(`${bytes.length}:`).update(bytes);
      }
      file = join(dir, hash.digest('hex'));
    }
  } catch {
    file = undefined;
  }
  if (file === undefined) return produce();

  const hit = await readEntry(file);
  if (hit) {
    // Marks the entry as used by this build, so that pruneOutputCache keeps it.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return hit;
  }
  const bytes = await produce();
  await writeEntry(dir, file, bytes);
  return bytes;
}

/** An entry is the SHA-256 of its bytes (32 bytes), then the bytes: a truncated or damaged entry is not used. */
async function readEntry(file: string): Promise<Uint8Array | undefined> {
  try {
    const entry = await readFile(file);
    if (entry.length < 32) return undefined;
    const bytes = entry.subarray(32);
    return createHash('sha256').update(bytes).digest().equals(entry.subarray(0, 32)) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so that a build reading at the same time never sees half an entry. */
async function writeEntry(dir: string, file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, Buffer.concat([createHash('sha256').update(bytes).digest(), bytes]));
    await rename(temp, file);
  } catch {
    // Not stored: the next build produces these bytes again.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Removes the entries no build has used since `since` (ms since the epoch): after a build, those
 * of content or code that is gone, so that the folder does not grow with every edit. An entry
 * used or written by the build has a later modification time. A few seconds of margin for file
 * systems that store coarse times; a wrongly kept entry costs only disk, a wrongly removed one
 * only its recomputation. Returns how many were removed.
 */
export async function pruneOutputCache(since: number, dir = OUTPUT_CACHE_DIR): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = join(dir, name);
    try {
      if ((await stat(file)).mtimeMs < since - 5_000) {
        await rm(file, { force: true });
        removed++;
      }
    } catch {
      // Removed by another build meanwhile.
    }
  }
  return removed;
}
