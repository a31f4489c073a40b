import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  aboutDescription,
  absoluteUrl,
  clampDescription,
  countyHomeDescription,
  countyYearDescription,
  dataDescription,
  departmentDescription,
  firstParagraphOf,
  indicatorsDescription,
  MAX_DESCRIPTION,
  projectDescription,
  resultsOnlyDescription,
  searchDescription,
  socialTags,
  unitYearDescription,
} from '../src/lib/views/page-meta.ts';
import { projectSchema } from '../src/schema/project.ts';

const dir = 'content/2023/483001/projects';
const projects = readdirSync(dir).sort().map((f) => projectSchema().parse(parse(readFileSync(`${dir}/${f}`, 'utf8'))));
const garbage = projects.find((p) => p.code === '13022923P00JXC415564L')!;
const uy = { year: 2023, unit: '483001', unitName: '玉田县林南仓镇人民政府本级', projects: projects.map((data) => ({ data })) };

describe('meta descriptions from the data', () => {
  it('says a project’s unit, year, name, budget with its phase and sources, and indicator count', () => {
    expect(projectDescription(garbage)).toBe('玉田县林南仓镇人民政府本级 2023年项目“2022年村级垃圾清运及焚烧”：预算数 219,800.00 元（年初预算；财政资金 219,800.00 元），9 条绩效指标。');
    expect(projectDescription({ ...garbage, fiscal: '200000.00', other: '19800.00' })).toContain('（年初预算；财政资金 200,000.00 元；其他资金 19,800.00 元）');
    // 万元 tables are shown in 元, computed exactly.
    expect(projectDescription({ ...garbage, moneyUnit: '万元', total: '21.98', fiscal: undefined })).toContain('预算数 219,800.00 元（年初预算）');
  });

  it('sums a unit’s year, a county’s year and describes the county home page', () => {
    expect(unitYearDescription(uy)).toBe('玉田县林南仓镇人民政府本级（单位编码 483001）2023年预算绩效目标：14 个项目，预算数合计 3,167,310.00 元（年初预算），126 条绩效指标。');
    expect(countyYearDescription(2023, [uy, { ...uy, unit: '483002', projects: uy.projects.slice(0, 1) }])).toBe('2023年各单位预算绩效目标：2 个单位、15 个项目，预算数合计 3,387,110.00 元（年初预算）。');
    expect(countyHomeDescription('某县预算公开', [uy, { ...uy, year: 2024 }])).toBe('某县预算公开：1 个单位 2024年、2023年的部门预算绩效目标，共 28 张项目绩效目标表，可检索、可下载。');
    expect(countyHomeDescription('某县预算公开', [])).toBe('某县预算公开：还没有公开任何预算绩效目标。');
    expect(unitYearDescription({ ...uy, projects: [] })).toContain('部门整体绩效目标');
  });

  it('describes the other pages', () => {
    expect(indicatorsDescription(uy)).toContain('14 个项目共 126 条');
    expect(departmentDescription(uy, '整体绩效目标：做好工作。')).toBe('玉田县林南仓镇人民政府本级 2023年部门整体绩效目标：整体绩效目标：做好工作。');
    expect(departmentDescription(uy)).toBe('玉田县林南仓镇人民政府本级 2023年部门整体绩效目标。');
    expect(resultsOnlyDescription(uy, '某项目', ['执行监控', '绩效自评'])).toBe('玉田县林南仓镇人民政府本级 2023年项目“某项目”的执行监控和绩效自评：资金执行和每条绩效指标的完成情况。');
    expect(searchDescription('某站')).toMatch(/^搜索某站的/);
    expect(dataDescription('某站', 14, 126)).toContain('14 个项目、126 条绩效指标');
  });

  it('takes the 说明 page’s description from its first paragraph, without Markdown marks', () => {
    expect(firstParagraphOf('# 说明\n\n## 这个网站\n\n本网站**公开**[预算](x)。\n第二行。\n\n后文')).toBe('本网站公开预算。第二行。');
    expect(firstParagraphOf('# 只有标题\n\n- 列表')).toBeUndefined();
    expect(aboutDescription('# 说明', '某站')).toBe('某站的说明与名词解释。');
    expect(aboutDescription(readFileSync('content/about.md', 'utf8'), '某站')).toMatch(/^本网站公开玉田县林南仓镇/);
  });

  it('keeps every description to one line of at most MAX_DESCRIPTION characters', () => {
    expect(clampDescription('甲\n 乙')).toBe('甲 乙');
    const long = clampDescription('字'.repeat(400));
    expect([...long]).toHaveLength(MAX_DESCRIPTION);
    expect(long.endsWith('…')).toBe(true);
    for (const p of projects) expect([...projectDescription(p)].length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });
});

describe('canonical and Open Graph addresses', () => {
  it('makes no address without 网站地址: a relative one would be wrong', () => {
    expect(absoluteUrl(undefined, '/', '/2023/483001/')).toBeUndefined();
    expect(socialTags({ base: '/', pathname: '/', title: 't', description: 'd', siteName: 's' })).toBeUndefined();
  });

  it('joins 网站地址, 基础路径 and the page path', () => {
    expect(absoluteUrl('https://www.example.gov.cn', '/', '/2023/483001/')).toBe('https://www.example.gov.cn/2023/483001/');
    expect(absoluteUrl('https://www.example.gov.cn/', '/yusuan/', '/yusuan/search/')).toBe('https://www.example.gov.cn/yusuan/search/');
    expect(absoluteUrl('https://www.example.gov.cn', '/yusuan/', '/yusuan/')).toBe('https://www.example.gov.cn/yusuan/');
    expect(absoluteUrl('https://www.example.gov.cn', '/', '/')).toBe('https://www.example.gov.cn/');
  });

  it('writes canonical and the six Open Graph properties', () => {
    const tags = socialTags({ siteUrl: 'https://x.gov.cn', base: '/yusuan/', pathname: '/yusuan/about/', title: '说明 - 某站', description: '描述', siteName: '某站' })!;
    expect(tags.canonical).toBe('https://x.gov.cn/yusuan/about/');
    expect(Object.fromEntries(tags.openGraph)).toEqual({
      'og:type': 'website',
      'og:site_name': '某站',
      'og:locale': 'zh_CN',
      'og:title': '说明 - 某站',
      'og:description': '描述',
      'og:url': 'https://x.gov.cn/yusuan/about/',
    });
  });
});
