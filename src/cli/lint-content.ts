// npm run lint:content [-- <content folder>]: the content quality report. Prints warnings with
// file and line and a count by kind; warnings do not block the build (exit 0). Invalid content
// is reported by npm run validate instead (exit 1 here too, since it cannot be judged).
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { projectRulesOf } from '../schema/site.ts';
import { formatWarning, lintProjects, WARNING_KINDS, type WarningKind } from '../lib/check/lint.ts';
import { validateContent } from '../lib/check/validate.ts';
import { outputFlushed } from '../lib/commands/exit.ts';

const result = await validateContent(process.argv[2] ?? CONTENT_DIR);
const warnings = lintProjects(result.projects, projectRulesOf(result.site).layout);
for (const w of warnings) console.log(formatWarning(w));

const counts = new Map<WarningKind, number>();
for (const w of warnings) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
console.log(`\n内容质量报告：${result.projects.length} 个项目表，${warnings.length} 条提醒（不影响发布）。`);
for (const [kind, label] of Object.entries(WARNING_KINDS)) console.log(`  ${label}：${counts.get(kind as WarningKind) ?? 0}`);
if (result.problems.length > 0) {
  console.error(`\n另有 ${result.problems.length} 个错误使部分文件无法检查，请先运行 npm run validate 并改正。`);
  process.exit(await outputFlushed(1));
}
