// Tables of other provinces' layouts (表样): every fixture layout imports from .xlsx, .docx and
// text, the site's export of it imports back byte-identically, and bad tables are refused in
// Chinese with the cell, writing nothing.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLayoutFile, projectGrids, rowsGrids } from '../src/lib/import/layout-table.ts';
import { departmentYaml, projectYaml } from '../src/lib/import/write-yaml.ts';
import { departmentSchemaFor } from '../src/schema/department.ts';
import type { Grid, GridFile } from '../src/lib/office/grid.ts';
import { readDocxGrids } from '../src/lib/office/grid-docx.ts';
import { readTextGrids } from '../src/lib/office/grid-text.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { NAMED_FRAMEWORKS } from '../src/schema/framework.ts';
import { projectSchema } from '../src/schema/project.ts';
import { layoutNamed } from '../src/schema/table-layouts.ts';
import { fileBytes, FORMATS, layoutContent, LAYOUT_SAMPLES, writeLayoutFiles, type Format } from './fixtures/layouts/files.ts';
import { ROOT, runCli } from './helpers.ts';
import { CHONGQING, DEPARTMENT, SICHUAN } from './fixtures/layouts/samples.ts';

async function read(bytes: Uint8Array, format: Format): Promise<GridFile> {
  const file = format === 'xlsx' ? await readXlsxGrids(bytes) : format === 'docx' ? await readDocxGrids(bytes) : readTextGrids(new TextDecoder().decode(bytes));
  if ('error' in file) throw new Error(file.error);
  return file;
}
const clone = (grids: Grid[]): Grid[] => structuredClone(grids);
const schema = projectSchema({ framework: NAMED_FRAMEWORKS['财预〔2021〕101号（成本在产出下）']! });

describe('fixture layouts', () => {
  for (const sample of LAYOUT_SAMPLES) {
    it(`the ${sample.layout} samples are valid content files`, () => {
      for (const p of sample.projects) expect(schema.safeParse(p).error?.issues ?? []).toEqual([]);
      for (const d of sample.departments) expect(departmentSchemaFor().safeParse(d).error?.issues ?? []).toEqual([]);
    });
    for (const format of FORMATS) {
      it(`${sample.layout} from .${format}: export → import gives the same files byte for byte`, async () => {
        const result = importLayoutFile(await read(await fileBytes(sample.grids, format), format));
        expect(result.problems).toEqual([]);
        expect(result.layout?.name).toBe(sample.layout);
        expect(result.projects.map(projectYaml)).toEqual(sample.projects.map(projectYaml));
        expect(result.departments.map(departmentYaml)).toEqual(sample.departments.map(departmentYaml));
      });
    }
  }

  it('reads a 四川 sheet of two projects with their cells merged down, and checks the unit total', async () => {
    const grids = rowsGrids(SICHUAN, layoutNamed('四川')!);
    const merged = grids[0]!.rows.flat().filter((c) => (c?.rowSpan ?? 1) > 1).length;
    expect(merged).toBeGreaterThan(4); // project cells and 一级/二级 merged down
    const result = importLayoutFile(await read(await fileBytes(grids, 'xlsx'), 'xlsx'));
    expect(result.projects.map((p) => [p.项目名称, p.绩效指标.length])).toEqual([['高标准农田建设项目', 5], ['动物防疫补助经费', 3]]);
  });
});

describe('bad tables are refused with the cell and a Chinese message', () => {
  const problemsOf = async (grids: Grid[], format: Format = 'xlsx') => importLayoutFile(await read(await fileBytes(grids, format), format));

  it('a missing indicator header row', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    const header = grids[0]!.rows.findIndex((row) => row.some((c) => c?.text === '指标性质'));
    grids[0]!.rows.splice(header, 1);
    const result = await problemsOf(grids);
    expect(result.projects).toEqual([]);
    expect(result.problems[0]!.message).toMatch(/认不出这是哪一种表样|没有绩效指标的表头行/);
  });

  it('an unknown column label, named with its cell', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    const header = grids[0]!.rows.findIndex((row) => row.some((c) => c?.text === '指标性质'));
    grids[0]!.rows[header]!.find((c) => c?.text === '备注')!.text = '完成情况';
    const result = await problemsOf(grids);
    expect(result.projects).toEqual([]);
    expect(result.problems).toContainEqual({ where: expect.stringMatching(/!F\d+$/), message: expect.stringContaining('栏目“完成情况”不在表样“重庆”中') });
  });

  it('a unit total that does not add up, in 万元', async () => {
    const wan = SICHUAN.map((p, n) => ({ ...p, 金额单位: '万元' as const, 预算数: ['120.0000', '35.0000'][n]! }));
    const grids = clone(rowsGrids(wan, layoutNamed('四川')!));
    const totalRow = grids[0]!.rows.find((row) => row[0]?.text.startsWith('813') && row[2]?.text === '155.00')!;
    totalRow[2] = { ...totalRow[2]!, text: '155.5000', number: 155.5 };
    const result = await problemsOf(grids);
    expect(result.projects).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual(['单位合计 155.50 万元 与 2 个项目的预算数之和 155.00 万元 不相等（相差 0.50 万元）。请按批复文件核对']);
  });

  it('a comparator column with ≈', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    grids[0]!.rows.flat().find((c) => c?.text === '≤')!.text = '≈';
    for (const format of FORMATS) {
      const result = await problemsOf(grids, format);
      expect(result.projects).toEqual([]);
      expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('指标性质“≈”无法识别')]);
    }
  });

  it('基本支出 + 项目支出 that do not add up to 资金总额, in 万元', () => {
    const wrong = { ...DEPARTMENT, 项目支出: '700.0100' };
    expect(departmentSchemaFor().safeParse(wrong).error?.issues.map((i) => i.message)).toEqual([
      '基本支出 + 项目支出 = 1,520.37 万元，与资金总额 1,520.36 万元不相等（相差 0.01 万元）。请按批复文件核对这三个金额',
    ]);
  });

  it('a cell outside every labelled place', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    grids[0]!.rows.splice(3, 0, [{ text: '附注：本表为草稿' }, ...grids[0]!.rows[3]!.slice(1).map(() => ({ text: '' }))]);
    const result = await problemsOf(grids, 'docx');
    expect(result.problems).toEqual([{ where: '第 1 个表格 第 4 行第 1 列', message: expect.stringContaining('“附注：本表为草稿”不是表样“重庆”的栏目') }]);
  });

  it('npm run import writes nothing for a bad table and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-layout-bad-'));
    layoutContent(join(dir, 'content'), ROOT);
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    grids[0]!.rows.flat().find((c) => c?.text === '≤')!.text = '≈';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, '重庆.xlsx'), await fileBytes(grids, 'xlsx'));
    const result = runCli('import', [join(dir, '重庆.xlsx'), '--content', join(dir, 'content')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/一般性项目绩效目标表!D\d+ {2}指标性质“≈”无法识别/);
    expect(result.stderr).toContain('没有写入任何文件');
    expect(readdirSync(join(dir, 'content')).sort()).toEqual(['about.md', 'site.yaml']);
  });
});

describe('npm run import of each layout', () => {
  it('imports every fixture file into content/<year>/<unit>/projects and validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-layout-import-'));
    const content = join(dir, 'content');
    layoutContent(content, ROOT);
    for (const path of await writeLayoutFiles(join(dir, 'files'), 'docx')) {
      const result = runCli('import', [path, '--content', content]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
    for (const sample of LAYOUT_SAMPLES) {
      for (const p of sample.projects) {
        const projects = join(content, String(p.年度), p.单位编码, 'projects');
        expect(readdirSync(projects).some((f) => f.endsWith(`-${p.网址标识}.yaml`))).toBe(true);
        expect(existsSync(join(content, String(p.年度), p.单位编码, 'source', `${sample.layout}.docx`))).toBe(true);
      }
      for (const d of sample.departments) {
        expect(readFileSync(join(content, String(d.年度), d.单位编码, 'department.yaml'), 'utf8')).toBe(departmentYaml(d));
      }
    }
    expect(runCli('validate', [], { GONGKAI_CONTENT: content }).status).toBe(0);
  });
});
