// Field schemas shared by the department and project files: unit, fiscal year, money, source.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { MONEY_UNITS, readAmount } from '../lib/reading/money.ts';
import { keyed } from './keyed.ts';

/** 单位编码: the budget unit's code in the finance system, e.g. `483001`. Also the folder name. */
export const unitCodeSchema = z
  .string({ error: whenWritten('单位编码要写成带引号的文本，例如 "483001"（不加引号时开头的 0 会丢失）') })
  .regex(/^\d{3,15}$/, { error: '单位编码只能由 3–15 位数字组成，例如 "483001"' })
  .meta({ description: '预算单位编码，例如 "483001"；同时是 content/<年度>/<单位编码>/ 的文件夹名', examples: ['483001'] });

/** 单位名称, as the unit line of the table writes it after the code. */
export const unitNameSchema = z
  .string()
  .trim()
  .min(1, { error: '单位名称不能为空，例如：玉田县林南仓镇人民政府本级' })
  .meta({ description: '预算单位名称，例如“玉田县林南仓镇人民政府本级”', examples: ['玉田县林南仓镇人民政府本级'] });

/** 年度: the fiscal (budget) year. Also the top folder name under content/. */
export const fiscalYearSchema = z
  .number({ error: whenWritten('年度要写成四位数字，例如 2023（不加引号）') })
  .int({ error: '年度要写成四位整数，例如 2023' })
  .min(2000, { error: '年度应在 2000 到 2100 之间，例如 2023' })
  .max(2100, { error: '年度应在 2000 到 2100 之间，例如 2023' })
  .meta({ description: '预算年度，例如 2023；同时是 content/<年度>/ 的文件夹名', examples: [2023] });

/**
 * An amount as written, in the file's money unit. Output is canonical decimal text
 * (thousands separators removed) so that no binary float ever touches money; compute with
 * `toFen`. Decimal places are checked against the money unit by the containing table.
 */
export const amountSchema = z
  .union([z.string(), z.number()], { error: whenWritten('金额要写成数字，例如 "219800.00"') })
  .transform((input, ctx) => {
    const reading = readAmount(input);
    if (reading.ok) return reading.text;
    const message = {
      empty: '金额不能为空；没有这项资金时请删掉这一行',
      negative: `金额不能为负数：这里写的是 ${input}。请写正数，例如 "219800.00"`,
      format: `金额“${input}”写法不对：只能写数字、小数点和千分位逗号，例如 "219800.00" 或 "1,200,000.00"`,
    }[reading.reason];
    ctx.addIssue({ code: 'custom', message, input });
    return z.NEVER;
  })
  .meta({ description: '金额，单位见“金额单位”；建议加引号保留两位小数，例如 "219800.00"', examples: ['219800.00'] });

/** Where in the bundled source document a file's content was imported from. */
export const sourceRefSchema = keyed({
  文件: [
    'document',
    z.string().trim().min(1).meta({ description: '原始文件名，放在同一单位文件夹的 source/ 下', examples: ['000_450f3943667c7c22.txt'] }),
  ],
  起止行: [
    'lines',
    z
      .tuple([z.number().int().positive(), z.number().int().positive()])
      .meta({ description: '在原始文件中的起止行号（含），例如 [46, 184]', examples: [[46, 184]] }),
  ],
}).meta({ description: '本文件内容在原始公开文件中的位置，便于核对' });

/** 金额单位: the unit of every amount of a table, as its 「单位：…」 cell says; 元 when not written. */
export const moneyUnitSchema = z
  .enum(MONEY_UNITS, { error: whenWritten('金额单位只能写“元”或“万元”') })
  .default('元')
  .meta({ description: '表中金额的单位：元 或 万元（原表“单位：元”）', examples: ['元'] });

/**
 * 原文栏目: the labels a table printed where they differ from the ones this site prints, under the
 * place they label. What they say is read (a score, a letter, the money unit); the words are kept
 * so that the download prints the table as it was published. Target tables (table-layouts.ts
 * printedLabelSlot) and result tables (result-layouts.ts) name their places.
 */
export const printedLabelsSchema = (description: string, example: Record<string, string>) =>
  z
    .record(z.string().trim().min(1), z.string().trim().min(1, { error: '原文栏目的栏目名不能为空' }), { error: whenWritten('原文栏目要写成“位置: 原表印的栏目名”') })
    .optional()
    .meta({ description, examples: [example] });
