// The arrangement of the code, as src/lib/<folder>/README.md declares it: no import circle between
// files or folders, each folder imports only what its README's "May import:" line names, and
// nothing under src/ imports the tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';
import { circles, folderGraph, folderOf, importGraph, sourceFiles } from './structure.ts';

const graph = importGraph(ROOT, [...sourceFiles(ROOT, 'src'), 'astro.config.mjs']);
const LIB_FOLDERS = readdirSync(join(ROOT, 'src/lib'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** The folders a folder's README allows it to import, or undefined when the README is missing. */
function allowed(folder: string): string[] | undefined {
  const readme = join(ROOT, 'src/lib', folder, 'README.md');
  if (!existsSync(readme)) return undefined;
  const line = /^May import: (.*)$/m.exec(readFileSync(readme, 'utf8'))?.[1] ?? '';
  return line === 'nothing of ours' ? [] : line.split(/,\s*/);
}

describe('the structure of src/', () => {
  it('has no file outside a concern folder in src/lib', () => {
    expect(readdirSync(join(ROOT, 'src/lib')).filter((f) => !LIB_FOLDERS.includes(f))).toEqual([]);
  });

  it('has no import circle between files, type imports included', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('has no circle between folders (src/schema and each src/lib folder)', () => {
    expect(circles(folderGraph(graph))).toEqual([]);
  });

  it.each(LIB_FOLDERS)('src/lib/%s imports only what its README allows', (folder) => {
    const may = allowed(folder);
    expect(may, `src/lib/${folder}/README.md with a "May import:" line`).toBeDefined();
    const wrong = [...graph]
      .filter(([file]) => folderOf(file) === `lib/${folder}`)
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('src/') && folderOf(t) !== `lib/${folder}` && !may!.includes(folderOf(t))).map((t) => `${file} → ${t}`));
    expect(wrong).toEqual([]);
  });

  it('never imports test code from src/ (the commands’ helpers live in src/lib/commands)', () => {
    const intoTests = [...graph].flatMap(([file, targets]) => targets.filter((t) => t.startsWith('tests/')).map((t) => `${file} → ${t}`));
    expect(intoTests).toEqual([]);
  });

  it('finds a circle and an import of tests when there is one (the check itself works)', () => {
    const made = new Map([
      ['src/lib/a/x.ts', ['src/lib/b/y.ts']],
      ['src/lib/b/y.ts', ['src/lib/a/x.ts', 'tests/helpers.ts']],
    ]);
    expect(circles(made)).toEqual([['src/lib/a/x.ts', 'src/lib/b/y.ts']]);
    expect(circles(folderGraph(made))).toEqual([['lib/a', 'lib/b']]);
  });
});
