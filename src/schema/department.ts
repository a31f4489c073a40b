// 部门整体绩效目标: the department's overall targets, one YAML file per unit and year.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { fiscalYearSchema, sourceRefSchema, unitCodeSchema, unitNameSchema } from './common.ts';
import { keyed } from './keyed.ts';

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

export const departmentSchema = keyed({
  单位编码: ['unitCode', unitCodeSchema],
  单位名称: ['unitName', unitNameSchema],
  年度: ['fiscalYear', fiscalYearSchema],
  总体绩效目标: [
    'overallTargets',
    z.array(cell('一段总体绩效目标，照原文写', '整体绩效目标：2023年工作的总体思路是……')).meta({ description: '总体绩效目标，每段一项' }),
  ],
  分项绩效目标: ['itemizedTargets', z.array(itemizedTargetSchema).meta({ description: '分项绩效目标表，每行一项，九列' })],
  工作保障措施: [
    'safeguards',
    keyed({
      引言: ['intro', cell('列举措施之前的引导语', '为实现上述本年度的发展规划目标，我镇主要拟定了以下几项保障措施：').optional()],
      措施: ['measures', z.array(cell('一条措施，照原文写（含编号）', '1、加大农村人居环境整治工作……'))],
    }),
  ],
  来源: ['source', sourceRefSchema.optional()],
});

export type Department = z.output<typeof departmentSchema>;
export type DepartmentInput = z.input<typeof departmentSchema>;
export type ItemizedTarget = Department['itemizedTargets'][number];
