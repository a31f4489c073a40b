// npm run template [-- <文件.xlsx>]: writes the blank 项目绩效目标表 (the approved table's layout,
// every 二级指标 of the site's indicator framework) that staff fill in and bring in with
// npm run import -- <文件.xlsx>.
import { access, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { templateWorkbook } from '../lib/import/form-workbook.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';
import { DEFAULT_FRAMEWORK } from '../schema/framework.ts';

const usage = '用法：npm run template [-- <文件名.xlsx>]（不写文件名时为 绩效目标表模板.xlsx）';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: {} });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const file = args.positionals[0] ?? '绩效目标表模板.xlsx';
if (!file.toLowerCase().endsWith('.xlsx')) {
  console.error(`文件名应以 .xlsx 结尾，这里是 ${file}\n${usage}`);
  process.exit(2);
}
// Never overwrite: the file may be a template someone has already filled in.
if (await access(file).then(() => true, () => false)) {
  console.error(`${file} 已存在，没有覆盖（它可能是已填写的表）。请换一个文件名，或先删除它。`);
  process.exit(1);
}

let framework = DEFAULT_FRAMEWORK;
try {
  framework = loadSiteConfig().indicatorFramework;
} catch {
  // No readable site.yaml: the default framework of the source document.
}
await writeFile(file, await templateWorkbook({ date: new Date(), framework }));
console.log(`已写入 ${file}：按批复表格的版式填写（填写说明见“说明”工作表），然后运行 npm run import -- ${file} 导入。`);
