// npm run validate [-- <content folder>]: checks every content file, prints every problem, exits 1 on any.
import { performance } from 'node:perf_hooks';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { formatProblem, validateContent } from '../lib/check/validate.ts';
import { outputFlushed } from '../lib/commands/exit.ts';

const dir = process.argv[2] ?? CONTENT_DIR;
const started = performance.now();
const result = await validateContent(dir);
const seconds = ((performance.now() - started) / 1000).toFixed(2);

for (const problem of result.problems) console.error(formatProblem(problem));
// Notices do not stop publishing: the check could not read a sentence, so it says what it looked for.
for (const notice of result.notices) console.log(`提示（未能核对，不影响发布）：${formatProblem(notice)}`);
const results = [[result.monitoring.length, '执行监控表'], [result.evaluations.length, '项目绩效自评表'], [result.departmentEvaluations.length, '部门整体自评表'], [result.budgets.length, '部门预算、决算文件']].filter(([n]) => Number(n) > 0).map(([n, name]) => `，${n} 个${name}`).join('');
const notices = result.notices.length ? `；${result.notices.length} 条提示，是说明里没能读到、因而未能核对的句子，不影响发布` : '';
const summary = `检查了 ${result.files} 个文件（${result.projects.length} 个项目表，${result.departments.length} 个部门整体目标${results}），用时 ${seconds} 秒`;
if (result.problems.length > 0) {
  console.error(`\n${summary}：发现 ${result.problems.length} 个问题，内容不能发布。每行依次是 文件:行:列  字段  问题${notices}。`);
  process.exit(await outputFlushed(1));
}
console.log(`${summary}：没有发现问题${notices}。`);
