// npm run import -- <部门预算/决算.xlsx> --unit 单位编码 [--year 2026] [--region 上海市普陀区] [--note 情况说明.docx|.txt|.md]
// (called by import.ts when the workbook's sheets are a budget set's tables): writes
// content/<year>/<unit>/budget.yaml or final-accounts.yaml with every cell as printed, the 情况说明 beside
// it as Markdown (from a Word file's paragraphs or a text file as it is), and keeps the workbook in source/.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { BudgetImport } from '../lib/budget/budget-import.ts';
import { budgetYaml } from '../lib/budget/budget-yaml.ts';
import { schemaLine } from '../lib/import/write-yaml.ts';
import { docxLines } from '../lib/office/docx.ts';
import { BUDGET_FILES } from '../lib/site/content-layout.ts';

export async function importBudget(file: string, read: Exclude<BudgetImport, { error: string }>, options: { unit?: string; contentDir: string; note?: string }): Promise<number> {
  const { document, set } = read;
  const unit = options.unit?.trim().match(/^\d{3,15}/)?.[0];
  if (!unit) {
    console.error(`${file}  认出是${set.name}；请用 --unit 写明单位编码（内容放在 ${options.contentDir}/${document.年度}/<单位编码>/ 下），例如 --unit 483001`);
    return 2;
  }
  let note: string | undefined;
  if (options.note) {
    try {
      // A Word file's paragraphs become Markdown paragraphs; a text or Markdown file is kept as it is.
      note = extname(options.note).toLowerCase() === '.docx' ? `${(await docxLines(await readFile(options.note))).lines.filter((l) => l.trim() !== '').join('\n\n')}\n` : await readFile(options.note, 'utf8');
    } catch (e) {
      console.error(`无法读取情况说明 ${options.note}：${(e as Error).message}`);
      return 2;
    }
  }
  const unitDir = join(options.contentDir, String(document.年度), unit);
  const name = BUDGET_FILES[document.种类];
  await mkdir(join(unitDir, 'source'), { recursive: true });
  const kept = join(unitDir, 'source', basename(file));
  if (resolve(kept) !== resolve(file)) await copyFile(file, kept);
  await writeFile(join(unitDir, `${name}.yaml`), budgetYaml(document, schemaLine('budget', unitDir)));
  if (note !== undefined) await writeFile(join(unitDir, `${name}.md`), note);
  const byHeading = read.recognised.filter((r) => r.by === '表头');
  console.log(
    `已导入${set.name}（${read.recognised.length} 张表${byHeading.length ? `，其中 ${byHeading.map((r) => `工作表“${r.sheet}”按表头认作“${r.title}”`).join('、')}` : ''}）到 ${join(unitDir, `${name}.yaml`)}` +
      (note !== undefined ? `，情况说明到 ${join(unitDir, `${name}.md`)}` : `；情况说明请写在 ${join(unitDir, `${name}.md`)}（或用 --note 导入）`) +
      (read.unknown.length ? `。\n提示：工作表 ${read.unknown.map((s) => `“${s}”`).join('、')} 不是${set.name}里的表，照原样保留了` : '') +
      '。\n请运行 npm run validate 检查：表内、表间的每一条恒等式和说明里的数字都会核对。',
  );
  return 0;
}
