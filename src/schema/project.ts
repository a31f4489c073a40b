// 项目绩效目标表: one budget project's approved performance-target table, one YAML file each.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { decimalsOf, formatFenIn, MAX_DECIMALS, MONEY_UNITS, readAmount, toFen, type MoneyUnit } from '../lib/reading/money.ts';
import { amountSchema, moneyUnitSchema, fiscalYearSchema, sourceRefSchema, unitCodeSchema, unitNameSchema } from './common.ts';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from './framework.ts';
import { keyed } from './keyed.ts';
import { natureProblem } from '../lib/reading/indicator-value.ts';
import { DEFAULT_LAYOUT, labelKey, LAYOUT_NAMES, MONEY_FIELDS, projectLayout, MONEY_SUMS, type MoneySum, type TableLayout } from './table-layouts.ts';

/** Budget phases: every amount on the site is labelled with the phase it belongs to. */
export const BUDGET_PHASES = ['年初预算', '调整预算', '决算'] as const;

/**
 * 项目编码 of the default (河北) profile: 6-digit county code, 2-digit year, `P`, then 12 letters
 * or digits, 21 characters in all (e.g. `13022923P00JXC415564L`).
 */
export const PROJECT_CODE = /^\d{8}P[0-9A-Z]{12}$/;

/** How a site's 项目编码 are written (site.yaml 项目编码规则); the default is the 河北 form. */
export interface ProjectCodeRule {
  pattern: RegExp;
  /** What a valid code looks like, in words, for error messages. */
  description: string;
  example: string;
}
export const HEBEI_CODE_RULE: ProjectCodeRule = {
  pattern: PROJECT_CODE,
  description: '21 位，依次是 6 位区划代码、2 位年度、字母 P、12 位大写字母或数字',
  example: '13022923P00JXC415564L',
};

/**
 * 网址标识: the permalink of a table that has no 项目编码 (many provinces print none). The importer
 * writes one; it must stay the same once published, like a code.
 */
export const URL_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What a site decides about its project files (site.yaml), with the defaults of the bundled unit. */
export interface ProjectRules {
  framework: IndicatorFramework;
  codeRule: ProjectCodeRule;
  /** The 表样 of a file that names none. */
  layout: TableLayout;
}
export const DEFAULT_PROJECT_RULES: ProjectRules = { framework: DEFAULT_FRAMEWORK, codeRule: HEBEI_CODE_RULE, layout: DEFAULT_LAYOUT };

export const text = (description: string, example: string) =>
  z.string({ error: whenWritten(`应填写文本，例如：${example}`) }).meta({ description, examples: [example] });
export const requiredText = (description: string, example: string) =>
  text(description, example).trim().min(1, { error: `不能为空，例如：${example}` });

/** A cumulative share of the budget, in %. `null` (an empty cell) means no plan was given, not 0. */
export const percentSchema = z
  .union([z.number(), z.string(), z.null()], { error: whenWritten('累计比例要写成 0 到 100 的数字，例如 25；未列计划时留空') })
  .transform((input, ctx) => {
    if (input === null) return null;
    const written = typeof input === 'number' ? String(input) : input.trim().replace(/[%％]$/, '');
    if (written === '') return null;
    if (!/^\d+(\.\d{1,2})?$/.test(written)) {
      ctx.addIssue({ code: 'custom', input, message: `累计比例“${input}”写法不对：写 0 到 100 的数字（最多两位小数），例如 25；未列计划时留空` });
      return z.NEVER;
    }
    const value = Number(written);
    if (value > 100) {
      ctx.addIssue({ code: 'custom', input, message: `累计比例不能超过 100（这里是 ${written}）：它是截至该月底累计支出占预算数的百分比` });
      return z.NEVER;
    }
    return value;
  })
  .meta({ description: '截至该月底累计支出占预算数的百分比，只写数字（如 25 表示 25%）；原表未列计划时留空', examples: [25] });

const checkpointSchema = keyed({
  月份: [
    'month',
    z
      .number({ error: whenWritten('月份要写 1 到 12 的数字，例如 3 表示“3月底”') })
      .int({ error: '月份要写整数，例如 3' })
      .min(1, { error: '月份要写 1 到 12 的数字，例如 3' })
      .max(12, { error: '月份要写 1 到 12 的数字，例如 12' })
      .meta({ description: '计划时点：该月月底，例如 3 表示“3月底”', examples: [3] }),
  ],
  累计比例: ['percent', percentSchema],
});

/** A cell written as text or a number (权重 10, 度量单位 %), kept as the text it shows. */
export const cellText = (description: string, example: string) =>
  z
    .union([z.string(), z.number()], { error: whenWritten(`应填写文本，例如：${example}`) })
    .transform((v) => String(v))
    .meta({ description, examples: [example] });

/**
 * 其他栏目: labelled cells of a published table that no field of ours covers, kept verbatim under
 * their own label so that no cell of an approved table is ever dropped.
 */
export const extraCellsSchema = z
  .record(z.string().trim().min(1), z.string({ error: whenWritten('其他栏目的值要写成文本') }))
  .optional()
  .meta({ description: '原表中没有对应字段的栏目，照原样保留：栏目名: 内容', examples: [{ 备注: '新增指标' }] });

/**
 * 其他栏目位置: where each 其他栏目 was printed, so that the page and the download show it there: the
 * field (its YAML name: 项目属性, 预算数, 绩效指标 for after the indicator table, 原文标题 for before
 * the first field) or the other 其他栏目 it followed. One without a place is shown after the rest.
 */
export const extraPlacesSchema = z
  .record(z.string().trim().min(1), z.string({ error: whenWritten('其他栏目位置要写成“栏目名: 它前面的字段名”') }).trim().min(1))
  .optional()
  .meta({ description: '其他栏目在原表中的位置：栏目名: 原表中它前面的字段名（或另一个其他栏目的栏目名；绩效指标 表示在指标表之后，原文标题 表示在最前）', examples: [{ 项目负责人: '项目属性', 联系电话: '项目负责人' }] });

/**
 * The 其他栏目 to show (or write) right after each of these places, in order — one printed after
 * another 其他栏目 follows it — and the rest: those of no place, or of a place not among these.
 */
export function extrasByPlace(places: readonly string[], extra: Readonly<Record<string, string>> | undefined, placeOf: Readonly<Record<string, string>> | undefined): { after: Map<string, string[]>; rest: string[] } {
  const labels = Object.keys(extra ?? {});
  const placed = new Set<string>();
  const chain = (key: string): string[] =>
    labels.filter((l) => placeOf?.[l] === key).flatMap((l) => {
      if (placed.has(l)) return [];
      placed.add(l);
      return [l, ...chain(l)];
    });
  const after = new Map(places.map((p) => [p, chain(p)]));
  return { after, rest: labels.filter((l) => !placed.has(l)) };
}

/** Each place names a 其他栏目 of the table and what it followed: a field the table has, another 其他栏目, 原文标题 or 绩效指标. */
export function checkExtraPlaces(table: Record<string, unknown>, ctx: z.RefinementCtx) {
  const extra = (table['其他栏目'] ?? {}) as Record<string, unknown>;
  const places = table['其他栏目位置'];
  if (!places || typeof places !== 'object') return;
  for (const [label, after] of Object.entries(places as Record<string, unknown>)) {
    if (typeof after !== 'string') continue; // the schema of the value says why
    if (!(label in extra)) {
      ctx.addIssue({ code: 'custom', path: ['其他栏目位置', label], input: label, message: `其他栏目位置写了“${label}”，其他栏目中却没有这一栏。请核对栏目名，或删去这一行` });
    } else if (!(after in extra) && after !== '原文标题' && after !== '绩效指标' && table[after] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['其他栏目位置', label], input: after, message: `“${label}”写在“${after}”之后，但本表没有“${after}”（不是本表已写的字段，也不是其他栏目）。请写它在原表中前面那一栏的字段名` });
    }
  }
}

/** 指标性质 in its own column (≥, ≤, =, 定性): the value reader decides what it can read; the rest is refused, not guessed. */
export const natureSchema = z
  .string({ error: whenWritten('指标性质要写成文本，例如 ≥') })
  .superRefine((nature, ctx) => {
    const problem = natureProblem(nature);
    if (problem) ctx.addIssue({ code: 'custom', input: nature, message: problem });
  })
  .optional()
  .meta({ description: '指标性质（原表单列时）：≥、≤、= 或 定性', examples: ['≥'] });

const INDICATOR_SPEC = {
  一级指标: ['level1', requiredText('一级指标，须是指标体系中的一级指标；原表不分级时不写', '产出指标').optional()],
  二级指标: ['level2', requiredText('二级指标，须属于所写的一级指标；原表不分级时不写', '数量指标').optional()],
  三级指标: ['name', requiredText('三级指标：具体的绩效指标名称（原表只有“指标”一栏时写在这里）', '群众满意度')],
  绩效指标描述: ['description', text('绩效指标描述', '享受项目便利的人群覆盖率').optional()],
  指标性质: ['nature', natureSchema],
  指标值: ['value', text('指标值，照原表写，例如 ≥90%、1个、及时；指标性质、度量单位单列的表只写数值', '≥90%')],
  度量单位: ['unit', cellText('度量单位（原表单列时，也叫计量单位），例如 %、个、万元', '%').optional()],
  权重: ['weight', cellText('权重（分值），照原表写', '10').optional()],
  指标方向性: [
    'direction',
    z
      .string({ error: whenWritten('指标方向性要写成文本：正向指标 或 反向指标') })
      .regex(/^\s*(正向|反向)/, { error: '指标方向性只能写 正向指标（越高越好）或 反向指标（越低越好）' })
      .optional()
      .meta({ description: '指标方向性：正向指标（越高越好）或反向指标（越低越好）', examples: ['正向指标'] }),
  ],
  指标解释: ['explanation', text('指标解释，照原表写', '反映项目覆盖的人口比例').optional()],
  指标值确定依据: ['basis', text('指标值确定依据，例如“预算安排”“历史数据”', '预算安排').optional()],
  其他栏目: ['extra', extraCellsSchema],
} as const;
const indicatorSchema = keyed(INDICATOR_SPEC);
type Indicator_ = z.output<typeof indicatorSchema>;

/**
 * Cross-row checks run on every row that parsed, even when other rows or fields have errors,
 * so that one run reports every problem (zod skips refinements after errors by default).
 * Rows that failed to parse are still in their written form and are skipped here.
 */
export const ALWAYS = { when: () => true };
export const parsedRows = <T>(rows: unknown, isParsed: (row: any) => boolean): [T, number][] =>
  Array.isArray(rows) ? rows.flatMap((row, index) => (row && isParsed(row) ? [[row as T, index] as [T, number]] : [])) : [];

/**
 * Whether a row's 一级 / 二级 pair is in the framework; the problem names the field to change and
 * what may be written there. Rows without levels (重庆) have neither.
 */
export function levelProblem(framework: IndicatorFramework, level1: string | undefined, level2: string | undefined): { field: '一级指标' | '二级指标'; message: string } | undefined {
  const level1Names = framework.map((f) => f.level1).join('、');
  if (level1 === undefined) {
    // A 二级 alone cannot be placed in the framework.
    return level2 === undefined ? undefined : { field: '一级指标', message: `写了二级指标“${level2}”就要写它的一级指标。可写：${level1Names}` };
  }
  // Names compare as labels do (table-layouts.ts readLabel): without spaces (`产出 指标`, a cell's
  // broken line), full-width forms, or the points printed after them (`产出指标（50分）` is worth 50).
  const same = (a: string) => (b: string) => labelKey(a) === labelKey(b);
  const entry = framework.find((f) => same(level1)(f.level1));
  if (!entry) return { field: '一级指标', message: `一级指标“${level1}”不在指标体系中。请改为：${level1Names}` };
  if (level2 === undefined) return { field: '二级指标', message: `缺少二级指标。“${entry.level1}”下可写：${entry.level2.join('、')}` };
  if (entry.level2.some(same(level2))) return undefined;
  const owner = framework.find((f) => f.level2.some(same(level2)));
  return {
    field: '二级指标',
    message:
      `二级指标“${level2}”不属于一级指标“${entry.level1}”。` +
      (owner ? `它属于“${owner.level1}”，请改一级指标或二级指标；` : '') +
      `“${entry.level1}”下可写：${entry.level2.join('、')}`,
  };
}

export function indicatorsSchema(framework: IndicatorFramework) {
  return z
    .array(indicatorSchema)
    .min(1, { error: '至少要有一条绩效指标' })
    .superRefine((rows, ctx) => {
      const seen = new Map<string, number>();
      for (const [indicator, index] of parsedRows<Indicator_>(rows, (row) => typeof row.name === 'string')) {
        const level = levelProblem(framework, indicator.level1, indicator.level2);
        if (level) ctx.addIssue({ code: 'custom', path: [index, level.field], input: level.field === '一级指标' ? (indicator.level1 ?? indicator.level2) : indicator.level2, message: level.message });
        // The row's anchor on the project page is built from these three names: they must be unique.
        const key = [indicator.level1 ?? '', indicator.level2 ?? '', indicator.name].join('\u0000');
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [index, '三级指标'],
            input: indicator.name,
            message:
              `第 ${index + 1} 条指标与第 ${first + 1} 条重复（同为 ${[indicator.level1, indicator.level2, indicator.name].filter(Boolean).join(' / ')}）。` +
              '请删除重复的一条，或改用不同的三级指标名称',
          });
        }
      }
    }, ALWAYS)
    .meta({ description: '绩效指标表，每行一条三级指标' });
}

const spendingPlanSchema = z
  .array(checkpointSchema)
  .superRefine((rows, ctx) => {
    let before: SpendingCheckpoint_ | undefined;
    let planned: SpendingCheckpoint_ | undefined;
    for (const [checkpoint, index] of parsedRows<SpendingCheckpoint_>(rows, (row) => typeof row.month === 'number')) {
      if (before && checkpoint.month <= before.month) {
        ctx.addIssue({
          code: 'custom',
          path: [index, '月份'],
          input: checkpoint.month,
          message: `月份要按先后排列：第 ${index + 1} 个时点是 ${checkpoint.month} 月，不能在 ${before.month} 月之后`,
        });
      }
      before = checkpoint;
      if (checkpoint.percent === null) continue;
      if (planned?.percent != null && checkpoint.percent < planned.percent) {
        ctx.addIssue({
          code: 'custom',
          path: [index, '累计比例'],
          input: checkpoint.percent,
          message:
            `累计比例不能减少：${checkpoint.month}月底是 ${checkpoint.percent}%，小于 ${planned.month}月底的 ${planned.percent}%。` +
            '这里填的是截至该月底的累计数，不是当期数',
        });
      }
      planned = checkpoint;
    }
  }, ALWAYS)
  .meta({ description: '资金支出计划：各时点累计支出占预算数的百分比，按月份先后排列' });
type SpendingCheckpoint_ = z.output<typeof checkpointSchema>;

const optionalText = (description: string, example: string) => text(description, example).optional();
/** A date as the table writes it; an unquoted 2024-03-01 that a YAML reader made a date is that text again. */
const dateText = (description: string, example: string) =>
  z
    .union([z.string(), z.date()], { error: whenWritten(`应填写日期，例如：${example}`) })
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .optional()
    .meta({ description, examples: [example] });

/** 项目编码 under a site's rule; it decides the address of the project's page. */
export const projectCodeSchema = (codeRule: ProjectCodeRule) =>
  z
    .string({ error: whenWritten(`项目编码要写成文本，例如 ${codeRule.example}`) })
    .regex(codeRule.pattern, {
      error: (issue) => `项目编码“${String(issue.input)}”格式不对（${String(issue.input).length} 位）：应为 ${codeRule.description}，例如 ${codeRule.example}`,
    })
    .optional()
    .meta({ description: `项目编码，${codeRule.description}，例如 ${codeRule.example}；它决定项目页面的网址，发布后不要改。原表没有项目编码时不写，改写“网址标识”`, examples: [codeRule.example] });

/** 网址标识: the permalink of a table without 项目编码. */
export const urlKeySchema =
  z
    .string({ error: whenWritten('网址标识要写成文本，例如 sc-3f9a1c2b') })
    .regex(URL_KEY, { error: '网址标识只能由小写字母、数字和连字符组成（最长 64 位），例如 sc-3f9a1c2b' })
    .optional()
    .meta({ description: '原表没有项目编码时，本项目页面网址中的标识（导入时自动生成）；发布后不要改', examples: ['sc-3f9a1c2b'] });

/** The schema of a project file, under a site's rules (indicator framework, code format, default 表样). */
export function projectSchema(rules: Partial<ProjectRules> = {}) {
  const { framework, codeRule, layout: siteLayout } = { ...DEFAULT_PROJECT_RULES, ...rules };
  return keyed(
    projectSpec(framework, codeRule),
    // Runs even when other fields have errors (see keyed), so it checks only what parsed.
    (table, ctx) => {
      const unit: MoneyUnit = MONEY_UNITS.includes(table.金额单位) ? table.金额单位 : '元';
      // A file names its 表样 where it differs from the site's (site.yaml 表样).
      const layout = projectLayout({ layout: table.表样 }, siteLayout);
      checkExtraPlaces(table as Record<string, unknown>, ctx);
      // What the table's 表样 prints in every table must be there (an empty cell is an error).
      for (const { field, label, required } of layout.fields) {
        // Fields the schema itself requires already have their own “缺少必填字段” message.
        if (required && OPTIONAL_KEYS.has(field) && field !== '项目编码' && (table as Record<string, unknown>)[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [], input: table, message: `缺少“${field}”：表样“${layout.name}”的每张表都有“${label}”一栏。请照原表填写` });
        }
      }
      // What the layout has no place for would be lost in its Excel form and on import.
      if (layout.readBy === 'labels' && table.资金支出计划 !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['资金支出计划'], input: table.资金支出计划, message: `表样“${layout.name}”的表没有资金支出计划一栏。请删去这一项，或确认表样是否写对` });
      }
      if (layout.arrangement === 'rows' && table.其他栏目 !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['其他栏目'], input: table.其他栏目, message: `表样“${layout.name}”一张表列出多个项目，没有放项目“其他栏目”的位置。请把内容放进对应字段，或删去这一项` });
      }
      if (table.项目编码 === undefined && table.网址标识 === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          input: table,
          message: layout.fields.some((f) => f.field === '项目编码' && f.required)
            ? `缺少项目编码（表样“${layout.name}”的每张表都有），例如 ${codeRule.example}`
            : '缺少项目编码或网址标识：原表没有项目编码时，写一个网址标识（小写字母、数字和连字符），例如 网址标识: sc-3f9a1c2b；它决定本项目页面的网址',
        });
      }
      // Indicator columns the layout prints in every row (一级/二级 together: the framework checks them).
      const requiredColumns = layout.indicatorColumns.filter((c) => c.required);
      if (Array.isArray(table.绩效指标)) {
        table.绩效指标.forEach((row, index) => {
          if (!row || typeof (row as { name?: unknown }).name !== 'string') return; // did not parse: its own errors say why
          for (const { field, label } of requiredColumns) {
            // Rows that parsed have English names; the check sees them after their own schema ran.
            if (field === '二级指标' || (row as Record<string, unknown>)[INDICATOR_SPEC[field][0]] !== undefined) continue;
            ctx.addIssue({ code: 'custom', path: ['绩效指标', index], input: row, message: `缺少“${field}”：表样“${layout.name}”的每条指标都有“${label}”一栏` });
          }
        });
      }
      // Which amounts are parts of which is the layout's to say (a 申报表 prints the whole term's beside the year's).
      checkMoney(table as unknown as Record<string, unknown>, unit, ctx, layout.moneySums ?? MONEY_SUMS);
    },
  ).transform((p) => ({
    ...p,
    /** The table's permalink key: its 项目编码, or its 网址标识 where the layout prints no code. */
    key: (p.code ?? p.urlKey)!,
  }));
}

/** The fields of a project file, in the order the importer writes them (keys are the table's labels). */
function projectSpec(framework: IndicatorFramework, codeRule: ProjectCodeRule) {
  return {
    表样: [
      'layout',
      z
        .enum(LAYOUT_NAMES, { error: whenWritten(`表样只能写：${LAYOUT_NAMES.join('、')}`) })
        .optional()
        .meta({ description: `本表的版式（表样）：${LAYOUT_NAMES.join('、')}；不写时为网站设置中的表样`, examples: ['四川'] }),
    ],
    单位编码: ['unitCode', unitCodeSchema],
    单位名称: ['unitName', unitNameSchema],
    年度: ['fiscalYear', fiscalYearSchema],
    原文标题: ['heading', text('原文件中本表的标题，照原样保留（包括原有编号）', '2.2022年村级垃圾清运及焚烧绩效目标表').optional()],
    金额单位: ['moneyUnit', moneyUnitSchema],
    预算阶段: [
      'budgetPhase',
      z
        .enum(BUDGET_PHASES, { error: `预算阶段只能写：${BUDGET_PHASES.join('、')}` })
        .default('年初预算')
        .meta({ description: '金额所属的预算阶段：年初预算、调整预算或决算；不写时为年初预算', examples: ['年初预算'] }),
    ],
    项目编码: ['code', projectCodeSchema(codeRule)],
    网址标识: ['urlKey', urlKeySchema],
    上年项目编码: [
      'previousCode',
      z
        .string({ error: whenWritten('上年项目编码要写成文本，例如 13022922P00JXC415564L') })
        .regex(codeRule.pattern, {
          error: (issue) => `上年项目编码“${String(issue.input)}”格式不对：应为上一年度这个项目的项目编码（${codeRule.description}），例如 ${codeRule.example}`,
        })
        .optional()
        .meta({
          description: '上一年度同一项目的项目编码。项目编码每年不同时填写，网站据此比较两年的预算和指标；编码不变时不用填',
          examples: ['13022922P00JXC415564L'],
        }),
    ],
    项目名称: ['name', requiredText('项目名称', '2022年村级垃圾清运及焚烧')],
    项目性质: ['nature', optionalText('项目性质，例如 阶段性项目、经常性项目', '阶段性项目')],
    项目类别: ['category', optionalText('项目类别，照原表写', '专项业务费')],
    项目属性: ['kind', optionalText('项目属性：新增 或 延续', '延续')],
    主管部门: ['department', optionalText('主管部门（业务主管部门）', '区农业农村委')],
    实施单位: ['implementer', optionalText('实施单位', '区农业技术推广中心')],
    计划开始日期: ['startDate', dateText('计划开始日期，照原表写', '2023-01-01')],
    计划完成日期: ['endDate', dateText('计划完成日期，照原表写', '2023-12-31')],
    立项依据: ['basis', optionalText('立项依据，照原表写', '《关于……的通知》')],
    项目概况: ['overview', optionalText('项目概况，照原表写', '本项目用于……')],
    项目资金总额: ['projectTotal', amountSchema.optional().meta({ description: '项目资金总额（项目整个实施期的资金，跨年项目大于本年预算数）' })],
    预算数: ['total', amountSchema.meta({ description: '本年预算数（也叫当年预算、年度资金申请总额），单位见“金额单位”' })],
    财政资金: ['fiscal', amountSchema.optional().meta({ description: '其中：财政资金；原表没有这一栏时不写' })],
    当年财政拨款: ['appropriation', amountSchema.optional().meta({ description: '财政资金中的当年财政拨款' })],
    上年结转: ['carryOver', amountSchema.optional().meta({ description: '财政资金中的上年结转' })],
    上级财政: ['higherLevel', amountSchema.optional().meta({ description: '资金构成：上级财政' })],
    本级财政: ['sameLevel', amountSchema.optional().meta({ description: '资金构成：本级财政' })],
    自有资金: ['ownFunds', amountSchema.optional().meta({ description: '资金构成：自有资金' })],
    其他资金: ['other', amountSchema.optional().meta({ description: '其他资金；原表为空时不写这一行' })],
    资金用途: ['purpose', text('资金用途（原表“预算规模及资金用途”）', '用于村级垃圾清运及焚烧').optional()],
    资金支出计划: ['spendingPlan', spendingPlanSchema.optional()],
    项目总目标: ['overallGoal', optionalText('项目总目标（项目整个实施期的目标），照原表写', '到2025年建成……')],
    长期目标: ['longTermGoal', optionalText('长期目标，照原表写', '持续改善农村人居环境')],
    年度目标: ['annualGoal', optionalText('年度目标（年度总体目标、当年绩效目标），照原表写', '完成10个村的道路硬化')],
    绩效目标: [
      'goals',
      z.array(text('一条绩效目标，照原表写', '1.保证村内环境干净整洁，垃圾清运及时')).min(1, { error: '至少要有一条绩效目标' }).optional(),
    ],
    绩效指标: ['indicators', indicatorsSchema(framework)],
    其他栏目: ['extra', extraCellsSchema],
    其他栏目位置: ['extraPlaces', extraPlacesSchema],
    来源: ['source', sourceRefSchema.optional()],
  } as const;
}

/** Keys that a file may leave out as far as the schema goes (a layout may still require them). */
const OPTIONAL_KEYS = new Set(
  Object.entries(projectSpec(DEFAULT_FRAMEWORK, HEBEI_CODE_RULE))
    .filter(([, [, schema]]) => (schema as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key),
);

/** YAML key → English property of a parsed project, and of a parsed indicator (from the one spec). */
export const PROJECT_PROPERTY: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(projectSpec(DEFAULT_FRAMEWORK, HEBEI_CODE_RULE)).map(([key, [name]]) => [key, name]));
export const INDICATOR_PROPERTY: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(INDICATOR_SPEC).map(([key, [name]]) => [key, name]));

/** The YAML keys of a project file in their written order (writers use it to order what they build). */
export const PROJECT_KEYS = Object.keys(projectSpec(DEFAULT_FRAMEWORK, HEBEI_CODE_RULE));
export const INDICATOR_KEYS = Object.keys(INDICATOR_SPEC);

const COUNT_WORDS = ['', '', '两', '三', '四', '五'];
/** Decimal places within the unit of every amount of a table, and every sum of `sums` that it uses. */
export function checkMoney(table: Record<string, unknown>, unit: MoneyUnit, ctx: z.RefinementCtx, sums: readonly MoneySum[]) {
  const fen = new Map<string, bigint>();
  let allOk = true;
  for (const [key, amount] of Object.entries(table)) {
    if (!MONEY_FIELDS.has(key)) continue;
    if (typeof amount !== 'string' || !readAmount(amount).ok) {
      allOk = false;
    } else if (decimalsOf(amount) > MAX_DECIMALS[unit]) {
      allOk = false;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        input: amount,
        message: `${key}“${amount}”的小数超过 ${MAX_DECIMALS[unit]} 位：金额单位是${unit}时最多精确到分（${MAX_DECIMALS[unit]} 位小数）`,
      });
    } else fen.set(key, toFen(amount, unit));
  }
  if (!allOk) return;
  // Shown in the table's own unit: a 万元 table is checked and explained in 万元.
  const show = (f: bigint) => `${formatFenIn(f, unit)} ${unit}`;
  for (const rule of sums) {
    const total = fen.get(rule.total);
    if (total === undefined || !rule.whenAnyOf.some((k) => fen.has(k)) || rule.unlessAnyOf?.some((k) => fen.has(k))) continue;
    const parts = rule.parts.reduce((sum, k) => sum + (fen.get(k) ?? 0n), 0n);
    if (total !== parts) {
      ctx.addIssue({
        code: 'custom',
        path: [rule.total],
        input: table[rule.total],
        message:
          `${rule.parts.join(' + ')} = ${show(parts)}，与${rule.total} ${show(total)}不相等` +
          `（相差 ${show(total > parts ? total - parts : parts - total)}）。请按批复文件核对这${COUNT_WORDS[rule.parts.length + 1] ?? '些'}个金额`,
      });
    }
  }
}

export type ProjectSchema = ReturnType<typeof projectSchema>;
/** A project table as the site uses it (English names). */
export type Project = z.output<ProjectSchema>;
/** A project table as written in YAML (Chinese keys). */
export type ProjectInput = z.input<ProjectSchema>;
export type Indicator = Project['indicators'][number];
export type SpendingCheckpoint = NonNullable<Project['spendingPlan']>[number];
