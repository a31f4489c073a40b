// npm run new -- project [--year 2023] [--unit 483001] [--code …] [--name …]
// npm run new -- monitoring|evaluation --code … [--year] [--unit] [--month 6]
// Writes a new project file with the standard indicator skeleton (every 二级 category of the
// framework) and marked placeholders; the validator reports each placeholder until it is filled.
// A monitoring or self-evaluation file starts from the project's target table (result-starter.ts).
// npm run new -- budget|final-accounts [--year] [--unit] [--set 上海市部门预算 | --region 上海市普陀区] [--name 单位名称]
// writes the empty 部门预算/决算 of the province's set (src/schema/budget-tables.ts), a table per required table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { schemaLine, yamlWriters } from '../lib/import/write-yaml.ts';
import { startResult, type TargetInput } from '../lib/import/result-starter.ts';
import { placeholder } from '../lib/site/placeholders.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { PROJECT_CODE, type ProjectInput } from '../schema/project.ts';
import { BUDGET_SETS, budgetSetFor, budgetSetNamed } from '../schema/budget-tables.ts';
import { BUDGET_FILES } from '../lib/site/content-layout.ts';
import { budgetStarter, budgetYaml } from '../lib/budget/budget-yaml.ts';

const usage = '用法：npm run new -- project [--year 2023] [--unit 483001] [--code 项目编码] [--name 项目名称]\n      npm run new -- monitoring --code 项目编码 [--month 6] [--year 2023] [--unit 483001]（执行监控表）\n      npm run new -- evaluation --code 项目编码 [--year 2023] [--unit 483001]（绩效自评表）\n      npm run new -- budget|final-accounts [--year 2026] [--unit 483001] --set 表套名称|--region 地区 [--name 单位名称]（部门预算、部门决算）';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { year: { type: 'string' }, unit: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' }, month: { type: 'string' }, content: { type: 'string' }, set: { type: 'string' }, region: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const kind = args.positionals[0];
if (!(kind === 'project' || kind === 'monitoring' || kind === 'evaluation' || kind === 'budget' || kind === 'final-accounts') || args.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const contentDir = args.values.content ?? CONTENT_DIR;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

// Ask only what was not given, and only when someone is at the keyboard.
const prompt = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function ask(given: string | undefined, question: string, fallback?: string): Promise<string | undefined> {
  if (given !== undefined || !prompt) return given ?? fallback;
  const answer = (await prompt.question(`${question}${fallback ? `（直接回车：${fallback}）` : ''}：`)).trim();
  return answer || fallback;
}

const years = existsSync(contentDir) ? readdirSync(contentDir).filter((d) => /^\d{4}$/.test(d)).sort() : [];
const year = Number(await ask(args.values.year, '年度', years.at(-1)));
if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) fail(`年度应为四位数字，例如 --year 2023。\n${usage}`);
const units = existsSync(join(contentDir, String(year))) ? readdirSync(join(contentDir, String(year))) : [];
const unit = await ask(args.values.unit, '单位编码', units.length === 1 ? units[0] : undefined);
if (!unit || !/^\d{3,15}$/.test(unit)) fail(`请用 --unit 指定单位编码（3–15 位数字），例如 --unit 483001。${units.length ? `${year} 年已有：${units.join('、')}` : ''}\n${usage}`);
const budgetKind = kind === 'budget' || kind === 'final-accounts';
const code = budgetKind ? undefined : await ask(args.values.code, kind === 'project' ? '项目编码（21 位，可暂不填）' : '项目编码（或网址标识）');
if (kind === 'project' && code && !PROJECT_CODE.test(code)) fail(`项目编码“${code}”格式不对：应为 21 位，例如 13022923P00JXC415564L`);
const name = await ask(args.values.name, budgetKind ? '单位名称（可暂不填）' : '项目名称（可暂不填）');
prompt?.close();

const unitDir = join(contentDir, String(year), unit!);
const projectDir = join(unitDir, 'projects');
/** The unit's name as its existing files write it. */
function unitName(): string | undefined {
  const files = [join(unitDir, 'department.yaml'), ...(existsSync(projectDir) ? readdirSync(projectDir).map((f) => join(projectDir, f)) : [])];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const data = parse(readFileSync(file, 'utf8')) as { 单位名称?: unknown } | null;
    if (typeof data?.单位名称 === 'string') return data.单位名称;
  }
  return undefined;
}

if (kind === 'budget' || kind === 'final-accounts') {
  const 种类 = kind === 'budget' ? '部门预算' : '部门决算';
  const region = args.values.region;
  const set = args.values.set !== undefined ? budgetSetNamed(args.values.set) : region !== undefined ? budgetSetFor({ 地区: region, 种类 }) : undefined;
  const names = BUDGET_SETS.filter((s) => s.种类 === 种类).map((s) => s.name).join('、');
  if (!set || set.种类 !== 种类) fail(`请用 --set 写明用哪一套表（${种类}可用：${names}），或用 --region 写地区（如 上海市普陀区）按省选用。\n${usage}`);
  const file = join(unitDir, `${BUDGET_FILES[种类]}.yaml`);
  if (existsSync(file)) fail(`${file} 已存在，没有覆盖。`);
  await mkdir(unitDir, { recursive: true });
  await writeFile(file, budgetYaml(budgetStarter(set!, { year, 地区: region, 单位: name ?? unitName() }), schemaLine('budget', unitDir)));
  console.log(`已创建 ${file}（${set!.name}，${set!.tables.length} 张表，来源：${set!.source}）。\n请照公开的原件逐格录入每张表（或用 npm run import 从 Excel 导入），把情况说明写在 ${file.replace(/\.yaml$/, '.md')}，然后运行 npm run validate 检查。`);
  process.exit(0);
}

if (kind !== 'project') {
  if (!code) fail(`请用 --code 写出项目编码（没有项目编码的表写它的网址标识），新表从该项目的绩效目标表开始。\n${usage}`);
  const month = args.values.month === undefined ? undefined : Number(args.values.month);
  if (month !== undefined && !(Number.isInteger(month) && month >= 1 && month <= 12)) fail(`--month 要写 1 到 12 的数字，例如 --month 6（监控到 6 月底）。\n${usage}`);
  const targetFile = existsSync(projectDir) ? readdirSync(projectDir).filter((f) => f.endsWith('.yaml')).find((f) => {
    const data = parse(readFileSync(join(projectDir, f), 'utf8')) as { 项目编码?: unknown; 网址标识?: unknown } | null;
    return data?.项目编码 === code || data?.网址标识 === code;
  }) : undefined;
  const target = targetFile ? (parse(readFileSync(join(projectDir, targetFile), 'utf8')) as TargetInput) : undefined;
  const folder = join(unitDir, kind === 'monitoring' ? 'monitoring' : 'evaluations');
  const file = join(folder, targetFile ?? `${code}.yaml`);
  if (existsSync(file)) fail(`${file} 已存在，没有覆盖。`);
  const table = startResult(kind, { target, unit: unit!, unitName: unitName(), year, code, name, month, framework: loadSiteConfig(contentDir).indicatorFramework });
  await mkdir(folder, { recursive: true });
  await writeFile(file, yamlWriters(folder).result(kind, table));
  const stage = kind === 'monitoring' ? '执行监控表' : '绩效自评表';
  console.log(
    (target ? `已按绩效目标表 ${join(projectDir, targetFile!)} 创建${stage} ${file}：指标和年度指标值照目标表填好了。` : `${year} 年单位 ${unit} 没有项目编码为 ${code} 的绩效目标表，已创建不对应目标表的${stage} ${file}（按指标体系列出各二级指标）。`) +
      '\n请把其中所有“【待填写…】”按实际情况填写，然后运行 npm run validate 检查。',
  );
  process.exit(0);
}

const amount = placeholder('金额，例如 "100000.00"');
const project: ProjectInput = {
  单位编码: unit!,
  单位名称: unitName() ?? placeholder('单位名称，例如 玉田县林南仓镇人民政府本级'),
  年度: year,
  金额单位: '元',
  预算阶段: '年初预算',
  项目编码: code ?? placeholder('21 位项目编码，例如 13022923P00JXC415564L'),
  项目名称: name ?? placeholder('项目名称'),
  预算数: amount,
  财政资金: amount,
  资金用途: placeholder('资金用途'),
  资金支出计划: [3, 6, 10, 12].map((month) => ({ 月份: month, 累计比例: placeholder('截至该月底累计支出的百分比，只写数字，如 25；原表未列计划时写 null') })),
  绩效目标: [placeholder('1.绩效目标')],
  绩效指标: loadSiteConfig(contentDir).indicatorFramework.flatMap((f) =>
    f.level2.map((level2) => ({
      一级指标: f.level1,
      二级指标: level2,
      三级指标: placeholder('三级指标名称'),
      绩效指标描述: placeholder('指标的含义和计算口径'),
      指标值: placeholder('目标值，如 ≥95%、1个、12月底前完成'),
      指标值确定依据: placeholder('如 预算安排、历史数据、行业标准'),
    })),
  ),
};

await mkdir(projectDir, { recursive: true });
const existing = readdirSync(projectDir).filter((f) => f.endsWith('.yaml'));
const next = String(existing.reduce((max, f) => Math.max(max, Number(/^(\d+)-/.exec(f)?.[1] ?? 0)), 0) + 1).padStart(2, '0');
const file = join(projectDir, `${next}-${code ?? 'new-project'}.yaml`);
if (existsSync(file)) fail(`${file} 已存在，没有覆盖。`);
await writeFile(file, yamlWriters(projectDir).project(project));
console.log(`已创建 ${file}。\n请把其中所有“【待填写…】”按批复的表格改成实际内容（不需要的指标行可以删除），然后运行 npm run validate 检查。`);
