// The file `npm run new -- monitoring | evaluation` writes: a monitoring or self-evaluation table
// started from the project's approved target table, so that staff fill in only what happened.
// What the target table fixes (names, 年度指标值, the opening budget) is copied, exactly as written;
// everything else is a marked placeholder the validator reports until it is filled.
import { placeholder } from '../site/placeholders.ts';
import type { IndicatorFramework } from '../../schema/framework.ts';

export type ResultStage = 'monitoring' | 'evaluation';

/** The target table as written in YAML (Chinese keys), only what a result table takes from it. */
export interface TargetInput {
  单位编码: string;
  单位名称: string;
  年度: number;
  金额单位?: string;
  项目编码?: string;
  网址标识?: string;
  项目名称: string;
  预算数: string;
  绩效目标?: string[];
  年度目标?: string;
  绩效指标: { 一级指标?: string; 二级指标?: string; 三级指标: string; 指标性质?: string; 指标值: string; 度量单位?: string | number }[];
}

const amount = (what: string) => placeholder(`${what}，照原表写，例如 "12.345600"；原表为空写 "-"`);

/** The money rows of the national tables: the total, then its parts. */
function moneyRows(stage: ResultStage, opening: string | undefined) {
  const labels = stage === 'monitoring' ? ['年度资金总额', '其中：财政拨款', '其他资金'] : ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
  return labels.map((label, n) => {
    const total = n === 0;
    const opened = total && opening !== undefined ? opening : amount('年初预算数');
    return stage === 'monitoring'
      ? { 栏目: label, 年初预算数: opened, 执行数: amount('1 月至监控月份月底的执行数'), 执行率: placeholder('执行数 ÷ 预算数，例如 "45.00%"'), 全年预计执行数: amount('全年预计执行数') }
      : {
          栏目: label,
          年初预算数: opened,
          全年预算数: amount('全年预算数（调整后）'),
          全年执行数: amount('全年执行数'),
          ...(total ? { 分值: placeholder('资金一行的分值，一般 10') } : {}),
          执行率: placeholder('全年执行数 ÷ 全年预算数，例如 "96.00%"'),
          ...(total ? { 得分: placeholder('得分') } : {}),
        };
  });
}

/** A row of the result table for one approved indicator (or, without a target table, one 二级 of the framework). */
function indicatorRow(stage: ResultStage, i: { 一级指标?: string; 二级指标?: string; 三级指标: string; 指标性质?: string; 年度指标值: string; 度量单位?: string | number }) {
  const head = {
    ...(i.一级指标 !== undefined ? { 一级指标: i.一级指标 } : {}),
    ...(i.二级指标 !== undefined ? { 二级指标: i.二级指标 } : {}),
    三级指标: i.三级指标,
    ...(i.指标性质 !== undefined ? { 指标性质: i.指标性质 } : {}),
    年度指标值: i.年度指标值,
    ...(i.度量单位 !== undefined ? { 度量单位: String(i.度量单位) } : {}),
  };
  return stage === 'monitoring'
    ? { ...head, 当前完成值: placeholder('至监控月份月底的完成值，例如 45%'), 全年预计完成情况: placeholder('全年预计完成情况，例如 95%'), 完成目标可能性: placeholder('确定能、有可能 或 完全不可能') }
    : { ...head, 实际完成值: placeholder('实际完成值，例如 96%'), 分值: placeholder('分值'), 得分: placeholder('得分') };
}

/**
 * A new monitoring or self-evaluation table for a project: from its target table when there is one,
 * else (a result published without targets) with one row per 二级 of the framework.
 */
export function startResult(stage: ResultStage, from: { target?: TargetInput; unit: string; unitName?: string; year: number; code?: string; name?: string; month?: number; framework: IndicatorFramework }) {
  const t = from.target;
  const key = t ? (t.项目编码 !== undefined ? { 项目编码: t.项目编码 } : { 网址标识: t.网址标识! }) : { 项目编码: from.code ?? placeholder('项目编码（与绩效目标表相同）') };
  const indicators = t
    ? t.绩效指标.map((i) => indicatorRow(stage, { ...i, 年度指标值: i.指标值 }))
    : from.framework.flatMap((f) => f.level2.map((level2) => indicatorRow(stage, { 一级指标: f.level1, 二级指标: level2, 三级指标: placeholder('三级指标名称'), 年度指标值: placeholder('年度指标值，照批复写') })));
  const goal = t?.年度目标 ?? t?.绩效目标?.join('\n');
  return {
    单位编码: from.unit,
    单位名称: t?.单位名称 ?? from.unitName ?? placeholder('单位名称'),
    年度: from.year,
    金额单位: t?.金额单位 ?? '万元',
    ...key,
    项目名称: t?.项目名称 ?? from.name ?? placeholder('项目名称'),
    ...(stage === 'monitoring' ? { 监控截至月份: from.month ?? placeholder('监控到几月底，例如 6') } : { 主管部门: placeholder('主管部门'), 实施单位: placeholder('实施单位') }),
    资金: moneyRows(stage, t?.预算数),
    年度总体目标:
      stage === 'monitoring'
        ? { 年度目标: goal ?? placeholder('年度总体目标，照批复写'), 执行情况: placeholder('至监控月份的总体执行情况') }
        : { 预期目标: goal ?? placeholder('年度总体目标的预期目标，照批复写'), 实际完成情况: placeholder('实际完成情况') },
    绩效指标: indicators,
    ...(stage === 'evaluation' ? { 总分: placeholder('总分 = 资金和各项指标的得分之和') } : {}),
  };
}
