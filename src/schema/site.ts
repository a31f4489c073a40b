// Site configuration (content/site.yaml): who publishes, how to reach them, where the site lives.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { DEFAULT_FRAMEWORK, indicatorFrameworkSchema } from './framework.ts';
import { keyed } from './keyed.ts';
import { DEFAULT_PROJECT_RULES, HEBEI_CODE_RULE, type ProjectRules } from './project.ts';
import { LAYOUT_NAMES, layoutNamed } from './table-layouts.ts';

/** The code hosting platforms whose Decap CMS backends the hosted editor supports. */
export const HOSTED_PLATFORMS = ['gitea', 'forgejo', 'gitlab', 'github'] as const;

const optionalText = (description: string, example: string) =>
  z.string({ error: whenWritten(`应填写文本，例如：${example}`) }).trim().min(1, { error: `不用时请删掉这一行；要填写时例如：${example}` }).optional().meta({ description, examples: [example] });

export const siteSchema = keyed({
  网站名称: ['title', z.string({ error: whenWritten('网站名称要写成文本') }).trim().min(1, { error: '网站名称不能为空' }).meta({ description: '网站名称，显示在每页页头和浏览器标题中', examples: ['林南仓镇预算绩效目标公开'] })],
  主办单位: ['publisher', z.string({ error: whenWritten('主办单位要写成文本') }).trim().min(1, { error: '主办单位不能为空' }).meta({ description: '主办单位（《政府网站发展指引》要求在页脚标明）', examples: ['玉田县林南仓镇人民政府'] })],
  联系方式: [
    'contact',
    keyed({
      电话: ['phone', optionalText('联系电话', '0315-1234567')],
      地址: ['address', optionalText('通信地址', '河北省唐山市玉田县林南仓镇')],
      电子邮箱: ['email', z.email({ error: '电子邮箱格式不对，例如 lnczf@example.gov.cn' }).optional().meta({ description: '电子邮箱', examples: ['lnczf@example.gov.cn'] })],
    }, (contact, ctx) => {
      if (contact && typeof contact === 'object' && !contact.电话 && !contact.地址 && !contact.电子邮箱) {
        ctx.addIssue({ code: 'custom', input: contact, message: '联系方式至少写一项：电话、地址或电子邮箱（页脚要让公众能联系到主办单位）' });
      }
    }).meta({ description: '联系方式，显示在页脚；电话、地址、电子邮箱至少写一项' }),
  ],
  网站标识码: [
    'siteCode',
    z
      .string({ error: whenWritten('网站标识码要写成带引号的文本，例如 "1302290001"') })
      .regex(/^[0-9A-Za-z]{10}$/, { error: '网站标识码是 10 位字母或数字，例如 "1302290001"；没有时删掉这一行' })
      .optional()
      .meta({ description: '政府网站标识码（10 位）；没有时不写', examples: ['1302290001'] }),
  ],
  ICP备案号: [
    'icp',
    z
      .string({ error: whenWritten('ICP备案号要写成文本，例如 冀ICP备12345678号') })
      .regex(/ICP备\d+号(-\d+)?$/, { error: 'ICP备案号格式应如“冀ICP备12345678号”或“冀ICP备12345678号-1”；没有时删掉这一行' })
      .optional()
      .meta({ description: 'ICP备案号；没有时不写', examples: ['冀ICP备12345678号'] }),
  ],
  公安备案号: [
    'psb',
    z
      .string({ error: whenWritten('公安备案号要写成文本，例如 冀公网安备13022902000123号') })
      .regex(/公网安备\s*\d+号$/, { error: '公安备案号格式应如“冀公网安备13022902000123号”；没有时删掉这一行' })
      .optional()
      .meta({ description: '公安机关备案号；没有时不写', examples: ['冀公网安备13022902000123号'] }),
  ],
  党政机关网站标识: [
    'badge',
    keyed({
      图片: [
        'image',
        z
          .string({ error: whenWritten('图片要写成文本，例如 images/dzjg.png') })
          .regex(/^(?!.*(^|\/)\.\.?(\/|$))[\w.\-/]+\.(png|gif|jpe?g|svg|webp)$/i, { error: '图片写 public/ 文件夹里的图片文件名（可带子文件夹），例如 images/dzjg.png；只用字母、数字、- _ . /，以 .png、.gif、.jpg、.svg 或 .webp 结尾' })
          .meta({ description: '标识的图片：放在项目的 public/ 文件夹里的文件（网站自己提供，不从外部网站加载），写它在 public/ 下的路径', examples: ['images/dzjg.png'] }),
      ],
      链接: [
        'link',
        z
          .url({ protocol: /^https?$/, error: '链接要写完整网址，例如 https://bszs.conac.cn/sitename?method=show&id=…（开办者标识的网址，由机构编制部门提供）' })
          .meta({ description: '点击标识打开的网址：党政机关网站开办者信息的页面（随标识一起由机构编制部门提供）', examples: ['https://bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF'] }),
      ],
    })
      .optional()
      .meta({ description: '党政机关网站标识（开办者标识），显示在页脚：图片和它链接的网址；没有时不写' }),
  ],
  联系我们: [
    'contactLink',
    z
      .string({ error: whenWritten('联系我们要写成网址或本网站的路径，例如 https://www.example.gov.cn/lxwm/') })
      .trim()
      .regex(/^(https?:\/\/\S+|mailto:[^\s@]+@[^\s@]+|\/|\/?[^\s:/][^\s:]*)$/, { error: '联系我们写一个网址（https://…）、电子邮箱链接（mailto:…）或本网站里的路径（例如 about/），例如 https://www.example.gov.cn/lxwm/；没有时删掉这一行' })
      .optional()
      .meta({ description: '页脚“联系我们”链接到的地方：门户网站的联系页（https://…）、mailto: 电子邮箱，或本网站里的路径（在基础路径之下，例如 about/）；没有时不写，页脚不显示“联系我们”', examples: ['https://www.example.gov.cn/lxwm/'] }),
  ],
  网站地址: [
    'url',
    z.url({ protocol: /^https?$/, error: '网站地址要写完整网址，例如 https://www.example.gov.cn' }).optional().meta({ description: '网站正式地址（用于生成绝对链接、sitemap.xml 和 robots.txt，以及网页元数据 SiteDomain）；不写时这些都不生成', examples: ['https://www.example.gov.cn'] }),
  ],
  基础路径: [
    'base',
    z
      .string({ error: whenWritten('基础路径要写成文本，例如 /yusuan/') })
      .regex(/^\/([\w.-]+\/)*$/, { error: '基础路径以 / 开头并以 / 结尾，例如 / 或 /yusuan/；网站放在县门户子目录下时填写' })
      .default('/')
      .meta({ description: '网站所在子路径，例如 /yusuan/；放在网站根目录时写 /', examples: ['/'] }),
  ],
  示例数据: [
    'demo',
    z
      .boolean({ error: whenWritten('示例数据只能写 true 或 false') })
      .optional()
      .meta({ description: '写 true 时，本网站的数据是虚构的示例：每页顶部显示“示例数据”横幅，网页标题和每个下载文件都标明示例数据。正式发布的网站不写', examples: [true] }),
  ],
  指标体系: ['indicatorFramework', indicatorFrameworkSchema.default(DEFAULT_FRAMEWORK)],
  表样: [
    'layout',
    z
      .enum(LAYOUT_NAMES, { error: whenWritten(`表样只能写：${LAYOUT_NAMES.join('、')}`) })
      .default(LAYOUT_NAMES[0])
      .meta({ description: `本网站项目表的默认版式（表样）：${LAYOUT_NAMES.join('、')}；单个文件可用“表样”另写`, examples: ['四川'] }),
  ],
  项目编码规则: [
    'projectCode',
    keyed({
      格式: [
        'pattern',
        z
          .string({ error: whenWritten('格式要写成正则表达式文本，例如 "^\\d{6}-\\d{4}$"') })
          .refine((p) => {
            try {
              new RegExp(p);
              return true;
            } catch {
              return false;
            }
          }, { error: '格式不是有效的正则表达式，例如 "^[0-9A-Z]{10,30}$"' })
          .meta({ description: '项目编码的格式（正则表达式，整串匹配）', examples: ['^[0-9A-Z-]{6,40}$'] }),
      ],
      说明: ['description', z.string().trim().min(1).meta({ description: '用文字说明编码的格式，出现在错误提示中', examples: ['6 到 40 位大写字母、数字或连字符'] })],
      例如: ['example', z.string().trim().min(1).meta({ description: '一个正确的项目编码', examples: ['510000-2023-0001'] })],
    })
      .optional()
      .meta({ description: `项目编码的格式；不写时为河北的 21 位编码（${HEBEI_CODE_RULE.description}）` }),
  ],
  在线编辑: [
    'hostedEditor',
    keyed({
      平台: [
        'platform',
        z
          .enum(HOSTED_PLATFORMS, { error: whenWritten(`平台只能写：${HOSTED_PLATFORMS.join('、')}`) })
          .meta({ description: `存放内容仓库的代码托管平台：${HOSTED_PLATFORMS.join('、')}（Decap CMS 的后端）`, examples: ['forgejo'] }),
      ],
      仓库: ['repo', z.string({ error: whenWritten('仓库要写成“所有者/仓库名”，例如 czj/yusuan') }).regex(/^[\w.-]+\/[\w.-]+$/, { error: '仓库要写成“所有者/仓库名”，例如 czj/yusuan' }).meta({ description: '内容所在的仓库：所有者/仓库名', examples: ['czj/yusuan'] })],
      分支: ['branch', z.string().trim().min(1).default('main').meta({ description: '发布的分支；不写时为 main', examples: ['main'] })],
      网址: ['url', z.url({ protocol: /^https$/, error: '网址要写平台的完整地址，以 https:// 开头，例如 https://git.example.gov.cn' }).optional().meta({ description: '自建平台的地址（Gitea、Forgejo、GitLab 必填；GitHub 企业版才写）', examples: ['https://git.example.gov.cn'] })],
      应用ID: ['appId', z.string().trim().min(1).optional().meta({ description: '在平台上登记的 OAuth 应用的 Client ID（Gitea、Forgejo、GitLab 用 PKCE 登录，不需要密钥）', examples: ['3f1c9a2e-0b7d-4e8a-9c61-2d5f0e4b7a13'] })],
      登录服务: ['authUrl', z.url({ protocol: /^https$/, error: '登录服务要写完整地址，以 https:// 开头' }).optional().meta({ description: 'GitHub 才需要：替 Decap CMS 完成 GitHub 登录的 OAuth 服务的地址', examples: ['https://auth.example.gov.cn'] })],
    }, (editor, ctx) => {
      if (!editor || typeof editor !== 'object') return;
      const selfHosted = editor.平台 !== 'github';
      if (selfHosted && !editor.网址) ctx.addIssue({ code: 'custom', path: ['网址'], input: editor, message: `平台是 ${editor.平台} 时要写它的网址，例如 https://git.example.gov.cn` });
      if (selfHosted && !editor.应用ID) ctx.addIssue({ code: 'custom', path: ['应用ID'], input: editor, message: '要写在平台上登记的 OAuth 应用的 Client ID（登记时不要勾选“机密客户端”），见编辑指南“在线编辑”' });
      if (editor.平台 === 'github' && !editor.登录服务) ctx.addIssue({ code: 'custom', path: ['登录服务'], input: editor, message: 'GitHub 要写一个 OAuth 登录服务的地址（GitHub 不支持在浏览器里直接登录），见编辑指南“在线编辑”' });
    })
      .optional()
      .meta({ description: '写了才在网站上生成 /admin/（在线编辑）：员工用代码托管平台的账号登录，在浏览器里用表单修改内容；不写时网站没有 /admin/' }),
  ],
});

/** The rules a site sets for its project files (schema options of projectSchema). */
export function projectRulesOf(site: SiteConfig | undefined): ProjectRules {
  if (!site) return DEFAULT_PROJECT_RULES;
  const code = site.projectCode;
  return {
    framework: site.indicatorFramework,
    codeRule: code ? { pattern: new RegExp(`^(?:${code.pattern.replace(/^\^|\$$/g, '')})$`), description: code.description, example: code.example } : HEBEI_CODE_RULE,
    layout: layoutNamed(site.layout)!,
  };
}

export type SiteConfig = z.output<typeof siteSchema>;
