// A unit-year's 部门预算 or 部门决算 as published: every table cell by cell as printed (codes as written,
// blanks as empty text, merges as A1 ranges), the notes under each table, the dates, and the differences
// that are in the approved document itself (原表如此). The 情况说明 is Markdown beside it. Files:
//   content/<year>/<unit>/budget.yaml, budget.md                 部门预算 and its 说明
//   content/<year>/<unit>/final-accounts.yaml, final-accounts.md 部门决算 and its 说明
// The same shape holds the corpus of real documents (tests/fixtures/budget/), which add where they came from.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { BUDGET_SETS } from './budget-tables.ts';

const text = (description: string, example: string) =>
  z.string({ error: whenWritten(`应填写文本，例如：${example}`) }).meta({ description, examples: [example] });
const date = (description: string) =>
  z
    .string({ error: whenWritten('日期写成 YYYY-MM-DD，例如 "2026-01-20"（加引号）') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期写成 YYYY-MM-DD，例如 "2026-01-20"' })
    .meta({ description, examples: ['2026-01-20'] });

/** One table as printed. 行: every row, every cell as text (a row may be shorter than the widest). */
export const budgetTableSchema = z.strictObject({
  名称: text('表名，照印', '收入支出决算总表').min(1, { error: '表名不能为空，例如：收入支出决算总表' }),
  前文: z.array(text('表上方的文字：表册标题、表名、编制部门、“单位：万元”', '单位：万元')).optional(),
  行: z.array(z.array(text('一格的文字，照印；空格写 ""', '2,940.05'), { error: whenWritten('每行写成一个列表，例如 ["合计", "2,940.05"]') }), {
    error: whenWritten('“行”应为列表，每项是一行'),
  }),
  合并: z.array(text('合并区域，左上角到右下角', 'A1:D1').regex(/^[A-Z]+\d+:[A-Z]+\d+$/, { error: '合并区域写成 A1:D1' })).optional(),
  后文: z.array(text('表下方的注和说明；空表在这里写明为什么没有数、是哪一种资金', '注：本单位无政府性基金预算财政拨款支出，故本表无数据。')).optional(),
});
export type BudgetTable = z.infer<typeof budgetTableSchema>;

/** A difference that is in the approved document: recorded, not corrected; the checker lets it pass and the page shows it. */
export const recordedDifferenceSchema = z.strictObject({
  差异: text('检查报告的那一句，原样粘贴（含位置和金额）', '收入决算表：合计 第 5 列 与各类之和，2946.25 ≠ 2946.26（差 -0.01）').min(1),
  原表如此: text('为什么不改：原件就这样印，以及原因', '万元两位小数分别四舍五入造成的 1 分之差，原表如此').min(1, { error: '写明原表如此的原因' }),
});

export const budgetDocumentSchema = z.strictObject({
  地区: text('地区，以省级名称开头：据此选用本省的表套', '上海市普陀区').min(1),
  单位: text('单位名称，照表册', '上海市普陀区财政局').min(1),
  级别: z.enum(['乡镇', '县', '市', '省']).optional().meta({ description: '单位级别' }),
  年度: z.number({ error: whenWritten('年度写成四位数字，例如 2026') }).int().min(2000).max(2100).meta({ description: '预算或决算年度', examples: [2026] }),
  种类: z.enum(['部门预算', '部门决算']).meta({ description: '部门预算或部门决算' }),
  表套: z
    .enum(BUDGET_SETS.map((s) => s.name) as [string, ...string[]])
    .optional()
    .meta({ description: '用哪一套表（不写时按地区和种类选）' }),
  批复日期: date('财政部门批复预算（决算）的日期').optional(),
  公开日期: date('本单位公开的日期').optional(),
  原格式: z.enum(['xlsx', 'xls', 'docx', 'doc', 'pdf', 'html', '图片']).optional().meta({ description: '公开时的文件格式' }),
  来源: text('公开的网址或文件', 'https://www.shpt.gov.cn/…').optional(),
  转录: text('如何从原件录入', '由预算系统导出的 Excel 导入').optional(),
  表格: z.array(budgetTableSchema).min(1, { error: '“表格”至少要有一张表' }),
  原表如此: z.array(recordedDifferenceSchema).optional(),
});
export type BudgetDocument = z.infer<typeof budgetDocumentSchema>;
