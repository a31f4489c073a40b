// The local editor's server (npm run edit), on 127.0.0.1 only: Decap CMS from node_modules, its
// configuration, and our own implementation of Decap's local proxy API (the actions decap-server's
// file-system middleware answers), so that saving goes through the save hook (save.ts), the
// validator and publish.ts instead of writing Decap's serialisation over the file.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, parse, parseDocument, stringify } from 'yaml';
import { validateContent } from '../check/validate.ts';
import type { ContentProblem } from '../check/problems.ts';
import { madeUrlKey, projectFileName, projectFilesIn } from '../import/project-file.ts';
import { projectYaml, resultYaml, departmentYaml } from '../import/write-yaml.ts';
import { classifyContentPath } from '../site/content-layout.ts';
import { loadSiteConfig } from '../site/site-config.ts';
import { projectLayout, layoutNamed } from '../../schema/table-layouts.ts';
import { ABOUT_FILE, adminPage, contentPlaces } from './admin-page.ts';
import { cmsConfig, kindForms, projectFormFor, projectLayoutForms, type FormKind, type KindForm } from './cms-config.ts';
import { formMisfit } from './form-fit.ts';
import { applyForm, readDecapEntry } from './save.ts';
import { commitFile, commitMessage, inGitRepo, publishedText } from './publish.ts';

const DECAP_DIST = dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
const ADMIN_SCRIPT = fileURLToPath(new URL('./admin.js', import.meta.url));

/** Decap's page runs code it builds at run time (`new Function`): 'unsafe-eval', on this page only. */
export const ADMIN_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; base-uri 'self'; form-action 'none'";
const PAGE_CSP = "default-src 'none'";

export interface EditServer {
  url: string;
  close(): Promise<void>;
}

export interface EditOptions {
  /** The repository (the folder whose content/ is edited); paths Decap sees are relative to it. */
  root: string;
  /** The content folder, relative to root. */
  content?: string;
  port?: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

class Refusal extends Error {}

export async function startEditServer(options: EditOptions): Promise<EditServer> {
  const root = resolve(options.root);
  const contentRoot = (options.content ?? 'content').split(sep).join('/');
  const contentDir = join(root, contentRoot);
  const site = loadSiteConfig(contentDir);
  const forms = kindForms(site.indicatorFramework);
  const layouts = projectLayoutForms(forms.project);
  /** The form of a file of a kind; a project's is its 表样's (`data` is the file, or a new file as the form sends it). */
  const formOf = (kind: FormKind, data: unknown): KindForm =>
    kind === 'project' ? projectFormFor(layouts, (data as Record<string, unknown> | null)?.['表样'], site.layout) : forms[kind];
  const git = inGitRepo(root);
  /** A new table Decap named by its slug, and the file the save hook gave it (`NN-<项目编码>.yaml`). */
  const renamed = new Map<string, string>();
  let origin = '';

  /** The repository-relative path of a content file Decap names, refused outside the content folder. */
  function contentPath(path: unknown): { rel: string; kind: FormKind } {
    if (typeof path !== 'string') throw new Refusal('缺少文件路径');
    const rel = renamed.get(path) ?? path;
    const absolute = resolve(root, rel);
    const inContent = relative(contentDir, absolute).split(sep).join('/');
    if (inContent.startsWith('..') || resolve(contentDir, inContent) !== absolute) throw new Refusal(`只能编辑 ${contentRoot}/ 里的文件：${path}`);
    if (inContent === ABOUT_FILE) return { rel: relative(root, absolute).split(sep).join('/'), kind: 'about' };
    const kind = classifyContentPath(inContent)?.kind;
    if (!kind) throw new Refusal(`${path} 不是网站的内容文件`);
    // 部门预算/决算 files are grids of cells as printed: no form for them (yet); import or edit them as text.
    if (kind === 'budget') throw new Refusal(`${path} 是部门预算（决算）的表格，表单里不能编辑：请用 npm run import 导入，或用文本编辑器照原件改`);
    return { rel: relative(root, absolute).split(sep).join('/'), kind };
  }

  /** An entry as Decap's proxy backend reads it, with what our page script needs beside it. */
  function entryOf(path: string, label?: string) {
    const { rel, kind } = contentPath(path);
    const absolute = join(root, rel);
    if (!existsSync(absolute)) return { data: null, file: { path, label, id: null } };
    const text = readFileSync(absolute, 'utf8');
    const published = git && publishedText(root, rel) !== undefined;
    let refused: string | undefined;
    let data: unknown;
    if (kind !== 'about') {
      try {
        data = parse(text);
        refused = formMisfit(formOf(kind, data).fields, data);
      } catch (e) {
        refused = `文件的 YAML 写法有错（${(e as Error).message.split('\n')[0]}）`;
      }
    }
    // A file the form cannot show is not handed to the form (it would crash or drop the field);
    // the page script shows why, and a save of it is refused.
    return { data: refused ? '' : kind === 'project' ? withSiteLayout(text, data) : text, file: { path, label, id: sha256(text), published, ...(refused ? { refused: `${refused}。表单无法显示这个文件，它不会被改动；请用文本编辑器按 npm run validate 的提示改正后再打开` } : {}) } };
  }

  /**
   * A project file as Decap is given it: one naming no 表样 (or one that does not exist) with the
   * site's, so that Decap's filter (a field's value) lists it in the site's 表样's collection. The
   * site's form has no 表样 field, so a save never writes it (the file keeps what it had).
   */
  function withSiteLayout(text: string, data: unknown): string {
    const own = (data as Record<string, unknown> | null)?.['表样'];
    if (typeof own === 'string' && layouts[own]) return text;
    const doc = parseDocument(text);
    if (!isMap(doc.contents)) return text;
    doc.set('表样', site.layout);
    return doc.toString({ lineWidth: 0 });
  }

  function listFolder(folder: string, extension: string): ReturnType<typeof entryOf>[] {
    const { rel } = contentPath(`${folder}/x.${extension}`);
    const dir = dirname(join(root, rel));
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith(`.${extension}`) && statSync(join(dir, f)).isFile()).sort().map((f) => entryOf(`${folder}/${f}`));
  }

  /** The text of a new file, written as the commands write one (npm run new, the importers). */
  function newFileText(kind: FormKind, data: Record<string, unknown>): string {
    if (kind === 'project') return projectYaml(data as never);
    if (kind === 'department') return departmentYaml(data as never);
    if (kind === 'monitoring' || kind === 'evaluation') return resultYaml(kind, data);
    return stringify(data, { lineWidth: 0 });
  }

  /** A new project gets its file name and, without 项目编码, its 网址标识 the way npm run new and the importers give them. */
  async function placeNewProject(rel: string, data: Record<string, unknown>): Promise<string> {
    const dir = dirname(join(root, rel));
    const year = Number(data['年度']);
    const unit = String(data['单位编码'] ?? '');
    if (data['项目编码'] === undefined && data['网址标识'] === undefined && typeof data['项目名称'] === 'string') {
      // Made as npm run new makes it, from the prefix of the file's own 表样.
      const layout = projectLayout({ layout: typeof data['表样'] === 'string' ? data['表样'] : undefined }, layoutNamed(site.layout)!);
      data['网址标识'] = madeUrlKey(layout.urlPrefix, year, unit, data['项目名称']);
    }
    const key = String(data['项目编码'] ?? data['网址标识'] ?? 'new-project');
    return relative(root, join(dir, projectFileName(await projectFilesIn(dir), key))).split(sep).join('/');
  }

  async function persist(params: Record<string, any>) {
    const dataFile = (params['dataFiles'] ?? [params['entry']])[0] as { path: string; raw: string } | undefined;
    if (!dataFile) throw new Refusal('没有收到要保存的内容');
    let { rel, kind } = contentPath(dataFile.path);
    const absolute = join(root, rel);
    const original = existsSync(absolute) ? await readFile(absolute, 'utf8') : undefined;
    const submitted = readDecapEntry(dataFile.raw, kind === 'about');
    // An existing file keeps the form of its own 表样 (what it names, not what the form sends).
    let form: KindForm;
    try {
      form = formOf(kind, original === undefined ? submitted : parse(original));
    } catch {
      form = formOf(kind, submitted); // applyForm refuses a file that does not parse
    }
    let created: Record<string, unknown> | undefined;
    const result = applyForm(form, original, submitted, (data) => {
      created = data;
      return ''; // written below, once the new file's name is known
    }, kind === 'about');
    if (!result.ok) throw new Refusal(result.message);
    let text = result.text;
    if (created) {
      if (kind === 'project') {
        rel = await placeNewProject(rel, created);
        renamed.set(dataFile.path, rel);
      }
      text = newFileText(kind, created);
    }
    if (!result.changed) return { message: '没有改动，文件保持原样', problems: [], file: rel };
    const published = git ? publishedText(root, rel) : undefined;
    const reason = typeof params['reason'] === 'string' ? params['reason'].trim() : '';
    if (published !== undefined && reason === '') throw new Refusal('这张表已经公开：保存修改要写修改原因（会显示在网站的修订记录里）');
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), text);
    const problems = await problemsOf(rel);
    if (problems.length > 0) return { message: `已保存到 ${rel}，但检查发现 ${problems.length} 个问题，改正之前不会发布`, problems, file: rel };
    if (!git) return { message: `已保存到 ${rel}，检查通过（这个文件夹不在 git 仓库里，没有发布）`, problems, file: rel };
    if (published === text) return { message: `已保存到 ${rel}：内容与已公开的版本相同，不需要再发布`, problems, file: rel };
    const before = published === undefined ? undefined : kind === 'about' ? { 正文: published } : parse(published);
    const after = kind === 'about' ? { 正文: text } : parse(text);
    const name = (after as Record<string, unknown> | null)?.['项目名称'];
    const why = reason || `新增${form.label}${typeof name === 'string' ? `“${name}”` : ''}`;
    try {
      const commit = commitFile(root, rel, commitMessage(why, before, after));
      return { message: `已保存并发布（提交 ${commit.slice(0, 7)}）：${rel}`, problems, file: rel, commit };
    } catch (e) {
      return { message: `已保存到 ${rel}，检查通过，但提交失败：${String((e as { stderr?: unknown }).stderr ?? (e as Error).message).trim()}`, problems, file: rel };
    }
  }

  /** The validator's problems of one file (it checks the whole folder: links across files count). */
  async function problemsOf(rel: string): Promise<ContentProblem[]> {
    const result = await validateContent(contentDir, root);
    return result.problems.filter((p) => resolve(root, p.file) === join(root, rel));
  }

  async function api(body: Record<string, any>): Promise<unknown> {
    const params = (body['params'] ?? {}) as Record<string, any>;
    switch (body['action']) {
      case 'info':
        return { repo: contentRoot, publish_modes: ['simple'], type: 'local_fs' };
      case 'entriesByFolder':
        return listFolder(String(params['folder']), String(params['extension'] ?? 'yaml'));
      case 'entriesByFiles':
        return (params['files'] as { path: string; label?: string }[]).map((f) => entryOf(f.path, f.label));
      case 'getEntry':
        return entryOf(params['path']);
      case 'persistEntry':
        return persist(params);
      case 'getMedia':
        return [];
      case 'getDeployPreview':
        return null;
      case 'deleteFile':
      case 'deleteFiles':
        throw new Refusal('编辑器不删除文件。撤回一个项目请按编辑指南“修改已经公开的表”删除文件并写明原因后提交');
      case 'persistMedia':
        throw new Refusal('编辑器不上传图片：图片请放进 public/ 文件夹');
      default:
        throw new Refusal(`编辑器不支持这个操作：${String(body['action'])}`);
    }
  }

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Content-Security-Policy': PAGE_CSP, ...headers });
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Only this machine's pages may talk to the editor: the Host a browser sends must be ours
    // (a page elsewhere cannot reach it through a name that resolves here), and so must the Origin of a save.
    const host = req.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) return send(res, 403, 'text/plain; charset=utf-8', '只接受本机的访问');
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'POST' && url.pathname === '/api/v1') {
      const from = req.headers.origin;
      if (from !== undefined && from !== origin && from !== `http://${host}`) return send(res, 403, 'application/json', JSON.stringify({ error: '只接受本机编辑页面的请求' }));
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        const result = await api(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
      } catch (e) {
        const refused = e instanceof Refusal;
        if (!refused) console.error(e);
        return send(res, refused ? 422 : 500, 'application/json; charset=utf-8', JSON.stringify({ error: refused ? e.message : `保存时出错：${(e as Error).message}` }));
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '不支持的请求');
    if (url.pathname === '/') return send(res, 302, 'text/plain; charset=utf-8', '', { Location: '/admin/' });
    if (url.pathname === '/admin/' || url.pathname === '/admin/index.html') return send(res, 200, 'text/html; charset=utf-8', adminPage(site.title), { 'Content-Security-Policy': ADMIN_CSP });
    if (url.pathname === '/admin/config.yml') {
      const config = cmsConfig(forms, contentPlaces(contentDir), { name: 'proxy', proxy_url: `${origin}/api/v1`, branch: 'main' }, { site: site.layout, filterSite: true }, contentRoot);
      return send(res, 200, 'text/yaml; charset=utf-8', stringify(config, { lineWidth: 0 }));
    }
    if (url.pathname === '/admin/admin.js') return send(res, 200, 'text/javascript; charset=utf-8', await readFile(ADMIN_SCRIPT));
    const asset = /^\/admin\/([\w.-]+\.(js|css|wasm))$/.exec(url.pathname);
    if (asset && !asset[1]!.startsWith('.') && existsSync(join(DECAP_DIST, asset[1]!))) {
      const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm' };
      return send(res, 200, types[extname(asset[1]!)]!, await readFile(join(DECAP_DIST, asset[1]!)), { 'Cache-Control': 'max-age=3600' });
    }
    return send(res, 404, 'text/plain; charset=utf-8', '没有这个网址');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '出错了');
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/admin/`, close: () => new Promise((done) => server.close(() => done())) };
}
