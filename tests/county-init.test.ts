// A new county end to end (issue 24): `npm run init` into an empty folder, a real table of the
// corpus imported into it (tests/fixtures/published/, as tests/published-targets.test.ts imports
// it), the site built as the county's workflow builds it — the tool fetched at the version
// gongkai.env pins, `npm run build` with the workflow's own GONGKAI_CONTENT and GONGKAI_OUT, the
// content in the county's own git repository outside the tool's — and the site checked: the
// county's name, its dates and history from its own repository, no trace of the bundled unit.
// The workflows of every forge parse as YAML and name only npm scripts that exist.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNTY_CONTENT, FORGE_NAMES, FORGES, TOOL_FOLDER, TOOL_PIN_FILE, type Forge } from '../src/lib/commands/county-repo.ts';
import { ROOT, runCli, toolEnv } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-county-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = '蒙城县预算绩效目标公开';
const PUBLISHER = '蒙城县财政局';
/** A table of the corpus that imports cleanly with only --unit (tests/published-targets.test.ts CASES). */
const TABLE = join(ROOT, 'tests/fixtures/published/ah-mengcheng-2024-project.xlsx');
const UNIT = '999001 蒙城县卫生健康委员会';
const TOOL_VERSION = execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
/** The county's commits get fixed dates, so that the site's dates can be checked against them. */
const COMMITTED = '2025-03-02T10:00:00+08:00';
const gitIn = (repo: string, args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=测试', '-c', 'user.email=test@example.com', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: COMMITTED, GIT_COMMITTER_DATE: COMMITTED },
  });

const init = (folder: string, forge: Forge, extra: string[] = []) =>
  runCli('init', [folder, '--name', TITLE, '--publisher', PUBLISHER, '--phone', '0558-1234567', '--layout', '申报表', '--year', '2024', '--forge', forge, '--tool-url', ROOT, '--tool-version', TOOL_VERSION, ...extra]);

/** Every shell line a workflow runs: GitHub/Gitea steps' `run`, GitLab jobs' `script`. */
function workflowCommands(doc: Record<string, unknown>): string[] {
  const jobs = (doc.jobs ?? Object.fromEntries(Object.entries(doc).filter(([, v]) => v && typeof v === 'object' && 'script' in (v as object)))) as Record<string, { steps?: { run?: string }[]; script?: string[] }>;
  return Object.values(jobs).flatMap((job) => [...(job.steps ?? []).flatMap((s) => (s.run ? s.run.split('\n') : [])), ...(job.script ?? [])]).filter((l) => l.trim() !== '');
}

/** `npm <command>` and `npm run <script>` in a text (a workflow's lines, a README). */
function npmCommandsIn(text: string): { commands: string[]; scripts: string[] } {
  const commands = [...text.matchAll(/\bnpm (\w+)/g)].map((m) => m[1]!);
  const scripts = [...text.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!);
  return { commands, scripts };
}
const SCRIPTS = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('npm run init', () => {
  it('refuses a folder that is not empty, in Chinese, writing nothing', () => {
    const folder = join(dir, 'taken');
    execFileSync('mkdir', ['-p', folder]);
    writeFileSync(join(folder, '别人的文件.txt'), '已有内容');
    const result = init(folder, 'gitea');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('不是空的');
    expect(readdirSync(folder)).toEqual(['别人的文件.txt']);
  });

  it('asks for what it cannot default when no one is at the keyboard', () => {
    const result = runCli('init', [join(dir, 'nameless'), '--forge', 'gitea', '--tool-url', ROOT]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--publisher');
    expect(existsSync(join(dir, 'nameless'))).toBe(false);
  });

  it('asks at the keyboard for each setting not given, offering defaults', async () => {
    const folder = join(dir, 'asked');
    // A terminal for the command (util-linux `script` gives it one); each answer is typed when
    // its question has appeared, so nothing depends on how fast the command starts.
    const answers: [string, string][] = [
      ['主办单位', '蒙城县财政局'],
      ['网站名称', ''],
      ['联系电话', '0558-1234567'],
      ['通信地址', ''],
      ['电子邮箱', ''],
      ['表样', '申报表'],
      ['指标体系', ''],
      ['网站地址', ''],
      ['基础路径', '/yusuan/'],
      ['第一个年度', '2024'],
      ['代码托管平台', 'gitlab'],
      ['工具的 git 地址', ROOT],
      ['工具的版本', TOOL_VERSION],
    ];
    const child = spawn('script', ['-qec', `"${process.execPath}" --import tsx src/cli/init.ts "${folder}"`, '/dev/null'], { cwd: ROOT, env: toolEnv() });
    let output = '';
    let from = 0;
    let asked = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const pending = output.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
      const next = answers[asked];
      // The next question is on the screen and waits for its answer (a question ends with ：).
      if (next && pending.includes(next[0]) && /：\s*$/.test(pending)) {
        from = output.length;
        asked++;
        child.stdin.write(`${next[1]}\n`);
      }
    });
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code, output).toBe(0);
    expect(asked).toBe(answers.length);
    const site = readFileSync(join(folder, COUNTY_CONTENT, 'site.yaml'), 'utf8');
    expect(site).toContain('网站名称: 蒙城县财政局预算绩效目标公开');
    expect(site).toContain('基础路径: /yusuan/');
    expect(existsSync(join(folder, FORGES.gitlab.file))).toBe(true);
  });

  it.each(FORGE_NAMES)('writes a %s workflow that parses and names only commands that exist', (forge) => {
    const folder = join(dir, `forge-${forge}`);
    const result = init(folder, forge);
    expect(result.status, result.stderr).toBe(0);
    const doc = parse(readFileSync(join(folder, FORGES[forge].file), 'utf8')) as Record<string, unknown>;
    const lines = workflowCommands(doc);
    const { commands, scripts } = npmCommandsIn(lines.join('\n'));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(['ci', 'run'], command).toContain(command);
    expect(scripts).toContain('build');
    for (const script of scripts) expect(SCRIPTS, `npm run ${script}`).toContain(script);
    // The full history (the 修订记录 need it) and the tool at the pinned version.
    expect(JSON.stringify(doc)).toMatch(forge === 'gitlab' ? /"GIT_DEPTH":0/ : /"fetch-depth":0/);
    expect(lines.join('\n')).toContain('"$GONGKAI_VERSION"');
    // The staff README names only commands the tool has.
    for (const script of npmCommandsIn(readFileSync(join(folder, 'README.md'), 'utf8')).scripts) expect(SCRIPTS, `README: npm run ${script}`).toContain(script);
  });
});

describe('a new county, end to end', () => {
  const county = join(dir, 'mengcheng');
  const content = join(county, COUNTY_CONTENT);
  const out = join(county, 'dist');

  it('starts a repository with only the county’s content, settings, workflow and README, committed', () => {
    const result = init(county, 'gitea');
    expect(result.status, result.stderr).toBe(0);
    const files = gitIn(county, ['ls-files']).trim().split('\n').sort();
    expect(files).toEqual([FORGES.gitea.file, '.gitignore', 'README.md', `${COUNTY_CONTENT}/2024/.gitkeep`, `${COUNTY_CONTENT}/about.md`, `${COUNTY_CONTENT}/site.yaml`, TOOL_PIN_FILE].sort());
    expect(gitIn(county, ['log', '--format=%s']).trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(county, TOOL_PIN_FILE), 'utf8')).toContain(`GONGKAI_VERSION=${TOOL_VERSION}`);
    const about = readFileSync(join(content, 'about.md'), 'utf8');
    expect(about).toContain('## 名词解释');
    expect(about).toContain('### 财政资金');
    expect(about).not.toMatch(/林南仓|483001/);
    // What it wrote passes the same checks as any content.
    expect(runCli('validate', [content]).status).toBe(0);
  });

  it('fetches the tool at the version gongkai.env pins, with the workflow’s own lines', () => {
    const doc = parse(readFileSync(join(county, FORGES.gitea.file), 'utf8')) as { jobs: { site: { steps: { name?: string; run?: string }[] } } };
    const fetchStep = doc.jobs.site.steps.find((s) => s.run?.includes('git init'))!;
    // $GITHUB_ENV is the runner's; everything else runs as the workflow runs it.
    execFileSync('sh', ['-e', '-c', fetchStep.run!], { cwd: county, env: { ...process.env, GITHUB_ENV: join(dir, 'github-env') } });
    expect(execFileSync('git', ['-C', join(county, TOOL_FOLDER), 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()).toBe(TOOL_VERSION);
    expect(existsSync(join(county, TOOL_FOLDER, 'package-lock.json'))).toBe(true);
    // Ignored by the county's repository: nothing of the tool is committed there.
    expect(gitIn(county, ['status', '--porcelain'])).toBe('');
    rmSync(join(county, TOOL_FOLDER), { recursive: true, force: true });
  });

  it('imports a real table of the corpus into the county', () => {
    const result = runCli('import', [TABLE, '--unit', UNIT], { GONGKAI_CONTENT: content });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(content, '2024', '999001', 'projects'))).toHaveLength(1);
    gitIn(county, ['add', '-A']);
    gitIn(county, ['commit', '-q', '-m', '导入蒙城县卫生健康委员会的项目绩效目标表']);
  });

  it('builds the county’s site as its workflow does: its name, its history, no trace of the bundled unit', async () => {
    const doc = parse(readFileSync(join(county, FORGES.gitea.file), 'utf8')) as { jobs: { site: { steps: { run?: string; env?: Record<string, string>; 'working-directory'?: string }[] } } };
    const build = doc.jobs.site.steps.find((s) => s.run === 'npm run build')!;
    expect(build['working-directory']).toBe(TOOL_FOLDER);
    const env = Object.fromEntries(Object.entries(build.env!).map(([k, v]) => [k, v.replace('${{ github.workspace }}', county)]));
    expect(env).toEqual({ GONGKAI_CONTENT: content, GONGKAI_OUT: out });
    // The tool at the pinned version is this checkout (the previous test fetched exactly it); its
    // installed node_modules stand in for the workflow's `npm ci`.
    const result = runCli('build', [], env);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout + result.stderr).not.toContain('警告');

    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain(TITLE);
    expect(home).toContain(PUBLISHER);
    const projects = readdirSync(join(out, '2024', '999001', 'projects'));
    expect(projects.length).toBeGreaterThan(0);
    const project = readFileSync(join(out, '2024', '999001', 'projects', projects.find((p) => statSync(join(out, '2024', '999001', 'projects', p)).isDirectory())!, 'index.html'), 'utf8');
    expect(project).toContain('国家基本公共卫生服务项目');
    // Dates from the county's own repository (not the tool's, not the files' times).
    expect(project).toContain(`datetime="${COMMITTED}"`);
    expect(existsSync(join(out, 'content', 'README.md'))).toBe(false);

    // Every file of the site, the spreadsheets' zipped sheets too.
    const BUNDLED = /林南仓|483001/;
    const traces: string[] = [];
    const walk = async (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (BUNDLED.test(entry.name) || BUNDLED.test(readFileSync(path).toString('utf8'))) traces.push(path);
        else if (entry.name.endsWith('.xlsx')) {
          const zip = await JSZip.loadAsync(readFileSync(path));
          for (const file of Object.values(zip.files)) if (!file.dir && BUNDLED.test(await file.async('string'))) traces.push(`${path}:${file.name}`);
        }
      }
    };
    await walk(out);
    expect(traces).toEqual([]);
  }, 240_000);
});
