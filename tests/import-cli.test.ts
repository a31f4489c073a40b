import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentText, ROOT, runCli } from './helpers.ts';

const SOURCE = join(ROOT, 'content/2023/483001/source/000_450f3943667c7c22.txt');
const UNIT = '2023/483001';

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(dir.length)] = path.endsWith('.yaml') ? contentText(path) : readFileSync(path, 'utf8');
    }
  }
  return out;
}

describe('npm run import', () => {
  it('writes exactly the committed content, and the same files when run twice', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    writeFileSync(join(out, 'site.yaml'), readFileSync(join(ROOT, 'content/site.yaml')));
    const first = runCli('import', [SOURCE, '--content', out]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const once = filesOf(join(out, UNIT));
    expect(runCli('import', [SOURCE, '--content', out]).status).toBe(0);
    expect(filesOf(join(out, UNIT))).toEqual(once);
    expect(once).toEqual(filesOf(join(ROOT, 'content', UNIT)));
    expect(Object.keys(once).filter((f) => f.includes('/projects/'))).toHaveLength(14);
  });

  it('fails naming the line of a cell it cannot place, and writes nothing', () => {
    const lines = readFileSync(SOURCE, 'utf8').split('\n');
    // Line 57 is an empty layout cell beside the project code of the first table.
    expect(lines[56]).toBe('\t');
    lines[56] = '\t备注：此格不应有字';
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-'));
    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, lines.join('\n'));
    const out = join(dir, 'content');
    const result = runCli('import', [broken, '--content', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${broken}:57`);
    expect(result.stderr).toContain('备注：此格不应有字');
    expect(result.stderr).toContain('无法放置');
    expect(existsSync(out)).toBe(false);
  });

  it('fails on text outside any table cell and on an unknown heading', () => {
    const lines = readFileSync(SOURCE, 'utf8').split('\n');
    lines.splice(185, 0, '这一行不在任何单元格里');
    lines.splice(1, 0, '[bookmark: _Toc_x]四、其他说明');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-'));
    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, lines.join('\n'));
    const result = runCli('import', [broken, '--content', join(dir, 'content')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.txt:2 .*四、其他说明/);
    expect(result.stderr).toMatch(/broken\.txt:187 .*这一行不在任何单元格里/);
  });

  it('explains its usage when the file is missing or unreadable', () => {
    const none = runCli('import', []);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('用法');
    const missing = runCli('import', ['no-such-file.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('无法读取');
  });
});
