// The 情况说明 checks read sentences by the wording data (src/schema/budget-wording.ts): each family's
// variants are read by one mechanism; a sentence in the central template's words is read like the 上海
// one; a sentence no family reads is a notice (未能核对) in plain Chinese at the section's line that does
// not stop validate; every stated change against last year must give a reason. The documents are the
// real corpus (tests/fixtures/budget/); the rewordings below are made up for the test, to stand for
// another family's words, and say so.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { budgetDifferences } from '../src/lib/budget/budget-check.ts';
import { disclosureRows } from '../src/lib/budget/budget-disclosure.ts';
import { changesWithoutReason, familyVariants, flatNote, noteReader, variantPattern } from '../src/lib/budget/note-wording.ts';
import { validateContent } from '../src/lib/check/validate.ts';
import { budgetDocumentSchema, type BudgetDocument } from '../src/schema/budget.ts';
import { NOTE_SENTENCES, WORDING_FAMILIES, wordingFamiliesFor, type NoteSentence } from '../src/schema/budget-wording.ts';
import { BUDGET_DIR } from './fixtures/published/transcription.ts';
import { runCli } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const doc = (id: string): BudgetDocument => budgetDocumentSchema.parse(parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')));
const noteOf = (id: string) => readFileSync(join(BUDGET_DIR, `${id}.说明.md`), 'utf8');
const readme = (id: string) =>
  [...readFileSync(join(BUDGET_DIR, 'README.md'), 'utf8').split('## 重算出的差异')[1]!.split(/\n## /)[0]!.matchAll(/^- `([a-z0-9-]+)` (.+)$/gm)].filter((m) => m[1] === id).map((m) => m[2]!);
/** Differences and notices of a corpus document with its 说明 replaced. */
const check = (id: string, note: string) => {
  const all = budgetDifferences(doc(id), note);
  return { differences: all.filter((d) => !d.notice).map((d) => d.text), notices: all.filter((d) => d.notice).map((d) => d.text) };
};

/** A content folder with one corpus document (its README differences recorded as 原表如此) and a 说明. */
function folderWith(id: string, note: string) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-wording-'));
  dirs.push(dir);
  cpSync('content/site.yaml', join(dir, 'site.yaml'));
  const data = parse(readFileSync(join(BUDGET_DIR, `${id}.yaml`), 'utf8')) as Record<string, unknown>;
  data['原表如此'] = readme(id).map((差异) => ({ 差异, 原表如此: '原件如此' }));
  const name = id.endsWith('-budget') ? 'budget' : 'final-accounts';
  const folder = join(dir, String(data['年度']), 'unit1');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.yaml`), stringify(data, { lineWidth: 0 }));
  writeFileSync(join(folder, `${name}.md`), note);
  return { dir, note: join(folder, `${name}.md`) };
}

describe('说明的写法是数据', () => {
  it('每种写法的每个变体都能读，且给出这句话要的每个数', () => {
    const variants = familyVariants();
    expect(variants.length).toBeGreaterThan(40);
    for (const { family, key, variant, heading } of variants) {
      // A sentence listed under a heading (苏州's 项 under their 类) takes the heading's slots too.
      const groups = [variant, ...(heading ? [heading] : [])].flatMap((v) => [...variantPattern(v, 2026).source.matchAll(/\(\?<([^>]+)>/g)].map((m) => m[1]));
      for (const slot of NOTE_SENTENCES[key].slots) expect(groups, `${family.name} ${key}：${variant}`).toContain(slot);
    }
    // The 上海 family describes every sentence the checks read.
    const shanghai = WORDING_FAMILIES.find((f) => f.name === '上海')!;
    expect(Object.keys(NOTE_SENTENCES).filter((k) => !shanghai.sentences[k as NoteSentence])).toEqual([]);
    expect(() => variantPattern('收入{总计:金钱}万元', 2026)).toThrow(/没有“金钱”这种填空/);
  });

  it('按地区先用本省的写法，没有本省的用中央模板的写法', () => {
    expect(wordingFamiliesFor('上海市普陀区').map((f) => f.name)).toEqual(['上海', '重庆', '苏州', '中央模板']);
    expect(wordingFamiliesFor('江苏省苏州市').map((f) => f.name)).toEqual(['苏州', '上海', '重庆', '中央模板']);
    expect(wordingFamiliesFor('河北省玉田县').map((f) => f.name)).toEqual(['中央模板', '上海', '重庆', '苏州']);
  });

  it('上海的写法：语料里每一句都读得出，读出的数就是所印的', () => {
    const note = noteReader(flatNote(noteOf('sh-putuo-caizheng-2024-final')), '上海市普陀区', 2024);
    expect(note.find('决算收支总计')?.slots).toEqual({ 总计: '2995.39' });
    expect(note.find('决算支出构成')?.slots).toEqual({ 合计: '2940.05', 基本: '2336.91', 基本占比: '79.49', 项目: '603.14', 项目占比: '20.51' });
    const budget = noteReader(flatNote(noteOf('sh-putuo-wenlv-2026-budget')), '上海市普陀区', 2026);
    expect(budget.find('预算一般公共比上年')?.slots).toEqual({ 金额: '27,807.61', 方向: '增加', 变动: '27.45' });
    expect(budget.all('预算项').length).toBe(23);
  });

  it('重庆、苏州的写法：读出的是所印的数（与 README 人工对表核过的相同），改一个数就报出差异', () => {
    const cq = noteReader(flatNote(noteOf('cq-bangongting-2026-budget')), '重庆市', 2026);
    expect(cq.find('预算收入')?.slots).toEqual({ 收入: '19,230.18', 财政拨款: '18,417.70' });
    expect(cq.find('预算一般公共比上年')?.slots).toEqual({ 金额: '18,417.70', 方向: '增加', 变动: '2,781.90' });
    expect(cq.find('预算三公比上年')?.slots).toEqual({ 金额: '394.49', 方向: '减少', 变动: '2.48' });
    expect(cq.find('预算出国')?.slots).toEqual({ 金额: '184.49' });
    const sz = noteReader(flatNote(noteOf('js-suzhou-shenji-2026-budget')), '江苏省苏州市', 2026);
    expect(sz.find('预算收入')?.slots).toEqual({ 收入: '4,651.67', 财政拨款: '4,651.67' });
    expect(sz.find('预算机关运行')?.slots).toEqual({ 金额: '395.6' });
    expect(sz.find('预算用车运行')?.slots).toEqual({ 金额: '0' });
    // Its 项 are listed under “（一）一般公共服务支出（类）”: each takes the 类 of the heading above it.
    expect(sz.all('预算项').map((f) => `${f.slots.类}/${f.slots.款}/${f.slots.项} ${f.slots.金额}`)).toEqual([
      '一般公共服务支出/审计事务/行政运行 2,342',
      '一般公共服务支出/审计事务/一般行政管理事务 339.5',
      '一般公共服务支出/审计事务/事业运行 225.13',
      '社会保障和就业支出/行政事业单位养老支出/机关事业单位基本养老保险缴费支出 298.72',
      '社会保障和就业支出/行政事业单位养老支出/机关事业单位职业年金缴费支出 143.37',
      '住房保障支出/住房改革支出/住房公积金 345.48',
      '住房保障支出/住房改革支出/提租补贴 555.5',
      '住房保障支出/住房改革支出/购房补贴 401.97',
    ]);

    // 重庆's "三公" table prints 2025 beside 2026: the 说明 is compared with 2026's block (2025's 合计 is 396.97).
    const cqId = 'cq-bangongting-2026-budget';
    const cqDiffs = (from: string, to: string) => check(cqId, noteOf(cqId).replace(from, to)).differences.filter((d) => !readme(cqId).includes(d));
    expect(cqDiffs('“三公”经费预算 394.49 万元', '“三公”经费预算 396.97 万元')).toEqual(['其他相关情况说明：“三公”经费预算数 396.97 万元，“三公”表为 394.49 万元']);
    expect(cqDiffs('一般公共预算拨款 18,417.70 万元', '一般公共预算拨款 18,417.71 万元')).toEqual(['编制说明：财政拨款收入 18,417.71 万元，表上为 18417.70 万元（按所印位数应为 18417.70）']);
    // 苏州's 财政拨款收支总表 has one column: 政府性基金 is compared with its own (empty) table, 机关运行经费 with 公开12表.
    const szId = 'js-suzhou-shenji-2026-budget';
    const szDiffs = (from: string, to: string) => check(szId, noteOf(szId).replace(from, to)).differences.filter((d) => !readme(szId).includes(d));
    expect(szDiffs('政府性基金支出预算支出 0 万元', '政府性基金支出预算支出 1 万元')).toEqual(['编制说明：政府性基金拨款支出预算 1 万元，表上为 0.00 万元（按所印位数应为 0）']);
    expect(szDiffs('机关运行经费预算支出 395.6 万', '机关运行经费预算支出 395.7 万')).toEqual(['其他相关情况说明：机关运行经费预算 395.7 万元，一般公共预算机关运行经费支出预算表为 395.60 万元']);
    expect(szDiffs('提租补贴（项）支出 555.5', '提租补贴（项）支出 555.6')).toEqual([
      '编制说明：住房保障支出（类）住房改革支出（款）提租补贴（项） 555.6 万元，表上为 555.50 万元（按所印位数应为 555.5）',
      '编制说明：所列各项之和 4651.77 万元，财政拨款支出预算 4651.67 万元',
    ]);
  });

  it('说明里按类的支出、基本支出的人员和公用经费、基本和项目支出的增减、会议费和培训费、政府采购：读出所印的数，改一个就报出', () => {
    const cq = noteReader(flatNote(noteOf('cq-bangongting-2026-budget')), '重庆市', 2026);
    // 重庆 names its 类 without “（类）”, after the 支出 total.
    expect(cq.all('预算按类', cq.find('预算按类段')!.slots.段).map((f) => `${f.slots.类} ${f.slots.金额}`)).toEqual([
      '一般公共服务支出 15,958.96',
      '教育支出 15.26',
      '社会保障和就业支出 1,595.94',
      '卫生健康支出 446.95',
      '资源勘探工业信息等支出 673.17',
      '住房保障支出 539.91',
    ]);
    expect(cq.find('预算支出比上年')?.slots).toEqual({ 方向: '增加', 变动: '2,784.38', 基本方向: '增加', 基本变动: '362.10', 项目方向: '增加', 项目变动: '2,422.28' });
    expect(cq.find('预算一般公共构成')?.slots).toMatchObject({ 基本: '9,018.47', 基本方向: '增加', 基本变动: '362.10', 项目: '9,399.23', 项目方向: '增加', 项目变动: '2,419.80' });
    expect(cq.find('预算政府采购')?.slots).toEqual({ 总额: '4,542.69', 货物: '110', 工程: '0', 服务: '4,432.69' });
    const sz = noteReader(flatNote(noteOf('js-suzhou-shenji-2026-budget')), '江苏省苏州市', 2026);
    expect(sz.all('预算按类', sz.find('预算按类段')!.slots.段).map((f) => `${f.slots.类} ${f.slots.金额}`)).toEqual(['一般公共服务支出 2,906.63', '社会保障和就业支出 442.09', '住房保障支出 1,302.95']);
    expect(sz.find('预算拨款基本支出')?.slots).toEqual({ 基本: '4,312.17', 人员: '3,916.57', 公用: '395.6' });
    expect(sz.find('预算基本支出')?.slots).toEqual({ 基本: '4,312.17', 人员: '3,916.57', 公用: '395.6' });
    expect([sz.find('预算会议费')?.slots.金额, sz.find('预算培训费')?.slots.金额]).toEqual(['10', '43']);
    expect(sz.find('预算政府采购')?.slots).toEqual({ 总额: '188.5', 货物: '5.5', 工程: '0', 服务: '183' });
    // 上海 states 政府采购 in its 预算 and (by contract) in its 决算; five of the seven print it.
    const shanghai = (id: string, year: number, key: NoteSentence) => noteReader(flatNote(noteOf(id)), '上海市普陀区', year).find(key)?.slots.总额;
    expect([shanghai('sh-putuo-wenlv-2026-budget', 2026, '预算政府采购'), shanghai('sh-putuo-jianguanwei-2026-budget', 2026, '预算政府采购')]).toEqual(['8536.39', '214,355.48']);
    expect(['sh-putuo-caizheng-2024-final', 'sh-putuo-guihuaziyuan-2024-final', 'sh-putuo-shegongbu-2024-final', 'sh-putuo-wenlv-2025-final', 'sh-putuo-yichuanlu-2025-final'].map((id) => shanghai(id, Number(id.match(/\d{4}/)![0]), '决算政府采购'))).toEqual(['251.25', '2319.21', '21.07', '7571.90', '1771.11']);

    const cqId = 'cq-bangongting-2026-budget';
    const cqDiffs = (from: string, to: string) => check(cqId, noteOf(cqId).replace(from, to)).differences.filter((d) => !readme(cqId).includes(d));
    expect(cqDiffs('教育支出 15.26 万元', '教育支出 15.36 万元')).toEqual(['说明：教育支出（类）支出预算 15.36 万元，表上为 15.26 万元（按所印位数应为 15.26）']);
    expect(cqDiffs('项目支出增加 2,422.28 万元', '项目支出增加 2,432.28 万元')).toEqual(['说明：支出预算比上年变动 2784.38 万元，基本支出、项目支出所列变动之和为 2794.38 万元']);
    expect(cqDiffs('其中：基本支出 9,018.47 万元', '其中：基本支出 9,018.57 万元')).toEqual(['说明：一般公共预算财政拨款基本支出 9,018.57 万元，表上为 9018.47 万元（按所印位数应为 9018.47）']);
    expect(cqDiffs('加 2,419.80 万元', '加 2,429.80 万元')).toEqual(['说明：一般公共预算财政拨款支出比上年变动 2781.90 万元，基本支出、项目支出所列变动之和为 2791.90 万元']);
    // The table prints the 2025 budget beside 2026's: the stated change is their difference (18,417.70 − 15,635.80).
    expect(cqDiffs('比 2025 年增加 2,781.90 万元', '比 2025 年增加 2,791.90 万元')).toEqual([
      '说明：一般公共预算财政拨款支出比上年变动 2791.90 万元，基本支出、项目支出所列变动之和为 2781.90 万元',
      '说明：一般公共预算财政拨款支出比上年变动 2791.90 万元，2026年一般公共预算支出情况表两年的合计相差 2781.90 万元',
    ]);
    expect(cqDiffs('政府采购货物预算 110 万元', '政府采购货物预算 120 万元')).toEqual([
      '说明：政府采购预算 4,542.69 万元，货物、工程、服务所列之和为 4552.69 万元',
      '说明：政府采购货物预算 120 万元，表上为 110.00 万元（按所印位数应为 110）',
    ]);
    const szId = 'js-suzhou-shenji-2026-budget';
    const szDiffs = (from: string, to: string) => check(szId, noteOf(szId).replace(from, to)).differences.filter((d) => !readme(szId).includes(d));
    expect(szDiffs('社会保障和就业支出（类）支出 442.09', '社会保障和就业支出（类）支出 442.19')).toEqual(['说明：社会保障和就业支出（类）支出预算 442.19 万元，表上为 442.09 万元（按所印位数应为 442.09）']);
    // The first 人员经费 is the 财政拨款's (六), against 公开06表; the second the 一般公共预算's (八), against 公开08表.
    expect(szDiffs('（一）人员经费 3,916.57 万元', '（一）人员经费 3,916.67 万元')).toEqual(['说明：财政拨款基本支出表（经济科目）的人员经费 3,916.67 万元，表上为 3916.57 万元（按所印位数应为 3916.57）']);
    expect(szDiffs('（二）公用经费 395.6 万元。主要包括：办公费、印刷费、水\n费、电费、邮电费、差旅费、会议费、公务接待费、工会经费、其\n他交通费用、税金及附加费用、其他商品和服务支出。\n九', '（二）公用经费 395.7 万元。主要包括：办公费、印刷费、水\n费、电费、邮电费、差旅费、会议费、公务接待费、工会经费、其\n他交通费用、税金及附加费用、其他商品和服务支出。\n九')).toEqual(['说明：一般公共预算基本支出表的公用经费 395.7 万元，表上为 395.60 万元（按所印位数应为 395.6）']);
    // Its "三公" table prints 会议费 and 培训费; 重庆's and 上海's do not, so theirs (stated or not) are not checked.
    expect(szDiffs('支出 10 万元，比上年预算减少 7 万元', '支出 12 万元，比上年预算减少 7 万元')).toEqual(['其他相关情况说明：会议费预算 12 万元，“三公”表为 10.00 万元']);
    expect(szDiffs('支出 43 万元', '支出 45 万元')).toEqual(['其他相关情况说明：培训费预算 45 万元，“三公”表为 43.00 万元']);
    expect(szDiffs('拟采购服务支出 183 万', '拟采购服务支出 193 万')).toEqual(['说明：政府采购预算 188.5 万元，货物、工程、服务所列之和为 198.50 万元', '说明：政府采购服务预算 193 万元，表上为 183.00 万元（按所印位数应为 183）']);
    // 上海's sets have no 政府采购 table: its parts must add up to its total.
    const jId = 'sh-putuo-jianguanwei-2026-budget';
    expect(check(jId, noteOf(jId).replace('24,821.72', '24,831.72')).differences.filter((d) => !readme(jId).includes(d))).toEqual(['说明：政府采购预算 214,355.48 万元，货物、工程、服务所列之和为 214365.48 万元']);
  });

  it('中央模板的写法（为测试改写的说法，不是真实文件）：“收支总预算”“年度收入、支出决算总计”“一般公共预算“三公”经费预算支出”照样核对', () => {
    const finalId = 'sh-putuo-caizheng-2024-final';
    const central = noteOf(finalId).replace('2024年度收入支出总计2995.39万元', '2024年度收入、支出决算总计2995.39万元');
    expect(central).not.toBe(noteOf(finalId));
    expect(check(finalId, central)).toEqual({ differences: readme(finalId), notices: [] });
    // A wrong figure in those words is found like one in 上海's words.
    expect(check(finalId, central.replace('决算总计2995.39万元', '决算总计2995.40万元')).differences).toContain('说明 一：收入支出总计 2995.40 万元 与 收入支出决算总表总计，2995.40 ≠ 2995.39（差 0.01）');

    const budgetId = 'sh-putuo-wenlv-2026-budget';
    const reworded = noteOf(budgetId)
      .replace('收入预算27,807.61万元，其中：财政拨款收入27,807.61万元', '收支总预算27,807.61万元。收入全部为财政拨款收入27,807.61万元')
      .replace('“三公”经费预算数为11.49万元', '一般公共预算“三公”经费预算支出11.49万元');
    expect(check(budgetId, reworded)).toEqual({ differences: readme(budgetId), notices: [] });
    expect(check(budgetId, reworded.replace('经费预算支出11.49万元', '经费预算支出11.50万元')).differences).toContain('其他相关情况说明：“三公”经费预算数 11.50 万元，“三公”表为 11.49 万元');
    expect(check(budgetId, reworded.replace('收支总预算27,807.61万元', '收支总预算27,807.71万元')).differences).toContain('编制说明：收入预算 27,807.71 万元，表上为 27807.61 万元（按所印位数应为 27807.61）');
  });

  it('加一种写法只是加数据：为测试编的一个省的说法加进来就读得出，拿掉就成了“未能核对”', () => {
    const id = 'sh-putuo-caizheng-2024-final';
    const other = noteOf(id).replace('2024年度收入支出总计2995.39万元', '2024年度全年收支总规模2995.39万元');
    expect(check(id, other).notices).toHaveLength(1);
    WORDING_FAMILIES.push({ name: '测试用（编造）', source: '测试所编，不是真实文件', sentences: { 决算收支总计: { 章节: '一、收支总体情况', 写法: ['全年收支总规模{总计}万元'] } } });
    try {
      expect(check(id, other)).toEqual({ differences: readme(id), notices: [] });
    } finally {
      WORDING_FAMILIES.pop();
    }
  });
});

describe('读不出的句子：提示，不是错误', () => {
  const id = 'sh-putuo-wenlv-2026-budget';
  // Made up: the 收入 sentence in words no family describes.
  const unknown = noteOf(id).replace('收入预算27,807.61万元，其中：财政拨款收入27,807.61万元', '本年收入安排27,807.61万元，均为财政拨款');

  it('用白话说找的是哪一句、应在说明的哪一部分、该怎么办，不露出匹配式', () => {
    const { differences, notices } = check(id, unknown);
    expect(differences).toEqual(readme(id));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^说明里没有找到“收入预算…万元，其中：财政拨款收入…万元”这样的句子（应在“部门预算编制说明”中），这一项未能核对。/);
    expect(notices[0]).toContain('src/schema/budget-wording.ts');
    expect(notices[0]).not.toMatch(/\\d|\[|\]|\(\?|\.\*|[{}]/);
     // Quotes inside the quoted sentence and section are printed ‘’.
    expect(noteReader('', '上海市普陀区', 2025).missing('决算三公').text).toMatch(/^说明里没有找到“‘三公’经费财政拨款支出年初预算为…万元，支出决算为…万元”这样的句子（应在“七、财政拨款‘三公’经费支出决算情况说明”中）/);
  });

  it('npm run validate 不报错、退出码为 0，提示印在说明那一部分的行上；公开情况列为“未能核对”', async () => {
    const { dir, note } = folderWith(id, unknown);
    const result = await validateContent(dir);
    expect(result.problems).toEqual([]);
    expect(result.notices).toHaveLength(1);
    const notice = result.notices[0]!;
    expect(notice.file.endsWith('2026/unit1/budget.md')).toBe(true);
    expect(readFileSync(note, 'utf8').split('\n')[notice.line - 1]).toBe('2026年部门预算编制说明');
    const run = runCli('validate', [dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/提示（未能核对，不影响发布）：\S*budget\.md:\d+:1 {2}（整个文件） {2}说明里没有找到“收入预算…万元/);

    const rows = disclosureRows(result.budgets, { firstPublished: () => undefined });
    const unread = rows.filter((r) => r.结果 === '未能核对');
    expect(unread.map((r) => [r.项目, r.通过])).toEqual([['说明对表', true]]);
    expect(unread[0]!.情况).toBe(notice.message);
    expect(rows.filter((r) => r.项目 === '说明对表').map((r) => r.结果)).toEqual(['原表如此', '未能核对']);
  });
});

describe('每一处比上年的增减都要写原因', () => {
  it('同一句或下一句有原因就算写了；接连几句增减后面跟一句原因，算都写了；原因里说到的增减不另要原因', () => {
    expect(changesWithoutReason(flatNote('与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化。'))).toEqual([]);
    expect(changesWithoutReason(flatNote('机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%，主要原因是更换了老旧照明设施。'))).toEqual([]);
    expect(changesWithoutReason(flatNote('收入预算27,807.61万元，比2025年预算增加27.45万元。支出预算27,807.61万元，比2025年预算增加27.45万元。财政拨款收入支出增加的主要原因是基本支出增加'))).toEqual([]);
    expect(changesWithoutReason(flatNote('主要原因：项目支出增加，较上一度增加1133.95万元。'))).toEqual([]);
    // Not a change against last year: an amount without a comparison, a 持平, a change without an amount.
    expect(changesWithoutReason(flatNote('年初预算为2993.92万元，支出决算为2940.05万元。因公出国（境）费支出与上一年度持平。人员比上年增加。'))).toEqual([]);
  });

  it('没写原因的增减报出那一句的话（以比较开头的带上前一分句）', () => {
    expect(changesWithoutReason(flatNote('与2023年度相比，收入支出总计减少56.95万元，下降1.87%。二、收入决算情况说明本年收入合计2946.25万元。'))).toEqual(['收入支出总计减少56.95万元']);
    expect(changesWithoutReason(flatNote('财政拨款收入328,661万元，比2025年预算增加115,649万元。其他。'))).toEqual(['财政拨款收入328,661万元，比2025年预算增加115,649万元']);
    expect(changesWithoutReason(flatNote('“三公”经费同比下降12%。'))).toEqual(['“三公”经费同比下降12%']);
  });

  it('真实的决算删去一句原因：npm run validate 在说明的那一行报出，记为“原表如此”后放行', async () => {
    const id = 'sh-putuo-caizheng-2024-final';
    const reason = '主要原因：基本支出中人员进出及退休变化，\n以及项目支出中合同支付进度条款等原因减少支付。';
    const without = noteOf(id).replace(reason, '');
    expect(without).not.toBe(noteOf(id));
    const { dir, note } = folderWith(id, without);
    const result = await validateContent(dir);
    const problems = result.problems;
    const text = '说明：“收入支出总计减少56.95万元”说了比上年的增减，这一句和下一句都没有写原因（如“主要原因是……”）';
    // The 公开情况 report lists it under its own row, citing the rule.
    const row = disclosureRows(result.budgets, { firstPublished: () => undefined }).find((r) => r.项目 === '增减有原因')!;
    expect([row.结果, row.通过, row.情况]).toEqual(['不符', false, text]);
    expect(row.依据).toMatch(/预算法》第十四条.*写明原因/);
    expect(problems.map((p) => p.message.split('。核对原件')[0])).toEqual([text]);
    const lines = readFileSync(note, 'utf8').split('\n');
    expect(problems[0]!.file.endsWith('final-accounts.md')).toBe(true);
    expect(`${lines[problems[0]!.line - 1]}${lines[problems[0]!.line]}`).toContain('减少56.95万元');
    expect(budgetDifferences(doc(id), without).find((d) => d.text === text)?.identity).toBe('增减有原因');
    const recorded = folderWith(id, without);
    const file = join(recorded.dir, '2024/unit1/final-accounts.yaml');
    const data = parse(readFileSync(file, 'utf8')) as { 原表如此: { 差异: string; 原表如此: string }[] };
    data.原表如此.push({ 差异: text, 原表如此: '原件如此（测试所加）' });
    writeFileSync(file, stringify(data, { lineWidth: 0 }));
    expect((await validateContent(recorded.dir)).problems).toEqual([]);
  });
});
