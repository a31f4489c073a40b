// npm run province:example: (re)writes the province example's fictitious counties under
// examples/province/counties/<区划代码>/content/ (示例数据). The files are committed so that the
// example can be read without running anything; this script is how they were made, and running it
// again writes byte-identical files (each county has its own seed).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEPARTMENTS, syntheticCounty, writeSyntheticUnits } from '../lib/commands/synthetic-county.ts';

const REPO = process.cwd();
const COUNTIES_DIR = join(REPO, 'examples/province/counties');
const YEAR = 2023;

/**
 * 99 is no province's 区划代码, so these codes (and every 项目编码, which starts with them) cannot be
 * mistaken for a real county's. Names say 示例 for the same reason.
 */
const EXAMPLE_COUNTIES = [
  { code: '990101', name: '示例甲县', seed: 101 },
  { code: '990102', name: '示例乙县', seed: 102 },
  { code: '990103', name: '示例丙县', seed: 103 },
] as const;
const UNITS = 2;
const PROJECTS_PER_UNIT = 10;

function siteYaml(name: string): string {
  // No 基础路径: where each county lives in the province (/<区划代码>/) is set by the province
  // build (GONGKAI_BASE), so the same folder also builds on its own at /.
  return [
    '# yaml-language-server: $schema=../../../../../schemas/site.schema.json',
    `# 示例数据：一个虚构的县（省级门户示例，由 npm run province:example 生成），不是任何单位的批复文件。`,
    `网站名称: ${name}预算绩效公开（示例数据）`,
    '示例数据: true',
    `主办单位: ${name}财政局（虚构）`,
    '联系方式:',
    `  地址: 示例省${name}`,
    '',
  ].join('\n');
}

async function aboutMd(name: string): Promise<string> {
  // The glossary (名词解释) and contact section of the bundled unit's about.md: every page reads
  // the glossary, and it is the same for every county.
  const bundled = await readFile(join(REPO, 'content/about.md'), 'utf8');
  const glossary = bundled.slice(bundled.indexOf('## 名词解释'));
  return [
    '# 说明',
    '',
    '## 这是示例数据',
    '',
    `本网站的数据是虚构的，仅用于演示，不是任何单位的批复文件。“${name}”、它的单位和所有项目编码都是编造的，项目表由程序随机组合常见用语生成。`,
    '',
    `它是省级门户示例（\`npm run province\`）中的一个县：每个县单独构建，省级门户合并各县的搜索。`,
    '',
    glossary,
  ].join('\n');
}

for (const county of EXAMPLE_COUNTIES) {
  const contentDir = join(COUNTIES_DIR, county.code, 'content');
  await rm(contentDir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  await writeFile(join(contentDir, 'site.yaml'), siteYaml(county.name));
  await writeFile(join(contentDir, 'about.md'), await aboutMd(county.name));
  const generator = syntheticCounty({ seed: county.seed, county: county.code, countyName: county.name, year: YEAR });
  const written = await writeSyntheticUnits(contentDir, generator, {
    projects: UNITS * PROJECTS_PER_UNIT,
    units: UNITS,
    year: YEAR,
    firstUnit: 910001,
    // Departments rather than the bench's towns: those are real town names of one county.
    unitName: (i) => `${county.name}${DEPARTMENTS[i % DEPARTMENTS.length]}本级`,
  });
  console.log(`${county.code} ${county.name}：${UNITS} 个单位，${written.length} 个项目 → ${contentDir}`);
}
