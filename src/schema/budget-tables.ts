// The tables of a 部门预算 or 部门决算 disclosure, as data: what each kind of table is (its role, how its
// rows are laid out, which identities it asserts), and each province's set of tables with their titles
// and columns as printed. One mechanism reads them all: the importer recognises a sheet by these titles
// and headers (src/lib/budget/budget-import.ts), the checker finds each table by its role and runs the
// identities named here (src/lib/budget/budget-check.ts). Labels compare through normalLabel, as the
// 绩效 tables' labels do (table-layouts.ts).
import { normalLabel } from './table-layouts.ts';

/** What a table is for, across provinces: the checker finds tables by role, never by a province's title. */
export type BudgetRole =
  | '收支总表'
  | '收入表'
  | '支出表'
  | '财政拨款收支总表'
  | '一般公共预算支出表'
  | '基本支出表'
  | '三公经费表'
  | '政府性基金表'
  | '国有资本经营表'
  | '财政拨款支出表'
  | '财政拨款基本支出表'
  | '机关运行经费表'
  | '政府采购表'
  | '整体绩效目标表'
  | '项目绩效目标表';

/**
 * How a table's rows are laid out: 收支对照 (收入 on the left, 支出 on the right, numbered lines and
 * 合计/总计 rows); 功能分类 (政府收支分类 功能分类 codes 类 3 / 款 5 / 项 7 digits, in one column or in
 * 类|款|项 columns, a 合计 row); 经济分类 (部门预算经济分类 类 3 / 款 5 digits); 三公 (one row of figures
 * under a two- or three-row heading); 其他 (a form, not a list of 科目).
 */
export type RowStructure = '收支对照' | '功能分类' | '经济分类' | '三公' | '其他';

/** The identities the checker computes (src/lib/budget/budget-check.ts runs each), with what they say. */
export const BUDGET_IDENTITIES = {
  总表平衡: '各项收入之和 = 本年收入合计，各项支出之和 = 本年支出合计；收入总计 = 本年收入合计 + 结转结余，支出总计 = 本年支出合计 + 结余分配 + 年末结转结余；收入总计 = 支出总计',
  款项层级: '每列：类 = 其下各款之和，款 = 其下各项之和，合计 = 各类之和',
  行内合计: '每行：第一列金额 = 其后各列之和（合计 = 基本支出 + 项目支出，或 = 各项收入）',
  总表对支出表: '收支总表的每一类支出 = 支出表该类的合计',
  拨款三列: '财政拨款收支总表每行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营；其一般公共预算列 = 一般公共预算支出表，政府性基金列 = 基金表',
  基本支出构成: '基本支出表：类 = 其下各款之和；人员经费 = 301 + 303，公用经费 = 302 + 310（或逐行 合计 = 人员经费 + 公用经费）；合计 = 一般公共预算支出表的基本支出',
  三公构成: '“三公”经费 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车 = 购置费 + 运行费（预算数、决算数各一次）',
  // The 政府收支分类科目 (code → name, per year) has no source here that could be cited: 财政部 publishes it
  // yearly as a book/PDF, and neither the corpus nor the search library holds a machine-readable copy. So
  // names are checked against themselves — across a document's tables and across a year's units — and
  // 类 = Σ款 = Σ项 by the codes' prefixes; a code table belongs here once a cited copy is transcribed.
  科目一致: '同一个功能分类编码在各表中、同一年度各单位的文件中名称相同',
  // Not a table's: the document's 说明 against all its tables (always checked).
  说明对表: '情况说明所写的金额、占比、完成率和增减与表相符（按所印位数比较）',
  // Not a table's either: every sentence of the 说明 stating a change against last year (wording: src/schema/budget-wording.ts).
  增减有原因: '情况说明里每一处与上年相比的增加、减少（有金额或百分比的）都写明原因，在同一句或下一句',
} as const;
export type BudgetIdentity = keyof typeof BUDGET_IDENTITIES;

/** What every table of a role is, in any province's set. */
export interface BudgetTableKind {
  role: BudgetRole;
  rows: RowStructure;
  identities: BudgetIdentity[];
  /** The fund an empty table's note must name (预算法: an empty table is still published, saying why). */
  fund?: string;
}

export const BUDGET_TABLE_KINDS: Record<BudgetRole, BudgetTableKind> = {
  收支总表: { role: '收支总表', rows: '收支对照', identities: ['总表平衡', '总表对支出表'] },
  收入表: { role: '收入表', rows: '功能分类', identities: ['款项层级', '行内合计', '科目一致'] },
  支出表: { role: '支出表', rows: '功能分类', identities: ['款项层级', '行内合计', '科目一致'] },
  财政拨款收支总表: { role: '财政拨款收支总表', rows: '收支对照', identities: ['总表平衡', '拨款三列'] },
  一般公共预算支出表: { role: '一般公共预算支出表', rows: '功能分类', identities: ['款项层级', '行内合计', '科目一致'] },
  基本支出表: { role: '基本支出表', rows: '经济分类', identities: ['基本支出构成'] },
  三公经费表: { role: '三公经费表', rows: '三公', identities: ['三公构成'] },
  // A 决算 fund table's columns are 年初结转 / 收入 / 支出 / 年末结转: a row does not add up across (no 行内合计).
  政府性基金表: { role: '政府性基金表', rows: '功能分类', identities: ['款项层级', '科目一致'], fund: '政府性基金' },
  国有资本经营表: { role: '国有资本经营表', rows: '功能分类', identities: ['款项层级', '科目一致'], fund: '国有资本经营' },
  // 苏州 prints the 财政拨款 (all funds) tables beside the 一般公共预算 ones: the same shape, checked the same way.
  财政拨款支出表: { role: '财政拨款支出表', rows: '功能分类', identities: ['款项层级', '行内合计', '科目一致'] },
  财政拨款基本支出表: { role: '财政拨款基本支出表', rows: '经济分类', identities: [] },
  机关运行经费表: { role: '机关运行经费表', rows: '经济分类', identities: [] },
  // 重庆 prints these with its 部门预算: lists and forms, no identity of their own.
  政府采购表: { role: '政府采购表', rows: '其他', identities: [] },
  整体绩效目标表: { role: '整体绩效目标表', rows: '其他', identities: [] },
  项目绩效目标表: { role: '项目绩效目标表', rows: '其他', identities: [] },
};

/** One table of a province's set: its title and first heading labels as printed, and its money unit. */
export interface BudgetTableInSet {
  role: BudgetRole;
  /** The title as printed; `{年度}` stands for the year (上海's 预算 titles begin `2026年`). */
  title: string;
  /** Heading labels the table prints (a few that tell it apart; compared through normalLabel). */
  columns: string[];
  unit: '元' | '万元';
  /** Required by the set's rule; an optional one (a 上海 预算 may append 项目绩效目标表) is recognised but not required. */
  required: boolean;
  /**
   * Per-row identities this province's variant adds (the 预算 fund tables do add up across): true when a
   * row's first amount is the sum of the others; or, where some columns are sub-columns of another, which
   * column (by its heading label) is the sum of which (重庆: 总计 = 小计 + 项目支出, 小计 = 人员经费 + 公用经费).
   */
  rowSums?: boolean | { total: string; parts: string[] }[];
  /**
   * A form, not a list under column headings: labels beside their values down the table (上海's
   * 财政项目支出绩效目标申报表: 项目名称 | 兰溪路… | 项目性质 | 阶段性项目, then the 资金 and the indicators).
   * Its pages show it without a head row, each row's cells in order, so that no value reads as a column's name.
   */
  form?: true;
  /** Identities the kind asserts that this province's table cannot (苏州's 财政拨款收支总表 prints one 预算数 column, no 一般公共预算 | 政府性基金 | 国有资本经营). */
  skips?: BudgetIdentity[];
}

export interface BudgetSet {
  /** Named as staff say it: `上海市部门决算`. */
  name: string;
  种类: '部门预算' | '部门决算';
  /** The province prefix of 地区 this set is for (`上海市`), absent for the central set. */
  province?: string;
  /** Where the list comes from. */
  source: string;
  tables: BudgetTableInSet[];
}

const SHANGHAI_CORPUS = '上海市普陀区 2024–2026 年公开的部门预算、决算（tests/fixtures/budget/ 所录 7 份，表名和表头逐格照录）';

/**
 * A note under a table saying the table has no figures (`故本表无数据`, `本表为空表`): right under an empty
 * table, a defect under one that prints figures (budget-validate.ts).
 */
export const EMPTY_TABLE_NOTE = /本表(为)?空|本表无数/;

/** The line above a table that prints its money unit: `单位：万元`, `编制部门：… 单位：元`. */
export const MONEY_UNIT_LINE = /单位\s*[：:]\s*(万元|元)\s*$/;
/** The line above a form that names the unit without a money unit (重庆's 部门整体绩效目标表: `单位名称： …`): the last line above the table. */
export const UNIT_NAME_LINE = /^(单位名称|编制部门|编制单位)\s*[：:]/;
/** A line above a table that only numbers it (重庆: `表一` … `表十二`; 苏州: `公开01表`): not its title. */
export const TABLE_NUMBER_LINE = /^(表[一二三四五六七八九十]+|公开\d+表)$/;

/** The sets of tables, by name. Add a province's set only from its published documents or its rule. */
/** 苏州's two 功能科目 spending tables (财政拨款, 一般公共预算) print the same columns and add up the same way. */
const SUZHOU_FUNCTION_SPENDING: Omit<BudgetTableInSet, 'role' | 'title'> = {
  columns: ['科目编码', '科目名称', '合计', '小计', '人员经费', '公用经费', '项目支出'],
  unit: '万元',
  required: true,
  rowSums: [
    { total: '合计', parts: ['小计', '项目支出'] },
    { total: '小计', parts: ['人员经费', '公用经费'] },
  ],
};

export const BUDGET_SETS: BudgetSet[] = [
  {
    name: '上海市部门决算',
    种类: '部门决算',
    province: '上海市',
    // Five 区级部门 and one 街道 print exactly these nine tables in this order, in 万元.
    source: SHANGHAI_CORPUS,
    tables: [
      { role: '收支总表', title: '收入支出决算总表', columns: ['收入', '支出', '项目', '决算数'], unit: '万元', required: true },
      { role: '收入表', title: '收入决算表', columns: ['项目', '本年收入合计', '财政拨款收入'], unit: '万元', required: true },
      { role: '支出表', title: '支出决算表', columns: ['项目', '本年支出合计', '基本支出', '项目支出'], unit: '万元', required: true },
      { role: '财政拨款收支总表', title: '财政拨款收入支出决算总表', columns: ['收入', '支出', '项目', '决算数', '合计'], unit: '万元', required: true },
      { role: '一般公共预算支出表', title: '一般公共预算财政拨款支出决算表', columns: ['项目', '合计', '基本支出', '项目支出'], unit: '万元', required: true },
      { role: '基本支出表', title: '一般公共预算财政拨款基本支出决算表', columns: ['经济分类', '科目名称', '决算数'], unit: '万元', required: true },
      // 2024 prints 公务用车购置及运行费, 2025 公务用车购置及运行维护费: only the labels both print.
      { role: '三公经费表', title: '财政拨款“三公”经费支出决算表', columns: ['合计', '因公出国(境)费', '公务接待费', '预算数', '决算数'], unit: '万元', required: true },
      { role: '政府性基金表', title: '政府性基金预算财政拨款收入支出决算表', columns: ['项目', '年初结转和结余', '本年收入', '本年支出'], unit: '万元', required: true },
      { role: '国有资本经营表', title: '国有资本经营预算财政拨款收入支出决算表', columns: ['项目', '年初结转和结余', '本年收入', '本年支出'], unit: '万元', required: true },
    ],
  },
  {
    name: '上海市部门预算',
    种类: '部门预算',
    province: '上海市',
    // 建设和管理委员会 and 文化和旅游局 2026 print these nine in 元 ("三公" in 万元); one appends 项目绩效目标申报表.
    source: SHANGHAI_CORPUS,
    tables: [
      { role: '收支总表', title: '{年度}年部门财务收支预算总表', columns: ['本年收入', '本年支出', '项目', '预算数'], unit: '元', required: true },
      { role: '收入表', title: '{年度}年部门收入预算总表', columns: ['项目', '收入预算', '合计', '财政拨款收入'], unit: '元', required: true },
      { role: '支出表', title: '{年度}年部门支出预算总表', columns: ['项目', '支出预算', '合计', '基本支出', '项目支出'], unit: '元', required: true },
      { role: '财政拨款收支总表', title: '{年度}年部门财政拨款收支预算总表', columns: ['财政拨款收入', '财政拨款支出', '一般公共预算'], unit: '元', required: true },
      { role: '一般公共预算支出表', title: '{年度}年部门一般公共预算支出功能分类预算表', columns: ['项目', '一般公共预算支出', '合计', '基本支出', '项目支出'], unit: '元', required: true },
      { role: '政府性基金表', title: '{年度}年部门政府性基金预算支出功能分类预算表', columns: ['项目', '政府性基金预算支出', '合计'], unit: '元', required: true, rowSums: true },
      { role: '国有资本经营表', title: '{年度}年部门国有资本经营预算支出功能分类预算表', columns: ['项目', '国有资本经营预算支出', '合计'], unit: '元', required: true, rowSums: true },
      { role: '基本支出表', title: '{年度}年部门一般公共预算基本支出部门预算经济分类预算表', columns: ['项目', '一般公共预算基本支出', '人员经费', '公用经费'], unit: '元', required: true },
      { role: '三公经费表', title: '{年度}年部门“三公”经费和机关运行经费预算表', columns: ['“三公”经费预算数', '合计', '因公出国(境)费', '公务接待费'], unit: '万元', required: true },
      { role: '项目绩效目标表', title: '财政项目支出绩效目标申报表', columns: ['项目名称', '主管部门', '实施单位'], unit: '万元', required: false, form: true },
    ],
  },
  {
    name: '重庆市部门预算',
    种类: '部门预算',
    province: '重庆市',
    // 重庆市人民政府办公厅 2026 prints these twelve, numbered 表一 … 表十二, all in 万元 (tests/fixtures/budget/
    // cq-bangongting-2026-budget). Its 一般公共预算支出表 prints last year's 预算数 before this year's
    // 总计 | 基本支出 (小计 | 人员经费 | 公用经费) | 项目支出; its "三公" table prints last year's and this year's.
    source: '重庆市人民政府办公厅 2026 年部门预算（tests/fixtures/budget/cq-bangongting-2026-budget，表名和表头逐格照录）',
    tables: [
      { role: '收支总表', title: '{年度}年部门收支总体情况表', columns: ['收入', '支出', '项目', '预算数'], unit: '万元', required: true },
      { role: '收入表', title: '{年度}年部门收入总体情况表', columns: ['科目编码', '科目名称', '总计', '一般公共预算拨款收入'], unit: '万元', required: true },
      { role: '支出表', title: '{年度}年部门支出总体情况表', columns: ['科目编码', '科目名称', '总计', '基本支出', '项目支出'], unit: '万元', required: true },
      { role: '财政拨款收支总表', title: '{年度}年财政拨款收支总体情况表', columns: ['收入', '支出', '项目', '预算数', '总计', '一般公共预算'], unit: '万元', required: true },
      {
        role: '一般公共预算支出表',
        title: '{年度}年一般公共预算支出情况表',
        columns: ['功能分类科目', '总计', '小计', '人员经费', '公用经费', '项目支出'],
        unit: '万元',
        required: true,
        rowSums: [
          { total: '总计', parts: ['小计', '项目支出'] },
          { total: '小计', parts: ['人员经费', '公用经费'] },
        ],
      },
      { role: '基本支出表', title: '{年度}年一般公共预算基本支出情况表', columns: ['经济分类科目', '总计', '人员经费', '公用经费'], unit: '万元', required: true },
      { role: '政府性基金表', title: '{年度}年政府性基金预算支出情况表', columns: ['科目编码', '科目名称', '预算数', '总计', '基本支出', '项目支出'], unit: '万元', required: true, rowSums: true },
      { role: '三公经费表', title: '{年度}年财政拨款“三公”经费支出情况表', columns: ['合计', '因公出国(境)费', '公务接待费', '小计', '公务用车购置费', '公务用车运行费'], unit: '万元', required: true },
      { role: '政府采购表', title: '{年度}年政府采购预算明细表', columns: ['项目编号', '项目', '总计'], unit: '万元', required: true },
      { role: '整体绩效目标表', title: '{年度}年部门整体绩效目标表', columns: ['当年整体绩效目标', '指标名称', '指标性质', '指标值'], unit: '万元', required: true },
      { role: '项目绩效目标表', title: '{年度}年市级重点专项资金绩效目标表（一级项目）', columns: ['项目名称', '主管部门', '当年预算', '项目概况'], unit: '万元', required: true },
      { role: '项目绩效目标表', title: '{年度}年市级一般性项目绩效目标表（一级项目）', columns: ['序号', '项目名称', '当年绩效目标', '指标名称'], unit: '万元', required: true },
    ],
  },
  {
    name: '苏州市部门预算',
    种类: '部门预算',
    province: '江苏省苏州市',
    // 苏州市审计局 2026 prints these thirteen, numbered 公开01表 … 公开13表, all in 万元 (tests/fixtures/budget/
    // js-suzhou-shenji-2026-budget): the 财政拨款 tables (all funds) and the 一般公共预算 ones side by side.
    source: '苏州市审计局 2026 年度部门预算（tests/fixtures/budget/js-suzhou-shenji-2026-budget，表名和表头逐格照录）',
    tables: [
      { role: '收支总表', title: '收支总表', columns: ['收入', '支出', '项目', '预算数'], unit: '万元', required: true },
      // One row per unit (部门代码 | 部门名称), not per 科目: no 功能分类 identity; its 合计 is 本年收入 小计 + 上年结转结余 小计.
      { role: '收入表', title: '收入总表', columns: ['部门代码', '部门名称', '合计', '本年收入', '上年结转结余'], unit: '万元', required: true, skips: ['款项层级', '行内合计', '科目一致'] },
      { role: '支出表', title: '支出总表', columns: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], unit: '万元', required: true },
      { role: '财政拨款收支总表', title: '财政拨款收支总表', columns: ['收入', '支出', '项目', '预算数'], unit: '万元', required: true, skips: ['拨款三列'] },
      { role: '财政拨款支出表', title: '财政拨款支出表（功能科目）', ...SUZHOU_FUNCTION_SPENDING },
      { role: '财政拨款基本支出表', title: '财政拨款基本支出表（经济科目）', columns: ['部门预算支出经济分类科目', '本年财政拨款基本支出'], unit: '万元', required: true },
      { role: '一般公共预算支出表', title: '一般公共预算支出表', ...SUZHOU_FUNCTION_SPENDING },
      { role: '基本支出表', title: '一般公共预算基本支出表', columns: ['部门预算支出经济分类科目', '本年一般公共预算基本支出'], unit: '万元', required: true },
      { role: '三公经费表', title: '一般公共预算“三公”经费、会议费、培训费支出表', columns: ['“三公”经费合计', '因公出国(境)费', '公务接待费', '会议费', '培训费'], unit: '万元', required: true },
      { role: '政府性基金表', title: '政府性基金预算支出表', columns: ['科目编码', '科目名称', '本年政府性基金预算支出'], unit: '万元', required: true, rowSums: true },
      { role: '国有资本经营表', title: '国有资本经营预算支出预算表', columns: ['功能分类科目编码', '本年支出合计', '栏次'], unit: '万元', required: true, rowSums: true },
      { role: '机关运行经费表', title: '一般公共预算机关运行经费支出预算表', columns: ['科目编码', '科目名称', '机关运行经费支出'], unit: '万元', required: true },
      { role: '政府采购表', title: '政府采购支出表', columns: ['采购品目大类', '采购品目名称', '采购组织形式'], unit: '万元', required: true },
    ],
  },
  {
    name: '中央规定的部门预算八张表',
    种类: '部门预算',
    // The eight tables of the central 部门预算 set, as the issue names them (财预〔2016〕143号, the
    // 地方预决算公开操作规程, sets what a disclosure contains). Its text was not available here to check
    // the titles word for word: verify them against the rule before relying on them. The columns are
    // left to a province's form.
    source: '财预〔2016〕143号《地方预决算公开操作规程》',
    tables: [
      { role: '收支总表', title: '部门收支总表', columns: [], unit: '万元', required: true },
      { role: '收入表', title: '部门收入总表', columns: [], unit: '万元', required: true },
      { role: '支出表', title: '部门支出总表', columns: [], unit: '万元', required: true },
      { role: '财政拨款收支总表', title: '财政拨款收支总表', columns: [], unit: '万元', required: true },
      { role: '一般公共预算支出表', title: '一般公共预算支出表', columns: [], unit: '万元', required: true },
      { role: '基本支出表', title: '一般公共预算基本支出表', columns: [], unit: '万元', required: true },
      { role: '三公经费表', title: '一般公共预算“三公”经费支出表', columns: [], unit: '万元', required: true },
      { role: '政府性基金表', title: '政府性基金预算支出表', columns: [], unit: '万元', required: true },
    ],
  },
];

export const budgetSetNamed = (name: string) => BUDGET_SETS.find((s) => s.name === name);

/** The set a document uses: the one named in the file, else its province's set of its kind, else the central one. */
export function budgetSetFor(doc: { 地区: string; 种类: string; 表套?: string }): BudgetSet | undefined {
  if (doc.表套) return budgetSetNamed(doc.表套);
  return BUDGET_SETS.find((s) => s.种类 === doc.种类 && s.province && doc.地区.startsWith(s.province)) ?? BUDGET_SETS.find((s) => s.种类 === doc.种类 && !s.province);
}

/**
 * What a printed title may carry before the title itself where a document numbers or dates its tables
 * (compared after normalLabel, so without spaces): the table's number (`表一`, `表1`, `附表2-1`, `表3：`),
 * then the year (`2025年`, `2025年度`) with whatever is printed before it (the unit's name:
 * `某县某镇人民政府2025年部门收支总表`), each or both or neither. No real document of the corpus prints
 * them; the made-up ones of tests/fixtures/budget-unseen/ do.
 */
export const TITLE_PREFIXES: RegExp[] = [/附?表(?:[一二三四五六七八九十]+|\d{1,2}(?:-\d{1,2})?)[:、.．]?/, /.*?\d{4}年度?/];

/** A printed title compared with a set's: through normalLabel, the year where the set says `{年度}`, after any of TITLE_PREFIXES. */
export function titleMatches(entry: BudgetTableInSet, printed: string): boolean {
  const pattern = normalLabel(entry.title).split('{年度}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const prefixes = TITLE_PREFIXES.map((p) => `(?:${p.source})?`).join('');
  return new RegExp(`^${prefixes}${pattern.join('\\d{4}')}$`).test(normalLabel(printed));
}
