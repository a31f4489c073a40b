// The site built from other provinces' tables (tests/fixtures/layouts, imported by the CLI in the
// global setup): every non-empty cell of every source table is on its project page and in its CSV,
// labelled as the province labels it, and the page's Excel download imports back byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/lib/outputs/tables.ts';
import { importLayoutFile } from '../../src/lib/import/layout-table.ts';
import { projectYaml } from '../../src/lib/import/write-yaml.ts';
import { readXlsxGrids } from '../../src/lib/office/grid-xlsx.ts';
import { groupAmount } from '../../src/lib/reading/money.ts';
import { DEPARTMENT, layoutNamed, MONEY_FIELDS } from '../../src/schema/table-layouts.ts';
import type { DepartmentInput } from '../../src/schema/department.ts';
import type { ProjectInput } from '../../src/schema/project.ts';
import { LAYOUT_SAMPLES } from '../fixtures/layouts/files.ts';
import type { Page } from 'playwright-core';
import { openDesktopPage } from './desktop-page.ts';
import { sitesUnderTest } from './sites.ts';

const site = sitesUnderTest().find((s) => s.name === 'layouts')!;
const pageDir = (p: ProjectInput) => join(site.distDir, String(p.年度), p.单位编码, 'projects');

/** The visible text of a built page: tags dropped, entities decoded, whitespace collapsed. */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every non-empty cell of a source table: [label, text as it must show]. */
function cellsOf(p: ProjectInput): [string, string][] {
  const layout = layoutNamed(p.表样!)!;
  const project = layout.fields.flatMap((f): [string, string][] => {
    const value = (p as Record<string, unknown>)[f.field];
    if (value === undefined) return [];
    return [[f.label, f.field === '单位名称' ? p.单位名称 : MONEY_FIELDS.has(f.field) ? String(value) : String(value)]];
  });
  const extra = Object.entries(p.其他栏目 ?? {});
  const indicators = p.绩效指标.flatMap((i) =>
    [...layout.indicatorColumns.map((c): [string, unknown] => [c.label, (i as Record<string, unknown>)[c.field]]), ...Object.entries(i.其他栏目 ?? {})]
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([label, v]): [string, string] => [label, String(v)]),
  );
  return [...project, ...extra, ...indicators];
}

/** Every non-empty cell of a department-level table: [label, text as it must show]. */
function departmentCells(d: DepartmentInput): [string, string][] {
  const layout = DEPARTMENT;
  const head = layout.fields.flatMap((f): [string, string][] => {
    const value = (d as Record<string, unknown>)[f.field];
    if (value === undefined) return [];
    return Array.isArray(value) ? value.map((v): [string, string] => [f.label, String(v)]) : [[f.label, String(value)]];
  });
  const duties = layout.listTables!.flatMap((list) =>
    ((d as Record<string, unknown>)[list.field] as Record<string, string>[]).flatMap((row) => list.columns.filter((c) => row[c.field] !== undefined).map((c): [string, string] => [c.label, row[c.field]!])),
  );
  const indicators = (d.绩效指标 ?? []).flatMap((i) =>
    layout.indicatorColumns.map((c): [string, unknown] => [c.label, (i as Record<string, unknown>)[c.field]]).filter(([, v]) => v !== undefined).map(([l, v]): [string, string] => [l, String(v)]),
  );
  return [...head, ...duties, ...indicators];
}

/** The pages of the unit a source table belongs to: its overview, department page and project pages. */
function unitPagesText(year: number, unit: string): string {
  const dir = join(site.distDir, String(year), unit);
  const pages = [join(dir, 'index.html'), join(dir, 'department', 'index.html')];
  try {
    for (const key of readdirSync(join(dir, 'projects'))) if (!key.includes('.')) pages.push(join(dir, 'projects', key, 'index.html'));
  } catch {
    // a unit with department targets only
  }
  return pages.flatMap((page) => {
    try {
      return [pageText(readFileSync(page, 'utf8'))];
    } catch {
      return [];
    }
  }).join(' ');
}

describe('tables of other provinces on the built site', () => {
  // Taken from the source file itself, not from the YAML: a cell the importer dropped would be
  // missing from both, and a test built on the YAML could not notice.
  for (const sample of LAYOUT_SAMPLES) {
    it(`${sample.layout}: every non-empty cell of the source table is on the unit's pages`, () => {
      const first = sample.projects[0] ?? sample.departments[0]!;
      const text = unitPagesText(first.年度, first.单位编码);
      const cells = sample.grids[0]!.rows.flat().filter((c): c is NonNullable<typeof c> => c !== null && c.text.trim() !== '');
      for (const cell of cells) {
        if (/^单位[：:](元|万元)$/.test(cell.text)) {
          expect(text).toMatch(new RegExp(`金额单位[ ：]${cell.text.slice(3)}`));
          continue;
        }
        // Amounts are shown grouped in thousands with their unit (the text as written is in the CSV).
        const shown = cell.number !== undefined ? groupAmount(cell.text) : cell.text;
        for (const line of shown.split('\n')) expect(text, `${sample.layout}: ${cell.text}`).toContain(line.replace(/\s+/g, ' '));
      }
    });
  }

  for (const d of LAYOUT_SAMPLES.flatMap((s) => s.departments)) {
    it(`部门整体「${d.单位名称}」: every cell of the table is on the department page, under the table's own labels`, () => {
      const text = pageText(readFileSync(join(site.distDir, String(d.年度), d.单位编码, 'department', 'index.html'), 'utf8'));
      for (const [label, value] of departmentCells(d)) {
        expect(text, label).toContain(label === '部门（单位）名称' ? d.单位名称 : label);
        expect(text, `${label}：${value}`).toContain(MONEY_FIELDS.has(DEPARTMENT.fields.find((f) => f.label === label)?.field ?? (label === '预算金额' ? '预算金额' : '')) ? groupAmount(value) : value);
      }
    });

    it(`部门整体「${d.单位名称}」: every cell is in the data downloads, as written`, () => {
      const cells = new Set(['departments.csv', 'duty-targets.csv', 'department-indicators.csv'].flatMap((f) => readCsv(readFileSync(join(site.distDir, 'data', f), 'utf8')).slice(1).flat().flatMap((c) => [c, ...c.split('\n')])));
      for (const [label, value] of departmentCells(d)) if (label !== '部门（单位）名称') expect(cells.has(value), `${label}：${value}`).toBe(true);
      const datapackage = JSON.parse(readFileSync(join(site.distDir, 'data', 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
      expect(datapackage.resources.map((r) => r.path)).toEqual(expect.arrayContaining(['departments.csv', 'duty-targets.csv', 'department-indicators.csv']));
    });
  }

  for (const sample of LAYOUT_SAMPLES) {
    for (const p of sample.projects) {
      const layout = layoutNamed(p.表样!)!;
      it(`${sample.layout}「${p.项目名称}」: every cell of the table is on the page, under the province's own labels`, () => {
        const text = pageText(readFileSync(join(pageDir(p), p.网址标识!, 'index.html'), 'utf8'));
        expect(text).toContain(layout.title);
        for (const [label, value] of cellsOf(p)) {
          expect(text, label).toContain(label);
          const shown = MONEY_FIELDS.has(layout.fields.find((f) => f.label === label)?.field ?? '') ? groupAmount(value) : value;
          for (const line of shown.split('\n')) expect(text, `${label}：${line}`).toContain(line.replace(/\s+/g, ' '));
        }
      });

      it(`${sample.layout}「${p.项目名称}」: every cell is in the CSV download, as written`, () => {
        const rows = readCsv(readFileSync(join(pageDir(p), `${p.网址标识}.csv`), 'utf8'));
        const cells = new Set(rows.slice(1).flat());
        const header = new Set(rows[0]);
        for (const [, value] of cellsOf(p)) expect(cells.has(value) || [...cells].some((c) => c.split('\n').includes(value)), value).toBe(true);
        for (const key of Object.keys(p.其他栏目 ?? {})) expect(header.has(`其他栏目：${key}`)).toBe(true);
      });

      it(`${sample.layout}「${p.项目名称}」: the Excel download is in the province's layout and imports back byte for byte`, async () => {
        const read = await readXlsxGrids(readFileSync(join(pageDir(p), `${p.网址标识}.xlsx`)));
        if ('error' in read) throw new Error(read.error);
        expect(read.grids[0]!.rows.flat().map((c) => c?.text)).toContain(layout.indicatorColumns.at(-1)!.label);
        const imported = importLayoutFile(read);
        expect(imported.problems).toEqual([]);
        const file = readFileSync(join(site.distDir, 'content', String(p.年度), p.单位编码, 'projects', `0${sample.projects.indexOf(p) + 1}-${p.网址标识}.yaml`), 'utf8');
        // The $schema line's path depends on where the file was written (the importer works it out
        // from the folder, here a temporary one); the rest must be the same byte for byte.
        const withoutSchemaPath = (text: string) => text.replace(/^(# yaml-language-server: \$schema=).*\//, '$1');
        expect(imported.projects.map(projectYaml).map(withoutSchemaPath)).toEqual([withoutSchemaPath(file)]);
      });
    }
  }
});

describe('search on the site of other provinces\' tables', () => {
  let page: Page;
  openDesktopPage((opened) => (page = opened));
  const status = () => page.locator('[data-search-status]');
  const results = () => page.$$eval('.results a', (as) => as.map((a) => ({ title: a.textContent?.trim() ?? '', path: decodeURIComponent((a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash) })));

  it('finds the fields only other layouts have (年度目标, 指标解释, 年度履职目标), part of a word too', async () => {
    for (const [query, expected] of [
      ['改善灌溉', '/2024/813/projects/sc-0a1b2c3d/#project-table'],
      ['抽样调查中近', '/2024/310101/projects/sh-5a6b7c8d/#指标-社会效益指标-周边居民使用率'],
      ['三馆免费', '/2024/350102/department/#overall-targets'],
      ['闭幕时间', '/2024/350102/department/#指标-时效指标-运动会举办时间'],
    ] as const) {
      await page.goto(`${site.baseUrl}search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('完全匹配');
      expect((await results()).map((r) => r.path), query).toContain(expected);
    }
  });

  it('filters by 项目类别 and 指标性质, which only these layouts have, from a shared link', async () => {
    await page.goto(`${site.baseUrl}search/?q=${encodeURIComponent('满意度')}&${encodeURIComponent('指标性质')}=${encodeURIComponent('≥')}`);
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain('已筛选');
    const titles = (await results()).map((r) => r.title);
    expect(titles).toContain('受益农户满意度');
    expect(titles).not.toContain('群众对空气质量满意度'); // 定性
    const categories = await page.$eval('select[data-filter="项目类别"]', (s) => [...(s as HTMLSelectElement).options].map((o) => o.value));
    expect(categories).toEqual(['', '基本建设类']);
  });
});

describe('overviews of units whose tables differ from the bundled unit\'s', () => {
  const overview = (unit: string) => pageText(readFileSync(join(site.distDir, '2024', unit, 'index.html'), 'utf8'));

  it('a unit whose tables have no spending plan and no 财政资金 shows neither as 0', () => {
    const text = overview('813');
    expect(text).toContain('预算数合计 1,550,000.50 元');
    expect(text).not.toMatch(/其中：财政资金 [\d,.]+ 元/);
    expect(text).not.toContain('全部项目累计计划支出');
    expect(text).not.toContain(' 项目编码 ');
  });

  it('a unit with department targets only says so and links to them', () => {
    const html = readFileSync(join(site.distDir, '2024', '350102', 'index.html'), 'utf8');
    expect(pageText(html)).toContain('示例区文化体育和旅游局2024年没有公开项目绩效目标表');
    expect(html).toContain('href="/2024/350102/department/"');
  });
});
