// A synthetic county's content: realistic project tables and department targets made of random
// combinations of real Chinese wording (npm run bench), and the province example's fictitious
// counties (examples/province, npm run province). Deterministic: the same options write
// byte-identical files, so generated fixtures can be committed and regenerated.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DepartmentInput } from '../../schema/department.ts';
import type { ProjectInput } from '../../schema/project.ts';
import { departmentYaml, projectYaml } from '../import/write-yaml.ts';

// ---------------------------------------------------------------------------------------------
// Word lists for realistic Chinese text

const PLACES = ['村级', '镇区', '农村', '社区', '中小学', '乡镇卫生院', '敬老院', '全镇', '辖区', '重点村'];
const SUBJECTS = [
  '道路', '垃圾清运', '人居环境', '安全生产', '饮水', '绿化', '路灯', '水利设施', '文化广场', '养老服务',
  '坑塘', '厕所改造', '污水处理', '河道', '森林防火', '防汛', '秸秆禁烧', '党员活动室', '便民服务中心', '农田水利',
];
const ACTIONS = ['维修', '补助', '培训', '整治', '运行维护', '建设', '保洁', '管护', '专项经费', '改造提升', '设备购置', '宣传'];
const TOWNS = [
  '林南仓镇', '鸦鸿桥镇', '窝洛沽镇', '石臼窝镇', '虹桥镇', '散水头镇', '孤树镇', '杨家板桥镇', '亮甲店镇', '彩亭桥镇',
  '林西镇', '唐自头镇', '陈家铺乡', '郭家屯乡', '杨家套乡', '潮洛窝乡', '玉田镇', '郭家桥乡', '大安镇乡', '无终街道',
];
/** Departments of a county government (the fictitious counties' unit names are made of them). */
export const DEPARTMENTS = ['教育局', '卫生健康局', '农业农村局', '交通运输局', '水务局', '民政局', '自然资源和规划局', '应急管理局', '文化广电和旅游局', '住房和城乡建设局'];
const BASES = ['预算安排', '历史数据', '计划标准', '行业标准', '上年完成情况', '预算'];

/** One entry per 二级指标 of the default framework: name pool and value pool. */
export const INDICATORS: { level1: string; level2: string; names: string[]; values: string[] }[] = [
  { level1: '产出指标', level2: '数量指标', names: ['清运垃圾吨数', '维修道路里程', '培训人次', '覆盖行政村数', '补助户数', '设施数量', '保洁人员数量'], values: ['≥1200吨', '≥3.5公里', '≥200人次', '42个', '=1个', '≥90百分百', '≥15人'] },
  { level1: '产出指标', level2: '质量指标', names: ['工程验收合格率', '清洁度', '设施完好率', '培训合格率', '资金使用合规率'], values: ['≥95%', '100%', '≥90%', '≥98%', '优'] },
  { level1: '产出指标', level2: '时效指标', names: ['完成及时性', '资金拨付及时率', '项目完成时间', '清运及时性'], values: ['12月底前完成', '及时', '≥95%', '2023年10月底前', '按月完成'] },
  { level1: '产出指标', level2: '成本指标', names: ['项目总成本', '单位成本', '市场价格', '成本控制率'], values: ['≤219800元', '≤85元/吨', '≤市场价格', '≤100%', '≤30万元'] },
  { level1: '效益指标', level2: '经济效益指标', names: ['节约成本', '带动农户增收', '降低运行费用', '成本节约'], values: ['≥5%', '≥2万元', '有所降低', '≥1成本节约'] },
  { level1: '效益指标', level2: '社会效益指标', names: ['群众出行条件改善', '提供优质服务', '安全事故发生率', '公共服务水平提升'], values: ['明显改善', '有效提升', '≤0.1%', '≥90%'] },
  { level1: '效益指标', level2: '生态效益指标', names: ['村容村貌改善', '生态环境质量', '绿化覆盖率', '生态效益增长率'], values: ['明显改善', '≥35%', '逐步提高', '≥1生态效益增长率'] },
  { level1: '效益指标', level2: '可持续影响指标', names: ['长效管护机制', '影响期限', '设施使用年限', '持续发挥作用'], values: ['建立健全', '≥5年', '≥10年', '长期'] },
  { level1: '满意度指标', level2: '服务对象满意度指标', names: ['群众满意度', '受益群众满意度', '委托方满意度', '服务对象满意度'], values: ['≥95%', '≥90%', '≥85%', '≥90百分百'] },
];

// ---------------------------------------------------------------------------------------------
// Synthetic content

const fenText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const CODE_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface SyntheticCountyOptions {
  seed: number;
  /** 6-digit 区划代码: the first digits of every 项目编码 (the default code rule checks the form only). */
  county: string;
  /** Prefix of the unit names, e.g. 玉田县. */
  countyName: string;
  year: number;
}

/**
 * A generator with its own random numbers (mulberry32 from the seed) and its own set of used
 * project codes: two counties generated in one process do not disturb each other's sequence.
 */
/** Random numbers in [0, 1) from a seed (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = (seed * 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCounty({ seed, county, countyName, year }: SyntheticCountyOptions) {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;

  const usedCodes = new Set<string>();
  /** `^\d{8}P[0-9A-Z]{12}$`, unique in the run. */
  function projectCode(): string {
    for (;;) {
      let tail = '';
      for (let i = 0; i < 12; i++) tail += pick([...CODE_CHARS]);
      const code = `${county}${String(year % 100).padStart(2, '0')}P${tail}`;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  }

  /** Cumulative percents at 3/6/10/12 months end: non-decreasing, ending at 100, early ones sometimes empty. */
  function spendingPlan(): ProjectInput['资金支出计划'] {
    const a = int(0, 40);
    const b = int(a, 70);
    const c = int(b, 100);
    const percents: (number | null)[] = [a, b, c, 100];
    if (chance(0.15)) percents[0] = null; // 原表未列计划
    if (chance(0.05)) percents[1] = null;
    // A two-decimal percent now and then, where it keeps the plan non-decreasing.
    if (a <= 33.33 && c >= 33.33 && chance(0.1)) percents[1] = 33.33;
    return [3, 6, 10, 12].map((月份, i) => ({ 月份, 累计比例: percents[i]! }));
  }

  function indicators(): ProjectInput['绩效指标'] {
    const rows: ProjectInput['绩效指标'] = [];
    for (const category of INDICATORS) {
      // Usually one row per 二级指标, sometimes two 数量指标 rows (the real tables vary).
      const count = category.level2 === '数量指标' && chance(0.3) ? 2 : 1;
      const names = [...category.names].sort(() => random() - 0.5).slice(0, count);
      for (const name of names) {
        // Keys in the approved table's column order; the two optional columns are sometimes empty.
        const description = chance(0.8) ? (chance(0.5) ? name : `反映${name}情况`) : undefined;
        const value = pick(category.values);
        const basis = chance(0.9) ? pick(BASES) : undefined;
        rows.push({
          一级指标: category.level1,
          二级指标: category.level2,
          三级指标: name,
          ...(description === undefined ? {} : { 绩效指标描述: description }),
          指标值: value,
          ...(basis === undefined ? {} : { 指标值确定依据: basis }),
        });
      }
    }
    return rows;
  }

  function project(unitCode: string, unitName: string, index: number): ProjectInput {
    const name = `${year}年${pick(PLACES)}${pick(SUBJECTS)}${pick(ACTIONS)}`;
    // Log-uniform budget between 5,000 and 5,000,000 yuan, in fen so the sum is exact.
    const totalFen = Math.round(Math.exp(Math.log(500_000) + random() * Math.log(1000)));
    const otherFen = chance(0.3) ? Math.floor(totalFen * random() * 0.5) : 0;
    const table: ProjectInput = {
      单位编码: unitCode,
      单位名称: unitName,
      年度: year,
      原文标题: `${index + 1}.${name}绩效目标表`,
      金额单位: '元',
      预算阶段: '年初预算',
      项目编码: projectCode(),
      项目名称: name,
      预算数: fenText(totalFen),
      财政资金: fenText(totalFen - otherFen),
      资金用途: `用于${name.slice(5)}，保障${pick(SUBJECTS)}工作正常开展`,
      资金支出计划: spendingPlan(),
      绩效目标: chance(0.2) ? ['1.目标内容1'] : [`1.完成${name.slice(5)}任务，${pick(['改善群众生产生活条件', '保障工作顺利开展', '提升公共服务水平'])}`, `2.资金使用规范，${pick(['按时拨付', '专款专用', '无违规使用'])}`],
      绩效指标: indicators(),
    };
    if (otherFen > 0) table.其他资金 = fenText(otherFen);
    return table;
  }

  function department(unitCode: string, unitName: string): DepartmentInput {
    const functions = ['党政综合', '经济发展', '社会事务', '农业农村'];
    return {
      单位编码: unitCode,
      单位名称: unitName,
      年度: year,
      总体绩效目标: [`整体绩效目标：${year}年深入贯彻中央和省、市、县重要会议精神，在${pick(SUBJECTS)}、${pick(SUBJECTS)}等方面抓重点、攻难点，确保各项工作任务按时完成。`],
      分项绩效目标: functions.slice(0, int(2, 4)).map((职能) => {
        const task = `${pick(SUBJECTS)}${pick(ACTIONS)}`;
        return {
          职能,
          职能描述: `负责${职能}相关工作`,
          年度目标: `做好${task}等工作`,
          工作任务: task,
          任务描述: `负责${task}的组织实施和监督检查`,
          绩效指标: `绩效目标${task}的完成情况`,
          指标值: pick(['>=90%', '>=95%', '100%']),
          指标描述: `${task}的完成情况`,
          评价标准: '优',
        };
      }),
      工作保障措施: {
        引言: '为实现上述本年度的发展规划目标，主要拟定了以下几项保障措施：',
        措施: ['1、加强组织领导，明确责任分工。', '2、规范资金管理，确保专款专用。'],
      },
    };
  }

  function unitName(i: number): string {
    const list = [...TOWNS.map((t) => `${countyName}${t}人民政府本级`), ...DEPARTMENTS.map((d) => `${countyName}${d}本级`)];
    const base = list[i % list.length]!;
    const round = Math.floor(i / list.length);
    return round === 0 ? base : `${base}（${round + 1}）`;
  }

  return { project, department, unitName, usedCodes };
}

export type SyntheticCounty = ReturnType<typeof syntheticCounty>;

/**
 * Writes `projects` project tables spread over `units` units (each with its department file)
 * under <contentDir>/<year>/<unit code>/, unit codes counting up from `firstUnit`. Returns the
 * number of project files written. site.yaml and about.md are the caller's: they differ between
 * a benchmark and a demonstration.
 */
/** Each generated project file: its path, code, name and text, its unit and its 预算数 (元, as written). */
export interface SyntheticFile {
  file: string;
  code: string;
  name: string;
  text: string;
  unit: string;
  unitName: string;
  amount: string;
}

export async function writeSyntheticUnits(
  contentDir: string,
  generator: SyntheticCounty,
  { projects, units, year, firstUnit, unitName = generator.unitName }: { projects: number; units: number; year: number; firstUnit: number; unitName?: (i: number) => string },
): Promise<SyntheticFile[]> {
  const written: SyntheticFile[] = [];
  for (let u = 0; u < units; u++) {
    const unitCode = String(firstUnit + u);
    const name = unitName(u);
    const dir = join(contentDir, String(year), unitCode);
    await mkdir(join(dir, 'projects'), { recursive: true });
    await writeFile(join(dir, 'department.yaml'), departmentYaml(generator.department(unitCode, name)));
    // Spread the projects as evenly as possible: the first projects % units units get one more.
    const count = Math.floor(projects / units) + (u < projects % units ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const table = generator.project(unitCode, name, i);
      const file = join(dir, 'projects', `${String(i + 1).padStart(2, '0')}-${table.项目编码}.yaml`);
      const text = projectYaml(table);
      await writeFile(file, text);
      written.push({ file, code: table.项目编码!, name: table.项目名称, text, unit: unitCode, unitName: name, amount: String(table.预算数) }); // project() always writes a code
    }
  }
  return written;
}
