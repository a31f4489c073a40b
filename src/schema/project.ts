// 项目绩效目标表: one budget project's approved performance-target table, one YAML file each.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { decimalsOf, formatYuan, MAX_DECIMALS, MONEY_UNITS, readAmount, toFen, type MoneyUnit } from '../lib/money.ts';
import { amountSchema, fiscalYearSchema, sourceRefSchema, unitCodeSchema, unitNameSchema } from './common.ts';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from './framework.ts';
import { keyed } from './keyed.ts';

/** Budget phases: every amount on the site is labelled with the phase it belongs to. */
export const BUDGET_PHASES = ['年初预算', '调整预算', '决算'] as const;

/**
 * 项目编码: 6-digit county code, 2-digit year, `P`, then 12 letters or digits, 21 characters
 * in all (e.g. `13022923P00JXC415564L`).
 */
export const PROJECT_CODE = /^\d{8}P[0-9A-Z]{12}$/;

const text = (description: string, example: string) =>
  z.string({ error: whenWritten(`应填写文本，例如：${example}`) }).meta({ description, examples: [example] });
const requiredText = (description: string, example: string) =>
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

const indicatorSchema = keyed({
  一级指标: ['level1', requiredText('一级指标，须是指标体系中的一级指标', '产出指标')],
  二级指标: ['level2', requiredText('二级指标，须属于所写的一级指标', '数量指标')],
  三级指标: ['name', requiredText('三级指标：具体的绩效指标名称', '群众满意度')],
  绩效指标描述: ['description', text('绩效指标描述', '享受项目便利的人群覆盖率').optional()],
  指标值: ['value', text('指标值，照原表写，例如 ≥90%、1个、及时', '≥90%')],
  指标值确定依据: ['basis', text('指标值确定依据，例如“预算安排”“历史数据”', '预算安排').optional()],
});
type Indicator_ = z.output<typeof indicatorSchema>;

/**
 * Cross-row checks run on every row that parsed, even when other rows or fields have errors,
 * so that one run reports every problem (zod skips refinements after errors by default).
 * Rows that failed to parse are still in their written form and are skipped here.
 */
const ALWAYS = { when: () => true };
const parsedRows = <T>(rows: unknown, isParsed: (row: any) => boolean): [T, number][] =>
  Array.isArray(rows) ? rows.flatMap((row, index) => (row && isParsed(row) ? [[row as T, index] as [T, number]] : [])) : [];

function indicatorsSchema(framework: IndicatorFramework) {
  const level1Names = framework.map((f) => f.level1).join('、');
  return z
    .array(indicatorSchema)
    .min(1, { error: '至少要有一条绩效指标' })
    .superRefine((rows, ctx) => {
      const seen = new Map<string, number>();
      for (const [indicator, index] of parsedRows<Indicator_>(rows, (row) => typeof row.level1 === 'string')) {
        const level1 = framework.find((f) => f.level1 === indicator.level1);
        if (!level1) {
          ctx.addIssue({
            code: 'custom',
            path: [index, '一级指标'],
            input: indicator.level1,
            message: `一级指标“${indicator.level1}”不在指标体系中。请改为：${level1Names}`,
          });
        } else if (!level1.level2.includes(indicator.level2)) {
          const owner = framework.find((f) => f.level2.includes(indicator.level2));
          ctx.addIssue({
            code: 'custom',
            path: [index, '二级指标'],
            input: indicator.level2,
            message:
              `二级指标“${indicator.level2}”不属于一级指标“${level1.level1}”。` +
              (owner ? `它属于“${owner.level1}”，请改一级指标或二级指标；` : '') +
              `“${level1.level1}”下可写：${level1.level2.join('、')}`,
          });
        }
        // The row's anchor on the project page is built from these three names: they must be unique.
        const key = [indicator.level1, indicator.level2, indicator.name].join('\u0000');
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [index, '三级指标'],
            input: indicator.name,
            message:
              `第 ${index + 1} 条指标与第 ${first + 1} 条重复（同为 ${indicator.level1} / ${indicator.level2} / ${indicator.name}）。` +
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

/** The schema of a project file, for a given indicator framework. */
export function projectSchema(framework: IndicatorFramework = DEFAULT_FRAMEWORK) {
  return keyed(
    {
      单位编码: ['unitCode', unitCodeSchema],
      单位名称: ['unitName', unitNameSchema],
      年度: ['fiscalYear', fiscalYearSchema],
      原文标题: ['heading', text('原文件中本表的标题，照原样保留（包括原有编号）', '2.2022年村级垃圾清运及焚烧绩效目标表').optional()],
      金额单位: [
        'moneyUnit',
        z.enum(MONEY_UNITS, { error: whenWritten('金额单位只能写“元”或“万元”') }).default('元').meta({ description: '表中金额的单位：元 或 万元（原表“单位：元”）', examples: ['元'] }),
      ],
      预算阶段: [
        'budgetPhase',
        z
          .enum(BUDGET_PHASES, { error: `预算阶段只能写：${BUDGET_PHASES.join('、')}` })
          .default('年初预算')
          .meta({ description: '金额所属的预算阶段：年初预算、调整预算或决算；不写时为年初预算', examples: ['年初预算'] }),
      ],
      项目编码: [
        'code',
        z
          .string({ error: whenWritten('项目编码要写成文本，例如 13022923P00JXC415564L') })
          .regex(PROJECT_CODE, {
            error: (issue) =>
              `项目编码“${String(issue.input)}”格式不对（${String(issue.input).length} 位）：应为 21 位，` +
              '依次是 6 位区划代码、2 位年度、字母 P、12 位大写字母或数字，例如 13022923P00JXC415564L',
          })
          .meta({ description: '项目编码，21 位，例如 13022923P00JXC415564L；它决定项目页面的网址，发布后不要改', examples: ['13022923P00JXC415564L'] }),
      ],
      上年项目编码: [
        'previousCode',
        z
          .string({ error: whenWritten('上年项目编码要写成文本，例如 13022922P00JXC415564L') })
          .regex(PROJECT_CODE, {
            error: (issue) => `上年项目编码“${String(issue.input)}”格式不对：应为上一年度这个项目的 21 位项目编码，例如 13022922P00JXC415564L`,
          })
          .optional()
          .meta({
            description: '上一年度同一项目的项目编码。项目编码每年不同时填写，网站据此比较两年的预算和指标；编码不变时不用填',
            examples: ['13022922P00JXC415564L'],
          }),
      ],
      项目名称: ['name', requiredText('项目名称', '2022年村级垃圾清运及焚烧')],
      预算数: ['total', amountSchema],
      财政资金: ['fiscal', amountSchema],
      其他资金: ['other', amountSchema.optional().meta({ description: '其他资金；原表为空时不写这一行' })],
      资金用途: ['purpose', text('资金用途（原表“预算规模及资金用途”）', '用于村级垃圾清运及焚烧')],
      资金支出计划: ['spendingPlan', spendingPlanSchema],
      绩效目标: [
        'goals',
        z.array(text('一条绩效目标，照原表写', '1.保证村内环境干净整洁，垃圾清运及时')).min(1, { error: '至少要有一条绩效目标' }),
      ],
      绩效指标: ['indicators', indicatorsSchema(framework)],
      来源: ['source', sourceRefSchema.optional()],
    },
    // Runs even when other fields have errors (see keyed), so it checks only what parsed.
    (table, ctx) => {
      const unit: MoneyUnit = MONEY_UNITS.includes(table.金额单位) ? table.金额单位 : '元';
      const amounts = { 预算数: table.预算数, 财政资金: table.财政资金, 其他资金: table.其他资金 };
      let amountsOk = typeof table.预算数 === 'string' && typeof table.财政资金 === 'string';
      for (const [key, amount] of Object.entries(amounts)) {
        if (typeof amount !== 'string' || !readAmount(amount).ok) {
          if (amount !== undefined) amountsOk = false;
        } else if (decimalsOf(amount) > MAX_DECIMALS[unit]) {
          amountsOk = false;
          ctx.addIssue({
            code: 'custom',
            path: [key],
            input: amount,
            message: `${key}“${amount}”的小数超过 ${MAX_DECIMALS[unit]} 位：金额单位是${unit}时最多精确到分（${MAX_DECIMALS[unit]} 位小数）`,
          });
        }
      }
      if (amountsOk) {
        const total = toFen(table.预算数, unit);
        const parts = toFen(table.财政资金, unit) + (table.其他资金 === undefined ? 0n : toFen(table.其他资金, unit));
        if (total !== parts) {
          ctx.addIssue({
            code: 'custom',
            path: ['预算数'],
            input: table.预算数,
            message:
              `财政资金 + 其他资金 = ${formatYuan(parts)} 元，与预算数 ${formatYuan(total)} 元不相等` +
              `（相差 ${formatYuan(total > parts ? total - parts : parts - total)} 元）。请按批复文件核对这三个金额`,
          });
        }
      }
    },
  );
}

export type ProjectSchema = ReturnType<typeof projectSchema>;
/** A project table as the site uses it (English names). */
export type Project = z.output<ProjectSchema>;
/** A project table as written in YAML (Chinese keys). */
export type ProjectInput = z.input<ProjectSchema>;
export type Indicator = Project['indicators'][number];
export type SpendingCheckpoint = Project['spendingPlan'][number];
