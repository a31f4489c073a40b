// The documentation's links work: every relative link in README.md, CHANGELOG.md, docs/**/*.md and
// src/lib/*/README.md names a file or folder that exists, and every #anchor into a Markdown file
// (or within the same file) names one of its headings, slugged as GitHub slugs them. Links in code
// spans and fenced code blocks are not links. Also: every citation of a docs section in the code
// and the tests — “(docs/领域.md, “其余环节：执行监控和绩效自评”)” — names a heading of that file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** What the checker may ask of a tree of files: whether a path is a file or a folder, and a file's text. */
interface Tree {
  kind(path: string): 'file' | 'folder' | undefined;
  read(path: string): string;
}

const disk: Tree = {
  kind: (path) => (existsSync(path) ? (statSync(path).isDirectory() ? 'folder' : 'file') : undefined),
  read: (path) => readFileSync(path, 'utf8'),
};

/** A tree held in memory (paths relative to `/`), for the checker's own tests. */
function memoryTree(files: Record<string, string>): Tree {
  const all = new Map(Object.entries(files).map(([path, text]) => [join('/', path), text]));
  return {
    kind: (path) => (all.has(path) ? 'file' : [...all.keys()].some((f) => f.startsWith(path.endsWith('/') ? path : `${path}/`)) ? 'folder' : undefined),
    read: (path) => all.get(path) ?? '',
  };
}

/**
 * GitHub's anchor for a heading (github-slugger): the heading's text lowercased, every character
 * that is not alphabetic, a mark, a decimal digit, a connector (`_`), a space or `-` dropped, and
 * each space made `-`. CJK characters are alphabetic and stay; full-width punctuation (：、（）“”) goes.
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text of a heading as rendered: inline code, emphasis, links and HTML reduced to their text. */
function headingText(source: string): string {
  return source
    .replace(/\s+#+\s*$/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(`+)(.*?)\1/g, '$2')
    .replace(/\*+/g, '')
    .trim();
}

/** The lines of a Markdown text that are not inside a fenced code block, with their line numbers. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === undefined && marker !== undefined) fence = marker;
    else if (fence !== undefined) {
      // A fence closes with the same character, at least as long, and nothing after it.
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = undefined;
    } else lines.push({ line: index + 1, text });
  });
  return lines;
}

/** The headings of a Markdown text (ATX headings outside code blocks), in order. */
export function headingsOf(markdown: string): string[] {
  return proseLines(markdown).flatMap(({ text }) => {
    const m = /^ {0,3}#{1,6}[ \t]+(.*)$/.exec(text);
    return m ? [headingText(m[1]!)] : [];
  });
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats get -1, -2 … as on GitHub) and HTML ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const heading of headingsOf(markdown)) {
    const slug = githubSlug(heading);
    let unique = slug;
    while (seen.has(unique)) {
      const n = seen.get(slug)! + 1;
      seen.set(slug, n);
      unique = `${slug}-${n}`;
    }
    seen.set(unique, 0);
    anchors.add(unique);
  }
  for (const m of markdown.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  return anchors;
}

/** The link targets of a Markdown text with their lines: inline links, images and reference definitions, not code. */
export function linksOf(markdown: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  for (const { line, text } of proseLines(markdown)) {
    const prose = text.replace(/(`+).*?\1/g, (code) => ' '.repeat(code.length));
    for (const m of prose.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
      links.push({ line, target: m[1]!.replace(/^<(.*)>$/, '$1') });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(prose);
    if (definition) links.push({ line, target: definition[1]!.replace(/^<(.*)>$/, '$1') });
  }
  return links;
}

/** What is wrong with each relative link of one Markdown file (`file` is a path in `tree`); empty when all resolve. */
export function brokenLinks(file: string, tree: Tree, root: string): string[] {
  const text = tree.read(file);
  const problems: string[] = [];
  const where = (line: number, target: string) => `${relative(root, file)}:${line} → ${target}`;
  for (const { line, target } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto: …
    const hash = target.indexOf('#');
    const [rawPath, rawAnchor] = hash === -1 ? [target, undefined] : [target.slice(0, hash), target.slice(hash + 1)];
    let path: string;
    let anchor: string | undefined;
    try {
      path = decodeURIComponent(rawPath);
      anchor = rawAnchor === undefined ? undefined : decodeURIComponent(rawAnchor);
    } catch {
      problems.push(`${where(line, target)}: not a valid percent-encoded address`);
      continue;
    }
    const resolved = path === '' ? file : path.startsWith('/') ? join(root, path) : join(dirname(file), path);
    const kind = tree.kind(resolved);
    if (kind === undefined) {
      problems.push(`${where(line, target)}: no such file or folder (${relative(root, resolved)})`);
      continue;
    }
    if (anchor === undefined || anchor === '' || kind !== 'file' || !/\.md$/i.test(resolved)) continue;
    if (!anchorsOf(tree.read(resolved)).has(anchor)) {
      problems.push(`${where(line, target)}: no heading of ${relative(root, resolved)} has the anchor #${anchor}`);
    }
  }
  return problems;
}

/** The Markdown files whose links are checked: README.md, CHANGELOG.md, docs/**, src/lib/<folder>/README.md. */
function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
  const lib = readdirSync(join(ROOT, 'src/lib'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(ROOT, 'src/lib', e.name, 'README.md'))
    .filter((f) => existsSync(f));
  return [join(ROOT, 'README.md'), join(ROOT, 'CHANGELOG.md'), ...docs.sort(), ...lib.sort()];
}

/** Every citation of a docs section in the code and the tests (the file, a comma, the heading in “”), with where it stands. */
function citations(): { at: string; doc: string; section: string }[] {
  const files = ['src', 'tests'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mts|mjs|astro|css)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name)),
  );
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => [...text.matchAll(/docs\/([^\s,，“”()（）'"`]+\.md),\s*“([^”]+)”/g)].map((m) => ({ at: `${relative(ROOT, file)}:${i + 1}`, doc: `docs/${m[1]}`, section: m[2]! }))),
  );
}

describe('GitHub heading anchors', () => {
  // Expected values checked against github-slugger 2.0.0, the slugger GitHub's anchors follow.
  it.each([
    ['Lighthouse 分数', 'lighthouse-分数'],
    ['其余环节：执行监控和绩效自评', '其余环节执行监控和绩效自评'],
    ['二之一、我们省的表不是这个样子：其他地区的表样', '二之一我们省的表不是这个样子其他地区的表样'],
    ['公示海报（打印张贴）', '公示海报打印张贴'],
    ['下载文件在 Astro 之外写出', '下载文件在-astro-之外写出'],
    ['基准测试：npm run bench', '基准测试npm-run-bench'],
    ['“引号”与《书名》〔2018〕34号 ≥ 90% · A/B', '引号与书名201834号--90--ab'],
    ['Hello, World!', 'hello-world'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
    ['x² Ⅳ ①', 'x-ⅳ-'],
  ])('%s → #%s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('reads a heading as rendered: code, links and emphasis give their text', () => {
    expect(headingsOf('## 一个省：按县并行构建（`npm run province`）\n### **粗体** 与 [链接](x.md) ##')).toEqual(['一个省：按县并行构建（npm run province）', '粗体 与 链接']);
    expect(githubSlug(headingsOf('## 一个省：按县并行构建（`npm run province`）')[0]!)).toBe('一个省按县并行构建npm-run-province');
  });

  it('numbers repeated headings as GitHub does, and skips headings in fenced code', () => {
    const anchors = anchorsOf('# 测试\n## 测试\n```sh\n# 测试 (a shell comment)\n```\n### 测试\n<a id="自定义"></a>');
    expect([...anchors]).toEqual(['测试', '测试-1', '测试-2', '自定义']);
  });
});

describe('the link checker', () => {
  const tree = memoryTree({
    'README.md': [
      '# 标题',
      '[在](docs/a.md) [不在](docs/nope.md) [锚点在](docs/a.md#第一节说明) [锚点不在](docs/a.md#没有这一节)',
      '[文件夹](src/) [网页](https://example.com/x) [邮件](mailto:a@example.com) [本页](#标题) [本页没有](#没有)',
      '![图](docs/poster.png) [编码的](docs/%E9%A2%86%E5%9F%9F.md) [代码里的不是链接](`x`) `[也不是](gone.md)`',
      '```md',
      '[围栏里的不是链接](fenced.md)',
      '```',
      '[ref]: docs/missing-ref.md',
    ].join('\n'),
    'docs/a.md': '# A\n\n## 第一节：说明\n\n[上一层](../README.md#标题) [同层](./b.md)',
    'docs/领域.md': '# 领域',
    'src/lib/x.ts': '',
  });

  it('reports exactly the missing files and anchors, and nothing in code', () => {
    expect(brokenLinks('/README.md', tree, '/')).toEqual([
      'README.md:2 → docs/nope.md: no such file or folder (docs/nope.md)',
      'README.md:2 → docs/a.md#没有这一节: no heading of docs/a.md has the anchor #没有这一节',
      'README.md:3 → #没有: no heading of README.md has the anchor #没有',
      'README.md:4 → docs/poster.png: no such file or folder (docs/poster.png)',
      'README.md:8 → docs/missing-ref.md: no such file or folder (docs/missing-ref.md)',
    ]);
    expect(brokenLinks('/docs/a.md', tree, '/')).toEqual(['docs/a.md:5 → ./b.md: no such file or folder (docs/b.md)']);
  });

  it('finds the links of a text, leaving out code spans and fences', () => {
    expect(linksOf('a [x](y.md "title") `[c](d.md)` <https://e.example>\n~~~\n[f](g.md)\n~~~\n[h](<i j.md>)').map((l) => l.target)).toEqual(['y.md', 'i j.md']);
  });
});

describe('the documentation', () => {
  const files = markdownFiles();

  it('has the files whose links are checked', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['README.md', 'docs/领域.md', 'docs/网站.md', 'docs/开发.md', 'docs/性能.md', 'docs/编辑指南.md', 'docs/多站点.md', 'src/lib/reading/README.md']));
    // The checker is looking at real links, not an empty list.
    expect(files.reduce((n, f) => n + linksOf(readFileSync(f, 'utf8')).length, 0)).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s: every relative link resolves', (_, file) => {
    expect(brokenLinks(file, disk, ROOT)).toEqual([]);
  });

  it('names only sections that exist where the code and the tests cite docs/', () => {
    const found = citations();
    expect(found.filter((c) => c.doc === 'docs/领域.md').length).toBeGreaterThanOrEqual(6);
    const wrong = found.filter(({ doc, section }) => !existsSync(join(ROOT, doc)) || !headingsOf(readFileSync(join(ROOT, doc), 'utf8')).includes(section));
    expect(wrong).toEqual([]);
  });

  it('cites no DOMAIN.md: the domain notes are docs/领域.md', () => {
    const stale = ['src', 'tests'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name !== 'doc-links.test.ts' && /\.(ts|mts|mjs|astro)$/.test(e.name))
        .filter((e) => readFileSync(join(e.parentPath, e.name), 'utf8').includes('DOMAIN.md'))
        .map((e) => relative(ROOT, join(e.parentPath, e.name))),
    );
    expect(stale).toEqual([]);
  });
});
