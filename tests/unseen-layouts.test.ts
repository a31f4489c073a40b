// Tables laid out as governments publish them, in layouts this project has not seen: made up by the
// project (tests/fixtures/unseen/, README.md there — not evidence that a layout is supported), each a
// variation of a published table of the corpus. Each is recognised as the description it varies,
// imported from its .xlsx (and .docx) with only what a maintainer passes, checked by the schema a
// site uses, and every non-empty cell it prints stands in the imported file; the site's download of
// it imports back to the same file. A table of a kind no description knows is refused by
// `npm run import`, naming the closest description and the labels it lacks, and nothing is written.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLayoutFile, projectGrids } from '../src/lib/import/layout-table.ts';
import { importResultFile, resultGrid } from '../src/lib/import/result-table.ts';
import { describedAs, recognise, type Description } from '../src/lib/import/recognise.ts';
import { MONEY_LINE, UNIT_CODE, UNIT_LINE } from '../src/lib/import/cells.ts';
import { departmentYaml, projectYaml, resultYaml } from '../src/lib/import/write-yaml.ts';
import type { GridFile } from '../src/lib/office/grid.ts';
import { readDocxGrids } from '../src/lib/office/grid-docx.ts';
import { readXlsxGrids, writeXlsxGrids } from '../src/lib/office/grid-xlsx.ts';
import { readAmount } from '../src/lib/reading/money.ts';
import { departmentSchemaFor } from '../src/schema/department.ts';
import { DEFAULT_FRAMEWORK, NAMED_FRAMEWORKS, type IndicatorFramework } from '../src/schema/framework.ts';
import { projectSchema } from '../src/schema/project.ts';
import { RESULT_READING } from '../src/schema/result-layouts.ts';
import { departmentEvaluationSchema, EMPTY_MARKS, evaluationSchema, monitoringSchema } from '../src/schema/results.ts';
import { CAPTIONS, LABEL_READING, labelForms, layoutNamed, TOTAL_ROWS } from '../src/schema/table-layouts.ts';
import { filesOf, gridsOf, readTranscription, transcriptionIds, UNSEEN_DIR } from './fixtures/published/transcription.ts';
import { layoutContent } from './fixtures/layouts/files.ts';
import { ROOT, runCli } from './helpers.ts';

interface Case {
  id: string;
  /** The description it is recognised as: a 表样's name or a result table's title. */
  description: string;
  /** What a maintainer passes where the table prints no unit code. */
  unit?: string;
  /** How many files it imports to. */
  files: number;
  /** The site's 指标体系 (site.yaml) its 一级 and 二级 are checked under; the default when absent. */
  framework?: IndicatorFramework;
}

const CASES: Case[] = [
  { id: 'unseen-shenbao-yuan-2025-project', description: '申报表', unit: '910001 某县交通运输局', files: 1 },
  // Prints its unit's code with the name, merged down over the three projects.
  { id: 'unseen-sichuan-wanyuan-2025-project-rows', description: '四川', files: 3 },
  { id: 'unseen-bumen-2025-department', description: '部门整体', unit: '910002', files: 1 },
  // Prints 填报单位：910003 某县水利局.
  { id: 'unseen-jiankong-2025-monitoring', description: '项目支出绩效目标执行监控表', files: 1 },
  { id: 'unseen-ziping-2024-evaluation', description: '项目支出绩效自评表', files: 1 },
  // 成本指标 as a 一级, as 财预〔2021〕101号 has it.
  { id: 'unseen-bumen-ziping-2024-department-evaluation', description: '部门整体支出绩效自评表', unit: '910005', files: 1, framework: NAMED_FRAMEWORKS['财预〔2021〕101号'] },
];
const UNKNOWN_KIND = 'unseen-pingjia-2024-unknown';

const descriptionOf = (c: Case): Description => describedAs(c.description)!;

async function fileOf(id: string, format: 'xlsx' | 'docx' = 'xlsx'): Promise<GridFile> {
  const bytes = readFileSync(join(UNSEEN_DIR, `${id}.${format}`));
  const read = format === 'xlsx' ? await readXlsxGrids(bytes) : await readDocxGrids(bytes);
  if ('error' in read) throw new Error(read.error);
  return read;
}

interface Imported {
  tables: Record<string, unknown>[];
  problems: string[];
  notices: string[];
  /** The schema's issues, as `npm run validate` checks the written files. */
  issues: string[];
}

/** Imports as `npm run import` does (the kind and layout recognised, not given) and checks as `npm run validate` does. */
function imported(file: GridFile, c: Case): Imported {
  const d = descriptionOf(c);
  const framework = c.framework ?? DEFAULT_FRAMEWORK;
  const say = (p: { where: string; message: string }) => `${p.where} ${p.message}`;
  if (d.kind === 'target') {
    const r = importLayoutFile(file, { unit: c.unit });
    const tables = [...r.projects, ...r.departments] as Record<string, unknown>[];
    const schema = d.layout.kind === 'project' ? projectSchema({ framework }) : departmentSchemaFor(framework);
    return { tables, problems: r.problems.map(say), notices: r.notices.map(say), issues: issuesOf(schema, tables) };
  }
  const r = importResultFile(file, { unit: c.unit, framework });
  const schema = { monitoring: monitoringSchema({ framework }), evaluation: evaluationSchema({ framework }), departmentEvaluation: departmentEvaluationSchema(framework) }[d.layout.kind];
  expect(r.layout?.kind).toBe(d.layout.kind);
  return { tables: r.tables, problems: r.problems.map(say), notices: r.notices.map(say), issues: issuesOf(schema, r.tables) };
}
const issuesOf = (schema: { safeParse: (x: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, tables: unknown[]) =>
  tables.flatMap((t) => schema.safeParse(t).error?.issues ?? []).map((i) => `${i.path.map(String).join('.')} ${i.message}`);

/** Every key and text of the imported files, each line on its own too, without spaces. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k), stringsOf(v, out);
  return out.flatMap((s) => [s, ...s.split('\n')]).map(normal);
}
const normal = (s: string) => s.replace(/\s+/g, '');

/** The labels a description prints (every spelling, as labelForms compares them), its block titles and total rows. */
function labelsOf(d: Description): Set<string> {
  const printed =
    d.kind === 'target'
      ? [
          d.layout.title,
          ...[...d.layout.fields, ...d.layout.indicatorColumns, ...(d.layout.listTables ?? []).flatMap((t): { label: string; aliases?: readonly string[] }[] => [{ label: t.label }, ...t.columns])].flatMap((f) => [f.label, ...(f.aliases ?? [])]),
          ...(d.layout.extraFields ?? []),
          ...(d.layout.extraIndicatorColumns ?? []),
          ...(d.layout.captions ?? []),
          ...CAPTIONS,
          ...TOTAL_ROWS,
        ]
      : [
          d.layout.title,
          ...[...d.layout.head, ...d.layout.money, ...d.layout.goal, ...d.layout.indicators, ...d.layout.closing].flatMap((x) => [x.label, x.key, ...(x.aliases ?? [])]),
          ...RESULT_READING.goalCaptions,
          ...RESULT_READING.totalLabels,
          ...Object.values(RESULT_READING.captions),
          '项目资金',
        ];
  return new Set(printed.flatMap(labelForms));
}

/**
 * Whether a printed cell stands in the imported files: as a text of them (an amount as its reading),
 * as a label of the description, as the year or money-unit line they hold, as each `label: value`
 * of a cell that holds several, as an empty mark (`—`, `/`) where an amount is left out, or as the
 * unit's total equal to the sum of its projects' budgets. `derived` are texts the site prints from
 * the file where the file keeps no copy (a result table's 总分 row's 分值, the sum of those above it).
 */
function landed(text: string, tables: Record<string, unknown>[], labels: Set<string>, derived: string[] = []): boolean {
  const t = normal(text);
  const strings = [...tables.flatMap((x) => stringsOf(x)), ...derived.map(normal)];
  if (strings.some((s) => s === t || (t.length >= 4 && s.includes(t)))) return true;
  const amount = readAmount(t);
  if (amount.ok && strings.includes(amount.text)) return true;
  const monthly = t.replace(/^1-\d{1,2}月/, '');
  if (labelForms(text).some((f) => labels.has(f)) || labelForms(monthly).some((f) => labels.has(f))) return true;
  const year = /^[(（]?(\d{4})年度?[)）]?$/.exec(t);
  if (year) return tables.every((x) => x['年度'] === Number(year[1]));
  const money = MONEY_LINE.exec(t);
  if (money) return tables.every((x) => (x['金额单位'] ?? '元') === money[1]);
  if (EMPTY_MARKS.includes(t)) return true;
  if (amount.ok) {
    const budgets = tables.map((x) => readAmount(String(x['预算数'] ?? '')));
    if (budgets.every((b) => b.ok) && budgets.reduce((s, b) => s + Number(b.ok && b.text), 0).toFixed(2) === Number(amount.text).toFixed(2)) return true;
  }
  // A unit's code and name (`910001-某县农业农村局`), also after its label (`填报单位：910004 某镇人民政府`).
  const unit = UNIT_LINE.exec(text.trim());
  if (unit) return landed(unit[1]!, tables, labels, derived);
  const code = UNIT_CODE.exec(t);
  if (code && tables.every((x) => x['单位编码'] === code[1])) return code[2] === '' || landed(code[2]!, tables, labels, derived);
  // A cell of several lines, kept as a list of them.
  if (text.includes('\n')) return text.split('\n').every((line) => line.trim() === '' || landed(line, tables, labels, derived));
  const pairs = text.trim().split(LABEL_READING.inlineSplit).map((s) => LABEL_READING.inline.exec(s.trim()));
  return pairs.every((m) => m !== null) && pairs.every((m) => [m![1]!, m![2]!].every((x) => x.trim() === '' || landed(x, tables, labels, derived)));
}

describe('tables of our own in layouts the corpus does not have (made up, tests/fixtures/unseen/)', () => {
  it('lists every made-up table here, and their .xlsx and .docx are generated from the current transcriptions', async () => {
    expect([...CASES.map((c) => c.id), UNKNOWN_KIND].sort()).toEqual(transcriptionIds(UNSEEN_DIR));
    for (const id of transcriptionIds(UNSEEN_DIR)) {
      for (const [name, bytes] of Object.entries(await filesOf(readTranscription(id, UNSEEN_DIR)))) {
        expect(Buffer.from(bytes).equals(readFileSync(join(UNSEEN_DIR, name))), `${name}: run npx tsx tests/fixtures/published/transcription.ts`).toBe(true);
      }
    }
  });

  for (const c of CASES) {
    it(`${c.id}: recognised as “${c.description}”, imports, validates, and keeps every non-empty cell`, async () => {
      const file = await fileOf(c.id);
      const recognition = recognise(file.grids);
      expect(recognition.best?.name).toBe(c.description);
      const result = imported(file, c);
      expect(result.problems).toEqual([]);
      expect(result.issues).toEqual([]);
      expect(result.tables).toHaveLength(c.files);
      const labels = labelsOf(descriptionOf(c));
      const cells = file.grids.flatMap((g) => [...g.before.map((p) => p.text), ...g.rows.flat().flatMap((x) => (x ? [x.text] : []))]).filter((t) => t.trim() !== '');
      const d = descriptionOf(c);
      const download = d.kind === 'result' ? result.tables.flatMap((t) => resultGrid(d.layout.kind, t).rows.flat().flatMap((x) => (x ? [x.text] : []))) : [];
      expect(cells.filter((t) => !landed(t, result.tables, labels, download))).toEqual([]);
      // Each label kept under 其他栏目 that the description does not know is listed for the maintainer.
      const kept = result.tables.flatMap((t) => [t['其他栏目'], ...((t['绩效指标'] as Record<string, unknown>[]) ?? []).map((i) => i['其他栏目'])]).flatMap((x) => Object.keys((x as object | undefined) ?? {}));
      const unlisted = [...new Set(kept)].filter((k) => !labelForms(k).some((f) => labels.has(f)) && !result.notices.some((n) => n.includes(k.replace(/[:：]$/, ''))));
      expect(unlisted).toEqual([]);
    });

    it(`${c.id}: the site’s download of it imports back to the same file${readTranscription(c.id, UNSEEN_DIR).原格式 === 'docx' ? ', and Word gives the same' : ''}`, async () => {
      const d = descriptionOf(c);
      const { tables } = imported(await fileOf(c.id), c);
      if (readTranscription(c.id, UNSEEN_DIR).原格式 === 'docx') expect(imported(await fileOf(c.id, 'docx'), c).tables).toEqual(tables);
      for (const table of tables) {
        if (d.kind === 'result') {
          const again = importResultFile({ grids: [resultGrid(d.layout.kind, table)], after: [] }, { unit: c.unit, framework: c.framework });
          expect(again.problems).toEqual([]);
          expect(resultYaml(d.layout.kind, again.tables[0]!)).toBe(resultYaml(d.layout.kind, table));
          continue;
        }
        const read = await readXlsxGrids(await writeXlsxGrids(projectGrids(table as never, layoutNamed(String(table['表样']))!), { date: new Date('2000-01-01T00:00:00Z') }));
        if ('error' in read) throw new Error(read.error);
        const again = importLayoutFile(read);
        expect(again.problems).toEqual([]);
        if (d.layout.kind === 'project') expect(again.projects.map(projectYaml)).toEqual([projectYaml(table as never)]);
        else expect(again.departments.map(departmentYaml)).toEqual([departmentYaml(table as never)]);
      }
    });
  }

  it('keeps what the labels carry: a unit in a label is the money unit, a score printed with a block title or a 一级 is kept as printed', async () => {
    const [shenbao] = imported(await fileOf(CASES[0]!.id), CASES[0]!).tables;
    // 年度资金总额（元） in a layout whose tables are mostly in 万元: a file in 元 (the default, not written).
    expect(shenbao).toMatchObject({ 预算数: '1250000.00', 财政资金: '1250000.00' });
    expect(shenbao).not.toHaveProperty('金额单位');
    expect(shenbao).not.toHaveProperty('其他资金'); // printed —
    expect(shenbao!['其他栏目']).toEqual({ 项目联系人: '王某 0000-0000000', 资金管理办法: '县财预〔2025〕3号', '绩效指标（100分）': '' });
    expect((shenbao!['绩效指标'] as { 一级指标: string }[]).map((i) => i.一级指标)).toContain('产出指标（50分）');
    const rows = imported(await fileOf(CASES[1]!.id), CASES[1]!).tables;
    expect(rows.map((p) => [p['金额单位'], p['预算数'], p['单位编码'], p['单位名称']])).toEqual([
      ['万元', '36.5', '910001', '某县农业农村局'],
      ['万元', '120', '910001', '某县农业农村局'],
      ['万元', '8.25', '910001', '某县农业农村局'],
    ]);
  });

  it('npm run import writes the many-projects sheet and the monitoring table, lists the cells kept under 其他栏目, and npm run validate passes', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'gongkai-unseen-')), 'content');
    layoutContent(content, ROOT);
    const sheet = runCli('import', [join(UNSEEN_DIR, 'unseen-sichuan-wanyuan-2025-project-rows.xlsx'), '--content', content]);
    expect(sheet.stderr).toBe('');
    expect(sheet.status).toBe(0);
    expect(readdirSync(join(content, '2025', '910001', 'projects'))).toHaveLength(3);
    const monitoring = runCli('import', [join(UNSEEN_DIR, 'unseen-jiankong-2025-monitoring.xlsx'), '--content', content]);
    expect(monitoring.stderr).toBe('');
    expect(monitoring.status).toBe(0);
    expect(monitoring.stdout).toContain('“项目负责人”不是项目支出绩效目标执行监控表描述中的栏目，已照原样保存在“其他栏目”下（“赵某”）');
    expect(readdirSync(join(content, '2025', '910003', 'monitoring'))).toHaveLength(1);
    const validate = runCli('validate', [], { GONGKAI_CONTENT: content });
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
  });

  it('a table of a kind never seen: npm run import names the closest description and the labels it lacks, and writes nothing', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'gongkai-unseen-')), 'content');
    layoutContent(content, ROOT);
    const result = runCli('import', [join(UNSEEN_DIR, `${UNKNOWN_KIND}.xlsx`), '--unit', '910001', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('认不出这是哪一种表');
    expect(result.stderr).toContain('最接近的是“项目支出绩效自评表”，表中有它的 5 个栏目，但没有：年度指标值');
    expect(result.stderr).toContain('表中与它的指标表头最像的一行是：“一级指标” “二级指标” “三级指标” “评分标准” “分值” “得分” “评分依据”');
    expect(result.stderr).toContain('没有写入任何文件');
    expect(readdirSync(content).sort()).toEqual(['about.md', 'site.yaml']);
  });
});

describe('the editing guide', () => {
  it('lists exactly the layouts and kinds met in the corpus of published tables, as recognised there', () => {
    // The closest description of each corpus table (the one it is read as, or named as closest when refused).
    const met = new Set(transcriptionIds().map((id) => recognise(gridsOf(readTranscription(id))).candidates[0]!.name));
    const guide = readFileSync(join(ROOT, 'docs/编辑指南.md'), 'utf8');
    const table = guide.slice(guide.indexOf('**公开表格里见过的表样和种类**')).split('\n\n')[1]!;
    const listed = new Set(table.split('\n').slice(2).map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1]));
    expect(listed).toEqual(met);
  });
});
