// Two builds of the same content are byte-identical, so that an auditor can rebuild the site from
// the repository and verify that what is published matches it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.ts';
import { sitesUnderTest } from './sites.ts';

function digests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

describe('deterministic output', () => {
  it('builds the same content twice into byte-identical sites (pages, downloads, search index)', () => {
    const root = sitesUnderTest().find((s) => s.name === 'root')!;
    const again = join(ROOT, '.test-dist', 'root-again');
    rmSync(again, { recursive: true, force: true });
    // Every page rendered again: the first build may have reused pages (page-reuse.ts), this one may not.
    const build = runCli('build', [], { GONGKAI_OUT: again, GONGKAI_CONTENT: join(ROOT, 'content'), GONGKAI_NO_PAGE_CACHE: '1' });
    expect(build.status, build.stderr).toBe(0);
    const first = digests(root.distDir);
    const second = digests(again);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
    expect(differing).toEqual([]);
    expect(Object.keys(first).some((f) => f.endsWith('.xlsx'))).toBe(true);
    expect(Object.keys(first).some((f) => f.startsWith('pagefind/'))).toBe(true);
  }, 120_000);
});
