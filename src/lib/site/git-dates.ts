// The date each content file last changed, from git history (one `git log` for all files), or
// the file's modification time when it is not committed or there is no git. Shown on every page
// so that every change of a disclosure is dated.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { CONTENT_DIR } from './content-layout.ts';

let committed: Map<string, string> | undefined;
let dirty: Set<string> | undefined;

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function load() {
  committed = new Map();
  dirty = new Set();
  // The repository that holds the content, which need not be the tool's: a county keeps its
  // content in its own repository (npm run init) and builds it with GONGKAI_CONTENT.
  const top = git(['-C', CONTENT_DIR, 'rev-parse', '--show-toplevel'])?.trim();
  if (!top) return;
  // Newest commit first: the first date seen for a file is its last change.
  const log = git(['-C', top, 'log', '--format=%x00%cI', '--name-only', '--no-renames', '--', '.']) ?? '';
  let date = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) date = line.slice(1);
    else if (line && !committed.has(resolve(top, line))) committed.set(resolve(top, line), date);
  }
  for (const line of (git(['-C', top, 'status', '--porcelain', '--untracked-files=all']) ?? '').split('\n')) {
    if (line.length > 3) dirty.add(resolve(top, line.slice(3)));
  }
}

/** ISO date-time of the last change of a file. */
export function lastChanged(file: string): string {
  if (!committed) load();
  const path = resolve(file);
  const date = committed!.get(path);
  if (date && !dirty!.has(path)) return date;
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    throw new Error(`无法读取 ${relative(process.cwd(), path)} 的修改时间`);
  }
}

/** The latest change among several files (a page built from several files). */
export function lastChangedOf(files: string[]): string {
  return files.map(lastChanged).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b), '1970-01-01T00:00:00Z');
}

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2026-11-25`: the day in China Standard Time (a version's permalink, history.ts). */
export const chinaDay = (iso: string) => CHINA_DATE.format(new Date(iso));

const CHINA_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `2026-11-25 09:30`: the minute in China Standard Time (the 政府网站 metadata's PubDate, page-meta.ts). */
export const chinaMinute = (iso: string) => `${chinaDay(iso)} ${CHINA_TIME.format(new Date(iso))}`;

/** `2026年11月25日` in China Standard Time, as readers expect it. */
export function formatDate(iso: string): string {
  const [y, m, d] = chinaDay(iso).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
