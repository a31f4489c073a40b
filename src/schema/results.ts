// The later stages of the performance cycle (docs/领域.md, “其余环节：执行监控和绩效自评”): 执行监控 (the
// mid-year monitoring table) and 绩效自评 (the year-end self-evaluation, project and department),
// one YAML file each beside the target tables. Cells are kept as published (★ marks, 其中 rows,
// 产出指标(50分), `-` for an empty amount) and read for what they mean by the functions below.
// The fields below, in order, are the one list of each table's columns; how the tables print them
// is said in result-layouts.ts.
import { z } from 'astro/zod';
import { whenWritten } from './messages.ts';
import { fiscalYearSchema, moneyUnitSchema, sourceRefSchema, unitCodeSchema, unitNameSchema } from './common.ts';
import { DEFAULT_FRAMEWORK, type IndicatorFramework } from './framework.ts';
import { keyed } from './keyed.ts';
import { readLabel } from './table-layouts.ts';
import {
  cellText,
  DEFAULT_PROJECT_RULES,
  extraCellsSchema,
  extraPlacesSchema,
  checkExtraPlaces,
  levelProblem,
  natureSchema,
  parsedRows,
  projectCodeSchema,
  requiredText,
  text,
  urlKeySchema,
  type ProjectRules,
} from './project.ts';
import { readIndicatorCells } from '../lib/reading/indicator-value.ts';
import { outcomeOf, OUTCOME_LABELS, type Outcome } from '../lib/reading/outcome.ts';
import { decimalsOf, formatFenIn, MAX_DECIMALS, moneyUnitOf, readAmount, toFen, type MoneyUnit } from '../lib/reading/money.ts';

/** What a table prints in a cell that has no value (`-`, `—`, `/`, the template's `……`): kept, read as empty. */
export const EMPTY_MARKS: readonly string[] = ['-', '—', '－', '/', '／', '——', '……', '…'];
// Checks run after other fields failed (keyed.ts), so a reader may meet a value that did not parse.
export const isEmptyMark = (text: unknown) => typeof text === 'string' && EMPTY_MARKS.includes(text.trim());

/** An amount as published: canonical decimal text, or the table's empty mark kept as written. */
const publishedAmount = (description: string) =>
  z
    .union([z.string(), z.number()], { error: whenWritten('金额要写成数字，例如 "12.345"；原表为“-”时照写 "-"') })
    .transform((input, ctx) => {
      if (typeof input === 'string' && isEmptyMark(input)) return input.trim();
      const reading = readAmount(input);
      if (reading.ok) return reading.text;
      ctx.addIssue({ code: 'custom', input, message: `金额“${input}”写法不对：只能写数字和小数点，例如 "12.345"；原表为空时写 "-"` });
      return z.NEVER;
    })
    .optional()
    .meta({ description: `${description}，单位见“金额单位”；原表为“-”时照写`, examples: ['12.345'] });

const NUMBER = /^(\d+(?:\.\d+)?)$/;
/** A 分值 / 得分 / 总分 as published (`10`, `9.5`, `10分`, `-`), kept as text. */
const scoreText = (description: string) =>
  z
    .union([z.string(), z.number()], { error: whenWritten(`${description}要写成数字，例如 10`) })
    .transform((input, ctx) => {
      const written = String(input).trim();
      if (isEmptyMark(written) || NUMBER.test(written.replace(/分$/, ''))) return written;
      ctx.addIssue({ code: 'custom', input, message: `${description}“${written}”写法不对：写不小于 0 的数字，例如 10 或 9.5；原表为空时写 "-"` });
      return z.NEVER;
    })
    .optional()
    .meta({ description, examples: ['10'] });

/** A 执行率 as published (`97.56%`), kept as text. */
const rateText = (description: string) =>
  z
    .union([z.string(), z.number()], { error: whenWritten('执行率要写成百分数，例如 "97.56%"') })
    .transform((input, ctx) => {
      const written = String(input).trim();
      if (isEmptyMark(written) || NUMBER.test(written.replace(/\s*[%％]$/, ''))) return written;
      ctx.addIssue({ code: 'custom', input, message: `执行率“${written}”写法不对：写百分数，例如 "97.56%"；原表为空时写 "-"` });
      return z.NEVER;
    })
    .optional()
    .meta({ description, examples: ['97.56%'] });

/** The number of a 分值 / 得分 / 总分 / 执行率 cell; undefined for an empty cell or mark. */
export function numberOf(written: unknown): number | undefined {
  if (typeof written !== 'string' || isEmptyMark(written)) return undefined;
  const m = NUMBER.exec(written.trim().replace(/\s*(分|[%％])$/, ''));
  return m ? Number(m[1]) : undefined;
}

/** Integer thousandths of a score, so that sums of 9.78 + 0.22 never meet binary fractions. */
const milli = (n: number) => Math.round(n * 1000);
const showScore = (m: number) => String(m / 1000);

// ---------------------------------------------------------------------------------------------
// Reading the published labels

/**
 * `产出指标(50分)` → name 产出指标, points 50, its score read as every label's is (table-layouts.ts
 * LABEL_READING); a range (`成本指标(0-20)分`) is no number of points. The label kept as written is the record.
 */
export function readLevel1(label: string): { name: string; points?: number } {
  const { key, score } = readLabel(label);
  const points = score !== undefined && /^\d+(\.\d+)?分$/.test(score) ? Number.parseFloat(score) : undefined;
  return points === undefined ? { name: label.trim() } : { name: key, points };
}

const CORE_MARKS = /^[★☆▲*＊]+|[★☆▲*＊]+$/g;
/**
 * A 三级指标 as published: `★群众满意度` is a core indicator, `其中：道路清扫` a breakdown row of
 * the indicator above it (usually printed without its own 分值; see countedRow).
 */
export function readIndicatorName(label: string): { name: string; core: boolean; breakdown: boolean } {
  const trimmed = label.trim();
  const core = CORE_MARKS.test(trimmed);
  CORE_MARKS.lastIndex = 0;
  const unmarked = trimmed.replace(CORE_MARKS, '').trim();
  const breakdown = /^其中\s*[:：]?/.test(unmarked);
  return { name: unmarked.replace(/^其中\s*[:：]?\s*/, ''), core, breakdown };
}

/** Level names compare without the spaces and line breaks a table prints inside them (`产 出 指 标`, `满意度\n指标`). */
const levelName = (name: string | undefined) => (name === undefined ? undefined : name.replace(/\s+/g, ''));

/**
 * A row the template printed and the unit left unfilled (`指标2`, `……`, a 二级 with no 三级 under
 * it): nothing but its levels and name. Kept as published; it is no indicator, so nothing is
 * checked or counted on it.
 */
export function isUnfilledRow(row: object): boolean {
  const empty = (value: unknown): boolean =>
    value === undefined ||
    (typeof value === 'string' && (value.trim() === '' || isEmptyMark(value))) ||
    (Array.isArray(value) && value.every(empty)) ||
    (typeof value === 'object' && value !== null && Object.values(value).every(empty));
  // Parsed rows (level1, name …) and rows as the importer writes them (一级指标, 三级指标 …).
  const names = new Set(['level1', 'level2', 'name', '一级指标', '二级指标', '三级指标']);
  return Object.entries(row).every(([key, value]) => names.has(key) || empty(value));
}

/**
 * Whether a row's 分值 and 得分 count in the sums (its 一级's points, the 总分): every filled row,
 * except a 其中 row printed without a 分值 of its own (a part of the row above it).
 */
export const countedRow = (row: { name: string; points?: string | number }) => !isUnfilledRow(row) && (!readIndicatorName(row.name).breakdown || numberOf(row.points === undefined ? undefined : String(row.points)) !== undefined);

/** The one identity of an indicator across the three stages: 一级 (without points), 二级, 三级 (without marks). */
export function indicatorIdentity(i: { level1?: string; level2?: string; name: string }): string {
  return [i.level1 === undefined ? '' : levelName(readLevel1(i.level1).name), levelName(i.level2) ?? '', readIndicatorName(i.name).name].join('\u0000');
}

// ---------------------------------------------------------------------------------------------
// Money rows

/**
 * Each stage's money columns, as data: the YAML key, the property, what it holds, and the budget
 * phase a figure of that column belongs to (every figure on the site names its phase). The one list
 * of them: the rows' schemas below, the printed layout (result-layouts.ts), the pages and the
 * downloads all read these.
 */
export interface MoneyColumn {
  key: string;
  property: string;
  kind: 'amount' | 'rate' | 'score';
  /** The phase a reader sees beside the figure; `监控` becomes 监控至N月. */
  phase?: '年初预算' | '调整预算' | '决算' | '监控' | '全年预计';
  /** What the cell holds, for the editors' schema. */
  description: string;
}
const INITIAL_BUDGET: MoneyColumn = { key: '年初预算数', property: 'initialBudget', kind: 'amount', phase: '年初预算', description: '年初预算数' };
const RATE: MoneyColumn = { key: '执行率', property: 'rate', kind: 'rate', description: '执行率，照原表写，例如 "97.56%"' };
export const MONITORING_MONEY_COLUMNS: readonly MoneyColumn[] = [
  INITIAL_BUDGET,
  { key: '调整后预算数', property: 'adjustedBudget', kind: 'amount', phase: '调整预算', description: '调整后预算数（全年预算数）；没有调整时不写' },
  { key: '执行数', property: 'executed', kind: 'amount', phase: '监控', description: '1 月至监控月份月底的执行数' },
  RATE,
  { key: '全年预计执行数', property: 'forecast', kind: 'amount', phase: '全年预计', description: '全年预计执行数' },
];
export const EVALUATION_MONEY_COLUMNS: readonly MoneyColumn[] = [
  INITIAL_BUDGET,
  { key: '全年预算数', property: 'adjustedBudget', kind: 'amount', phase: '调整预算', description: '全年预算数（调整后）' },
  { key: '全年执行数', property: 'executed', kind: 'amount', phase: '决算', description: '全年执行数（决算数）' },
  { key: '分值', property: 'points', kind: 'score', description: '分值（通常只在资金总额一行，一般 10 分）' },
  RATE,
  { key: '得分', property: 'score', kind: 'score', description: '得分' },
];
/** 执行率 = 执行数 ÷ 预算数, with the budget each table divides by (the adjusted one where it is written). */
const RATE_RULE = { executed: 'executed', budgets: ['adjustedBudget', 'initialBudget'] } as const;

export type MoneyRow = { label: string; initialBudget?: string; adjustedBudget?: string; executed?: string; rate?: string; forecast?: string; points?: string; score?: string; extra?: Record<string, string> };

/**
 * A row of a money table: its 栏目, a cell per column, 其他栏目. Built from the columns, so its
 * type is stated once, as MoneyRow, rather than inferred from a second list of the same keys.
 */
function moneyRowSchema(columns: readonly MoneyColumn[], label: string) {
  const cell = { amount: publishedAmount, rate: rateText, score: scoreText } as const;
  return keyed({
    栏目: ['label', requiredText(label, '年度资金总额')],
    ...Object.fromEntries(columns.map((c) => [c.key, [c.property, cell[c.kind](c.description)] as const])),
    其他栏目: ['extra', extraCellsSchema],
  }) as unknown as z.ZodType<MoneyRow>;
}
const monitoringMoneyRow = moneyRowSchema(MONITORING_MONEY_COLUMNS, '资金栏目，照原表写，例如 年度资金总额、其中：财政拨款');
const evaluationMoneyRow = moneyRowSchema(EVALUATION_MONEY_COLUMNS, '资金栏目，照原表写，例如 年度资金总额、其中：当年财政拨款、上年结转资金、其他资金');

/** The row of a money table that holds the total (年度资金总额, 资金总额, 合计): the first, when its label says so. */
export function totalRowOf<T extends { label: string }>(rows: readonly T[]): T | undefined {
  const first = rows[0];
  return first && /总额|合计|总计/.test(first.label) && !/^其中/.test(first.label.trim()) ? first : undefined;
}

/** Fen of a published amount; undefined for an empty mark. */
export function amountFen(text: string | undefined, unit: MoneyUnit): bigint | undefined {
  return text === undefined || isEmptyMark(text) ? undefined : toFen(text, unit);
}

/** The 执行率 this site computes, in % (undefined without both amounts or with a zero budget), and which budget it divides by (its key and property). */
export function executionRate(row: MoneyRow, unit: MoneyUnit, columns: readonly MoneyColumn[]): { percent: number; budgetKey: string; budgetProperty: (typeof RATE_RULE.budgets)[number]; executedKey: string } | undefined {
  const key = (property: string) => columns.find((c) => c.property === property)!.key;
  const executed = amountFen(row[RATE_RULE.executed], unit);
  const budgetProperty = RATE_RULE.budgets.find((b) => row[b] !== undefined && !isEmptyMark(row[b]));
  const budget = budgetProperty ? amountFen(row[budgetProperty], unit) : undefined;
  if (executed === undefined || budget === undefined || budget === 0n) return undefined;
  return { percent: (Number(executed) / Number(budget)) * 100, budgetKey: key(budgetProperty!), budgetProperty: budgetProperty!, executedKey: key(RATE_RULE.executed) };
}

/** Checks of a money table: decimals, 执行率, 得分 ≤ 分值, and the parts adding up to the total row. */
function checkMoneyRows(rows: unknown, unit: MoneyUnit, columns: readonly MoneyColumn[], ctx: z.RefinementCtx) {
  const parsed = parsedRows<MoneyRow>(rows, (row) => typeof row.label === 'string');
  let allAmountsOk = true;
  for (const [row, index] of parsed) {
    for (const column of columns) {
      const written = (row as Record<string, unknown>)[column.property];
      if (column.kind !== 'amount' || typeof written !== 'string' || isEmptyMark(written)) continue;
      if (decimalsOf(written) > MAX_DECIMALS[unit]) {
        allAmountsOk = false;
        ctx.addIssue({ code: 'custom', path: ['资金', index, column.key], input: written, message: `${column.key}“${written}”的小数超过 ${MAX_DECIMALS[unit]} 位：金额单位是${unit}时最多精确到分（${MAX_DECIMALS[unit]} 位小数）` });
      }
    }
  }
  if (!allAmountsOk) return;
  for (const [row, index] of parsed) {
    const rate = executionRate(row, unit, columns);
    const published = numberOf(row.rate);
    if (rate && published !== undefined) {
      // 执行率 is checked to 0.01%, or to the decimals the table prints where it prints fewer.
      const decimals = Math.min(2, decimalsOf(row.rate!.replace(/\s*[%％]$/, '')));
      if (Math.abs(published - rate.percent) > 0.5 * 10 ** -decimals + 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['资金', index, '执行率'],
          input: row.rate,
          message:
            `“${row.label}”的执行率写的是 ${row.rate}，按 ${rate.executedKey} ÷ ${rate.budgetKey} = ${row[RATE_RULE.executed]} ÷ ${row[rate.budgetProperty]}（${unit}）算出是 ${rate.percent.toFixed(2)}%（精确到 0.01%）。` +
            '请按批复文件核对执行数、预算数和执行率',
        });
      }
    }
    checkScore(row.points, row.score, ['资金', index, '得分'], `“${row.label}”`, ctx);
  }
  // The rows below the total are its parts (其中：当年财政拨款、上年结转资金、其他资金); an empty mark counts 0.
  const total = totalRowOf(parsed.map(([row]) => row));
  if (!total) return;
  const parts = parsed.filter(([row]) => row !== total);
  if (parts.length === 0) return;
  const show = (f: bigint) => `${formatFenIn(f, unit)} ${unit}`;
  for (const column of columns.filter((c) => c.kind === 'amount')) {
    const totalFen = amountFen((total as unknown as Record<string, string | undefined>)[column.property], unit);
    const partFen = parts.map(([row]) => amountFen((row as unknown as Record<string, string | undefined>)[column.property], unit));
    if (totalFen === undefined || partFen.every((f) => f === undefined)) continue;
    const sum = partFen.reduce<bigint>((s, f) => s + (f ?? 0n), 0n);
    if (sum !== totalFen) {
      ctx.addIssue({
        code: 'custom',
        path: ['资金', parsed.find(([row]) => row === total)![1], column.key],
        input: (total as Record<string, unknown>)[column.property],
        message: `${parts.map(([row]) => `“${row.label}”`).join(' + ')} 的${column.key}合计 ${show(sum)}，与“${total.label}”的 ${show(totalFen)} 不相等（相差 ${show(sum > totalFen ? sum - totalFen : totalFen - sum)}）。请按批复文件核对`,
      });
    }
  }
}

function checkScore(points: string | undefined, score: string | undefined, path: (string | number)[], what: string, ctx: z.RefinementCtx) {
  const p = numberOf(points);
  const s = numberOf(score);
  if (p !== undefined && s !== undefined && milli(s) > milli(p)) {
    ctx.addIssue({ code: 'custom', path, input: score, message: `${what}的得分 ${score} 高于分值 ${points}：得分不能超过分值。请按自评结果核对` });
  }
}

// ---------------------------------------------------------------------------------------------
// Indicator rows

export const CHANGE_KINDS = ['新增', '调整'] as const;
/** What links a row to the approved target table when it differs from it (新增 / 调整, with the reason). */
const CHANGE_SPEC = {
  变更: [
    'change',
    z
      .enum(CHANGE_KINDS, { error: whenWritten('变更只能写 新增 或 调整') })
      .optional()
      .meta({ description: '与批复的绩效目标表相比：新增（目标表中没有的指标）或 调整（指标值或指标名称改过）；没有变化时不写', examples: ['调整'] }),
  ],
  原指标: ['replaces', text('调整了指标名称时，写目标表中原来的三级指标名称', '道路清理次数').optional()],
  变更理由: ['changeReason', text('新增或调整的理由（例如预算调整批复的文号）', '年中预算调整，见×财预〔2024〕12号').optional()],
} as const;


const LEVEL_SPEC = {
  一级指标: ['level1', text('一级指标，照原表写（可带分值，如“产出指标(50分)”）；原表不分级时不写', '产出指标(50分)').optional()],
  二级指标: ['level2', text('二级指标，照原表写', '数量指标').optional()],
  // Empty only on a row the template printed and the unit left unfilled (a 二级 with nothing under it).
  三级指标: ['name', text('三级指标，照原表写（核心指标的★、分项的“其中：”都照写；原表未填的模板行照写或留空）', '★道路清理次数')],
} as const;

export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export const DEVIATION_CATEGORIES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;

const MONITORING_INDICATOR_SPEC = {
  ...LEVEL_SPEC,
  指标性质: ['nature', natureSchema],
  年度指标值: ['target', cellText('年度指标值（批复的），照原表写', '≥90%').optional()],
  度量单位: ['unit', cellText('度量单位（原表单列时）', '%').optional()],
  当前完成值: ['progress', cellText('1 月至监控月份月底的执行情况（当前完成值），照原表写', '45%').optional()],
  全年预计完成情况: ['forecast', cellText('全年预计完成情况，照原表写', '95%').optional()],
  完成目标可能性: [
    'likelihood',
    z
      .enum(LIKELIHOODS, { error: whenWritten(`完成目标可能性只能写：${LIKELIHOODS.join('、')}`) })
      .optional()
      .meta({ description: `完成目标可能性：${LIKELIHOODS.join('、')}`, examples: ['确定能'] }),
  ],
  偏差原因类别: [
    'deviationCategories',
    z
      .array(z.enum(DEVIATION_CATEGORIES, { error: `偏差原因类别只能写：${DEVIATION_CATEGORIES.join('、')}` }))
      .optional()
      .meta({ description: `偏差原因类别（可多选）：${DEVIATION_CATEGORIES.join('、')}`, examples: [['经费保障']] }),
  ],
  偏差原因说明: ['deviation', text('偏差原因分析及拟采取的纠偏措施，照原表写', '受天气影响，工程进度滞后，已调整施工计划').optional()],
  备注: ['note', text('备注，照原表写', '').optional()],
  ...CHANGE_SPEC,
  其他栏目: ['extra', extraCellsSchema],
} as const;

const EVALUATION_INDICATOR_SPEC = {
  ...LEVEL_SPEC,
  指标性质: ['nature', natureSchema],
  年度指标值: ['target', cellText('年度指标值（批复的），照原表写', '≥90%').optional()],
  度量单位: ['unit', cellText('度量单位（原表单列时）', '%').optional()],
  调整后指标值: ['adjustedTarget', cellText('调整后指标值（原表有这一栏且指标值调整过时）', '≥85%').optional()],
  实际完成值: ['actual', cellText('实际完成值，照原表写', '95%').optional()],
  权重: ['weight', cellText('权重（原表单列时），照原表写', '10').optional()],
  分值: ['points', scoreText('分值')],
  得分: ['score', scoreText('得分')],
  是否核心指标: [
    'core',
    z.enum(['是', '否'], { error: whenWritten('是否核心指标只能写 是 或 否') }).optional().meta({ description: '是否核心指标（原表单列时）：是 或 否', examples: ['是'] }),
  ],
  偏差原因分析及改进措施: ['deviation', text('偏差原因分析及改进措施，照原表写；未达到目标时必须写', '受汛期影响开工推迟，下年度提前安排').optional()],
  ...CHANGE_SPEC,
  其他栏目: ['extra', extraCellsSchema],
} as const;

/**
 * YAML key → property of each field, in the published order: what result-layouts.ts prints. 其他栏目
 * is left out: it holds the cells no field covers, which a table prints after its own.
 */
const propertiesOf = (spec: Record<string, readonly [string, unknown]>) => Object.entries(spec).filter(([key]) => key !== '其他栏目').map(([key, [property]]) => ({ key, property }));
export const MONITORING_INDICATOR_FIELDS = propertiesOf(MONITORING_INDICATOR_SPEC);
export const EVALUATION_INDICATOR_FIELDS = propertiesOf(EVALUATION_INDICATOR_SPEC);

const monitoringIndicator = keyed(MONITORING_INDICATOR_SPEC);
const evaluationIndicator = keyed(EVALUATION_INDICATOR_SPEC);
export type MonitoringIndicator = z.output<typeof monitoringIndicator>;
export type EvaluationIndicator = z.output<typeof evaluationIndicator>;
type AnyIndicator = MonitoringIndicator | EvaluationIndicator;

/** The target a result row is measured against: the adjusted value where there is one. */
export function targetReadingOf(row: { nature?: string; target?: string; adjustedTarget?: string; unit?: string }) {
  return readIndicatorCells({ nature: row.nature, value: row.adjustedTarget ?? row.target ?? '', unit: row.unit });
}

/** Whether an evaluation row met its target, as the site reads it; undefined for a breakdown row (其中) and a template row left unfilled. */
export function outcomeOfRow(row: EvaluationIndicator): Outcome | undefined {
  if (readIndicatorName(row.name).breakdown || isUnfilledRow(row)) return undefined;
  return outcomeOf(targetReadingOf(row), row.actual ?? '', { actualUnit: row.unit });
}

/** Row checks shared by both stages: levels in the framework, one row per indicator, 年度指标值, 变更 with its reason. */
function checkIndicatorRows(rows: unknown, framework: IndicatorFramework, ctx: z.RefinementCtx): [AnyIndicator, number][] {
  const parsed = parsedRows<AnyIndicator>(rows, (row) => typeof row.name === 'string');
  // A table that prints no 二级 column (a 一级 and the indicator only) is checked on its 一级 alone.
  const withLevel2 = parsed.some(([row]) => row.level2 !== undefined);
  const seen = new Map<string, number>();
  for (const [row, index] of parsed) {
    const { breakdown } = readIndicatorName(row.name);
    if (isUnfilledRow(row)) {
      // A template row left unfilled: kept as printed; only its levels must fit the framework.
      const level = row.level1 === undefined && row.level2 === undefined ? undefined : levelOf(framework, row, withLevel2);
      if (level) ctx.addIssue({ code: 'custom', path: ['绩效指标', index, level.field], input: row.level1, message: level.message });
      continue;
    }
    if (row.name.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['绩效指标', index, '三级指标'], input: row.name, message: '这一行写了指标值或得分，却没有三级指标名称：照原表写上指标名称' });
      continue;
    }
    const level = levelOf(framework, row, withLevel2);
    if (level && !breakdown) ctx.addIssue({ code: 'custom', path: ['绩效指标', index, level.field], input: row.level1, message: level.message });
    const identity = indicatorIdentity(row);
    const first = seen.get(identity);
    if (first !== undefined && !breakdown) {
      ctx.addIssue({ code: 'custom', path: ['绩效指标', index, '三级指标'], input: row.name, message: `第 ${index + 1} 条指标与第 ${first + 1} 条重复（同为 ${row.name}）。请删除重复的一条，或照原表改正名称` });
    } else seen.set(identity, index);
    if (!breakdown && (row.target === undefined || row.target.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['绩效指标', index, '年度指标值'], input: row.target, message: `缺少年度指标值：照批复的绩效目标表写（“${row.name}”的指标值）` });
    }
    if (row.change !== undefined && (row.changeReason === undefined || row.changeReason.trim() === '')) {
      ctx.addIssue({ code: 'custom', path: ['绩效指标', index, '变更理由'], input: row, message: `写了“变更: ${row.change}”就要写变更理由（例如预算调整批复的文号），读者据此了解为什么与批复的目标不同` });
    }
    if (row.replaces !== undefined && row.change !== '调整') {
      ctx.addIssue({ code: 'custom', path: ['绩效指标', index, '原指标'], input: row.replaces, message: '“原指标”只用于调整过名称的指标：请同时写“变更: 调整”和变更理由' });
    }
  }
  return parsed;
}

/**
 * The framework's word on a row's 一级 and 二级, read as printed: without the points (`产出指标(50分)`)
 * and the spaces inside. A result table is the published record, so where it left the 一级 empty
 * over a 二级 the framework places (the 一级 cell of a 社会效益指标 row under 产出指标 not printed),
 * or prints no 二级 column at all, that is how it stands.
 */
function levelOf(framework: IndicatorFramework, row: AnyIndicator, withLevel2: boolean) {
  const level1 = row.level1 === undefined ? undefined : levelName(readLevel1(row.level1).name);
  const level2 = levelName(row.level2);
  if (level1 === undefined && level2 !== undefined && framework.some((f) => f.level2.includes(level2))) return undefined;
  if (level1 !== undefined && level2 === undefined && !withLevel2 && framework.some((f) => f.level1 === level1)) return undefined;
  return levelProblem(framework, level1, level2);
}

// ---------------------------------------------------------------------------------------------
// Files

/** 年度总体目标: what was set, and (monitoring) how far it got or (self-evaluation) what it came to. */
const MONITORING_GOAL_SPEC = {
  年度目标: ['target', text('年度总体目标，照原表写', '完成全镇道路清理')],
  执行情况: ['progress', text('至监控月份的总体目标执行情况，照原表写', '已完成上半年清理任务').optional()],
} as const;
const EVALUATION_GOAL_SPEC = {
  预期目标: ['target', text('年度总体目标的预期目标，照原表写', '完成全镇道路清理')],
  实际完成情况: ['achieved', text('实际完成情况，照原表写', '全年清理 96 次')],
} as const;
/** The self-evaluation's label | value rows below its 总分. */
const CLOSING_SPEC = {
  自评等级: ['grade', text('自评等级，照原表写', '优').optional()],
  评价结论: ['conclusion', text('评价结论，照原表写', '项目实施效果良好').optional()],
  存在问题: ['problems', text('存在问题，照原表写', '个别村清理不及时').optional()],
  改进措施: ['improvements', text('改进措施，照原表写', '建立督查台账').optional()],
} as const;
export const MONITORING_GOAL_FIELDS = propertiesOf(MONITORING_GOAL_SPEC);
export const EVALUATION_GOAL_FIELDS = propertiesOf(EVALUATION_GOAL_SPEC);
export const EVALUATION_CLOSING_FIELDS = propertiesOf(CLOSING_SPEC);

/**
 * 原文栏目: the labels a table printed where they differ from the ones this site prints (result-layouts.ts
 * names the places): `全年预算数(A)`, `得分 (20分*执行率)`, `实施单位 (盖章)`, a money caption
 * `预算执行情况(万元) (20分)`. What they say is read (a score, a letter, the money unit); the words are
 * kept so that the download prints the table as it was published.
 */
const printedLabelsSchema = z
  .record(z.string().trim().min(1), z.string().trim().min(1, { error: '原文栏目的栏目名不能为空' }), { error: whenWritten('原文栏目要写成“位置: 原表印的栏目名”') })
  .optional()
  .meta({ description: '原表印的栏目名（与标准栏目名不同时）：位置: 栏目名，例如 资金.全年预算数: 全年预算数(A)', examples: [{ '资金.全年预算数': '全年预算数(A)', 绩效指标: '年度绩效目标(80分)' }] });

const commonHead = {
  单位编码: ['unitCode', unitCodeSchema],
  单位名称: ['unitName', unitNameSchema],
  年度: ['fiscalYear', fiscalYearSchema],
  原文标题: ['heading', text('原文件中本表的标题，照原样保留', '2024年度项目支出绩效自评表').optional()],
  原文栏目: ['printedLabels', printedLabelsSchema],
  金额单位: ['moneyUnit', moneyUnitSchema],
} as const;

const projectHead = (rules: ProjectRules) =>
  ({
    项目编码: ['code', projectCodeSchema(rules.codeRule).meta({ description: '项目编码：与绩效目标表的项目编码相同，两表据此对应；原表没有时写网址标识' })],
    网址标识: ['urlKey', urlKeySchema],
    项目名称: ['name', requiredText('项目名称', '村道路清理')],
    主管部门: ['department', text('主管部门', '××县农业农村局').optional()],
    实施单位: ['implementer', text('实施单位', '××镇人民政府').optional()],
  }) as const;


function requireKey(table: { 项目编码?: unknown; 网址标识?: unknown }, ctx: z.RefinementCtx, rules: ProjectRules) {
  if (table.项目编码 === undefined && table.网址标识 === undefined) {
    ctx.addIssue({ code: 'custom', path: [], input: table, message: `缺少项目编码：写这个项目绩效目标表的项目编码（例如 ${rules.codeRule.example}），两表据此对应；原表没有项目编码时写网址标识（小写字母、数字和连字符）` });
  }
}

/** 执行监控: a project's monitoring table (mid-year), one file per project and year. */
export function monitoringSchema(rules: Partial<ProjectRules> = {}) {
  const all = { ...DEFAULT_PROJECT_RULES, ...rules };
  return keyed(
    {
      ...commonHead,
      ...projectHead(all),
      监控截至月份: [
        'month',
        z
          .number({ error: whenWritten('监控截至月份要写 1 到 12 的数字，例如 6 表示“1–6月”') })
          .int({ error: '监控截至月份要写整数，例如 6' })
          .min(1, { error: '监控截至月份要写 1 到 12 的数字，例如 6' })
          .max(12, { error: '监控截至月份要写 1 到 12 的数字，例如 6' })
          .meta({ description: '执行数和完成值统计到哪个月的月底，例如 6 表示“1–6月”', examples: [6] }),
      ],
      资金: ['money', z.array(monitoringMoneyRow).min(1, { error: '至少要有一行资金（年度资金总额）' }).meta({ description: '资金执行情况，每行一个栏目，照原表顺序' })],
      年度总体目标: ['goal', keyed(MONITORING_GOAL_SPEC).optional()],
      绩效指标: ['indicators', z.array(monitoringIndicator).min(1, { error: '至少要有一条绩效指标' })],
      其他栏目: ['extra', extraCellsSchema],
      其他栏目位置: ['extraPlaces', extraPlacesSchema],
      来源: ['source', sourceRefSchema.optional()],
    },
    (table, ctx) => {
      requireKey(table, ctx, all);
      checkExtraPlaces(table as Record<string, unknown>, ctx);
      checkMoneyRows(table.资金, moneyUnitOf(table), MONITORING_MONEY_COLUMNS, ctx);
      for (const [row, index] of checkIndicatorRows(table.绩效指标, all.framework, ctx) as [MonitoringIndicator, number][]) {
        if (readIndicatorName(row.name).breakdown || isUnfilledRow(row)) continue;
        // A deviation foreseen (by the unit, or by reading its own forecast) must say why (财预〔2021〕101号).
        const forecast = row.forecast === undefined ? undefined : outcomeOf(targetReadingOf(row), row.forecast, { actualUnit: row.unit });
        const atRisk = row.likelihood === '有可能' || row.likelihood === '完全不可能' || forecast?.status === 'missed';
        if (atRisk && !row.deviationCategories?.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['绩效指标', index, '偏差原因类别'],
            input: row,
            message:
              (forecast?.status === 'missed' ? `全年预计完成情况“${row.forecast}”达不到年度指标值（${forecast.reason}）` : `完成目标可能性是“${row.likelihood}”`) +
              `：要写偏差原因类别（${DEVIATION_CATEGORIES.join('、')}）和偏差原因说明`,
          });
        }
      }
    },
  ).transform(withKey);
}

/** What an evaluation file (project or department) holds besides its head. */
function evaluationBody() {
  return {
    资金: ['money', z.array(evaluationMoneyRow).min(1, { error: '至少要有一行资金（年度资金总额）' }).meta({ description: '资金情况，每行一个栏目，照原表顺序' })],
    年度总体目标: ['goal', keyed(EVALUATION_GOAL_SPEC).optional()],
    绩效指标: ['indicators', z.array(evaluationIndicator).min(1, { error: '至少要有一条绩效指标' })],
    总分: ['total', scoreText('总分')],
    ...CLOSING_SPEC,
    其他栏目: ['extra', extraCellsSchema],
    其他栏目位置: ['extraPlaces', extraPlacesSchema],
    来源: ['source', sourceRefSchema.optional()],
  } as const;
}

/** Checks of a self-evaluation: money, rows, 得分 ≤ 分值, points per 一级, 总分, deviation reasons. */
function checkEvaluation(table: Record<string, unknown>, framework: IndicatorFramework, ctx: z.RefinementCtx) {
  checkExtraPlaces(table, ctx);
  checkMoneyRows(table.资金, moneyUnitOf(table), EVALUATION_MONEY_COLUMNS, ctx);
  const rows = checkIndicatorRows(table.绩效指标, framework, ctx) as [EvaluationIndicator, number][];
  const counted = rows.filter(([row]) => countedRow(row));
  for (const [row, index] of counted) {
    checkScore(row.points, row.score, ['绩效指标', index, '得分'], `“${row.name}”`, ctx);
    const outcome = row.actual === undefined ? undefined : outcomeOf(targetReadingOf(row), row.actual, { actualUnit: row.unit });
    const points = numberOf(row.points);
    const score = numberOf(row.score);
    const lowScore = points !== undefined && score !== undefined && milli(score) < milli(points);
    if ((outcome?.status === 'missed' || lowScore) && (row.deviation === undefined || row.deviation.trim() === '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['绩效指标', index, '偏差原因分析及改进措施'],
        input: row,
        message:
          (outcome?.status === 'missed' ? `“${row.name}”${OUTCOME_LABELS.missed}目标（${outcome.reason}）` : `“${row.name}”得分 ${row.score} 低于分值 ${row.points}`) +
          '：按规定要写偏差原因分析及改进措施',
      });
    }
  }
  // 产出指标(50分): the 分值 of its rows add up to the points its label prints.
  const byLevel1 = new Map<string, { points: number; sum: number; index: number; label: string; complete: boolean }>();
  for (const [row, index] of counted) {
    if (row.level1 === undefined) continue;
    // Grouped by name: the label is merged down over its rows, so every row carries the same one.
    const { points } = readLevel1(row.level1);
    const name = levelName(readLevel1(row.level1).name)!;
    if (points === undefined) continue;
    const group = byLevel1.get(name) ?? { points: milli(points), sum: 0, index, label: row.level1, complete: true };
    const p = numberOf(row.points);
    if (p === undefined) group.complete = false;
    else group.sum += milli(p);
    byLevel1.set(name, group);
  }
  for (const g of byLevel1.values()) {
    if (g.complete && g.sum !== g.points) {
      ctx.addIssue({ code: 'custom', path: ['绩效指标', g.index, '一级指标'], input: g.label, message: `“${g.label}”下各指标的分值合计 ${showScore(g.sum)}，与标明的 ${showScore(g.points)} 分不相等。请按原表核对分值` });
    }
  }
  // 总分 = the 得分 of every counted indicator and of the money rows; or, where a table scores its
  // indicators out of 100 on their own (鄂州), of the indicators alone.
  const total = numberOf(table.总分);
  const money = parsedRows<MoneyRow>(table.资金, (row) => typeof row.label === 'string');
  const filled = (scores: (string | undefined)[]) => scores.filter((s): s is string => s !== undefined && !isEmptyMark(s));
  const indicatorScores = filled(counted.map(([row]) => row.score));
  const scores = [...indicatorScores, ...filled(money.map(([row]) => row.score))];
  if (total !== undefined && scores.length > 0 && scores.every((s) => numberOf(s) !== undefined)) {
    const sumOf = (list: string[]) => list.reduce((s, x) => s + milli(numberOf(x)!), 0);
    const sum = sumOf(scores);
    if (sum !== milli(total) && sumOf(indicatorScores) !== milli(total)) {
      ctx.addIssue({ code: 'custom', path: ['总分'], input: table.总分, message: `总分写的是 ${String(table.总分)}，资金和各项指标的得分合计是 ${showScore(sum)}（${scores.length} 项）。请按自评结果核对` });
    }
  }
}

/** 绩效自评: a project's self-evaluation table (项目支出绩效自评表), one file per project and year. */
export function evaluationSchema(rules: Partial<ProjectRules> = {}) {
  const all = { ...DEFAULT_PROJECT_RULES, ...rules };
  return keyed({ ...commonHead, ...projectHead(all), ...evaluationBody() }, (table, ctx) => {
    requireKey(table, ctx, all);
    checkEvaluation(table as Record<string, unknown>, all.framework, ctx);
  }).transform(withKey);
}

/** 部门整体支出绩效自评表: the department's self-evaluation, one file per unit and year. */
export function departmentEvaluationSchema(framework: IndicatorFramework = DEFAULT_FRAMEWORK) {
  return keyed({ ...commonHead, ...evaluationBody() }, (table, ctx) => checkEvaluation(table as Record<string, unknown>, framework, ctx));
}

const withKey = <T extends { code?: string; urlKey?: string }>(t: T) => ({ ...t, key: (t.code ?? t.urlKey)! });

export type Monitoring = z.output<ReturnType<typeof monitoringSchema>>;
export type Evaluation = z.output<ReturnType<typeof evaluationSchema>>;
export type DepartmentEvaluation = z.output<ReturnType<typeof departmentEvaluationSchema>>;
