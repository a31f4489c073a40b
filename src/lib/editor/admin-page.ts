// The editor's page and where its forms go: the HTML that loads Decap CMS (local and hosted), and
// the unit-years of the content folder with the single files each has.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ContentPlaces } from './cms-config.ts';

export const ABOUT_FILE = 'about.md';

/** The page that loads Decap CMS (and, in the local editor, our own admin.js before it). */
export function adminPage(title: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>在线编辑 · ${title.replace(/[<&>"]/g, '')}</title>
<link rel="cms-config-url" type="text/yaml" href="config.yml">
<script src="admin.js"></script>
</head>
<body>
<script src="decap-cms.js"></script>
</body>
</html>
`;
}

/** The unit-years of a content folder and its single files: where the forms go. */
export function contentPlaces(contentDir: string): ContentPlaces {
  const years = existsSync(contentDir) ? readdirSync(contentDir).filter((d) => /^\d{4}$/.test(d)).sort() : [];
  const unitYears = years.flatMap((year) =>
    readdirSync(join(contentDir, year), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => {
      const dir = join(contentDir, year, d.name);
      return { year: Number(year), unit: d.name, unitName: unitNameIn(dir), department: existsSync(join(dir, 'department.yaml')), departmentEvaluation: existsSync(join(dir, 'department-evaluation.yaml')) };
    }),
  );
  return { unitYears, about: existsSync(join(contentDir, ABOUT_FILE)) };
}

/** The unit's name as its files write it, for the collections' labels. */
function unitNameIn(dir: string): string | undefined {
  const files = [join(dir, 'department.yaml'), ...(existsSync(join(dir, 'projects')) ? readdirSync(join(dir, 'projects')).map((f) => join(dir, 'projects', f)) : [])];
  for (const file of files) {
    try {
      const name = (parse(readFileSync(file, 'utf8')) as { 单位名称?: unknown } | null)?.单位名称;
      if (typeof name === 'string') return name;
    } catch {
      // a file that does not parse names nothing; validate reports it
    }
  }
  return undefined;
}

