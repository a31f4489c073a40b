// 部门整体绩效目标: the department's overall targets, one YAML file per unit and year.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { amountSchema, moneyUnitSchema, fiscalYearSchema, sourceRefSchema, unitCodeSchema, unitNameSchema } from './common.ts';
import { keyed } from './keyed.ts';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from './framework.ts';
import { checkExtraPlaces, checkMoney, extraCellsSchema, extraPlacesSchema, indicatorsSchema } from './project.ts';
import { DEPARTMENT_LAYOUT_NAMES, DEPARTMENT_MONEY_SUMS } from './table-layouts.ts';
import { decimalsOf, MAX_DECIMALS, MONEY_UNITS, readAmount, type MoneyUnit } from '../lib/reading/money.ts';

const cell = (description: string, example: string) =>
  z.string({ error: whenWritten(`应填写文本，例如：${example}`) }).meta({ description, examples: [example] });

/**
 * One row of the 分项绩效目标 table, all nine columns. In the source the 职能 cell is merged
 * over its rows; here every row names its 职能, and the site groups consecutive rows again.
 */
export const itemizedTargetSchema = keyed({
  职能: ['function', cell('职能（原表中合并单元格，每行都写上）', '党政综合').trim().min(1, { error: '职能不能为空，例如：党政综合' })],
  职能描述: ['functionDescription', cell('职能描述', '负责综合协调、信息反馈、档案管理和机关事务工作')],
  年度目标: ['annualTarget', cell('年度目标', '加强基层领导班子建设')],
  工作任务: ['task', cell('工作任务', '党组织建设及党员教育管理')],
  任务描述: ['taskDescription', cell('任务描述', '负责乡镇党组织建设')],
  绩效指标: ['indicator', cell('绩效指标', '绩效目标党基层组织建设工作的完成情况')],
  指标值: ['value', cell('指标值，照原表写', '>=90%')],
  指标描述: ['indicatorDescription', cell('指标描述', '党基层组织建设工作的完成情况')],
  评价标准: ['standard', cell('评价标准', '优')],
});

/** One row of the 年度履职目标 table of a 部门整体支出绩效目标表 (福建 and others). */
const DUTY_SPEC = {
  部门职能: ['function', cell('部门职能，照原表写', '负责全区生态环境监测').optional()],
  年度目标任务: ['task', cell('年度目标任务，照原表写', '完成全区空气质量自动监测站运行维护').optional()],
  支出项目名称: ['project', cell('支出项目名称，照原表写', '环境监测运行经费').optional()],
  预算金额: ['amount', amountSchema.optional().meta({ description: '预算金额，单位见“金额单位”' })],
} as const;
const dutyTargetSchema = keyed(DUTY_SPEC);

/** The department file's schema under a site's indicator framework (for its 绩效指标 table). */
export function departmentSchemaFor(framework: IndicatorFramework = DEFAULT_FRAMEWORK) {
  return keyed(
    departmentSpec(framework),
    // 基本支出 + 项目支出 = 资金总额, to the fen, and every amount within its unit's decimals.
    (d, ctx) => {
      const unit: MoneyUnit = MONEY_UNITS.includes(d.金额单位) ? d.金额单位 : '元';
      checkMoney(d as unknown as Record<string, unknown>, unit, ctx, DEPARTMENT_MONEY_SUMS);
      checkExtraPlaces(d as unknown as Record<string, unknown>, ctx);
      (Array.isArray(d.年度履职目标) ? d.年度履职目标 : []).forEach((row, n) => {
        const amount = (row as { amount?: unknown } | null)?.amount;
        if (typeof amount === 'string' && readAmount(amount).ok && decimalsOf(amount) > MAX_DECIMALS[unit]) {
          ctx.addIssue({ code: 'custom', path: ['年度履职目标', n, '预算金额'], input: amount, message: `预算金额“${amount}”的小数超过 ${MAX_DECIMALS[unit]} 位：金额单位是${unit}时最多 ${MAX_DECIMALS[unit]} 位小数` });
        }
      });
    },
  );
}
export const departmentSchema = departmentSchemaFor();

/** The YAML keys of a department file in their written order. */
export const DEPARTMENT_KEYS = Object.keys(departmentSpec(DEFAULT_FRAMEWORK));
/** YAML key → English property of a parsed department, and of a parsed 年度履职目标 row. */
export const DEPARTMENT_PROPERTY: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(departmentSpec(DEFAULT_FRAMEWORK)).map(([key, [name]]) => [key, name]));
export const DUTY_PROPERTY: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(DUTY_SPEC).map(([key, [name]]) => [key, name]));
/** The fields of a department file, in the order writers use (keys are the tables' labels). */
function departmentSpec(framework: IndicatorFramework) {
  return {
    表样: [
      'layout',
      z
        .enum(DEPARTMENT_LAYOUT_NAMES, { error: whenWritten(`部门整体目标的表样只能写：${DEPARTMENT_LAYOUT_NAMES.join('、')}`) })
        .optional()
        .meta({ description: `本表的版式（表样）：${DEPARTMENT_LAYOUT_NAMES.join('、')}；不写时为河北的部门整体绩效目标`, examples: ['部门整体'] }),
    ],
    单位编码: ['unitCode', unitCodeSchema],
    单位名称: ['unitName', unitNameSchema],
    年度: ['fiscalYear', fiscalYearSchema],
    原文标题: ['heading', cell('原文件中本表的标题，照原样保留', '2024年部门整体支出绩效目标表').optional()],
    金额单位: ['moneyUnit', moneyUnitSchema],
    资金总额: ['total', amountSchema.optional().meta({ description: '部门资金总额（部门整体支出绩效目标表）' })],
    基本支出: ['basic', amountSchema.optional().meta({ description: '资金总额中的基本支出' })],
    项目支出: ['projects', amountSchema.optional().meta({ description: '资金总额中的项目支出' })],
    总体绩效目标: [
      'overallTargets',
      z.array(cell('一段总体绩效目标（年度总体目标），照原文写', '整体绩效目标：2023年工作的总体思路是……')).meta({ description: '总体绩效目标，每段一项' }),
    ],
    分项绩效目标: ['itemizedTargets', z.array(itemizedTargetSchema).optional().meta({ description: '分项绩效目标表，每行一项，九列' })],
    年度履职目标: ['dutyTargets', z.array(dutyTargetSchema).optional().meta({ description: '年度履职目标表，每行一项：部门职能、年度目标任务、支出项目名称、预算金额' })],
    绩效指标: ['indicators', indicatorsSchema(framework).optional()],
    工作保障措施: [
      'safeguards',
      keyed({
        引言: ['intro', cell('列举措施之前的引导语', '为实现上述本年度的发展规划目标，我镇主要拟定了以下几项保障措施：').optional()],
        措施: ['measures', z.array(cell('一条措施，照原文写（含编号）', '1、加大农村人居环境整治工作……'))],
      }).optional(),
    ],
    其他栏目: ['extra', extraCellsSchema],
    其他栏目位置: ['extraPlaces', extraPlacesSchema],
    来源: ['source', sourceRefSchema.optional()],
  } as const;
}


export type Department = z.output<typeof departmentSchema>;
export type DepartmentInput = z.input<typeof departmentSchema>;
export type ItemizedTarget = NonNullable<Department['itemizedTargets']>[number];
export type DutyTarget = NonNullable<Department['dutyTargets']>[number];
