// A copy of the project to build in (npm run bench, npm run province): Astro keeps intermediate
// files in the project's .astro/ folder, so two builds in one folder at once break each other.
// Only what `npm run build` reads is copied; node_modules is shared through a symlink.
import { cp, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';

/** What `npm run build` reads from the project, copied; node_modules linked. */
export async function copyProject(repo: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // package-lock.json is part of the download cache's code version (output-cache.ts): without it
  // the copy would build with no cache at all.
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    await cp(join(repo, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
