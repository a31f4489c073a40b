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
      return { year: Number(year), unit: d.name, unitName: unitNameIn(dir), department: existsSync(join(dir, 'department.yaml')), departmentEvaluation: existsSync(join(dir, 'department-evaluation.yaml')), layouts: layoutsIn(dir) };
    }),
  );
  return { unitYears, about: existsSync(join(contentDir, ABOUT_FILE)) };
}

const projectFiles = (dir: string) => (existsSync(join(dir, 'projects')) ? readdirSync(join(dir, 'projects')).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, 'projects', f)) : []);

/** A field of a content file as written; undefined when the file does not parse (validate reports it). */
function fieldOf(file: string, key: string): unknown {
  try {
    return (parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null)?.[key];
  } catch {
    return undefined;
  }
}

/** The unit's name as its files write it, for the collections' labels. */
function unitNameIn(dir: string): string | undefined {
  for (const file of [join(dir, 'department.yaml'), ...projectFiles(dir)]) {
    const name = existsSync(file) ? fieldOf(file, '单位名称') : undefined;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** The 表样 the unit's project files name, each once (the site's is not named by its files). */
function layoutsIn(dir: string): string[] {
  return [...new Set(projectFiles(dir).map((file) => fieldOf(file, '表样')).filter((l): l is string => typeof l === 'string'))].sort();
}

