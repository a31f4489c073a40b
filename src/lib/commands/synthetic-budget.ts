// A synthetic unit's 部门预算 and 部门决算 with their 情况说明 (npm run bench -- --budgets): made-up amounts,
// consistent so that every identity `npm run validate` checks holds (src/lib/budget/budget-check.ts) —
// 类 = Σ款 = Σ项, each row's 合计 = 基本 + 项目, the 总表 against the 支出表, the 财政拨款 columns against the
// 一般公共预算 table, 基本支出 = 人员经费 + 公用经费, "三公" = 出国 + 公务用车 + 接待, and the 说明's figures.
// The 项目支出 are the unit's synthetic projects (their 预算数 rounded to 万元 with two decimals), listed
// in a 项目支出表, so a county of 1,000 projects has budgets of the size such a county publishes.
// The 预算 uses the central eight tables, the 决算 the 上海 set (the only 决算 set described), as the
// example county does. Deterministic: the same seed writes the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BudgetDocument, BudgetTable } from '../../schema/budget.ts';
import { budgetYaml } from '../budget/budget-yaml.ts';
import { seededRandom, type SyntheticFile } from './synthetic-county.ts';

/** A 功能分类 项 with its 款 and 类 (names as the 科目 tables print them; none holds a bracket, which the 说明's “类（类）款（款）项（项）” could not carry). */
type Subject = [kind: string, kindName: string, section: string, sectionName: string, item: string, itemName: string];
const GOV = ['201', '一般公共服务支出', '20132', '组织事务'] as const;
const PENSION = ['208', '社会保障和就业支出', '20805', '行政事业单位养老支出'] as const;
/** The 项 of 基本支出 (人员 and 运行), each fed by economic items below. */
const BASIC: Record<'run' | 'retired' | 'pension' | 'medical' | 'housing', Subject> = {
  run: [...GOV, '2013201', '行政运行'],
  retired: [...PENSION, '2080501', '行政单位离退休'],
  pension: [...PENSION, '2080505', '机关事业单位基本养老保险缴费支出'],
  medical: ['210', '卫生健康支出', '21011', '行政事业单位医疗', '2101101', '行政单位医疗'],
  housing: ['221', '住房保障支出', '22102', '住房改革支出', '2210201', '住房公积金'],
};
/** The 项 a project's money goes to (one per project, by chance). */
const PROJECT_SUBJECTS: Subject[] = [
  ['207', '文化旅游体育与传媒支出', '20701', '文化和旅游', '2070109', '群众文化'],
  ['212', '城乡社区支出', '21203', '城乡社区公共设施', '2120399', '其他城乡社区公共设施支出'],
  ['212', '城乡社区支出', '21205', '城乡社区环境卫生', '2120501', '城乡社区环境卫生'],
  ['213', '农林水支出', '21303', '水利', '2130399', '其他水利支出'],
  ['213', '农林水支出', '21307', '农村综合改革', '2130705', '对村民委员会和村党支部的补助'],
  ['224', '灾害防治及应急管理支出', '22401', '应急管理事务', '2240106', '安全监管'],
];
/** 部门预算经济分类 款 of 基本支出: code, name, which 功能分类 项 pays it, 人员 or 公用, range in 万元. */
const ECONOMIC: [code: string, name: string, paidBy: keyof typeof BASIC, person: boolean, min: number, max: number][] = [
  ['30101', '基本工资', 'run', true, 80, 300],
  ['30102', '津贴补贴', 'run', true, 40, 200],
  ['30108', '机关事业单位基本养老保险缴费', 'pension', true, 15, 60],
  ['30110', '职工基本医疗保险缴费', 'medical', true, 8, 30],
  ['30113', '住房公积金', 'housing', true, 10, 40],
  ['30201', '办公费', 'run', false, 5, 30],
  ['30211', '差旅费', 'run', false, 2, 10],
  ['30217', '公务接待费', 'run', false, 0.5, 3],
  ['30231', '公务用车运行维护费', 'run', false, 2, 8],
  ['30299', '其他商品和服务支出', 'run', false, 3, 20],
  ['30302', '退休费', 'retired', true, 5, 40],
];
const ECONOMIC_KINDS: Record<string, string> = { '301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助' };

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Hundredths of 万元 as printed: 1234.50. */
const wan = (c: number) => (c / 100).toFixed(2);
const blank = (c: number) => (c === 0 ? '' : wan(c));
const pct = (part: number, whole: number) => ((part / whole) * 100).toFixed(2);
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** One year's money of a unit, in hundredths of 万元: each 项's 基本 and 项目 amounts, each economic 款, the projects. */
interface Money {
  items: Map<string, { subject: Subject; basic: number; project: number }>;
  economic: Map<string, number>;
  projects: { code: string; name: string; item: string; amount: number }[];
}

const total = (m: Money, part: 'basic' | 'project' | 'both' = 'both') => sumOf([...m.items.values()].map((x) => (part === 'both' ? x.basic + x.project : x[part])));

/** The rows of a 功能分类 table: 类, 款, 项 in code order with their amounts (one column per value). */
function functionRows(m: Money, values: (x: { basic: number; project: number }) => number[]): string[][] {
  const rows: string[][] = [];
  const items = [...m.items.values()].sort((a, b) => a.subject[4].localeCompare(b.subject[4]));
  const add = (xs: typeof items) => xs.reduce((acc, x) => values(x).map((v, i) => (acc[i] ?? 0) + v), [] as number[]);
  for (const kind of [...new Set(items.map((x) => x.subject[0]))]) {
    const inKind = items.filter((x) => x.subject[0] === kind);
    rows.push([kind, inKind[0]!.subject[1], ...add(inKind).map(wan)]);
    for (const section of [...new Set(inKind.map((x) => x.subject[2]))]) {
      const inSection = inKind.filter((x) => x.subject[2] === section);
      rows.push([section, inSection[0]!.subject[3], ...add(inSection).map(wan)]);
      for (const x of inSection) rows.push([x.subject[4], x.subject[5], ...values(x).map(wan)]);
    }
  }
  return rows;
}

/** The 类 of a year's money with their totals (the 总表's 支出 lines). */
function kinds(m: Money): { code: string; name: string; amount: number }[] {
  const out = new Map<string, { code: string; name: string; amount: number }>();
  for (const x of [...m.items.values()].sort((a, b) => a.subject[4].localeCompare(b.subject[4]))) {
    const k = out.get(x.subject[0]) ?? { code: x.subject[0], name: x.subject[1], amount: 0 };
    k.amount += x.basic + x.project;
    out.set(x.subject[0], k);
  }
  return [...out.values()];
}

const heading = (title: string, unitName: string) => [title, `编制单位：${unitName}（性能测试合成数据） 单位：万元`];

/** The 部门预算 (central eight tables and a 项目支出表) and its 说明. */
function budgetDocument(m: Money, unit: { name: string; year: number }): { doc: BudgetDocument; note: string } {
  const all = total(m);
  const basic = total(m, 'basic');
  const project = total(m, 'project');
  const ks = kinds(m);
  const lines = Math.max(6, ks.length);
  const incomeSide = [['一、财政拨款收入', wan(all)], ['1. 一般公共预算', wan(all)], ['2. 政府性基金预算', ''], ['3. 国有资本经营预算', ''], ['二、事业收入', ''], ['三、其他收入', '']];
  const totalRows = Array.from({ length: lines }, (_, i) => [...(incomeSide[i] ?? ['', '']), ...(ks[i] ? [`${NUMERALS[i]}、${ks[i]!.name}`, wan(ks[i]!.amount)] : ['', ''])]);
  const grantRows = Array.from({ length: Math.max(3, ks.length) }, (_, i) => [
    ...([['一、一般公共预算', wan(all)], ['二、政府性基金预算', ''], ['三、国有资本经营预算', '']][i] ?? ['', '']),
    ...(ks[i] ? [`${NUMERALS[i]}、${ks[i]!.name}`, wan(ks[i]!.amount), wan(ks[i]!.amount), '', ''] : ['', '', '', '', '']),
  ]);
  const spendRows = functionRows(m, (x) => [x.basic + x.project, x.basic, x.project]);
  const economic = [...m.economic];
  const person = sumOf(economic.filter(([code]) => ECONOMIC.find((e) => e[0] === code)![3]).map(([, v]) => v));
  const office = basic - person;
  const economicRows: string[][] = [];
  for (const kind of Object.keys(ECONOMIC_KINDS)) {
    const inKind = economic.filter(([code]) => code.startsWith(kind));
    const personal = (code: string) => ECONOMIC.find((e) => e[0] === code)![3];
    const kindTotal = sumOf(inKind.map(([, v]) => v));
    economicRows.push([kind, '', ECONOMIC_KINDS[kind]!, wan(kindTotal), kind === '302' ? '' : wan(kindTotal), kind === '302' ? wan(kindTotal) : '']);
    for (const [code, v] of inKind) economicRows.push([kind, code.slice(3), ECONOMIC.find((e) => e[0] === code)![1], wan(v), personal(code) ? wan(v) : '', personal(code) ? '' : wan(v)]);
  }
  const host = m.economic.get('30217')!;
  const car = m.economic.get('30231')!;
  const tables: BudgetTable[] = [
    {
      名称: '部门收支总表',
      前文: heading('部门收支总表', unit.name),
      行: [['收入', '', '支出', ''], ['项目', '预算数', '项目', '预算数'], ...totalRows, ['本年收入合计', wan(all), '本年支出合计', wan(all)], ['年初结转和结余', '', '年末结转和结余', ''], ['收入总计', wan(all), '支出总计', wan(all)]],
      合并: ['A1:B1', 'C1:D1'],
    },
    {
      名称: '部门收入总表',
      前文: heading('部门收入总表', unit.name),
      行: [['项目', '', '合计', '财政拨款收入', '事业收入', '其他收入'], ['科目编码', '科目名称', '', '', '', ''], ...functionRows(m, (x) => [x.basic + x.project, x.basic + x.project]).map((r) => [...r, '', '']), ['合计', '', wan(all), wan(all), '', '']],
    },
    { 名称: '部门支出总表', 前文: heading('部门支出总表', unit.name), 行: [['项目', '', '合计', '基本支出', '项目支出'], ['科目编码', '科目名称', '', '', ''], ...spendRows, ['合计', '', wan(all), wan(basic), wan(project)]] },
    {
      名称: '财政拨款收支总表',
      前文: heading('财政拨款收支总表', unit.name),
      行: [
        ['收入', '', '支出', '', '', '', ''],
        ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        ...grantRows,
        ['本年收入合计', wan(all), '本年支出合计', wan(all), wan(all), '', ''],
        ['年初财政拨款结转和结余', '', '年末财政拨款结转和结余', '', '', '', ''],
        ['收入总计', wan(all), '支出总计', wan(all), wan(all), '', ''],
      ],
      合并: ['A1:B1', 'C1:G1'],
    },
    { 名称: '一般公共预算支出表', 前文: heading('一般公共预算支出表', unit.name), 行: [['项目', '', '合计', '基本支出', '项目支出'], ['科目编码', '科目名称', '', '', ''], ...spendRows, ['合计', '', wan(all), wan(basic), wan(project)]] },
    {
      名称: '一般公共预算基本支出表',
      前文: heading('一般公共预算基本支出表', unit.name),
      行: [['项目', '', '', '一般公共预算基本支出', '', ''], ['经济分类科目编码', '', '经济分类科目名称', '合计', '人员经费', '公用经费'], ['类', '款', '', '', '', ''], ...economicRows, ['合计', '', '', wan(basic), wan(person), wan(office)]],
      合并: ['A1:C1', 'D1:F1', 'A2:B2'],
    },
    {
      名称: '一般公共预算“三公”经费支出表',
      前文: heading('一般公共预算“三公”经费支出表', unit.name),
      行: [
        ['“三公”经费预算数', '', '', '', '', '', '机关运行经费预算数'],
        ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', '', '', ''],
        ['', '', '', '小计', '公务用车购置费', '公务用车运行费', ''],
        [wan(host + car), '0.00', wan(host), wan(car), '0.00', wan(car), wan(office)],
      ],
      合并: ['A1:F1', 'G1:G3', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2'],
    },
    {
      名称: '政府性基金预算支出表',
      前文: heading('政府性基金预算支出表', unit.name),
      行: [['项目', '', '合计', '基本支出', '项目支出'], ['科目编码', '科目名称', '', '', ''], ['合计', '', '', '', '']],
      后文: [`注：本单位${unit.year}年没有政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出，故本表无数据。`],
    },
    {
      名称: '项目支出表',
      前文: heading('项目支出表', unit.name),
      行: [['项目编码', '项目名称', '功能分类科目编码', '预算数'], ...m.projects.map((p) => [p.code, p.name, p.item, wan(p.amount)]), ['合计', '', '', wan(project)]],
      后文: ['注：各项目的绩效目标见本单位的项目绩效目标表。'],
    },
  ];
  const listed = [...m.items.values()]
    .sort((a, b) => a.subject[4].localeCompare(b.subject[4]))
    .map((x, i) => `${i + 1}.“${x.subject[1]}（类）${x.subject[3]}（款）${x.subject[5]}（项）”${wan(x.basic + x.project)}万元，用于${x.project > 0 ? '本单位的项目' : '机关运行和人员'}。`);
  const note = [
    `# ${unit.name} ${unit.year} 年部门预算情况说明`,
    '',
    '> 性能测试合成数据：金额是随机生成的（各表之间相互一致），不是任何单位公开的文件。',
    '',
    '## 一、部门预算编制说明',
    '',
    `${unit.year}年，${unit.name}收入预算${wan(all)}万元，其中：财政拨款收入${wan(all)}万元。支出预算${wan(all)}万元，其中：财政拨款支出预算${wan(all)}万元。财政拨款支出预算中，一般公共预算拨款支出预算${wan(all)}万元，政府性基金拨款支出预算0.00万元，国有资本经营预算拨款支出预算0.00万元。`,
    '',
    '财政拨款支出主要用于以下方面：',
    '',
    ...listed.flatMap((l) => [l, '']),
    '## 二、其他相关情况说明',
    '',
    `${unit.year}年“三公”经费预算数为${wan(host + car)}万元，其中：因公出国（境）费0.00万元，公务用车购置及运行费${wan(car)}万元（其中：公务用车购置费0.00万元，公务用车运行费${wan(car)}万元），公务接待费${wan(host)}万元。`,
    '',
    `${unit.year}年机关运行经费预算为${wan(office)}万元。`,
    '',
  ].join('\n');
  const doc: BudgetDocument = {
    地区: '河北省唐山市玉田县',
    单位: unit.name,
    年度: unit.year,
    种类: '部门预算',
    表套: '中央规定的部门预算八张表',
    批复日期: `${unit.year}-01-25`,
    公开日期: `${unit.year}-02-06`,
    转录: '性能测试合成数据（npm run bench -- --budgets），不是任何单位公开的文件',
    表格: tables,
  };
  return { doc, note };
}

/** The 部门决算 (上海's nine tables) of the same year, against the budget it executed, and its 说明. */
function finalDocument(m: Money, planned: Money, unit: { name: string; year: number }): { doc: BudgetDocument; note: string } {
  const all = total(m);
  const basic = total(m, 'basic');
  const project = total(m, 'project');
  const ks = kinds(m);
  const incomeSide = ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、国有资本经营预算财政拨款收入', '四、上级补助收入', '五、事业收入', '六、经营收入', '七、附属单位上缴收入', '八、其他收入'];
  const totalRows = Array.from({ length: Math.max(8, ks.length) }, (_, i) => [incomeSide[i] ?? '', i === 0 ? wan(all) : '', ...(ks[i] ? [`${NUMERALS[i]}、${ks[i]!.name}`, wan(ks[i]!.amount)] : ['', ''])]);
  const grantRows = Array.from({ length: Math.max(3, ks.length) }, (_, i) => [
    ...([['一、一般公共预算财政拨款', wan(all)], ['二、政府性基金预算财政拨款', ''], ['三、国有资本经营预算财政拨款', '']][i] ?? ['', '']),
    ...(ks[i] ? [`${NUMERALS[i]}、${ks[i]!.name}`, wan(ks[i]!.amount), wan(ks[i]!.amount), '', ''] : ['', '', '', '', '']),
  ]);
  const personal = (code: string) => ECONOMIC.find((e) => e[0] === code)![3];
  const half = (kindCodes: string[]) =>
    kindCodes.flatMap((kind) => {
      const inKind = [...m.economic].filter(([code]) => code.startsWith(kind));
      return [[kind, ECONOMIC_KINDS[kind]!, wan(sumOf(inKind.map(([, v]) => v)))], ...inKind.map(([code, v]) => [code, ECONOMIC.find((e) => e[0] === code)![1], wan(v)])];
    });
  const left = half(['301', '303']);
  const right = half(['302']);
  const person = sumOf([...m.economic].filter(([code]) => personal(code)).map(([, v]) => v));
  const office = basic - person;
  const basicRows = Array.from({ length: Math.max(left.length, right.length) }, (_, i) => [...(left[i] ?? ['', '', '']), ...(right[i] ?? ['', '', ''])]);
  const [host, car] = [m.economic.get('30217')!, m.economic.get('30231')!];
  const [plannedHost, plannedCar] = [planned.economic.get('30217')!, planned.economic.get('30231')!];
  const emptyFund = (title: string, fund: string): BudgetTable => ({
    名称: title,
    前文: [title, '单位：万元'],
    行: [['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'], ['功能分类科目编码', '科目名称', '', '', '', '', '', ''], ['合计', '', '', '', '合计', '基本支出', '项目支出', '']],
    合并: ['A1:B1', 'A3:B3', 'C1:C2', 'D1:D2', 'E1:G2', 'H1:H2'],
    后文: [`说明：${unit.name}本年度没有${fund}预算财政拨款收入和支出，故本表无数据。`],
  });
  const spendRows = functionRows(m, (x) => [x.basic + x.project, x.basic, x.project]);
  const tables: BudgetTable[] = [
    {
      名称: '收入支出决算总表',
      前文: [`${unit.name} ${unit.year} 年度部门决算表（性能测试合成数据）`, '收入支出决算总表', '单位：万元'],
      行: [['收入', '', '支出', ''], ['项目', '决算数', '项目', '决算数'], ...totalRows, ['本年收入合计', wan(all), '本年支出合计', wan(all)], ['使用非财政拨款结余', '', '结余分配', ''], ['年初结转和结余', '', '年末结转和结余', ''], ['总计', wan(all), '总计', wan(all)]],
      合并: ['A1:B1', 'C1:D1'],
    },
    {
      名称: '收入决算表',
      前文: ['收入决算表', '单位：万元'],
      行: [['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'], ['科目编码', '科目名称', '', '', '', '', '', '', ''], ['合计', '', wan(all), wan(all), '', '', '', '', ''], ...functionRows(m, (x) => [x.basic + x.project, x.basic + x.project]).map((r) => [...r, '', '', '', '', ''])],
    },
    {
      名称: '支出决算表',
      前文: ['支出决算表', '单位：万元'],
      行: [['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'], ['科目编码', '科目名称', '', '', '', '', '', ''], ['合计', '', wan(all), wan(basic), wan(project), '', '', ''], ...spendRows.map((r) => [...r, '', '', ''])],
    },
    {
      名称: '财政拨款收入支出决算总表',
      前文: ['财政拨款收入支出决算总表', '单位：万元'],
      行: [
        ['收入', '', '支出', '', '', '', ''],
        ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
        ...grantRows,
        ['本年收入合计', wan(all), '本年支出合计', wan(all), wan(all), '', ''],
        ['年初财政拨款结转和结余', '', '年末财政拨款结转和结余', '', '', '', ''],
        ['总计', wan(all), '总计', wan(all), wan(all), '', ''],
      ],
      合并: ['A1:B1', 'C1:G1'],
    },
    { 名称: '一般公共预算财政拨款支出决算表', 前文: ['一般公共预算财政拨款支出决算表', '单位：万元'], 行: [['项目', '', '合计', '基本支出', '项目支出'], ['科目编码', '科目名称', '', '', ''], ...spendRows, ['合计', '', wan(all), wan(basic), wan(project)]] },
    {
      名称: '一般公共预算财政拨款基本支出决算表',
      前文: ['一般公共预算财政拨款基本支出决算表', '单位：万元'],
      行: [['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'], ...basicRows, ['人员经费合计', '', wan(person), '公用经费合计', '', wan(office)]],
    },
    {
      名称: '财政拨款“三公”经费支出决算表',
      前文: ['财政拨款“三公”经费支出决算表', '单位：万元'],
      行: [
        ['财政拨款“三公”经费', '', '', '', '', '', '', '', '', '', '', ''],
        ['合计', '', '因公出国（境）费', '', '公务用车购置及运行维护费', '', '', '', '', '', '公务接待费', ''],
        ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行维护费', '', '', ''],
        ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
        [wan(plannedHost + plannedCar), wan(host + car), '0.00', '0.00', wan(plannedCar), wan(car), '0.00', '0.00', wan(plannedCar), wan(car), wan(plannedHost), wan(host)],
      ],
      合并: ['A1:L1', 'A2:B3', 'C2:D3', 'E2:J2', 'E3:F3', 'G3:H3', 'I3:J3', 'K2:L3'],
    },
    emptyFund('政府性基金预算财政拨款收入支出决算表', '政府性基金'),
    emptyFund('国有资本经营预算财政拨款收入支出决算表', '国有资本经营'),
  ];
  const items = [...m.items.values()].sort((a, b) => a.subject[4].localeCompare(b.subject[4]));
  const done = items.map((x) => {
    const before = planned.items.get(x.subject[4])!;
    const [was, is] = [before.basic + before.project, x.basic + x.project];
    return `${x.subject[1]}（类）${x.subject[3]}（款）${x.subject[5]}（项）。年初预算为${wan(was)}万元，支出决算为${wan(is)}万元，完成年初预算的${pct(is, was)}%，${is < was ? '主要是厉行节约、按实际需要支出' : '与年初预算持平'}。`;
  });
  const [threePlanned, threeDone] = [plannedHost + plannedCar, host + car];
  const note = [
    `# ${unit.name} ${unit.year} 年度部门决算情况说明`,
    '',
    '> 性能测试合成数据：金额是随机生成的（各表之间相互一致），不是任何单位公开的文件。',
    '',
    '## 一、收入支出决算总体情况说明',
    '',
    `${unit.name}${unit.year}年度收入支出总计${wan(all)}万元。`,
    '',
    '## 二、收入决算情况说明',
    '',
    `本年收入合计${wan(all)}万元，其中：财政拨款收入${wan(all)}万元，占100.00%。`,
    '',
    '## 三、支出决算情况说明',
    '',
    `本年支出合计${wan(all)}万元，其中：基本支出${wan(basic)}万元，占${pct(basic, all)}%；项目支出${wan(project)}万元，占${pct(project, all)}%。`,
    '',
    '## 四、财政拨款收入支出决算总体情况说明',
    '',
    `${unit.year}年度财政拨款收入支出总计${wan(all)}万元。`,
    '',
    '## 五、一般公共预算财政拨款支出决算情况说明',
    '',
    `（一）支出决算总体情况：一般公共预算财政拨款支出${wan(all)}万元。`,
    '',
    `（二）支出决算结构情况：${ks.map((k) => `${k.name}（类）${wan(k.amount)}万元，占${pct(k.amount, all)}%`).join('；')}。`,
    '',
    `（三）支出决算具体情况：${done.join('')}`,
    '',
    '## 六、一般公共预算财政拨款基本支出决算情况说明',
    '',
    `一般公共预算财政拨款基本支出${wan(basic)}万元。其中：人员经费${wan(person)}万元，主要包括基本工资、津贴补贴、社会保障缴费、住房公积金和退休费；公用经费${wan(office)}万元，主要包括办公费、差旅费、公务接待费、公务用车运行维护费。`,
    '',
    '## 七、“三公”经费财政拨款支出决算情况说明',
    '',
    `“三公”经费财政拨款支出年初预算为${wan(threePlanned)}万元，支出决算为${wan(threeDone)}万元，完成年初预算的${pct(threeDone, threePlanned)}%。其中：因公出国（境）费支出决算为0.00万元；公务用车购置及运行维护费支出决算为${wan(car)}万元；公务接待费支出决算为${wan(host)}万元。`,
    '',
  ].join('\n');
  const doc: BudgetDocument = {
    地区: '河北省唐山市玉田县',
    单位: unit.name,
    年度: unit.year,
    种类: '部门决算',
    // The only 决算 set described (src/schema/budget-tables.ts), borrowed as the example county does.
    表套: '上海市部门决算',
    批复日期: `${unit.year + 1}-07-15`,
    公开日期: `${unit.year + 1}-07-30`,
    转录: '性能测试合成数据（npm run bench -- --budgets），不是任何单位公开的文件',
    表格: tables,
  };
  return { doc, note };
}

/**
 * Writes budget.yaml/.md and final-accounts.yaml/.md into each unit folder of the generated projects
 * (content/<year>/<unit>/). Each unit draws from its own random numbers (seed and unit code), so the
 * project files are the same with and without budgets. Returns the number of documents written.
 */
export async function writeSyntheticBudgets(contentDir: string, generated: readonly SyntheticFile[], { seed, year }: { seed: number; year: number }): Promise<number> {
  const units = [...new Set(generated.map((g) => g.unit))];
  for (const unit of units) {
    const random = seededRandom(seed * 1_000_003 + Number(unit));
    const between = (min: number, max: number) => Math.round((min + random() * (max - min)) * 100);
    const projects = generated.filter((g) => g.unit === unit);
    const unitName = projects[0]!.unitName;
    // The budget: economic items at random, the 基本支出 项 as their sums, each project's 预算数 (元) in 万元.
    const planned: Money = { items: new Map(), economic: new Map(), projects: [] };
    const itemOf = (m: Money, subject: Subject) => m.items.get(subject[4]) ?? m.items.set(subject[4], { subject, basic: 0, project: 0 }).get(subject[4])!;
    for (const [code, , paidBy, , min, max] of ECONOMIC) {
      const v = between(min, max);
      planned.economic.set(code, v);
      itemOf(planned, BASIC[paidBy]).basic += v;
    }
    for (const p of projects) {
      const subject = PROJECT_SUBJECTS[Math.floor(random() * PROJECT_SUBJECTS.length)]!;
      const fen = Math.round(Number(p.amount) * 100);
      const amount = Math.max(1, Math.round(fen / 10_000));
      planned.projects.push({ code: p.code, name: p.name, item: subject[4], amount });
      itemOf(planned, subject).project += amount;
    }
    // The 决算: each economic item and each 项's 项目支出 spent at 85–100 %.
    const spent: Money = { items: new Map(), economic: new Map(), projects: [] };
    for (const [code, , paidBy] of ECONOMIC) {
      const v = Math.round(planned.economic.get(code)! * (0.85 + random() * 0.15));
      spent.economic.set(code, v);
      itemOf(spent, BASIC[paidBy]).basic += v;
    }
    // Every 项 of the budget is spent in part (at least 0.01 万元), so the 决算 lists the same 科目 and its 说明 each one's execution rate.
    for (const x of planned.items.values()) if (x.project > 0) itemOf(spent, x.subject).project += Math.max(1, Math.round(x.project * (0.85 + random() * 0.15)));
    const dir = join(contentDir, String(year), unit);
    await mkdir(dir, { recursive: true });
    const budget = budgetDocument(planned, { name: unitName, year });
    const final = finalDocument(spent, planned, { name: unitName, year });
    await writeFile(join(dir, 'budget.yaml'), budgetYaml(budget.doc));
    await writeFile(join(dir, 'budget.md'), budget.note);
    await writeFile(join(dir, 'final-accounts.yaml'), budgetYaml(final.doc));
    await writeFile(join(dir, 'final-accounts.md'), final.note);
  }
  return units.length * 2;
}
