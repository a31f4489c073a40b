// Every published version of every project and department table, from git. A version is a
// commit that changed what a reader sees of the table (table-diff.ts): a commit that changes only
// comments, quoting or key order, or only renames the file, is not a new version. A table is
// followed by what it is (year, unit, 项目编码 or 网址标识), not by its file name, so a renamed file
// keeps its history and a deleted one is recorded as withdrawn (撤回) with its last version.
//
// Git is read in one pass per build: one `git log` lists every change of every content file, one
// `git cat-file --batch` reads every version's text. build.ts reads it before Astro starts and
// hands it to the pages (sharedHistory), so no page runs git. Dates are commit dates, never the
// time of the build, so two builds of one commit are byte-identical.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { astroCacheDirOf, classifyContentPath } from '../site/content-layout.ts';
import { chinaDay } from '../site/git-dates.ts';
import { strictJson } from '../site/strict-json.ts';
import { isRecord, tableChanges } from './table-diff.ts';

export type TableKind = 'project' | 'department';

export interface TableVersion {
  /** Permalink segment, the commit's date in China (`2024-03-01`, `2024-03-01-2` for a second that day); '' for changes not yet committed. */
  slug: string;
  /** Commit date (ISO 8601), or the file's modification time for changes not yet committed. */
  date: string;
  /** Full commit hash; '' when not committed. */
  commit: string;
  /** Why the table changed, as citizens read it (reasonOf): '' when the commit gives no public reason. */
  reason: string;
  /** The file, relative to the content folder, as it was named in this version. */
  file: string;
  /** The YAML exactly as committed. */
  text: string;
  /** The parsed YAML mapping. */
  raw: Record<string, unknown>;
  /** What changed from the version before ([] for the first). */
  changes: string[];
}

export interface Withdrawal {
  date: string;
  commit: string;
  reason: string;
}

export interface TableHistory {
  kind: TableKind;
  /** `2023/483001/13022923P00JXC415564L` (project) or `2023/483001` (department). */
  id: string;
  year: number;
  unit: string;
  /** 项目编码 or 网址标识 (projects). */
  key?: string;
  /** Oldest first. */
  versions: TableVersion[];
  /** Set when the table is no longer in the content: when and why it was removed. */
  withdrawn?: Withdrawal;
}

export interface ContentHistory {
  tables: Map<string, TableHistory>;
  /** Whether git history was read at all (false outside a repository). */
  available: boolean;
  /** A shallow clone: versions before its first commit are missing. */
  shallow: boolean;
}

/** What a reader is told when the record is incomplete, and the command that makes it complete. */
export const UNSHALLOW_COMMAND = 'git fetch --unshallow';

export const projectHistoryId = (year: number, unit: string, key: string) => `${year}/${unit}/${key}`;
export const departmentHistoryId = (year: number, unit: string) => `${year}/${unit}`;


/** Which table a version is, from its own fields (as the validator reads them); undefined if it names none. */
function identify(kind: TableKind, raw: unknown): Pick<TableHistory, 'id' | 'year' | 'unit' | 'key'> | undefined {
  if (!isRecord(raw)) return undefined;
  const year = Number(raw['年度']);
  const unit = raw['单位编码'] === undefined ? '' : String(raw['单位编码']);
  if (!Number.isInteger(year) || unit === '') return undefined;
  if (kind === 'department') return { id: departmentHistoryId(year, unit), year, unit };
  const key = raw['项目编码'] ?? raw['网址标识'];
  if (key === undefined || key === null || String(key) === '') return undefined;
  return { id: projectHistoryId(year, unit, String(key)), year, unit, key: String(key) };
}

/** Whether a version's own year and unit are its folder's, and its key can be an address. */
function inItsFolder(relativePath: string, who: Pick<TableHistory, 'year' | 'unit' | 'key'>): boolean {
  const place = classifyContentPath(relativePath);
  if (!place || !('year' in place) || place.year !== who.year || place.unit !== who.unit) return false;
  return who.key === undefined || /^[0-9A-Za-z][0-9A-Za-z-]*$/.test(who.key);
}

function kindOf(relativePath: string): TableKind | undefined {
  const kind = classifyContentPath(relativePath)?.kind;
  return kind === 'project' || kind === 'department' ? kind : undefined;
}

function git(cwd: string, args: string[], input?: string): Buffer | undefined {
  try {
    return execFileSync('git', ['-C', cwd, '-c', 'core.quotePath=false', ...args], { maxBuffer: 4 * 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'ignore'], ...(input === undefined ? {} : { input }) });
  } catch {
    return undefined;
  }
}

interface Commit {
  hash: string;
  date: string;
  reason: string;
  /** [status, path, renamed to] with the new blob. */
  changes: { status: string; path: string; to?: string; blob: string }[];
}

/** The history of a repository could not be read although it is one: the build stops rather than publish an empty record. */
export class HistoryError extends Error {}
function mustGit(cwd: string, args: string[], input?: string): Buffer {
  const out = git(cwd, args, input);
  if (out === undefined) {
    throw new HistoryError(`无法读取 git 历史（git ${args[0]} 失败）：修订记录需要 git 2.31 或更新的版本，并且内容文件夹要在仓库里。请运行 git --version 检查，或在完整的仓库中重新生成。`);
  }
  return out;
}

/** A path as git prints it: C-quoted ("…" with \t, \", \\ and octal bytes) when it has unusual characters. */
export function unquotePath(path: string): string {
  if (!(path.startsWith('"') && path.endsWith('"') && path.length >= 2)) return path;
  const bytes: number[] = [];
  const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const inner = Buffer.from(path.slice(1, -1), 'utf8');
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] !== 92) {
      bytes.push(inner[i]!);
      continue;
    }
    const next = String.fromCharCode(inner[i + 1] ?? 0);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.subarray(i + 1, i + 4).toString('latin1'), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? inner[i + 1]!);
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The trailer that gives citizens the reason for a change, whatever else the commit changed. */
export const PUBLIC_REASON_TRAILER = '公开说明';

/**
 * The commit message as the reason citizens read. A `公开说明:` trailer is the reason whenever it
 * is there. Otherwise the message is the reason only for a commit that changed content alone:
 * a commit that also changed code or tests was written for developers (often in English), and
 * citizens see no reason for it rather than that. Trailers that say who signed or helped
 * (Signed-off-by: name <email>, Co-authored-by: …) are for the repository, not for readers.
 */
export function reasonOf(message: string, contentOnly = true): string {
  const paragraphs = message.trim().split(/\n\s*\n/);
  const last = paragraphs.at(-1) ?? '';
  const TRAILER = new RegExp(`^(?:[A-Za-z][\\w-]*: \\S|${PUBLIC_REASON_TRAILER}[:：])`);
  const trailers = paragraphs.length > 1 && last.split('\n').every((line) => TRAILER.test(line));
  const stated = trailers ? last.split('\n').find((line) => line.startsWith(PUBLIC_REASON_TRAILER)) : undefined;
  if (stated) return stated.slice(PUBLIC_REASON_TRAILER.length + 1).trim();
  return contentOnly ? (trailers ? paragraphs.slice(0, -1) : paragraphs).join('\n\n').trim() : '';
}

/** `git log --raw` of the content folder along the published branch, oldest commit first. */
function readLog(top: string, folder: string): Commit[] {
  // NUL-separated header (hash, date, message) before each commit's raw change lines. Only the
  // published branch counts (--first-parent): a commit of a side branch was published when it was
  // merged, so a merge is compared with its first parent, dated by the merge, and the side
  // branch's drafts are not versions.
  const out = mustGit(top, ['log', '--first-parent', '--reverse', '--raw', '--no-abbrev', '-M', '--diff-merges=first-parent', '--format=%x00%H%x00%cI%x00%B%x00', '--', folder]).toString('utf8');
  // The commits of the same branch that also changed something outside the content folder.
  const beyond = folder === '.' ? new Set<string>() : new Set(mustGit(top, ['log', '--first-parent', '--diff-merges=first-parent', '--format=%H', '--', '.', `:(exclude)${folder}`]).toString('utf8').split('\n'));
  const parts = out.split('\0');
  const commits: Commit[] = [];
  for (let i = 1; i + 2 < parts.length; i += 4) {
    const [hash, date, body, raw] = [parts[i]!, parts[i + 1]!, parts[i + 2]!, parts[i + 3] ?? ''];
    const changes: Commit['changes'] = [];
    for (const line of raw.split('\n')) {
      const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z]\d*)\t([^\t]+)(?:\t([^\t]+))?$/.exec(line);
      if (m) changes.push({ blob: m[1]!, status: m[2]![0]!, path: unquotePath(m[3]!), ...(m[4] ? { to: unquotePath(m[4]) } : {}) });
    }
    commits.push({ hash, date, reason: reasonOf(body, !beyond.has(hash)), changes });
  }
  return commits;
}

/** Every blob's text, in one `git cat-file --batch`. */
function readBlobs(top: string, blobs: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (blobs.length === 0) return texts;
  const out = mustGit(top, ['cat-file', '--batch'], blobs.join('\n') + '\n');
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf(0x0a, at);
    if (end < 0) break;
    const [sha, type, size] = out.subarray(at, end).toString('utf8').split(' ');
    if (type !== 'blob') {
      at = end + 1;
      continue;
    }
    const length = Number(size);
    texts.set(sha!, out.subarray(end + 1, end + 1 + length).toString('utf8'));
    at = end + 1 + length + 1;
  }
  return texts;
}


function parseYaml(text: string): Record<string, unknown> | undefined {
  try {
    const raw = parse(text) as unknown;
    return isRecord(raw) ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What JSON keeps exactly (strictJson: no NaN or ±Infinity): only such mappings are cached. YAML's
 * core schema, which `parse` uses, makes no dates, so nothing else can change on the way.
 */
function jsonExact(value: unknown): boolean {
  try {
    strictJson(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parsing the YAML of every version is most of the history's cost (2.7 of 2.9 s for 300 tables
 * with 10 versions each, measured with --cpu-prof), and a published version never changes: each
 * text's mapping is kept between builds in a JSON file beside Astro's cache, keyed by the text's
 * SHA-256. Only entries used by this build are written back, so the file never grows with old
 * texts. A missing or damaged file means parsing everything, never a different result.
 */
class ParsedTexts {
  private readonly before = new Map<string, Record<string, unknown> | null>();
  private readonly used = new Map<string, Record<string, unknown> | null>();
  constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (isRecord(cached) && cached.version === PARSED_VERSION && isRecord(cached.entries)) {
        for (const [key, raw] of Object.entries(cached.entries)) if (raw === null || isRecord(raw)) this.before.set(key, raw);
      }
    } catch {
      // No cache yet, or one that cannot be read: everything is parsed.
    }
  }
  /** A text already parsed elsewhere (the validator's): used, and kept for the next build. */
  seed(text: string, raw: unknown): void {
    const key = createHash('sha256').update(text).digest('hex');
    const value = isRecord(raw) ? raw : null;
    if (this.before.has(key)) this.used.set(key, this.before.get(key)!);
    else if (value === null || jsonExact(value)) this.used.set(key, value);
  }
  get(text: string): Record<string, unknown> | undefined {
    const key = createHash('sha256').update(text).digest('hex');
    const hit = this.before.get(key) ?? this.used.get(key);
    if (hit !== undefined) {
      this.used.set(key, hit);
      return hit ?? undefined;
    }
    const raw = parseYaml(text);
    if (raw === undefined || jsonExact(raw)) this.used.set(key, raw ?? null);
    return raw;
  }
  save(): void {
    if (!this.file) return;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temp, JSON.stringify({ version: PARSED_VERSION, entries: Object.fromEntries(this.used) }));
      renameSync(temp, this.file);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
/** The format of the cache and the YAML parser that filled it: another version of either starts afresh. */
const PARSED_VERSION = `gongkai history 1, yaml ${yamlVersion()}`;
function yamlVersion(): string {
  try {
    return String((JSON.parse(readFileSync(createRequire(import.meta.url).resolve('yaml/package.json'), 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
}

/**
 * The content's tables in the working tree: file (relative to the content folder) → kind and
 * mapping; a file the validator has read (`known`, by real path) is not read again.
 */
function workingTree(contentDir: string, parsed: ParsedTexts, known: ReadonlyMap<string, { text: string }>): { file: string; kind: TableKind; raw: Record<string, unknown> | undefined; absolute: string; text: string }[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((absolute) => ({ absolute, file: relative(contentDir, absolute).split('\\').join('/') }))
    .flatMap(({ absolute, file }) => {
      const kind = kindOf(file);
      if (!kind) return [];
      const text = known.get(absolute)?.text ?? readFileSync(absolute, 'utf8');
      return [{ file, kind, absolute, text, raw: parsed.get(text) }];
    })
    .sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * Reads the history of every table of a content folder (see the top of this file). `parsedCache`
 * is the file of ParsedTexts; `parsedTexts` are the current files the validator has read and parsed.
 */
export function readHistory(contentDir: string, options: { parsedCache?: string; parsedTexts?: readonly { file: string; text: string; raw: unknown }[] } = {}): ContentHistory {
  // The real path: through a symlink, the folder relative to the repository would lead outside it.
  const content = existsSync(contentDir) ? realpathSync(contentDir) : resolve(contentDir);
  const parsed = new ParsedTexts(options.parsedCache);
  // The validator has just read and parsed every current file: the newest committed version of a
  // table is nearly always the same text, so most of the history needs no parsing at all.
  const known = new Map((options.parsedTexts ?? []).map((f) => [realpathSync(f.file), f]));
  for (const { text, raw } of known.values()) parsed.seed(text, raw);
  const tables = new Map<string, TableHistory>();
  const top = git(content, ['rev-parse', '--show-toplevel'])?.toString('utf8').trim();
  const available = top !== undefined && top !== '';
  const shallow = available && git(top, ['rev-parse', '--is-shallow-repository'])?.toString('utf8').trim() === 'true';
  const historyOf = (kind: TableKind, who: NonNullable<ReturnType<typeof identify>>) =>
    tables.get(who.id) ?? tables.set(who.id, { kind, ...who, versions: [] }).get(who.id)!;
  const addVersion = (table: TableHistory, version: Omit<TableVersion, 'changes' | 'slug'>) => {
    const last = table.versions.at(-1);
    const changes = last ? tableChanges(last.raw, version.raw) : [];
    // A change of form only (or a rename): the published table is the same.
    if (last && changes.length === 0) return;
    table.versions.push({ ...version, slug: '', changes });
  };

  if (available) {
    const folder = relative(realpathSync(top), content).split(sep).join('/') || '.';
    const commits = readLog(top, folder);
    const inContent = (path: string) => (folder === '.' ? path : path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined);
    const blobs = readBlobs(top, [...new Set(commits.flatMap((c) => c.changes.filter((ch) => ch.status !== 'D').map((ch) => ch.blob)))]);
    // Which table each file holds at this point of history, and the files that hold each table.
    const holding = new Map<string, string>();
    const holders = new Map<string, Set<string>>();
    const release = (path: string) => {
      const id = holding.get(path);
      if (id === undefined) return undefined;
      holding.delete(path);
      holders.get(id)?.delete(path);
      return id;
    };
    for (const commit of commits) {
      const released = new Set<string>();
      for (const change of commit.changes) {
        const path = change.status === 'D' ? undefined : inContent(change.to ?? change.path);
        const kind = path === undefined ? undefined : kindOf(path);
        const text = blobs.get(change.blob);
        const raw = text === undefined ? undefined : parsed.get(text);
        const who = kind && identify(kind, raw);
        // A version the validator would have refused (unreadable YAML, a year or unit that
        // disagrees with its folder, a code that is no address) was never published: it is not a
        // version, and an edit that made one leaves the table on its file.
        const valid = path !== undefined && kind !== undefined && who !== undefined && raw !== undefined && text !== undefined && inItsFolder(path, who);
        // A copy leaves its source in place; a rename, a deletion or a valid edit takes the table off the old path.
        const from = change.status === 'C' || (change.status === 'M' && !valid) ? undefined : inContent(change.path);
        if (from !== undefined) {
          const id = release(from);
          if (id !== undefined) released.add(id);
        }
        if (!valid) continue;
        holding.set(path, who.id);
        holders.set(who.id, (holders.get(who.id) ?? new Set()).add(path));
        const table = historyOf(kind, who);
        delete table.withdrawn;
        addVersion(table, { date: commit.date, commit: commit.hash, reason: commit.reason, file: path, text, raw });
      }
      for (const id of released) {
        const table = tables.get(id);
        if (table && (holders.get(id)?.size ?? 0) === 0) table.withdrawn = { date: commit.date, commit: commit.hash, reason: commit.reason };
      }
    }
  }

  // The working tree decides what is published now: a change not yet committed is the current
  // version (dated by the file), a table whose file is gone without a commit is withdrawn.
  const present = new Set<string>();
  for (const { file, kind, raw, absolute, text } of workingTree(content, parsed, known)) {
    const who = identify(kind, raw);
    if (!who || !raw) continue;
    present.add(who.id);
    const table = historyOf(kind, who);
    delete table.withdrawn;
    addVersion(table, { date: statSync(absolute).mtime.toISOString(), commit: '', reason: '', file, text, raw });
  }
  for (const table of tables.values()) {
    if (!present.has(table.id) && !table.withdrawn) {
      const last = table.versions.at(-1)!;
      table.withdrawn = { date: last.date, commit: '', reason: '' };
    }
    // Permalinks: the commit's day, numbered within a day.
    const seen = new Map<string, number>();
    for (const version of table.versions) {
      if (!version.commit) continue;
      const day = chinaDay(version.date);
      const n = (seen.get(day) ?? 0) + 1;
      seen.set(day, n);
      version.slug = n === 1 ? day : `${day}-${n}`;
    }
  }
  parsed.save();
  return { tables, available, shallow };
}

/** Where build.ts and the dev server keep the parsed versions of a content folder (beside Astro's cache of it). */
export const parsedCacheOf = (contentDir: string) => join(astroCacheDirOf(contentDir), 'gongkai-history-parsed.json');

/** The versions with a permalink (committed), oldest first. */
export const publishedVersions = (table: TableHistory) => table.versions.filter((v) => v.commit !== '');

/** The version shown as current: the last one (committed or not). */
export const currentVersion = (table: TableHistory) => table.versions.at(-1);

// build.ts reads the history (and the budget files' first commits) once and leaves them here for the
// pages: Astro's build bundles this module again, so a module variable would not be shared, but the
// process's global object is. `npm run dev` has no build.ts: there the first page to ask reads it, once.
type WithShared = typeof globalThis & { [key: symbol]: { contentDir: string; value: unknown } | undefined };
const slot = (name: string) => Symbol.for(`gongkai.${name}`);
function share(name: string, contentDir: string, value: unknown): void {
  (globalThis as WithShared)[slot(name)] = { contentDir: resolve(contentDir), value };
}
function shared<T>(name: string, contentDir: string, read: () => T): T {
  const held = (globalThis as WithShared)[slot(name)];
  if (held && held.contentDir === resolve(contentDir)) return held.value as T;
  const value = read();
  share(name, contentDir, value);
  return value;
}

/** Called by build.ts before Astro renders. */
export const shareHistory = (contentDir: string, history: ContentHistory) => share('history', contentDir, history);

/** The history of the content folder: the one build.ts read, or (npm run dev) read now, once. */
export const sharedHistory = (contentDir: string): ContentHistory => shared('history', contentDir, () => readHistory(contentDir, { parsedCache: parsedCacheOf(contentDir) }));

/** Called by build.ts before Astro renders, when some unit has budget files (the 公开情况 pages read it). */
export const shareFirstCommitted = (contentDir: string, dates: ReadonlyMap<string, string>) => share('firstCommitted', contentDir, dates);

/** When each file was first committed (firstCommitted): the dates build.ts read, or (npm run dev) read now, once. */
export const sharedFirstCommitted = (contentDir: string): ReadonlyMap<string, string> => shared('firstCommitted', contentDir, () => firstCommitted(contentDir));

/**
 * When each file of a content folder was first committed (its first publication), by absolute path:
 * one `git log` of additions, oldest kept. A file not committed is absent; so is everything when the
 * folder is in no repository. A shallow clone knows only its own commits: the date is then too late,
 * which the 公开情况 report says (UNSHALLOW_COMMAND).
 */
export function firstCommitted(contentDir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(contentDir)) return out;
  const top = git(contentDir, ['rev-parse', '--show-toplevel'])?.toString().trim();
  if (!top) return out;
  const log = git(top, ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--diff-filter=A', '--', realpathSync(contentDir)])?.toString() ?? '';
  let date = '';
  // Newest first: the last date seen for a path is its first addition.
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) date = line.slice(1);
    else if (line) out.set(resolve(top, unquotePath(line)), date);
  }
  return out;
}

/** Whether the repository holding a folder is a shallow clone (its first commits are missing). */
export const isShallow = (contentDir: string) => git(contentDir, ['rev-parse', '--is-shallow-repository'])?.toString().trim() === 'true';
