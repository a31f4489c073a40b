// The browser editor end to end (npm run edit in headless Chromium, every request outside
// 127.0.0.1 aborted), on a temporary git copy of content/: a published table changed through the
// form and saved with a 修改原因 becomes a commit of exactly that file whose diff is exactly the
// changed values, which the checker passes and the rebuilt site's 修订记录 shows; a project created
// through the form builds into a page; a money sum that does not add up is shown in the editor and
// the file kept unpublished; a cleared field is left out (never ""); a wrongly typed file is
// refused with a message and never overwritten; a file of another 表样 opens in that 表样's form,
// listed in its collection alone, where a new file is of that 表样. Also: the forms are generated and up to date.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli, toolEnv } from './helpers.ts';
import { launchBrowser } from '../src/lib/commands/chromium.ts';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const PROJECTS = 'content/2023/483001/projects';
const TABLE = `${PROJECTS}/02-13022923P00JXC4155606.yaml`;
const COLLECTION = '#/collections/projects-2023-483001';
/** The collection of the unit's tables in 四川's 表样 (the site's is 河北's), once a file names it. */
const SICHUAN_COLLECTION = '#/collections/projects-2023-483001-sc';
const SICHUAN_FILE = `${PROJECTS}/16-sc-4e5f6a7b.yaml`;
/** A made-up table in 四川's 表样 (names and numbers invented for this test, as in tests/fixtures/layouts/samples.ts). */
const SICHUAN_TEXT = `表样: 四川
单位编码: "483001"
单位名称: 玉田县林南仓镇人民政府本级
年度: 2023
网址标识: sc-4e5f6a7b
项目名称: 动物防疫补助经费
预算数: "35000.50"
年度目标: 完成春秋两季重大动物疫病集中免疫。
绩效指标:
  - { 一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 免疫畜禽数量, 指标性质: ≥, 指标值: "50", 度量单位: 万头（只）, 权重: "30", 指标方向性: 正向指标 }
  - { 一级指标: 效益指标, 二级指标: 社会效益指标, 三级指标: 重大动物疫情发生次数, 指标性质: "=", 指标值: "0", 度量单位: 次, 权重: "30", 指标方向性: 反向指标 }
`;

let repo: string;
let editor: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
const outside: string[] = [];
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'gongkai-edit-'));
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', '财政所');
  git('config', 'user.email', 'czs@example.gov.cn');
  git('add', '-A');
  git('commit', '-qm', '公开2023年部门预算绩效目标');
  editor = spawn(process.execPath, [TSX, join(ROOT, 'src/cli/edit.ts'), '--port', '0'], { cwd: repo, env: toolEnv() });
  url = await new Promise<string>((done, fail) => {
    let out = '';
    editor.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+\/admin\//.exec(out);
      if (m) done(m[0]);
    });
    editor.on('exit', (code) => fail(new Error(`npm run edit exited with ${code}: ${out}`)));
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/*', (route) => {
    const address = new URL(route.request().url());
    if (address.hostname === '127.0.0.1') return route.continue();
    outside.push(address.href);
    return route.abort();
  });
  await page.goto(url);
  await page.getByRole('button', { name: '登录' }).click();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  editor?.kill();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const field = (name: string) => page.locator(`[id^="${name}-field"]`);
/** Fills the form's fields in order (the last of each, where a list has added one). */
const fill = async (values: Record<string, string>) => {
  for (const [name, value] of Object.entries(values)) await field(name).last().fill(value);
};
/** Picks an option of a select field (the last of its name). */
const choose = async (name: string, option: string) => {
  await field(name).last().click();
  await page.getByRole('option', { name: option, exact: true }).click();
};
async function open(entry: string) {
  await page.goto(`${url}${COLLECTION}/entries/${entry}`);
  await field('项目名称').waitFor();
}
async function publish() {
  // The last save's panel goes first, so that a wait for the next one never reads the last.
  await page.evaluate(() => document.querySelector('.gk-panel')?.remove());
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
}
const panel = () => page.locator('.gk-panel');
/** Types into a field until it holds the text (Decap's text input keeps its cursor across its own re-renders after a save). */
async function setText(name: string, text: string) {
  await expect.poll(async () => {
    await field(name).fill(text);
    return field(name).inputValue();
  }).toBe(text);
}

describe('npm run edit', () => {
  it('prints its address on 127.0.0.1 and serves Decap with nothing from outside; the admin page alone allows eval', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin\/$/);
    const admin = await fetch(url);
    expect(admin.headers.get('content-security-policy')).toContain("'unsafe-eval'");
    expect((await fetch(new URL('config.yml', url))).headers.get('content-security-policy')).not.toContain('unsafe-eval');
    await page.getByRole('link', { name: /项目绩效目标表（2023 年/ }).first().waitFor();
    expect(outside).toEqual([]);
  });

  it('changes a published table through the form: the commit holds that file alone, its diff is the changed values, with the reason', async () => {
    await open('02-13022923P00JXC4155606');
    await field('预算数').fill('45000.00');
    await field('财政资金').fill('45000.00');
    await field('指标值').first().fill('2个');
    await publish();
    const dialog = page.getByRole('dialog', { name: '修改原因' });
    await dialog.getByLabel('修改原因').fill('按追加预算批复更正预算数和数量指标');
    await dialog.getByRole('button', { name: '保存并发布' }).click();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toContain('已保存并发布');

    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(TABLE);
    const diff = git('show', '--format=', '-U0', 'HEAD').split('\n').filter((l) => /^[-+](?![-+])/.test(l));
    expect(diff).toEqual(['-预算数: "40000.00"', '-财政资金: "40000.00"', '+预算数: "45000.00"', '+财政资金: "45000.00"', '-    指标值: 1个', '+    指标值: 2个']);
    const message = git('log', '-1', '--format=%B');
    expect(message.split('\n')[0]).toBe('按追加预算批复更正预算数和数量指标');
    expect(message).toContain('预算数 由 40,000.00 元 改为 45,000.00 元');
    expect(message.trim().split('\n').at(-1)).toBe('公开说明: 按追加预算批复更正预算数和数量指标');
    expect(runCli('validate', [join(repo, 'content')]).status).toBe(0);
    expect(git('status', '--porcelain', '--', 'content')).toBe('');
    expect(outside).toEqual([]);
  }, 120_000);

  it('creates a project through the form, named the way npm run new names it, which builds into a page with the change on the other page’s 修订记录', async () => {
    await page.goto(`${url}${COLLECTION}/new`);
    await fill({ 单位编码: '483001', 单位名称: '玉田县林南仓镇人民政府本级', 年度: '2023', 项目编码: '13022923P00JXC9999999', 项目名称: '村级道路维修', 预算数: '12000.50', 财政资金: '12000.50', 资金用途: '维修村级道路' });
    await page.getByRole('button', { name: '新增资金支出计划' }).click();
    await fill({ 月份: '12', 累计比例: '100' });
    await page.getByRole('button', { name: '新增绩效目标' }).click();
    await field('绩效目标').last().fill('1.完成村级道路维修');
    await page.getByRole('button', { name: '新增绩效指标' }).click();
    await choose('一级指标', '产出指标');
    await choose('二级指标', '数量指标');
    await fill({ 三级指标: '维修道路长度', 指标值: '≥2公里' });
    await publish();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toContain('已保存并发布');
    const made = readdirSync(join(repo, PROJECTS)).filter((f) => f.includes('9999999'));
    expect(made).toEqual(['15-13022923P00JXC9999999.yaml']);
    const text = readFileSync(join(repo, PROJECTS, made[0]!), 'utf8');
    expect(text).toContain('预算数: "12000.50"');
    expect(text).not.toContain('""');
    // Made in the site's 表样's form: it names none.
    expect(parse(text).表样).toBeUndefined();
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(`${PROJECTS}/${made[0]}`);

    const out = join(repo, 'dist');
    const build = runCli('build', [], { GONGKAI_CONTENT: join(repo, 'content'), GONGKAI_OUT: out, GONGKAI_NO_PAGE_CACHE: '1' });
    expect(build.status, build.stderr).toBe(0);
    const page15 = readFileSync(join(out, '2023/483001/projects/13022923P00JXC9999999/index.html'), 'utf8');
    expect(page15).toContain('村级道路维修');
    const changed = readFileSync(join(out, '2023/483001/projects/13022923P00JXC4155606/index.html'), 'utf8');
    expect(changed).toContain('按追加预算批复更正预算数和数量指标');
    expect(changed).toContain('预算数 由 40,000.00 元 改为 45,000.00 元');
  }, 300_000);

  it('shows a sum that does not add up at its field and keeps the file unpublished; a cleared field is left out, never ""', async () => {
    const file = join(repo, PROJECTS, '15-13022923P00JXC9999999.yaml');
    await open('15-13022923P00JXC9999999');
    await field('财政资金').fill('10000.00');
    await field('其他资金').fill('1000.00');
    await publish();
    const dialog = page.getByRole('dialog', { name: '修改原因' });
    await dialog.getByLabel('修改原因').fill('更正资金来源');
    await dialog.getByRole('button', { name: '保存并发布' }).click();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toContain('改正之前不会发布');
    // At the field the sum is about (预算数), under its input and hint.
    const atField = () => page.evaluate(() => getComputedStyle(document.querySelector('[id^="预算数-field"] ~ p')!, '::after').content);
    await expect.poll(atField).toContain('财政资金 + 其他资金 = 11,000.00 元，与预算数 12,000.50 元不相等');
    expect(readFileSync(file, 'utf8')).toContain('其他资金: "1000.00"');
    expect(git('status', '--porcelain', '--', 'content').trim()).toBe(`M ${PROJECTS}/15-13022923P00JXC9999999.yaml`);

    await setText('其他资金', '');
    await setText('财政资金', '12000.50');
    await setText('资金用途', '维修村级道路和桥梁');
    await field('原文标题').fill('村级道路维修绩效目标表');
    await setText('原文标题', '');
    await publish();
    await page.getByRole('dialog', { name: '修改原因' }).getByLabel('修改原因').fill('删去误填的其他资金');
    await page.getByRole('dialog', { name: '修改原因' }).getByRole('button', { name: '保存并发布' }).click();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toMatch(/已保存|问题/);
    expect(await panel().textContent()).toContain('已保存并发布');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('其他资金');
    expect(text).not.toContain('原文标题');
    expect(text).not.toContain('""');
    expect(parse(text)).toMatchObject({ 财政资金: '12000.50', 资金用途: '维修村级道路和桥梁' });
  }, 120_000);

  it('opens a file of another 表样 in that 表样’s form, lists it there alone, and makes new files of that 表样 there', async () => {
    writeFileSync(join(repo, SICHUAN_FILE), SICHUAN_TEXT);
    git('add', SICHUAN_FILE);
    git('commit', '-qm', '公开动物防疫补助经费');
    // The 河北 form has the plan and 绩效目标; the 四川 one has its 年度目标 and 指标方向性 instead.
    await open('02-13022923P00JXC4155606');
    expect(await page.getByRole('button', { name: '新增资金支出计划' }).count()).toBe(1);
    expect(await field('年度目标').count()).toBe(0);
    // A fresh page: the configuration gains the 四川 collection now that a file names it.
    await page.goto(url);
    await page.reload();
    await page.getByRole('link', { name: /四川表样/ }).waitFor();
    await page.goto(`${url}${SICHUAN_COLLECTION}/entries/16-sc-4e5f6a7b`);
    await field('年度目标').waitFor();
    expect(await field('指标方向性').count()).toBe(2);
    expect(await field('项目编码').count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增资金支出计划' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增绩效目标' }).count()).toBe(0);
    await field('年度目标').fill('完成春秋两季重大动物疫病集中免疫，免疫密度保持在 90% 以上。');
    await publish();
    const dialog = page.getByRole('dialog', { name: '修改原因' });
    await dialog.getByLabel('修改原因').fill('补全年度目标');
    await dialog.getByRole('button', { name: '保存并发布' }).click();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toContain('已保存并发布');
    expect(git('show', '--format=', '-U0', 'HEAD').split('\n').filter((l) => /^[-+](?![-+])/.test(l))).toEqual(['-年度目标: 完成春秋两季重大动物疫病集中免疫。', '+年度目标: 完成春秋两季重大动物疫病集中免疫，免疫密度保持在 90% 以上。']);

    // Each collection lists the files of its 表样 only.
    await page.goto(`${url}${SICHUAN_COLLECTION}`);
    await page.getByText('动物防疫补助经费').first().waitFor();
    expect(await page.getByText('2022年人饮井更新').count()).toBe(0);
    await page.goto(`${url}${COLLECTION}`);
    await page.getByText('2022年人饮井更新').first().waitFor();
    expect(await page.getByText('动物防疫补助经费').count()).toBe(0);

    await page.goto(`${url}${SICHUAN_COLLECTION}/new`);
    await fill({ 单位编码: '483001', 单位名称: '玉田县林南仓镇人民政府本级', 年度: '2023', 项目名称: '生猪防疫补助', 预算数: '8000.00', 年度目标: '完成生猪集中免疫' });
    await page.getByRole('button', { name: '新增绩效指标' }).click();
    await choose('一级指标', '产出指标');
    await choose('二级指标', '数量指标');
    await fill({ 三级指标: '免疫生猪数量', 指标性质: '≥', 指标值: '2000' });
    await publish();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toContain('已保存并发布');
    const made = readdirSync(join(repo, PROJECTS)).filter((f) => f.startsWith('17-'));
    expect(made).toEqual([expect.stringMatching(/^17-sc-[0-9a-z]+\.yaml$/)]);
    const created = parse(readFileSync(join(repo, PROJECTS, made[0]!), 'utf8'));
    expect(created).toMatchObject({ 表样: '四川', 项目名称: '生猪防疫补助', 年度目标: '完成生猪集中免疫' });
    expect(created.网址标识).toMatch(/^sc-/);
    expect(runCli('validate', [join(repo, 'content')]).status).toBe(0);
    expect(outside).toEqual([]);
  }, 180_000);

  it('refuses a file the form cannot show with a message naming the field, and never overwrites it', async () => {
    const file = join(repo, PROJECTS, '03-13022923P00JXC4143105.yaml');
    const wrong = readFileSync(file, 'utf8').replace(/^绩效目标:\n(  - .*\n)+/m, '绩效目标: 完成全年任务\n');
    writeFileSync(file, wrong);
    // A fresh page: Decap keeps the entries it has read (and asks before leaving an entry it thinks unsaved).
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${url}${COLLECTION}/entries/03-13022923P00JXC4143105`);
    await page.reload();
    await expect.poll(() => panel().textContent(), { timeout: 60_000 }).toContain('字段“绩效目标”应为一组条目');
    // The form stops at its empty required fields; and a save that reaches the server anyway is refused.
    await field('项目名称').fill('改名');
    await publish();
    const save = await fetch(new URL('/api/v1', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'persistEntry', params: { dataFiles: [{ path: `${PROJECTS}/03-13022923P00JXC4143105.yaml`, raw: '项目名称: 改名\n' }], assets: [], reason: '试改' } }),
    });
    expect(save.status).toBe(422);
    expect(((await save.json()) as { error: string }).error).toContain('字段“绩效目标”应为一组条目');
    expect(readFileSync(file, 'utf8')).toBe(wrong);
    expect(outside).toEqual([]);
    // An upper wait, as for the tests above: Decap loads slowly on a busy machine.
  }, 180_000);

  it('writes nothing outside the content folder and answers only this machine’s pages', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; text: string }>((done, fail) => {
        const address = new URL('/api/v1', url);
        const req = request({ host: address.hostname, port: address.port, path: address.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => done({ status: res.statusCode!, text }));
        });
        req.on('error', fail);
        req.end(JSON.stringify(body));
      });
    const escape = await post({ action: 'persistEntry', params: { dataFiles: [{ path: 'content/../package.json', raw: 'x: 1\n' }], assets: [] } });
    expect(escape.status).toBe(422);
    expect(escape.text).toContain('只能编辑 content/ 里的文件');
    expect((await post({ action: 'info' }, { Host: 'editor.example.com' })).status).toBe(403);
    expect((await post({ action: 'info' }, { Origin: 'https://example.com' })).status).toBe(403);
    expect((await post({ action: 'info' })).status).toBe(200);
  });
});

describe('the editor’s forms', () => {
  it('are up to date in schemas/decap-cms.yml (npm run schema writes them)', async () => {
    const { cmsFormsText } = await import('../src/lib/editor/cms-config.ts');
    const { DEFAULT_FRAMEWORK } = await import('../src/schema/framework.ts');
    expect(existsSync(join(ROOT, 'schemas/decap-cms.yml'))).toBe(true);
    expect(readFileSync(join(ROOT, 'schemas/decap-cms.yml'), 'utf8')).toBe(cmsFormsText(DEFAULT_FRAMEWORK));
  });
});
