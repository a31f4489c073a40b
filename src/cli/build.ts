// npm run build: validate all content, then build the site into a temporary folder and move it
// to dist/ only when every step succeeded, so a failed build never leaves a partial site.
import { rename, rm } from 'node:fs/promises';
import { CONTENT_DIR } from '../lib/content-layout.ts';
import { searchRecords, writeSearchIndex } from '../lib/search-index.ts';
import { formatProblem, validateContent } from '../lib/validate.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// GONGKAI_OUT lets tests build a second site (e.g. under a sub-path) without touching dist/.
const OUT = process.env.GONGKAI_OUT ?? 'dist';
const TEMP = `${OUT}.build-tmp`;

const result = await validateContent(CONTENT_DIR);
if (result.problems.length > 0) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n内容有 ${result.problems.length} 个问题，没有生成网站（${OUT}/ 保持不变）。改正后重新运行 npm run build。`);
  process.exit(1);
}

await rm(TEMP, { recursive: true, force: true });
try {
  const { build } = await import('astro');
  await build({ outDir: TEMP, logLevel: 'warn' });
  // The search index comes from the validated content, not from the pages (no page chrome in it).
  const projects = result.projects.map((p) => p.data);
  await writeSearchIndex(searchRecords(projects), `${TEMP}/pagefind`);
} catch (error) {
  await rm(TEMP, { recursive: true, force: true });
  console.error(error);
  console.error(`\n生成网站失败，没有改动 ${OUT}/。`);
  process.exit(1);
}
await rm(OUT, { recursive: true, force: true });
await rename(TEMP, OUT);
console.log(`网站已生成到 ${OUT}/（${result.projects.length} 个项目，含搜索索引）。`);
