// The corpus of published tables (tests/fixtures/published/) as one county's site: every table
// the importer takes (the others are refused, with their reasons, in tests/published-*.test.ts)
// imported with `npm run import` as a maintainer would, into one content folder, then checked with
// `npm run validate`. The browser test (corpus.test.ts) builds it and reads every table's page.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers.ts';
import { PUBLISHED_DIR, readTranscription } from '../fixtures/published/transcription.ts';

/**
 * What the maintainer passes (as the unit tests do, tests/published-targets.test.ts and
 * published-results.test.ts): --unit where the table prints no unit code, --year where it prints
 * no year (a result table's year is passed always, as those tests do). Where those tests use the
 * stand-in code 999001, each table here has a code of its own (9990xx): on one site, two units
 * with the same code in one year would be one unit with two names.
 */
export const CORPUS_IMPORTS: { id: string; args: string[] }[] = [
  { id: 'ah-jinzhai-2021-project', args: ['--unit', '999001 安徽金寨经济开发区管理委员会'] },
  { id: 'ah-mengcheng-2024-project', args: ['--unit', '999002 蒙城县卫生健康委员会'] },
  { id: 'cq-rongchang-linye-2022-project', args: ['--unit', '999003'] },
  { id: 'fj-anxi-shuili-2022-project', args: ['--unit', '999004 安溪县水利局'] },
  { id: 'fj-longyan-minzong-2023-project', args: [] },
  { id: 'fj-xiuyu-shuili-2025-project', args: ['--unit', '999005 秀屿区水利局'] },
  { id: 'gd-dongguan-jiaotong-2019-project-approval', args: ['--unit', '999006'] },
  { id: 'hub-qingshan-2020-project', args: ['--unit', '015001 武汉市青山区教育局'] },
  { id: 'hub-qingshan-bxxx-2020-project', args: ['--unit', '999007 化工区学校'] },
  { id: 'hun-xiangtan-2023-project', args: ['--unit', '999008'] },
  { id: 'jx-fuliang-linye-2026-department', args: ['--year', '2026'] },
  { id: 'nmg-wuhai-gongxiaoshe-2021-project', args: ['--unit', '433001 乌海市供销合作社联合社'] },
  { id: 'sn-qingjian-2021-project', args: ['--unit', '999009 清涧县交通运输局'] },
  { id: 'hb-langfang-2019-evaluation', args: ['--unit', '999010', '--year', '2019'] },
  { id: 'hub-ezhou-2019-evaluation', args: ['--unit', '999011', '--year', '2019'] },
  { id: 'hub-ezhou-zwgl-2019-evaluation', args: ['--unit', '999012', '--year', '2019'] },
  { id: 'hub-huangshi-2019-monitoring', args: ['--unit', '999013', '--year', '2019'] },
  { id: 'hub-huangshi-2022-evaluation', args: ['--unit', '999014', '--year', '2022'] },
  { id: 'sc-qingshen-fagai-2023-evaluation', args: ['--unit', '999015', '--year', '2023'] },
  { id: 'sc-zhongjiang-shuili-2022-evaluation', args: ['--unit', '999016', '--year', '2022'] },
  { id: 'yn-changning-2022-evaluation', args: ['--unit', '999017', '--year', '2022'] },
];

/**
 * The site's 指标体系: what a county whose units publish on all these templates writes out — the
 * default (中发〔2018〕34号) with 财预〔2021〕101号's 一级 成本指标 (福建 秀屿), the older templates'
 * 社会公众或服务对象满意度指标 under 效益指标 (湖北 青山, 湖南), 湖北's 满意度指标 under 满意度指标,
 * and 东莞's 预期产出指标 / 效果指标. The unit tests check each table under its own framework;
 * one framework naming them all lets one site (one build) hold every table.
 */
const SITE_YAML = `网站名称: 测试用：公开表格语料
主办单位: 测试用（不发布）
联系方式:
  地址: 测试地址
基础路径: /
指标体系:
  - 一级指标: 产出指标
    二级指标: [数量指标, 质量指标, 时效指标, 成本指标]
  - 一级指标: 成本指标
    二级指标: [经济成本指标, 社会成本指标, 生态环境成本指标]
  - 一级指标: 效益指标
    二级指标: [经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标, 社会公众或服务对象满意度指标]
  - 一级指标: 满意度指标
    二级指标: [服务对象满意度指标, 满意度指标]
  - 一级指标: 预期产出指标
    二级指标: [数量指标(或建筑规模指标), 质量指标, 时效指标(工期指标、形象进度指标), 预算(或投资规模)控制指标]
  - 一级指标: 效果指标
    二级指标: [社会、经济、生态效益指标]
`;

export interface CorpusTable {
  id: string;
  /** The file the import wrote (absolute path). */
  file: string;
  /** Its content, as parsed. */
  data: Record<string, unknown>;
  /** What the import command printed (its notices included). */
  stdout: string;
  /** The table's page, below the site's base: `2022/999003/projects/sb-1cacb753/`. */
  page: string;
}

/** The page a target, department or result file is shown on. */
function pageOf(file: string, data: Record<string, unknown>): string {
  const unit = `${String(data['年度'])}/${String(data['单位编码'])}`;
  if (/department(-evaluation)?\.yaml$/.test(file)) return `${unit}/department/`;
  return `${unit}/projects/${String(data['项目编码'] ?? data['网址标识'])}/`;
}

/** Imports every table of CORPUS_IMPORTS into a new content folder `dir`; throws on any refusal. */
export function importCorpus(dir: string, root: string): CorpusTable[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.yaml'), SITE_YAML);
  copyFileSync(join(root, 'content/about.md'), join(dir, 'about.md'));
  return CORPUS_IMPORTS.map(({ id, args }) => {
    const word = ['doc', 'docx'].includes(readTranscription(id).原格式);
    const result = runCli('import', [join(PUBLISHED_DIR, `${id}.${word ? 'docx' : 'xlsx'}`), '--content', dir, ...args]);
    if (result.status !== 0) throw new Error(`npm run import of ${id} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    const written = [...result.stdout.matchAll(/到 (\S+\.yaml)/g)].map((m) => m[1]!);
    if (written.length !== 1) throw new Error(`npm run import of ${id} wrote ${written.length} files:\n${result.stdout}`);
    const file = written[0]!;
    const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return { id, file, data, stdout: result.stdout, page: pageOf(file, data) };
  });
}
