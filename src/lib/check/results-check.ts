// Checks across files: a monitoring or self-evaluation table against the approved target table of
// the same project (same year and 项目编码 / 网址标识), and the department's self-evaluation against
// the department's targets. A result may stand alone (many units publish only the 决算 side); where
// both exist, every indicator of one is in the other unless marked 新增 / 调整 with a reason.
import type { Indicator } from '../../schema/project.ts';
import { amountFen, indicatorIdentity, readIndicatorName, readLevel1, totalRowOf, type EvaluationIndicator, type MonitoringIndicator } from '../../schema/results.ts';
import { formatFenIn, toFen } from '../reading/money.ts';
import { writtenValue } from '../views/indicator-reading.ts';
import type { ContentProblem, ValidatedContent, ValidFile } from './problems.ts';

type ResultRow = MonitoringIndicator | EvaluationIndicator;
interface ResultFile {
  file: string;
  at: ValidFile<unknown>['at'];
  data: { fiscalYear: number; unitCode: string; moneyUnit: '元' | '万元'; indicators: ResultRow[]; money: { label: string; initialBudget?: string }[] };
}
interface TargetFile {
  file: string;
  data: { fiscalYear: number; unitCode: string; moneyUnit: '元' | '万元'; indicators?: Indicator[]; total?: string; budgetPhase?: string };
}

const STAGE_NAMES = { monitoring: '执行监控表', evaluation: '绩效自评表', departmentEvaluation: '部门整体支出绩效自评表' } as const;

/** Whitespace never distinguishes two values (`≥ 95 %` is `≥95%`). */
const sameValue = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export function resultProblems(content: ValidatedContent, root: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (f: { file: string; at: ResultFile['at'] }, path: (string | number)[], message: string) =>
    problems.push({ file: f.file, ...f.at(path), field: path.map((k, i) => (typeof k === 'number' ? `[${k + 1}]` : `${i > 0 ? '.' : ''}${k}`)).join(''), message });

  const targets = new Map(content.projects.map((p) => [`${p.data.fiscalYear}/${p.data.key}`, p]));
  for (const [stage, files] of [['monitoring', content.monitoring], ['evaluation', content.evaluations]] as const) {
    const seen = new Map<string, string>();
    for (const f of files) {
      const key = `${f.data.fiscalYear}/${f.data.key}`;
      const field = f.data.code !== undefined ? '项目编码' : '网址标识';
      const first = seen.get(key);
      if (first !== undefined) {
        report(f, [field], `${f.data.fiscalYear} 年${field} ${f.data.key} 的${STAGE_NAMES[stage]}在 ${first} 中已经有了：每个项目每年一张。请删除重复的文件，或改正${field}`);
        continue;
      }
      seen.set(key, f.file);
      const target = targets.get(key);
      if (!target) continue;
      if (target.data.unitCode !== f.data.unitCode) {
        report(f, [field], `${field} ${f.data.key} 的绩效目标表（${target.file}）属于单位 ${target.data.unitCode}，本表在单位 ${f.data.unitCode}：请把本表移到 ${root}/${f.data.fiscalYear}/${target.data.unitCode}/ 下，或改正${field}`);
        continue;
      }
      problems.push(...linkProblems(f as unknown as ResultFile, target, STAGE_NAMES[stage], report));
    }
  }
  const departments = new Map(content.departments.map((d) => [`${d.data.fiscalYear}/${d.data.unitCode}`, d]));
  for (const f of content.departmentEvaluations) {
    const target = departments.get(`${f.data.fiscalYear}/${f.data.unitCode}`);
    // Only a department file with a 绩效指标 table has indicators to link (河北's has 分项绩效目标 instead).
    if (target?.data.indicators) problems.push(...linkProblems(f as unknown as ResultFile, target as unknown as TargetFile, STAGE_NAMES.departmentEvaluation, report));
  }
  return problems;
}

/** The result table's indicators and 年初预算数 against the approved target table. */
function linkProblems(f: ResultFile, target: TargetFile, stage: string, report: (f: ResultFile, path: (string | number)[], message: string) => void): ContentProblem[] {
  const before = [] as ContentProblem[];
  const approved = new Map((target.data.indicators ?? []).map((i) => [indicatorIdentity(i), i]));
  const matched = new Set<Indicator>();
  f.data.indicators.forEach((row, index) => {
    if (readIndicatorName(row.name).breakdown) return;
    const own = approved.get(indicatorIdentity(row));
    const replaced = row.change === '调整' && row.replaces !== undefined ? approved.get(indicatorIdentity({ ...row, name: row.replaces })) : undefined;
    const original = own ?? replaced;
    if (row.replaces !== undefined && !replaced) {
      report(f, ['绩效指标', index, '原指标'], `原指标“${row.replaces}”在批复的绩效目标表（${target.file}）的“${[row.level1 && readLevel1(row.level1).name, row.level2].filter(Boolean).join(' / ')}”下找不到：请照目标表写原来的三级指标名称`);
      return;
    }
    if (!original) {
      if (row.change !== '新增') {
        report(f, ['绩效指标', index, '三级指标'], `指标“${row.name}”不在批复的绩效目标表（${target.file}）中。照目标表改正一级、二级、三级指标的名称；确是新增的指标时写“变更: 新增”和变更理由；改了名称时写“变更: 调整”“原指标: 原来的名称”和变更理由`);
      }
      return;
    }
    matched.add(original);
    // The 年度指标值 is the approved one; a changed target is marked 调整 (the adjusted value may also stand in 调整后指标值).
    const written = [row.nature, row.target, row.unit].filter((t) => t !== undefined && t !== '').join('');
    if (row.target !== undefined && row.change !== '调整' && !sameValue(written, writtenValue(original))) {
      report(f, ['绩效指标', index, '年度指标值'], `“${row.name}”的年度指标值写的是“${written}”，批复的绩效目标表（${target.file}）是“${writtenValue(original)}”。请照批复的写；指标值调整过时写“变更: 调整”和变更理由`);
    }
  });
  for (const i of target.data.indicators ?? []) {
    if (matched.has(i)) continue;
    report(f, ['绩效指标'], `批复的绩效目标表（${target.file}）中的指标“${[i.level1, i.level2, i.name].filter(Boolean).join(' / ')}”在本${stage}中没有：请照原表补上这一行；改了名称时，在新名称的一行写“变更: 调整”“原指标: ${i.name}”和变更理由`);
  }
  // The year's opening budget is the approved 预算数 of the target table, whatever unit each prints.
  const total = totalRowOf(f.data.money);
  const opening = total ? amountFen(total.initialBudget, f.data.moneyUnit) : undefined;
  if (opening !== undefined && target.data.total !== undefined && (target.data.budgetPhase ?? '年初预算') === '年初预算') {
    const approvedFen = toFen(target.data.total, target.data.moneyUnit);
    if (approvedFen !== opening) {
      const index = f.data.money.indexOf(total!);
      report(f, ['资金', index, '年初预算数'], `“${total!.label}”的年初预算数 ${formatFenIn(opening, f.data.moneyUnit)} ${f.data.moneyUnit}与批复的绩效目标表（${target.file}）的预算数 ${formatFenIn(approvedFen, target.data.moneyUnit)} ${target.data.moneyUnit}不相等。请核对`);
    }
  }
  return before;
}
