// The content quality report: things that pass validation but weaken a disclosure — targets that
// cannot be measured, template text left in, copied indicators. Warnings never block publishing;
// each says why it matters and how to fix it.
import type { Project } from '../../schema/project.ts';
import { readingOf } from '../views/indicator-reading.ts';
import { DEFAULT_LAYOUT, projectLayout, type TableLayout } from '../../schema/table-layouts.ts';
import type { ValidFile } from './problems.ts';

export const WARNING_KINDS = {
  unmeasurable: '指标值不可衡量',
  qualitative: '指标值为定性描述',
  'same-as-name': '描述与名称相同',
  'template-text': '模板示例文字',
  'no-basis': '缺少确定依据',
  'late-spending': '年底前未列支出计划',
  copied: '指标照搬',
} as const;
export type WarningKind = keyof typeof WARNING_KINDS;

export interface ContentWarning {
  file: string;
  line: number;
  column: number;
  kind: WarningKind;
  message: string;
}

/** Text a template leaves for the writer to replace (the source's first two tables keep 目标内容1). */
const TEMPLATE_TEXT = /目标内容\s*\d*|指标内容\s*\d*|此处填写|请填写|[Xx]{3,}/;
/** An indicator text in this many projects or more is likely copied from a template. */
export const COPIED_THRESHOLD = 3;

const MEASURABLE = '绩效目标要细化、量化，指标值应当可衡量、可考核（《中央部门预算绩效目标管理办法》财预〔2015〕88号）';

/** `siteLayout`: the 表样 of files that name none (site.yaml), the bundled unit's by default. */
export function lintProjects(files: ValidFile<Project>[], siteLayout: TableLayout = DEFAULT_LAYOUT): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const warn = (f: ValidFile<Project>, path: (string | number)[], kind: WarningKind, message: string) =>
    warnings.push({ file: f.file, ...f.at(path), kind, message });

  for (const f of files) {
    const p = f.data;
    (p.goals ?? []).forEach((goal, n) => {
      const template = TEMPLATE_TEXT.exec(goal);
      if (template) {
        warn(f, ['绩效目标', n], 'template-text', `绩效目标“${goal}”中的“${template[0]}”是模板的示例文字，没有写出本项目的目标。公开的绩效目标应说明这笔钱要达到的产出和效果；请按批复写明，例如“1.保证村内环境干净整洁，垃圾清运及时”。`);
      }
    });
    const plan = p.spendingPlan ?? [];
    if (plan.some((c) => c.month === 12) && plan.filter((c) => c.month < 12).every((c) => c.percent === null || c.percent === 0)) {
      warn(f, ['资金支出计划'], 'late-spending', '12月底之前的各时点都没有列支出计划，全年资金都计划在年底支出。支出计划是监控预算执行进度的依据；请按实际安排填写各时点的累计比例，确实只能年底一次支付的，建议在资金用途中说明原因。');
    }
    // A table whose layout has no 指标值确定依据 column (四川, 重庆 …) cannot be asked to fill it.
    const hasBasis = projectLayout(p, siteLayout).indicatorColumns.some((c) => c.field === '指标值确定依据');
    p.indicators.forEach((i, n) => {
      const at = (key: string) => ['绩效指标', n, key];
      const reading = readingOf(i);
      if (reading.kind === 'unreadable') {
        warn(f, at('指标值'), 'unmeasurable', `指标值“${i.value}”读不出明确的目标值（${reading.note ?? '无法识别'}）。${MEASURABLE}；请写成比较符号、数值和计量单位，例如“≥95%”“=8个”“≤202.6万元”。`);
      } else if (reading.kind === 'qualitative') {
        warn(f, at('指标值'), 'qualitative', `指标值“${i.value}”是定性描述。难以量化的指标可以定性表述，但应写明可检查的标准（例如“12月底前完成”“达到国家二级标准”），否则年终无法判断是否完成。`);
      }
      if (i.description !== undefined && i.description.trim() === i.name.trim()) {
        warn(f, at('绩效指标描述'), 'same-as-name', `绩效指标描述与三级指标名称完全相同（“${i.name}”），没有说明这个指标衡量什么、怎样计算。请写明含义和计算口径，例如“享受项目便利的人群覆盖率”。`);
      }
      for (const [key, text] of [['三级指标', i.name], ['绩效指标描述', i.description]] as const) {
        const template = text ? TEMPLATE_TEXT.exec(text) : null;
        if (template) warn(f, at(key), 'template-text', `“${text}”中的“${template[0]}”是模板的示例文字。请改成本项目实际考核的内容。`);
      }
      if (hasBasis && !i.basis?.trim()) {
        warn(f, at('三级指标'), 'no-basis', `指标“${i.name}”没有写指标值确定依据。确定依据说明目标值从何而来（预算安排、历史数据、行业标准、计划标准等），便于公众监督和年终评价；请补上“指标值确定依据”。`);
      }
    });
  }

  // The same 三级指标 with the same 指标值 in many projects: written from a template, not for the project.
  const byText = new Map<string, { f: ValidFile<Project>; n: number }[]>();
  for (const f of files) {
    f.data.indicators.forEach((i, n) => {
      const key = `${i.name}\u0000${i.value}`;
      byText.set(key, [...(byText.get(key) ?? []), { f, n }]);
    });
  }
  for (const [key, uses] of byText) {
    const projects = [...new Set(uses.map((u) => u.f.data.name))];
    if (projects.length < COPIED_THRESHOLD) continue;
    const [name, value] = key.split('\u0000');
    for (const { f, n } of uses) {
      warn(f, ['绩效指标', n, '三级指标'], 'copied', `“${name}：${value}”在 ${projects.length} 个项目中一字不差（${projects.slice(0, 4).join('、')}${projects.length > 4 ? '等' : ''}），像是照搬模板。每个项目的指标应反映该项目自身的产出和效果；请按项目实际改写。`);
    }
  }
  return warnings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function formatWarning(w: ContentWarning): string {
  return `${w.file}:${w.line}:${w.column}  [${WARNING_KINDS[w.kind]}]  ${w.message}`;
}
