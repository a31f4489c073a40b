// Astro keeps the parsed content between runs (its data store). It clears the store only when the
// text of content.config.ts changes, not when a schema it imports or site.yaml (whose rules the
// schemas take) does: entries parsed under the old rules would be rendered. This drops the store
// of the build and of the dev server whenever any of those sources has changed since the last run.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ASTRO_CACHE_DIR, CONTENT_DIR, SITE_FILE } from '../site/content-layout.ts';

/** Where Astro keeps its data store: the cache folder for builds, .astro/ for `astro dev`. */
const STORES = [ASTRO_CACHE_DIR, '.astro'];

export async function forgetStaleContent(): Promise<void> {
  const sources = (
    await Promise.all(
      ['src/schema', 'src/lib'].map((dir) => readdir(dir, { recursive: true }).then((names) => names.filter((n) => n.endsWith('.ts')).map((n) => join(dir, n)), () => [])),
    )
  ).flat();
  const hash = createHash('sha256');
  for (const file of [...sources.sort(), 'src/content.config.ts', join(CONTENT_DIR, SITE_FILE)]) {
    hash.update(file).update(await readFile(file).catch(() => new Uint8Array()));
  }
  const digest = hash.digest('hex');
  const stamp = join(ASTRO_CACHE_DIR, 'gongkai-schema-digest');
  if ((await readFile(stamp, 'utf8').catch(() => '')) === digest) return;
  for (const store of STORES) await rm(join(store, 'data-store.json'), { force: true });
  await mkdir(ASTRO_CACHE_DIR, { recursive: true });
  await writeFile(stamp, digest);
}
