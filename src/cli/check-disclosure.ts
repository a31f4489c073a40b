// npm run check:disclosure [-- <content folder>] [--year 2026] [--csv 公开情况.csv]: the 公开情况 of every
// unit's 部门预算 and 部门决算 (src/lib/budget/budget-disclosure.ts) — each required table, the 情况说明, every
// check and the days from 批复 to first publication (git history, or 公开日期) — printed unit by unit and,
// with --csv, written as a CSV. Exits 1 when a row does not meet its rule, or a budget file cannot be read.
import { realpathSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { disclosureRows } from '../lib/budget/budget-disclosure.ts';
import { disclosureCsv } from '../lib/outputs/budget-downloads.ts';
import { formatProblem, validateContent } from '../lib/check/validate.ts';
import { firstCommitted, isShallow, UNSHALLOW_COMMAND } from '../lib/history/history.ts';
import { CONTENT_DIR } from '../lib/site/content-layout.ts';
import { chinaDay } from '../lib/site/git-dates.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { year: { type: 'string' }, csv: { type: 'string' } } });
const dir = positionals[0] ?? CONTENT_DIR;
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !Number.isInteger(year)) {
  console.error(`--year 应为四位年度，例如 --year 2026（写的是“${values.year}”）`);
  process.exit(2);
}

const content = await validateContent(dir);
// A budget file that does not match its schema is not in the report: say so, and fail.
const unreadable = content.problems.filter((p) => /(budget|final-accounts)\.yaml$/.test(p.file) && !content.budgets.some((b) => b.file === p.file));
for (const p of unreadable) console.error(formatProblem(p));
const files = content.budgets.filter((b) => year === undefined || b.data.年度 === year);
if (files.length === 0 && unreadable.length === 0) {
  console.log(`${resolve(dir)} 中没有${year ? ` ${year} 年的` : ''}部门预算、决算文件（<年度>/<单位>/budget.yaml、final-accounts.yaml），没有可报告的公开情况。`);
  process.exit(0);
}

const first = firstCommitted(dir);
const rows = disclosureRows(files, {
  firstPublished: (file) => {
    const date = first.get(realpathSync(file));
    return date ? chinaDay(date) : undefined;
  },
  today: chinaDay(new Date().toISOString()),
});

let unit = '';
for (const r of rows) {
  const heading = `${r.年度} 年 ${r.单位}（${r.单位文件夹}）${r.种类}`;
  if (heading !== unit) console.log(`\n${(unit = heading)}`);
  console.log(`  ${r.通过 ? '✓' : '✗'} ${r.项目}：${r.结果}${r.情况 ? `。${r.情况}` : ''}`);
  console.log(`      依据：${r.依据}`);
}
if (isShallow(dir)) console.log(`\n注意：这是浅克隆，首次发布日期可能偏晚。请先运行 ${UNSHALLOW_COMMAND}`);

if (values.csv) {
  writeFileSync(values.csv, disclosureCsv(rows));
  console.log(`\n已写出 ${relative(process.cwd(), resolve(values.csv)) || values.csv}（${rows.length} 行）`);
}

const failed = rows.filter((r) => !r.通过);
const units = new Set(files.map((f) => f.file)).size;
if (failed.length > 0 || unreadable.length > 0) {
  console.error(`\n${units} 份文件，${rows.length} 项：${failed.length} 项不符合${unreadable.length ? `，${unreadable.length} 个问题使文件无法读取` : ''}。`);
  // exitCode, not exit(): exit() cuts off a long report still being written to a pipe (seen in tests under load).
  process.exitCode = 1;
} else console.log(`\n${units} 份文件，${rows.length} 项，全部符合。`);
