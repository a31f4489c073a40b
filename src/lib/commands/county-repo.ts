// npm run init: the files of a county's own content repository. The repository holds only what is
// the county's (content/, its CI workflow, a README for its staff, gongkai.env naming the tool's
// version); the tool itself is fetched at that pinned version by the workflow and on staff
// machines, never copied in, so that updating the tool is one changed line and never a merge.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { NAMED_FRAMEWORKS } from '../../schema/framework.ts';
import { LAYOUT_NAMES } from '../../schema/table-layouts.ts';
import { ABOUT_FILE } from '../site/glossary.ts';
import { SITE_FILE } from '../site/content-layout.ts';

/** Forges a county may keep its repository on, and where each reads its CI workflow. */
export const FORGES = {
  gitea: { file: '.gitea/workflows/publish.yml', label: 'Gitea（政务内网常用）' },
  github: { file: '.github/workflows/publish.yml', label: 'GitHub' },
  gitlab: { file: '.gitlab-ci.yml', label: 'GitLab' },
} as const;
export type Forge = keyof typeof FORGES;
export const FORGE_NAMES = Object.keys(FORGES) as Forge[];

/** The content folder inside the county's repository (what GONGKAI_CONTENT points at). */
export const COUNTY_CONTENT = 'content';
/** Where the workflow and staff put the pinned tool: inside the county folder, ignored by git. */
export const TOOL_FOLDER = '.gongkai-tool';
/** The one file naming the tool's repository and version (read by the workflow and by people). */
export const TOOL_PIN_FILE = 'gongkai.env';
/** Where the workflow builds the site, relative to the county folder. */
export const COUNTY_OUT = 'dist';

export interface CountyOptions {
  /** 网站名称 */
  title: string;
  /** 主办单位 */
  publisher: string;
  /** 联系方式 (at least one) */
  contact: { 电话?: string; 地址?: string; 电子邮箱?: string };
  /** 表样 (one of LAYOUT_NAMES) */
  layout: string;
  /** 指标体系 (a name of NAMED_FRAMEWORKS) */
  framework: string;
  /** 网站地址, e.g. https://czj.example.gov.cn (optional) */
  url?: string;
  /** 基础路径, e.g. /yusuan/ */
  base: string;
  /** The first year folder. */
  year: number;
  forge: Forge;
  /** Where the workflow fetches the tool from (a git URL). */
  toolRepository: string;
  /** A tag or commit of the tool. */
  toolVersion: string;
}

/** The tool's release (a `v…` tag on this commit) or else the commit itself; undefined outside git. */
export function currentToolVersion(toolDir: string): string | undefined {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', ['-C', toolDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  return git(['describe', '--tags', '--exact-match', '--match', 'v*', 'HEAD']) ?? git(['rev-parse', 'HEAD']);
}

/** The URL the tool was cloned from (its `origin`), if any. */
export function currentToolRepository(toolDir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', toolDir, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The county's about.md: a short introduction in the county's words and the 名词解释 of the tool's
 * bundled about.md (general terms, not the bundled unit's data), so that tables link to them.
 */
export function countyAbout(bundledAbout: string, publisher: string): string {
  const glossary = /^## 名词解释\n[\s\S]*?(?=^## |(?![\s\S]))/m.exec(bundledAbout)?.[0];
  if (!glossary) throw new Error('工具自带的 about.md 里找不到“## 名词解释”一节');
  return [
    '# 说明',
    '',
    '## 这个网站是什么',
    '',
    `本网站公开${publisher}发布的部门预算绩效目标：部门整体绩效目标，以及每个预算项目的绩效目标表。`,
    '依据《中华人民共和国预算法》第十四条和《地方预决算公开操作规程》（财预〔2016〕143号），部门预算及其说明在批复后公开；',
    '绩效目标随预算一同批复、一同公开（中发〔2018〕34号、财预〔2020〕10号）。',
    '',
    '网站上的表格照批复文件原样呈现。每页底部写明该页内容最后修改的日期，并提供对应的数据文件和批复原文下载。',
    '',
    glossary.trimEnd(),
    '',
    '## 联系我们',
    '',
    '对公开内容有疑问，可通过页面底部的联系方式与主办单位联系。',
    '',
  ].join('\n');
}

const CONTACT_EXAMPLES = { 电话: '0315-1234567', 地址: '某省某市某县某路 1 号', 电子邮箱: 'czj@example.gov.cn' };

/** site.yaml with a comment on every setting; values are YAML-quoted by the yaml library. */
export function countySiteYaml(o: CountyOptions): string {
  const value = (v: string) => stringify(v).trimEnd();
  const frameworks = Object.keys(NAMED_FRAMEWORKS).join('、');
  return [
    `# yaml-language-server: $schema=../${TOOL_FOLDER}/schemas/site.schema.json`,
    '# 网站设置。每一项的含义写在它上面；改完在工具文件夹里运行 npm run validate 检查（见 README.md）。',
    '',
    '# 网站名称：显示在每页页头和浏览器标题中。',
    `网站名称: ${value(o.title)}`,
    '# 主办单位：《政府网站发展指引》要求在页脚标明。',
    `主办单位: ${value(o.publisher)}`,
    '# 联系方式：显示在页脚，电话、地址、电子邮箱至少写一项（要加的一项去掉行首的 # 并改成实际的）。',
    '联系方式:',
    ...Object.entries(CONTACT_EXAMPLES).map(([key, example]) => {
      const given = o.contact[key as keyof typeof CONTACT_EXAMPLES];
      return given ? `  ${key}: ${value(given)}` : `  # ${key}: ${example}`;
    }),
    '# 网站标识码、ICP备案号、公安备案号：正式发布到政府网站时按实际填写，例如',
    '# 网站标识码: "1302290001"',
    '# ICP备案号: 冀ICP备12345678号',
    '# 公安备案号: 冀公网安备13022902000123号',
    '# 网站地址：网站的正式地址（用于 sitemap.xml、robots.txt 和绝对链接）；还不知道时不写。',
    o.url ? `网站地址: ${value(o.url)}` : '# 网站地址: https://czj.example.gov.cn',
    '# 基础路径：网站放在门户网站的子目录下时写那个子目录，例如 /yusuan/；放在网站根目录时写 /。',
    `基础路径: ${value(o.base)}`,
    `# 表样：本地项目绩效目标表的版式，可写 ${LAYOUT_NAMES.join('、')}。`,
    `表样: ${value(o.layout)}`,
    `# 指标体系：一级、二级指标的名称，可写 ${frameworks}，或逐条写出（见工具的 docs/编辑指南.md）。`,
    `指标体系: ${value(o.framework)}`,
    '# 项目编码规则：原表的项目编码不是河北的 21 位时写，例如',
    '# 项目编码规则:',
    "#   格式: '^\\d{6}-\\d{4}-\\d{4}$'",
    '#   说明: 6 位单位编码、4 位年度、4 位序号，用连字符分开',
    '#   例如: 813000-2024-0001',
    '',
  ].join('\n');
}

export function toolPinFile(o: Pick<CountyOptions, 'toolRepository' | 'toolVersion'>): string {
  return [
    '# 本网站使用的 gongkai 工具：从哪里取、哪个版本（git 标签或提交号）。CI 和工作人员的电脑都按这里取工具。',
    '# 升级工具只改 GONGKAI_VERSION 这一行；改之前读工具的发布说明 CHANGELOG.md，看内容要不要跟着改。',
    `GONGKAI_REPOSITORY=${o.toolRepository}`,
    `GONGKAI_VERSION=${o.toolVersion}`,
    '',
  ].join('\n');
}

/**
 * The shell lines that fetch the pinned tool into TOOL_FOLDER: `git fetch` of one ref works for
 * a tag, a branch and a commit alike, and `--depth 1` brings only that version's files.
 */
export const FETCH_TOOL = [
  `. ./${TOOL_PIN_FILE}`,
  `git init -q ${TOOL_FOLDER}`,
  `git -C ${TOOL_FOLDER} fetch -q --depth 1 "$GONGKAI_REPOSITORY" "$GONGKAI_VERSION"`,
  `git -C ${TOOL_FOLDER} checkout -q FETCH_HEAD`,
];
/**
 * npm ci from the npm cache when it has everything (the cache is keyed on the tool's lock file),
 * without the maintainers' tools (tests, Lighthouse, the HTML checker): 430 MB instead of 716 MB.
 * That is why `node` and `tsx`, which every command runs on, are dependencies of the tool.
 */
export const INSTALL_TOOL = 'npm ci --omit=dev --prefer-offline --no-audit --no-fund';
export const BUILD_SITE = 'npm run build';

const DEPLOY_SCRIPT = [
  'if [ -z "$DEPLOY_HOST" ]; then echo "没有设置 DEPLOY_HOST，不发布到网站服务器：网站在本次运行的产物 site 里，可下载后手工上传。"; exit 0; fi',
  'mkdir -p ~/.ssh && chmod 700 ~/.ssh',
  "printf '%s\\n' \"$DEPLOY_SSH_KEY\" > ~/.ssh/deploy_key && chmod 600 ~/.ssh/deploy_key",
  "printf '%s\\n' \"$DEPLOY_KNOWN_HOSTS\" > ~/.ssh/known_hosts",
  `rsync -rlt --delete -e "ssh -i $HOME/.ssh/deploy_key" ${COUNTY_OUT}/ "$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH/"`,
];
const DEPLOY_COMMENT = [
  '# 发布到网站服务器（可选）：在仓库的设置里加变量 DEPLOY_HOST、DEPLOY_USER、DEPLOY_PATH（网站文件夹）、DEPLOY_KNOWN_HOSTS',
  '# （ssh-keyscan 服务器 的输出），和机密 DEPLOY_SSH_KEY（只能写这个文件夹的账号的私钥）；没设 DEPLOY_HOST 时跳过。',
];

function actionsWorkflow(forge: 'github' | 'gitea'): string {
  // Gitea runs GitHub's format; its artifact action must be v3 (v4 refuses servers other than
  // GitHub: go-gitea/gitea#31256), as in the tool's own .gitea/workflows/province.yml.
  const artifact = forge === 'gitea' ? 'actions/upload-artifact@v3' : 'actions/upload-artifact@v4';
  const doc = {
    name: '发布网站',
    on: { push: { branches: ['main'] }, workflow_dispatch: {} },
    jobs: {
      site: {
        'runs-on': 'ubuntu-latest',
        steps: [
          { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } },
          { name: '取出固定版本的工具', run: [`grep -E '^GONGKAI_(REPOSITORY|VERSION)=' ${TOOL_PIN_FILE} >> "$GITHUB_ENV"`, ...FETCH_TOOL].join('\n') + '\n' },
          { uses: 'actions/setup-node@v4', with: { 'node-version': 22, cache: 'npm', 'cache-dependency-path': `${TOOL_FOLDER}/package-lock.json` } },
          { name: '安装工具', 'working-directory': TOOL_FOLDER, run: INSTALL_TOOL },
          {
            name: '检查内容并生成网站',
            'working-directory': TOOL_FOLDER,
            run: BUILD_SITE,
            env: { GONGKAI_CONTENT: `\${{ github.workspace }}/${COUNTY_CONTENT}`, GONGKAI_OUT: `\${{ github.workspace }}/${COUNTY_OUT}` },
          },
          { uses: artifact, with: { name: 'site', path: COUNTY_OUT, 'if-no-files-found': 'error' } },
          {
            name: '发布到网站服务器（可选）',
            env: {
              DEPLOY_HOST: '${{ vars.DEPLOY_HOST }}',
              DEPLOY_USER: '${{ vars.DEPLOY_USER }}',
              DEPLOY_PATH: '${{ vars.DEPLOY_PATH }}',
              DEPLOY_KNOWN_HOSTS: '${{ vars.DEPLOY_KNOWN_HOSTS }}',
              DEPLOY_SSH_KEY: '${{ secrets.DEPLOY_SSH_KEY }}',
            },
            run: DEPLOY_SCRIPT.join('\n') + '\n',
          },
        ],
      },
    },
  };
  return [
    '# 检查内容、生成本县的网站（产物 site），并可选地发布到网站服务器。由 gongkai 的 npm run init 生成。',
    `# 工具不在本仓库里：按 ${TOOL_PIN_FILE} 写的版本取出，升级工具只改那一行。`,
    '# fetch-depth: 0 取完整的 git 历史：每张表的修订记录和历次版本都来自 git（浅克隆时页面会注明“不完整”）。',
    ...DEPLOY_COMMENT,
    stringify(doc, { lineWidth: 0 }),
  ].join('\n');
}

function gitlabWorkflow(): string {
  const doc = {
    stages: ['build', 'deploy'],
    variables: { GIT_DEPTH: 0, npm_config_cache: '$CI_PROJECT_DIR/.npm' },
    site: {
      stage: 'build',
      image: 'node:22',
      rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }, { if: '$CI_PIPELINE_SOURCE == "web"' }],
      cache: { key: { files: [TOOL_PIN_FILE] }, paths: ['.npm/'] },
      script: [...FETCH_TOOL, `cd ${TOOL_FOLDER}`, INSTALL_TOOL, `GONGKAI_CONTENT="$CI_PROJECT_DIR/${COUNTY_CONTENT}" GONGKAI_OUT="$CI_PROJECT_DIR/${COUNTY_OUT}" ${BUILD_SITE}`],
      artifacts: { name: 'site', paths: [`${COUNTY_OUT}/`], expire_in: '30 days' },
    },
    deploy: {
      stage: 'deploy',
      image: 'node:22',
      needs: ['site'],
      rules: [{ if: '$DEPLOY_HOST && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }],
      script: ['apt-get update -qq && apt-get install -y -qq rsync openssh-client', ...DEPLOY_SCRIPT.slice(1)],
    },
  };
  return [
    '# 检查内容、生成本县的网站（产物 site），并可选地发布到网站服务器。由 gongkai 的 npm run init 生成。',
    `# 工具不在本仓库里：按 ${TOOL_PIN_FILE} 写的版本取出，升级工具只改那一行；npm 的下载缓存按这个文件保存。`,
    '# GIT_DEPTH: 0 取完整的 git 历史：每张表的修订记录和历次版本都来自 git（浅克隆时页面会注明“不完整”）。',
    ...DEPLOY_COMMENT.map((line) => line.replace('仓库的设置里加变量', '项目的 设置 → CI/CD → 变量 里加')),
    stringify(doc, { lineWidth: 0 }),
  ].join('\n');
}

export function countyWorkflow(forge: Forge): string {
  return forge === 'gitlab' ? gitlabWorkflow() : actionsWorkflow(forge);
}

/** What a county repository holds, one line each, aligned. */
function fileList(forge: Forge): string {
  const rows: [string, string][] = [
    [`${COUNTY_CONTENT}/site.yaml`, '网站设置：网站名称、主办单位、联系方式、表样、指标体系、网站地址、基础路径'],
    [`${COUNTY_CONTENT}/about.md`, '说明与名词解释（网站的“说明”页）'],
    [`${COUNTY_CONTENT}/<年度>/<单位编码>/`, '每个单位每年一个文件夹，导入时自动生成'],
    [FORGES[forge].file, '发布流程：检查内容、生成网站、（可选）上传到网站服务器'],
    [TOOL_PIN_FILE, '工具的地址和版本'],
  ];
  // Chinese characters take two columns in a monospaced font.
  const columns = (text: string) => [...text].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  const width = Math.max(...rows.map(([path]) => columns(path))) + 2;
  return rows.map(([path, what]) => `${path}${' '.repeat(width - columns(path))}${what}`).join('\n');
}

/** The README for the county's staff: the day-to-day commands, run in the tool folder. */
export function countyReadme(o: CountyOptions): string {
  const content = `../${COUNTY_CONTENT}`;
  return `# ${o.title}

这是${o.publisher}预算绩效目标公开网站的**内容仓库**：只放本县的内容、网站设置和发布流程。
生成网站的工具 gongkai 不在这里，按 \`${TOOL_PIN_FILE}\` 写的版本取用；升级工具只改那里的 \`GONGKAI_VERSION\` 一行，
改之前读工具的发布说明（工具仓库的 \`CHANGELOG.md\`），看内容要不要跟着改。

\`\`\`
${fileList(o.forge)}
\`\`\`

## 第一次：在自己的电脑上准备工具

需要 git 和 Node.js（npm 会自动装好工具需要的 Node 22）。在本文件夹里运行（Windows 上在 git 自带的 Git Bash 里运行）：

\`\`\`sh
${FETCH_TOOL.join('\n')}
cd ${TOOL_FOLDER} && ${INSTALL_TOOL}
\`\`\`

以后的命令都在 \`${TOOL_FOLDER}\` 文件夹里运行，并告诉工具内容在哪里：
Linux、macOS 上先运行 \`export GONGKAI_CONTENT=${content}\`；Windows PowerShell 上先运行 \`$env:GONGKAI_CONTENT="${content}"\`。

## 每天用到的命令

| 命令（在 \`${TOOL_FOLDER}\` 里） | 作用 |
|---|---|
| \`npm run import -- 路径/表.xlsx --unit "单位编码 单位名称"\` | 导入批复的绩效目标表（Excel、Word 或文本），写到 \`${COUNTY_CONTENT}/<年度>/<单位编码>/\` |
| \`npm run new -- project --year ${o.year} --unit 单位编码\` | 新建一个空白的项目绩效目标表，按提示填写 |
| \`npm run validate\` | 检查全部内容：每个问题一行，写明文件、行、字段和改法；发布前必须通过 |
| \`npm run build\` | 检查并生成网站到 \`${TOOL_FOLDER}/dist/\` |
| \`npm run preview\` | 像网站服务器一样在本机打开生成的网站，看一看再发布 |

导入、填写、检查和每种错误的含义，见工具的 \`docs/编辑指南.md\`；把网站放到网站服务器或门户网站的子目录，见工具的 \`docs/发布.md\`。

## 发布

改好的内容用 git 提交并推送到 \`main\` 分支：${o.forge === 'gitlab' ? 'GitLab 的流水线' : '仓库的 Actions'}自动检查内容、生成网站。
检查不通过时不生成网站，在运行记录里逐条列出问题。生成的网站在这次运行的产物 \`site\` 里，可以下载后交给网站管理员；
设置了 \`DEPLOY_HOST\` 等变量时（见 \`${FORGES[o.forge].file}\` 开头的说明）自动上传到网站服务器。

每张表的修订记录来自本仓库的 git 历史：已经公开的表改正后照常提交，不要改写历史（不要 \`git push --force\`）。
`;
}

const GITIGNORE = [`/${TOOL_FOLDER}/`, `/${COUNTY_OUT}/`, '/.npm/', '.DS_Store', ''].join('\n');

/** Every file of a new county repository: path (with `/`) → text. */
export function countyRepoFiles(o: CountyOptions, bundledAbout: string): Map<string, string> {
  return new Map([
    ['README.md', countyReadme(o)],
    ['.gitignore', GITIGNORE],
    [TOOL_PIN_FILE, toolPinFile(o)],
    [FORGES[o.forge].file, countyWorkflow(o.forge)],
    [`${COUNTY_CONTENT}/${SITE_FILE}`, countySiteYaml(o)],
    [`${COUNTY_CONTENT}/${ABOUT_FILE}`, countyAbout(bundledAbout, o.publisher)],
    // git keeps no empty folder; a hidden file is not published (file-outputs.ts contentFiles).
    [`${COUNTY_CONTENT}/${o.year}/.gitkeep`, ''],
  ]);
}

export class CountyInitError extends Error {}

/** Writes the files into `folder` (which must be missing or empty), then `git init` and a first commit. */
export async function initCountyRepo(folder: string, o: CountyOptions, bundledAbout: string): Promise<string[]> {
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new CountyInitError(`文件夹 ${folder} 不是空的，没有写入任何文件：请换一个新的（或空的）文件夹，例如 npm run init -- ../某县预算公开`);
  }
  const files = countyRepoFiles(o, bundledAbout);
  for (const [path, text] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  const git = (args: string[]) => execFileSync('git', ['-C', folder, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git(['init', '-q', '-b', 'main']);
    git(['add', '-A']);
    // The person's own git identity when they have one; otherwise the 主办单位, so the first
    // commit never fails on a fresh machine.
    const named = (() => {
      try {
        return git(['config', 'user.email']).toString().trim() !== '';
      } catch {
        return false;
      }
    })();
    const identity = named ? [] : ['-c', `user.name=${o.publisher}`, '-c', 'user.email=gongkai-init@localhost'];
    git([...identity, 'commit', '-q', '-m', `新建${o.title}的内容仓库（gongkai npm run init）`]);
  } catch (error) {
    throw new CountyInitError(`文件已写入 ${folder}，但 git 初始化或第一次提交失败：${(error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message}。请确认已安装 git，然后在该文件夹里运行 git init -b main、git add -A、git commit。`);
  }
  return [...files.keys()];
}

/** The bundled about.md, whose 名词解释 a new county starts from. */
export const readBundledAbout = (toolDir: string) => readFileSync(join(toolDir, 'content', ABOUT_FILE), 'utf8');
