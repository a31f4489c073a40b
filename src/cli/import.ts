// npm run import -- <file> [--year 2023] [--content content]
// Imports the text export of an approved 部门预算绩效目标 document into content/<year>/<unit>/:
// a copy of the document, department.yaml and one file per project table, in document order.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIR } from '../lib/content-layout.ts';
import { parseSourceText } from '../lib/import/source-text.ts';
import { departmentYaml, projectYaml } from '../lib/import/write-yaml.ts';
import { formatProblem, validateContent } from '../lib/validate.ts';

const usage = '用法：npm run import -- <原始文件.txt> [--year 2023] [--content content]';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { year: { type: 'string' }, content: { type: 'string' } } });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const year = args.values.year === undefined ? undefined : Number(args.values.year);
if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
  console.error(`--year 应为四位年度，例如 --year 2023；这里是 ${args.values.year}`);
  process.exit(2);
}
const contentDir = args.values.content ?? CONTENT_DIR;

let text: string;
try {
  text = await readFile(file, 'utf8');
} catch (e) {
  console.error(`无法读取 ${file}：${(e as Error).message}`);
  process.exit(2);
}
const documentName = basename(file);
const imported = parseSourceText(text, documentName, year);
if (imported.problems.length > 0) {
  for (const p of imported.problems) console.error(`${file}:${p.line}  ${p.message}`);
  console.error(`\n导入失败：有 ${imported.problems.length} 处内容无法放置，没有写入任何文件。请核对原始文件的这些行。`);
  process.exit(1);
}

const { department, projects } = imported;
const unitDir = join(contentDir, String(department.年度), department.单位编码);
const projectDir = join(unitDir, 'projects');
await mkdir(projectDir, { recursive: true });
await mkdir(join(unitDir, 'source'), { recursive: true });
const sourceCopy = join(unitDir, 'source', documentName);
if (resolve(sourceCopy) !== resolve(file)) await copyFile(file, sourceCopy);
await writeFile(join(unitDir, 'department.yaml'), departmentYaml(department));

// File names keep the document order (01-, 02-, …) and carry the code for finding a file;
// pages are addressed by year, unit and code, never by file name.
const width = Math.max(2, String(projects.length).length);
const written = new Set<string>();
for (const [i, project] of projects.entries()) {
  const name = `${String(i + 1).padStart(width, '0')}-${project.项目编码}.yaml`;
  written.add(name);
  await writeFile(join(projectDir, name), projectYaml(project));
}
// The document is the whole truth for this unit and year: tables no longer in it are removed.
for (const name of await readdir(projectDir)) {
  if (/\.ya?ml$/.test(name) && !written.has(name)) {
    await rm(join(projectDir, name));
    console.log(`已删除不在原始文件中的 ${join(projectDir, name)}`);
  }
}
console.log(`已导入 ${projects.length} 个项目表和部门整体目标到 ${unitDir}/（原始文件副本：${sourceCopy}）`);

const result = await validateContent(contentDir);
for (const problem of result.problems) console.error(formatProblem(problem));
if (result.problems.length > 0) {
  console.error(`\n导入的内容有 ${result.problems.length} 个问题，改正前不能发布。`);
  process.exit(1);
}
console.log('校验通过。');
