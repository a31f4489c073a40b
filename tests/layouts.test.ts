// Tables of other provinces' layouts (表样): every fixture layout imports from .xlsx, .docx and
// text, the site's export of it imports back byte-identically, and bad tables are refused in
// Chinese with the cell, writing nothing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLayoutFile, projectGrids, rowsGrids } from '../src/lib/import/layout-table.ts';
import { indicatorColumns } from '../src/lib/views/layout-view.ts';
import { departmentYaml, projectYaml, yamlWriters } from '../src/lib/import/write-yaml.ts';
import { departmentSchemaFor } from '../src/schema/department.ts';
import type { Grid, GridCell, GridFile } from '../src/lib/office/grid.ts';
import { readDocxGrids } from '../src/lib/office/grid-docx.ts';
import { readTextGrids } from '../src/lib/office/grid-text.ts';
import { readXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { NAMED_FRAMEWORKS } from '../src/schema/framework.ts';
import { INDICATOR_KEYS, PROJECT_KEYS, projectSchema } from '../src/schema/project.ts';
import { layoutNamed, projectLayout, TABLE_LAYOUTS } from '../src/schema/table-layouts.ts';
import fc from 'fast-check';
import { fileBytes, FORMATS, layoutContent, LAYOUT_SAMPLES, writeLayoutFiles, type Format } from './fixtures/layouts/files.ts';
import { ROOT, runCli } from './helpers.ts';
import { CHONGQING, DEPARTMENT, SHANGHAI, SICHUAN } from './fixtures/layouts/samples.ts';

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
    expect(result.problems[0]!.message).toMatch(/认不出这是哪一种表|没有绩效指标的表头行/);
  });

  it('an unknown column label is kept under 其他栏目, not refused, and listed with its cell', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    const header = grids[0]!.rows.findIndex((row) => row.some((c) => c?.text === '指标性质'));
    grids[0]!.rows[header]!.find((c) => c?.text === '备注')!.text = '完成情况';
    const result = await problemsOf(grids);
    expect(result.problems).toEqual([]);
    expect(result.projects[0]!.绩效指标[1]!.其他栏目).toEqual({ 完成情况: '与上年持平' });
    expect(result.notices).toContainEqual({ where: expect.stringMatching(/!F\d+$/), message: expect.stringContaining('指标表的栏目“完成情况”不在表样“重庆”中，这一栏照原样保存在每条指标的“其他栏目”下') });
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
  it('refuses an unknown --layout (exit 2), a file that is not a workbook (exit 1), and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-layout-cli-'));
    layoutContent(join(dir, 'content'), ROOT);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    const unknown = runCli('import', [join(dir, 'broken.xlsx'), '--layout', '江苏', '--content', join(dir, 'content')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--layout 只能写：河北、四川、重庆、上海');
    const broken = runCli('import', [join(dir, 'broken.xlsx'), '--content', join(dir, 'content')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/无法打开|不是有效/);
    expect(readdirSync(join(dir, 'content')).sort()).toEqual(['about.md', 'site.yaml']);
  });

  it('does not replace a department file of another kind (the bundled unit\'s, with its 分项绩效目标)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-layout-dept-'));
    const content = join(dir, 'content');
    layoutContent(content, ROOT);
    const { cpSync, writeFileSync } = await import('node:fs');
    const existing = join(content, '2024', '350102', 'department.yaml');
    cpSync(join(ROOT, 'content/2023/483001/department.yaml'), existing);
    const before = readFileSync(existing, 'utf8');
    writeFileSync(join(dir, 'dept.xlsx'), await fileBytes(LAYOUT_SAMPLES.find((x) => x.layout === '部门整体')!.grids, 'xlsx'));
    const result = runCli('import', [join(dir, 'dept.xlsx'), '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('不能用表样“部门整体”的表覆盖它');
    expect(readFileSync(existing, 'utf8')).toBe(before);
  });

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
        const unitDir = join(content, String(d.年度), d.单位编码);
        expect(readFileSync(join(unitDir, 'department.yaml'), 'utf8')).toBe(yamlWriters(unitDir).department(d));
      }
    }
    expect(runCli('validate', [], { GONGKAI_CONTENT: content }).status).toBe(0);
    // The quality report asks only for what a table's layout has a column for (no 指标值确定依据 here).
    expect(runCli('lint-content', [], { GONGKAI_CONTENT: content }).stdout).toContain('缺少确定依据：0');
  });
});

describe('a table as a government publishes it (no 说明 table from this site)', () => {
  const published = (grids: Grid[]) => clone(grids).slice(0, 1);

  it('reads the year from the title, the unit from --unit, and makes a stable 网址标识', async () => {
    const grids = published(projectGrids(CHONGQING, layoutNamed('重庆')!));
    grids[0]!.rows[0]![0]!.text = '示例区2024年一般性项目绩效目标表';
    grids[0]!.rows[1]![0]!.text = '';
    const file = await read(await fileBytes(grids, 'xlsx'), 'xlsx');
    const first = importLayoutFile(file, { unit: '820001 示例区生态环境局' });
    expect(first.problems).toEqual([]);
    const [p] = first.projects;
    expect([p!.年度, p!.单位编码, p!.单位名称, p!.原文标题]).toEqual([2024, '820001', '示例区生态环境局', '示例区2024年一般性项目绩效目标表']);
    expect(p!.网址标识).toMatch(/^cq-[0-9a-f]{8}$/);
    expect(importLayoutFile(file, { unit: '820001 示例区生态环境局' }).projects[0]!.网址标识).toBe(p!.网址标识);
  });

  it('a unit code alone is the whole code (820001, not 82000 and “1”), the name comes from the table', async () => {
    const grids = published(projectGrids(CHONGQING, layoutNamed('重庆')!));
    grids[0]!.rows[1]![0]!.text = '单位名称：示例区生态环境局';
    const result = importLayoutFile(await read(await fileBytes(grids, 'txt'), 'txt'), { unit: '820001', year: 2024 });
    expect(result.problems).toEqual([]);
    expect([result.projects[0]!.单位编码, result.projects[0]!.单位名称]).toEqual(['820001', '示例区生态环境局']);
  });

  it('says what is missing: the year, the unit code, or a --unit that contradicts the table', async () => {
    const grids = published(projectGrids(CHONGQING, layoutNamed('重庆')!));
    const file = await read(await fileBytes(grids, 'docx'), 'docx');
    expect(importLayoutFile(file).problems.map((p) => p.message)).toEqual([expect.stringContaining('无法判断年度')]);
    expect(importLayoutFile(file, { year: 2024, unit: '813' }).problems.map((p) => p.message)).toEqual([expect.stringContaining('表中的单位编码是 820001，与 --unit 813 不同')]);
    grids[0]!.rows[1]![0]!.text = '';
    expect(importLayoutFile(await read(await fileBytes(grids, 'docx'), 'docx'), { year: 2024 }).problems.map((p) => p.message)).toEqual([expect.stringContaining('没有单位编码')]);
  });

  it('a field the layout does not print (added to the file by hand) survives export and import', async () => {
    const extended = { ...CHONGQING, 项目类别: '专项业务费', 绩效指标: CHONGQING.绩效指标.map((i, n) => (n === 0 ? { ...i, 指标解释: '在用的自动监测站点' } : i)) };
    const expected = projectYaml(JSON.parse(JSON.stringify(schemaOrder(extended))));
    for (const format of FORMATS) {
      const result = importLayoutFile(await read(await fileBytes(projectGrids(extended, layoutNamed('重庆')!), format), format));
      expect(result.problems).toEqual([]);
      expect(result.projects.map(projectYaml)).toEqual([expected]);
    }
  });
});

describe('more bad tables', () => {
  const problemsOf = async (grids: Grid[], format: Format = 'xlsx') => importLayoutFile(await read(await fileBytes(grids, format), format));

  it('one label twice in a form (which one is the 财政资金?)', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    const row = grids[0]!.rows.findIndex((r) => r[0]?.text === '项目概况');
    grids[0]!.rows.splice(row, 0, grids[0]!.rows[row]!.map((c) => (c ? { ...c } : c)));
    const result = await problemsOf(grids);
    expect(result.projects).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('“项目概况”在表中出现了两次')]);
  });

  it('two projects of one name in a 四川 sheet would overwrite each other', async () => {
    const twins = SICHUAN.map((p) => ({ ...p, 项目名称: '高标准农田建设项目' }));
    const grids = clone(rowsGrids(twins, layoutNamed('四川')!)).slice(0, 1);
    const result = importLayoutFile(await read(await fileBytes(grids, 'xlsx'), 'xlsx'), { year: 2024 });
    expect(result.projects).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('导入后会互相覆盖')]);
  });

  it('a stray cell on the unit total row, and an amount with too many decimals, are reported (no crash)', async () => {
    const grids = clone(rowsGrids(SICHUAN, layoutNamed('四川')!));
    const total = grids[0]!.rows.find((row) => row[0]?.text.startsWith('813') && row[2]?.text === '1550000.50')!;
    total[3] = { text: '汇总说明' };
    const project = grids[0]!.rows.find((row) => row[1]?.text === '动物防疫补助经费')!;
    project[2] = { text: '350000.505' };
    const result = await problemsOf(grids, 'txt');
    expect(result.projects).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('预算数“350000.505”的小数位太多'), expect.stringContaining('单位合计行中的“汇总说明”无法放置')]),
    );
    expect(result.problems).toHaveLength(2);
  });

  it('a row of indicators before the first project', async () => {
    const grids = clone(rowsGrids(SICHUAN, layoutNamed('四川')!));
    const header = grids[0]!.rows.findIndex((r) => r.some((c) => c?.text === '指标性质'));
    grids[0]!.rows.splice(header + 1, 1); // the unit total row
    const stray = grids[0]!.rows[header + 1]!.map((c, n) => (n < 4 ? { text: '' } : c ? { ...c, rowSpan: undefined } : { text: '' }));
    grids[0]!.rows.splice(header + 1, 0, stray);
    const result = await problemsOf(grids, 'txt');
    expect(result.problems.map((p) => p.message)).toContain('这一行有指标，但“项目名称”一栏是空的，不知道属于哪个项目');
  });
});

describe('site.yaml decides the rules of its tables', () => {
  const framework = NAMED_FRAMEWORKS['财预〔2021〕101号']!;
  const messages = (schema: ReturnType<typeof projectSchema>, file: unknown) => schema.safeParse(file).error?.issues.map((i) => i.message) ?? [];

  it('a file without 表样 is checked in the site\'s 表样', () => {
    const { 表样: _, ...withoutLayout } = CHONGQING;
    expect(messages(projectSchema({ layout: layoutNamed('重庆')! }), withoutLayout)).toEqual([]);
    expect(messages(projectSchema(), withoutLayout)).toEqual(expect.arrayContaining([expect.stringContaining('缺少“资金用途”：表样“河北”的每张表都有“资金用途”一栏')]));
    expect(projectLayout(projectSchema({ layout: layoutNamed('重庆')! }).parse(withoutLayout), layoutNamed('重庆')!).name).toBe('重庆');
  });

  it('成本指标 as its own 一级 under 财预〔2021〕101号, refused under the default framework', () => {
    const cost = { ...CHONGQING, 绩效指标: [{ 一级指标: '成本指标', 二级指标: '经济成本指标', 三级指标: '单位成本', 指标性质: '≤', 指标值: '35' }] };
    expect(messages(projectSchema({ framework, layout: layoutNamed('重庆')! }), cost)).toEqual([]);
    expect(messages(projectSchema({ layout: layoutNamed('重庆')! }), cost)).toEqual([expect.stringContaining('一级指标“成本指标”不在指标体系中')]);
  });

  it('a code format of the site (项目编码规则) instead of the 21 characters of 河北', () => {
    const codeRule = { pattern: /^\d{6}-\d{4}-\d{4}$/, description: '6 位单位编码、4 位年度、4 位序号', example: '813000-2024-0001' };
    const coded = { ...SICHUAN[0]!, 项目编码: '813000-2024-0001' };
    expect(messages(projectSchema({ framework: NAMED_FRAMEWORKS['财预〔2021〕101号（成本在产出下）']!, codeRule }), coded)).toEqual([]);
    expect(messages(projectSchema({ framework: NAMED_FRAMEWORKS['财预〔2021〕101号（成本在产出下）']!, codeRule }), { ...coded, 项目编码: '13022923P00JXC415564L' })).toEqual([
      '项目编码“13022923P00JXC415564L”格式不对（21 位）：应为 6 位单位编码、4 位年度、4 位序号，例如 813000-2024-0001',
    ]);
  });

  it('neither 项目编码 nor 网址标识: no permalink', () => {
    const { 网址标识: _, ...keyless } = CHONGQING;
    expect(messages(projectSchema(), keyless)).toEqual([expect.stringContaining('缺少项目编码或网址标识')]);
  });

  it('what a layout has no place for is refused: a spending plan in a 四川 table; a project’s 其他栏目 in a sheet of many projects is kept (a column of its own)', () => {
    const s = projectSchema({ framework: NAMED_FRAMEWORKS['财预〔2021〕101号（成本在产出下）']! });
    expect(messages(s, { ...SICHUAN[0]!, 资金支出计划: [{ 月份: 12, 累计比例: 100 }] })).toEqual([expect.stringContaining('表样“四川”的表没有资金支出计划一栏')]);
    expect(messages(s, { ...SICHUAN[0]!, 其他栏目: { 项目负责人: '张某' } })).toEqual([]);
  });
});

/** A project object with its keys in the order the importer writes them. */
function schemaOrder(p: Record<string, unknown>): Record<string, unknown> {
  const indicators = (p['绩效指标'] as Record<string, unknown>[]).map((i) => Object.fromEntries(INDICATOR_KEYS.filter((k) => i[k] !== undefined).map((k) => [k, i[k]])));
  return Object.fromEntries(PROJECT_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, k === '绩效指标' ? indicators : p[k]]));
}

describe('the importer never crashes', () => {
  // Any grid at all — labels of every layout, amounts, garbage, merges in odd places — gets
  // problems or projects, never an exception.
  const words = [...new Set(TABLE_LAYOUTS.flatMap((l) => [...l.fields, ...l.indicatorColumns].flatMap((f) => [f.label, ...(f.aliases ?? [])])))];
  const cellText = fc.oneof(fc.constantFrom(...words, '单位：万元', '单位：元', '813示例局', '2024年表', '≈', '≥', '1200.005', '12.3400', '', '-'), fc.string({ maxLength: 6 }));
  const cell = fc.record({ text: cellText, rowSpan: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), colSpan: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) });
  const grid = fc.array(fc.array(fc.option(cell, { nil: null, freq: 8 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 14 }).map(
    (rows): Grid => ({ name: 'Sheet1', source: 'xlsx', rows, before: [] }),
  );

  it('returns problems (and then no tables) or tables for any grid, with any layout or none', () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), fc.option(fc.constantFrom(...TABLE_LAYOUTS), { nil: undefined }), (grids, layout) => {
        const result = importLayoutFile({ grids, after: [] }, { layout, year: 2024, unit: '813' });
        // With any problem nothing comes back to be written; problems always say where and what.
        if (result.problems.length > 0) expect(result.projects.length + result.departments.length).toBe(0);
        for (const p of result.problems) expect(p.message).toMatch(/\p{Script=Han}/u);
      }),
      { numRuns: 400 },
    );
  });
});

describe('headers as published tables draw them', () => {
  it('a 四川 sheet whose header has two rows: project columns merged down, 绩效指标 over the indicator columns', async () => {
    const grids = clone(rowsGrids(SICHUAN, layoutNamed('四川')!));
    const rows = grids[0]!.rows;
    const header = rows.findIndex((r) => r.some((c) => c?.text === '指标性质'));
    const projectColumns = layoutNamed('四川')!.fields.length;
    const width = rows[header]!.length;
    const above = rows[header]!.map((cell, c): GridCell | null =>
      c < projectColumns ? { ...cell!, rowSpan: 2 } : c === projectColumns ? { text: '绩效指标', style: 'label', colSpan: width - projectColumns } : null,
    );
    rows[header] = rows[header]!.map((cell, c) => (c < projectColumns ? null : cell));
    rows.splice(header, 0, above);
    for (const format of FORMATS) {
      const result = importLayoutFile(await read(await fileBytes(grids, format), format));
      expect(result.problems, format).toEqual([]);
      expect(result.projects.map(projectYaml), format).toEqual(SICHUAN.map(projectYaml));
    }
  });

  it('a 上海 table with 绩效指标 merged down the left of its indicator rows', async () => {
    const grids = clone(projectGrids(SHANGHAI, layoutNamed('上海')!));
    const rows = grids[0]!.rows;
    const header = rows.findIndex((r) => r.some((c) => c?.text === '指标解释'));
    rows.forEach((row, n) => {
      if (n < header) row.push({ text: '' });
      else row.unshift(n === header ? { text: '绩效指标', style: 'label', rowSpan: rows.length - header } : null);
    });
    for (const format of ['xlsx', 'docx'] as const) {
      const result = importLayoutFile(await read(await fileBytes(grids, format), format));
      expect(result.problems, format).toEqual([]);
      expect(result.projects.map(projectYaml), format).toEqual([projectYaml(SHANGHAI)]);
    }
  });
});

describe('a sheet of many projects keeps the columns no description names', () => {
  it('a column printed as the project’s cells are (merged down its rows) is each project’s 其他栏目, one printed per row each indicator’s; both listed, and written back', async () => {
    const grids = clone(rowsGrids(SICHUAN, layoutNamed('四川')!));
    const rows = grids[0]!.rows;
    const header = rows.findIndex((r) => r.some((c) => c?.text === '指标性质'));
    const nameColumn = rows[header]!.findIndex((c) => c?.text === '项目名称');
    // The unit's total under the projects, its 合计 spanning 单位名称 and 项目名称 (as the made-up 四川 sheet of tests/fixtures/unseen prints it).
    const total = rows.splice(header + 1, 1)[0]!;
    rows.push([{ text: '合计', style: 'value', colSpan: 2 }, null, ...total.slice(2)]);
    const leaders = ['张某', '李某'];
    let project = -1;
    rows.forEach((row, n) => {
      if (n === 0) return void (row[0] = { ...row[0]!, colSpan: row.length + 2 }, row.push(null, null));
      if (n <= header || n === rows.length - 1) return void row.push(...(n === header ? [{ text: '项目负责人', style: 'label' as const }, { text: '备注', style: 'label' as const }] : [{ text: '' }, { text: '' }]));
      const name = row[nameColumn];
      if (name) project++;
      row.push(name ? { text: leaders[project]!, ...(name.rowSpan && { rowSpan: name.rowSpan }) } : null, { text: `第${n}行备注` });
    });
    for (const format of FORMATS) {
      const result = importLayoutFile(await read(await fileBytes(grids, format), format));
      expect(result.problems, format).toEqual([]);
      expect(result.projects.map((p) => p.其他栏目), format).toEqual([{ 项目负责人: '张某' }, { 项目负责人: '李某' }]);
      for (const p of result.projects) for (const i of p.绩效指标) expect(Object.keys(i.其他栏目 ?? {}), format).toEqual(['备注']);
      expect(result.notices.map((n) => n.message), format).toEqual([
        '栏目“项目负责人”不在表样“四川”中，这一栏照原样保存在每个项目的“其他栏目”下',
        '指标表的栏目“备注”不在表样“四川”中，这一栏照原样保存在每条指标的“其他栏目”下',
      ]);
      for (const p of result.projects) expect(schema.safeParse(p).error?.issues ?? [], format).toEqual([]);
      // The site's download of the sheet prints the projects' column merged down, and reads back the same.
      const again = importLayoutFile(await read(await fileBytes(rowsGrids(result.projects, layoutNamed('四川')!), format), format));
      expect(again.problems, format).toEqual([]);
      expect(again.projects.map(projectYaml), format).toEqual(result.projects.map(projectYaml));
    }
  });
});

describe('a column label printed with a score', () => {
  const withLabel = (grids: Grid[], from: string, to: string) => {
    const header = grids[0]!.rows.find((r) => r.some((c) => c?.text === from))!;
    header[header.findIndex((c) => c?.text === from)] = { text: to, style: 'label' };
    return grids;
  };
  const headerOf = (grids: Grid[], label: string) => grids[0]!.rows.find((r) => r.some((c) => c?.text === label))?.map((c) => c?.text);

  it('is kept under 原文栏目 at its column (权重（100分） over a sheet of many projects), printed again by the download, and read back the same', async () => {
    const grids = withLabel(clone(rowsGrids(SICHUAN, layoutNamed('四川')!)), '权重', '权重（100分）');
    for (const format of FORMATS) {
      const result = importLayoutFile(await read(await fileBytes(grids, format), format));
      expect(result.problems, format).toEqual([]);
      expect(result.projects.map((p) => p.原文栏目), format).toEqual(SICHUAN.map(() => ({ '绩效指标.权重': '权重（100分）' })));
      expect(result.projects.map((p) => p.绩效指标.map((i) => i.权重)), format).toEqual(SICHUAN.map((p) => p.绩效指标.map((i) => i.权重)));
      for (const p of result.projects) expect(schema.safeParse(p).error?.issues ?? [], format).toEqual([]);
      const download = rowsGrids(result.projects, layoutNamed('四川')!);
      expect(headerOf(download, '权重（100分）'), format).toBeDefined();
      const again = importLayoutFile(await read(await fileBytes(download, format), format));
      expect(again.projects.map(projectYaml), format).toEqual(result.projects.map(projectYaml));
    }
  });

  it('in a table of one project (指标权重（100分） in a 重庆 table) too', async () => {
    const grids = withLabel(clone(projectGrids(CHONGQING, layoutNamed('重庆')!)), '指标权重', '指标权重（100分）');
    const result = importLayoutFile(await read(await fileBytes(grids, 'xlsx'), 'xlsx'));
    expect(result.problems).toEqual([]);
    expect(result.projects[0]!.原文栏目).toEqual({ '绩效指标.权重': '指标权重（100分）' });
    expect(schema.safeParse(result.projects[0]).error?.issues ?? []).toEqual([]);
    expect(headerOf(projectGrids(result.projects[0]!, layoutNamed('重庆')!), '指标权重（100分）')).toBeDefined();
    // The page heads the column as printed.
    const parsed = schema.parse(result.projects[0]);
    expect(indicatorColumns(layoutNamed('重庆')!, parsed.indicators, parsed.printedLabels).map((c) => c.label)).toContain('指标权重（100分）');
    expect(indicatorColumns(layoutNamed('重庆')!, parsed.indicators).map((c) => c.label)).not.toContain('指标权重（100分）');
    // A label that says no more than the layout's (spaces, a colon, full-width forms) is not kept.
    const plain = withLabel(clone(projectGrids(CHONGQING, layoutNamed('重庆')!)), '指标权重', '指 标 权 重：');
    expect(importLayoutFile(await read(await fileBytes(plain, 'xlsx'), 'xlsx')).projects[0]!.原文栏目).toBeUndefined();
  });
});

describe('second review', () => {
  const problemsOf = async (grids: Grid[], format: Format = 'xlsx') => importLayoutFile(await read(await fileBytes(grids, format), format));

  it('a block title with values under it is a column, and an unknown one: kept under 其他栏目 and listed', async () => {
    const grids = clone(projectGrids(SHANGHAI, layoutNamed('上海')!));
    const rows = grids[0]!.rows;
    const header = rows.findIndex((r) => r.some((c) => c?.text === '指标解释'));
    rows.forEach((row, n) => (n < header ? row.push({ text: '' }) : row.unshift({ text: n === header ? '绩效指标' : n === header + 1 ? '站点在线率说明' : '' })));
    const result = await problemsOf(grids);
    expect(result.problems).toEqual([]);
    expect(result.projects[0]!.绩效指标[0]!.其他栏目).toEqual({ 绩效指标: '站点在线率说明' });
    expect(result.notices.map((p) => p.message)).toEqual([expect.stringContaining('指标表的栏目“绩效指标”不在表样“上海”中')]);
  });

  it('two columns for one field (a label and its alias) are refused, not one of them kept', async () => {
    const grids = clone(projectGrids(CHONGQING, layoutNamed('重庆')!));
    const header = grids[0]!.rows.find((r) => r.some((c) => c?.text === '指标性质'))!;
    header[header.findIndex((c) => c?.text === '备注')] = { text: '度量单位', style: 'label' };
    const result = await problemsOf(grids);
    expect(result.projects).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('的栏目都是“度量单位”，无法确定用哪一栏')]);
  });

  it('the bundled unit’s document imported into a site whose 表样 is another names 表样: 河北, and validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-hebei-in-sichuan-'));
    const content = join(dir, 'content');
    layoutContent(content, ROOT);
    const site = join(content, 'site.yaml');
    writeFileSync(site, `${readFileSync(site, 'utf8')}表样: 四川\n`);
    const result = runCli('import', [join(ROOT, 'content/2023/483001/source/000_450f3943667c7c22.txt'), '--content', content]);
    // The bundled unit's 成本指标 sits under 产出指标, which this site's framework (成本在产出下) allows.
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const first = readdirSync(join(content, '2023/483001/projects')).sort()[0]!;
    expect(readFileSync(join(content, '2023/483001/projects', first), 'utf8')).toMatch(/\n表样: 河北\n单位编码: "483001"\n/);
  });

  it('a department file that cannot be read is not overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-dept-'));
    const content = join(dir, 'content');
    layoutContent(content, ROOT);
    mkdirSync(join(content, '2024', '350102'), { recursive: true });
    const existing = join(content, '2024', '350102', 'department.yaml');
    writeFileSync(existing, '单位编码: "350102\n  年度: [\n');
    writeFileSync(join(dir, 'dept.xlsx'), await fileBytes(LAYOUT_SAMPLES.find((x) => x.layout === '部门整体')!.grids, 'xlsx'));
    const result = runCli('import', [join(dir, 'dept.xlsx'), '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('无法读取已有的');
    expect(readFileSync(existing, 'utf8')).toBe('单位编码: "350102\n  年度: [\n');
  });
});
