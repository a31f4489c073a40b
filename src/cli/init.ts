// npm run init -- <文件夹> [--name 网站名称] [--publisher 主办单位] [--phone 电话] [--address 地址] [--email 电子邮箱]
//                 [--layout 表样] [--framework 指标体系] [--url 网站地址] [--base 基础路径] [--year 年度] [--forge gitea|gitlab|github]
//                 [--tool-url 工具的 git 地址] [--tool-version 标签或提交号]
// Starts a county's own content repository (src/lib/commands/county-repo.ts): asks what was not
// given when someone is at the keyboard, otherwise uses the flags and defaults.
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { NAMED_FRAMEWORKS } from '../schema/framework.ts';
import { siteSchema } from '../schema/site.ts';
import { LAYOUT_NAMES } from '../schema/table-layouts.ts';
import {
  COUNTY_CONTENT,
  CountyInitError,
  currentToolRepository,
  currentToolVersion,
  FORGE_NAMES,
  FORGES,
  initCountyRepo,
  readBundledAbout,
  TOOL_FOLDER,
  TOOL_PIN_FILE,
  type Forge,
} from '../lib/commands/county-repo.ts';

const TOOL_DIR = fileURLToPath(new URL('../..', import.meta.url));
const FRAMEWORK_NAMES = Object.keys(NAMED_FRAMEWORKS);
const usage = `用法：npm run init -- <新文件夹> [--name 网站名称] [--publisher 主办单位] [--phone 电话] [--address 地址] [--email 电子邮箱]
        [--layout ${LAYOUT_NAMES.join('|')}]
        [--framework 指标体系] [--url 网站地址] [--base /] [--year 年度] [--forge ${FORGE_NAMES.join('|')}]
        [--tool-url 工具的 git 地址] [--tool-version 标签或提交号]`;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      publisher: { type: 'string' },
      phone: { type: 'string' },
      address: { type: 'string' },
      email: { type: 'string' },
      layout: { type: 'string' },
      framework: { type: 'string' },
      url: { type: 'string' },
      base: { type: 'string' },
      year: { type: 'string' },
      forge: { type: 'string' },
      'tool-url': { type: 'string' },
      'tool-version': { type: 'string' },
    },
  });
} catch (e) {
  fail(`${(e as Error).message}\n${usage}`);
}
const [folder] = args!.positionals;
if (!folder || args!.positionals.length > 1) fail(`请写出新内容仓库的文件夹，例如 npm run init -- ../某县预算公开 --name "某县预算绩效目标公开"\n${usage}`);
const given = args!.values;

// Ask only what was not given, and only when someone is at the keyboard.
const prompt = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
async function ask(value: string | undefined, question: string, fallback?: string): Promise<string | undefined> {
  if (value !== undefined || !prompt) return value ?? fallback;
  // Ctrl+C / Ctrl+D while asked: stop before anything is written.
  const answer = await prompt.question(`${question}${fallback ? `（直接回车：${fallback}）` : ''}：`).catch(() => fail('\n已取消，没有写入任何文件。'));
  return answer.trim() || fallback;
}

const publisher = await ask(given.publisher, '主办单位（页脚显示，例如 某县财政局）');
const title = await ask(given.name, '网站名称', publisher ? `${publisher}预算绩效目标公开` : undefined);
if (prompt) console.log('联系方式显示在页脚，电话、地址、电子邮箱至少写一项：');
const contact = {
  电话: await ask(given.phone, '联系电话（没有就直接回车）'),
  地址: await ask(given.address, '通信地址（没有就直接回车）'),
  电子邮箱: await ask(given.email, '电子邮箱（没有就直接回车）'),
};
const layout = await ask(given.layout, `表样（${LAYOUT_NAMES.join('、')}）`, LAYOUT_NAMES[0]);
const framework = await ask(given.framework, `指标体系（${FRAMEWORK_NAMES.join('、')}）`, FRAMEWORK_NAMES[0]);
const url = await ask(given.url, '网站地址（例如 https://czj.example.gov.cn，还不知道就直接回车）');
const base = await ask(given.base, '基础路径（放在门户子目录下时写 /yusuan/ 这样的子目录）', '/');
const year = await ask(given.year, '第一个年度', String(new Date().getFullYear()));
const forge = await ask(given.forge, `代码托管平台（${FORGE_NAMES.join('、')}）`, 'gitea');
const toolRepository = await ask(given['tool-url'], '工具的 git 地址', currentToolRepository(TOOL_DIR));
const toolVersion = await ask(given['tool-version'], '工具的版本（标签或提交号）', currentToolVersion(TOOL_DIR));
prompt?.close();

if (!publisher) fail(`请用 --publisher 写出主办单位，例如 --publisher 某县财政局。\n${usage}`);
if (!title) fail(`请用 --name 写出网站名称。\n${usage}`);
if (!contact.电话 && !contact.地址 && !contact.电子邮箱) fail(`请写出联系方式（页脚要让公众能联系到主办单位），--phone、--address、--email 至少一项，例如 --phone 0315-1234567。\n${usage}`);
if (!FORGE_NAMES.includes(forge as Forge)) fail(`--forge 只能写：${FORGE_NAMES.map((f) => `${f}（${FORGES[f as Forge].label}）`).join('、')}；这里是 ${forge}`);
if (!(Number.isInteger(Number(year)) && Number(year) >= 2000 && Number(year) <= 2100)) fail(`--year 应为四位年度，例如 --year 2025；这里是 ${year}`);
if (!toolRepository) fail('不知道县里的 CI 从哪里取工具：本工具的仓库没有 origin。请用 --tool-url 写出工具的 git 地址，例如 --tool-url https://gitea.example.gov.cn/czj/gongkai.git');
if (!toolVersion) fail('不知道工具的版本：请用 --tool-version 写出工具的标签或提交号，例如 --tool-version v0.2.0');
// The same schema as npm run validate: a value it would refuse is refused here, with its message.
const settings = siteSchema.safeParse({ 网站名称: title, 主办单位: publisher, 联系方式: Object.fromEntries(Object.entries(contact).filter(([, v]) => v)), 表样: layout, 指标体系: framework, 基础路径: base, ...(url ? { 网站地址: url } : {}) });
if (!settings.success) fail(settings.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('\n'));

try {
  const written = await initCountyRepo(
    folder!,
    { title: title!, publisher: publisher!, contact, layout: layout!, framework: framework!, url, base: base!, year: Number(year), forge: forge as Forge, toolRepository: toolRepository!, toolVersion: toolVersion! },
    readBundledAbout(TOOL_DIR),
  );
  const content = resolve(folder!, COUNTY_CONTENT);
  console.log(`已在 ${folder} 建好内容仓库（git 已提交第一版）：\n${written.map((f) => `  ${f}`).join('\n')}`);
  console.log(`\n工具版本 ${toolVersion} 写在 ${TOOL_PIN_FILE} 里。接下来（本工具文件夹里运行，或按 ${folder}/README.md 把工具放进 ${TOOL_FOLDER}）：`);
  console.log(`  export GONGKAI_CONTENT=${content}`);
  console.log('  npm run import -- 路径/表.xlsx --unit "单位编码 单位名称"');
  console.log('  npm run build');
  console.log('  npm run preview');
} catch (error) {
  if (error instanceof CountyInitError) fail(error.message);
  throw error;
}
