// The checks of a 部门预算 or 部门决算 (npm run validate): every identity its tables assert, within a table
// to the fen and across tables, and its 情况说明's figures against the tables. Tables are found by their
// role in the document's set (src/schema/budget-tables.ts), so one mechanism serves every province whose
// set is described there. The 说明 is read by its wording data (src/schema/budget-wording.ts, through
// note-wording.ts): a sentence no known wording reads is a notice (未能核对), never a difference, and every
// stated change against last year must give its reason. Each difference is a sentence in Chinese; where it is about one cell it says
// which (table, row, column) so that the validator can point at that line of the YAML. A difference that
// the file records under 原表如此 passes (see budgetProblems).
import { BUDGET_TABLE_KINDS, budgetSetFor, MONEY_UNIT_LINE, titleMatches, type BudgetIdentity, type BudgetRole, type BudgetSet } from '../../schema/budget-tables.ts';
import type { BudgetDocument, BudgetTable } from '../../schema/budget.ts';
import type { NoteSentence } from '../../schema/budget-wording.ts';
import { changesWithoutReason, flatNote, noteReader } from './note-wording.ts';
import { normalLabel } from '../../schema/table-layouts.ts';

type Table = BudgetTable;

/** A difference the checker found: the sentence, and the cell it is about when it is about one. */
export interface BudgetDifference {
  text: string;
  cell?: { table: number; row: number; col: number };
  /** Which check found it (src/schema/budget-tables.ts BUDGET_IDENTITIES): the 公开情况 report lists each check's result. */
  identity?: BudgetIdentity;
  /**
   * A notice, not a difference: a sentence of the 说明 that no known wording reads (未能核对). It does not
   * stop the build; validate prints it and the 公开情况 report lists it with its reason.
   */
  notice?: true;
  /** Words of the 说明 it is about, to find its line (else the sentence's own figures are looked for). */
  words?: string;
}

/** Money as printed (万元 or 元, thousands separators, blank = nothing) in hundredths; undefined when the cell is not a number. */
export function cents(text: string | undefined): number | undefined {
  const s = (text ?? '').replace(/,/g, '').trim();
  if (s === '') return 0;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Math.round(Number(s) * 100);
}
const money = (c: number) => (c / 100).toFixed(2);
const squash = (s: string) => s.replace(/\s+/g, '');

/** Where a 功能分类 table keeps its code, name and amounts: codes in one column, or in three (类 | 款 | 项). */
export function functionLayout(tb: Table) {
  const split = tb.行.some((r) => squash(r[0] ?? '') === '类' && squash(r[1] ?? '') === '款' && squash(r[2] ?? '') === '项');
  // In three columns a row may print only its own level's digits (213 | | , then | 05 | , then | | 99):
  // a blank 类 or 款 cell is the one printed above it. Rows of labels (类/款/项, 合计, 栏次) stay as written.
  const codes = new Map<string[], string>();
  if (split) {
    let [kind, section] = ['', ''];
    for (const r of tb.行) {
      const [k = '', s = '', i = ''] = [0, 1, 2].map((c) => squash(r[c] ?? ''));
      if (!/^\d+$/.test(`${k}${s}${i}`)) continue;
      if (k) kind = k;
      if (k || s) section = s;
      codes.set(r, `${kind}${s || (i ? section : '')}${i}`);
    }
  }
  const code = (r: string[]) => codes.get(r) ?? squash(split ? `${r[0] ?? ''}${r[1] ?? ''}${r[2] ?? ''}` : (r[0] ?? ''));
  const amounts = split ? 4 : 2;
  // A heading row that prints two years' 预算数 (重庆: “2025年预算数 | 2026年预算数”) puts last year's
  // column first: this year's amounts (合计, 基本支出 …) start after it; 类 = Σ款 holds in both.
  const years = tb.行.slice(0, 3).map((r) => r.map((x) => Number(/^(\d{4})年预算数$/.exec(squash(x))?.[1] ?? 0)));
  const lastYear = years.some((r) => r[amounts]! > 0 && r.some((y) => y > r[amounts]!));
  return { code, name: (r: string[]) => squash(r[split ? 3 : 1] ?? ''), first: lastYear ? amounts + 1 : amounts, amounts };
}

/** Every 科目 a document's 功能分类 tables print (those whose kind asserts 科目一致): code and name as written, and where. */
export function subjectsOf(t: BudgetDocument): { code: string; name: string; table: number; row: number }[] {
  const roles = tablesByRole(t);
  const set = budgetSetFor(t);
  return (['收入表', '支出表', '财政拨款支出表', '一般公共预算支出表', '政府性基金表', '国有资本经营表'] as const).flatMap((role) => {
    const tb = roles[role];
    if (!tb || !assertsIn(set, role, '科目一致')) return [];
    const l = functionLayout(tb);
    return tb.行.flatMap((r, row) => (/^\d{3}(\d{2}){0,2}$/.test(l.code(r)) && l.name(r) !== '' ? [{ code: l.code(r), name: l.name(r), table: t.表格.indexOf(tb), row }] : []));
  });
}

/** Whether a table of a role asserts an identity in a set: its kind does (BUDGET_TABLE_KINDS) and the set's variant does not skip it. */
export const assertsIn = (set: BudgetSet | undefined, role: BudgetRole, identity: BudgetIdentity) =>
  BUDGET_TABLE_KINDS[role].identities.includes(identity) && !set?.tables.some((e) => e.role === role && e.skips?.includes(identity));

/** Each table of a document by its role, as its set titles it (the first table whose title matches). */
export function tablesByRole(t: Pick<BudgetDocument, '地区' | '种类' | '表套' | '表格'>): Partial<Record<BudgetRole, Table>> {
  const set = budgetSetFor(t);
  const out: Partial<Record<BudgetRole, Table>> = {};
  for (const entry of set?.tables ?? []) {
    const table = t.表格.find((x) => titleMatches(entry, x.名称));
    if (table) out[entry.role] = table;
  }
  return out;
}

/**
 * A "三公" table read by its headings, whose order differs (预算: 合计 | 出国 | 接待 | 小计 | 购置 | 运行 |
 * 机关运行经费; 决算: a 预算数 and a 决算数 column under each): the column of each part, whether it prints
 * 预算数 and 决算数 side by side, and a part's figure (k = 0 its 预算数, 1 its 决算数) in hundredths of the
 * table's unit. The checker and the pages' "三公" figures read the table through this one function.
 */
export function threePublicTable(three: Table | undefined) {
  const head = (test: (s: string) => boolean) => {
    for (const r of three?.行 ?? []) {
      const c = r.findIndex((x) => test(squash(x)));
      if (c >= 0) return c;
    }
    return -1;
  };
  // The figures are the last row of numbers; a table printed without figures (its note says why) has blanks there.
  const figures = three ? three.行.findLastIndex((r) => r.some((x) => /\d/.test(x)) && r.every((x) => cents(x) !== undefined)) : -1;
  const row = figures >= 0 ? figures : (three?.行.length ?? 0) - 1;
  const paired = three?.行.some((r) => r.some((x) => squash(x) === '决算数')) ?? false;
  const cols = {
    total: head((s) => s === '合计' || s === '“三公”经费合计'),
    abroad: head((s) => s.startsWith('因公出国')),
    car: head((s) => s === '小计'),
    buy: head((s) => /^(公务用车)?购置费$/.test(s)),
    run: head((s) => /^(公务用车)?运行(维护)?费$/.test(s)),
    host: head((s) => s === '公务接待费'),
  };
  const value = (col: number, k: number) => (three && col >= 0 && row >= 0 ? cents(three.行[row]![col + k]) : undefined);
  /** The printed text of a part's figure (k as in value). */
  const text = (col: number, k: number) => (three && col >= 0 && row >= 0 ? (three.行[row]![col + k] ?? '') : '');
  return { head, paired, cols, value, text, row };
}

/**
 * The differences one document has, as sentences: the identities each of its tables' kinds asserts
 * (BUDGET_TABLE_KINDS), computed to the fen in the table's unit, then its 说明's figures against the
 * tables (万元 at the precision printed). tests/fixtures/budget/README.md lists the same sentences.
 */
export function budgetDifferences(t: BudgetDocument, text: string): BudgetDifference[] {
  const found: BudgetDifference[] = [];
  // Sentences pushed without a cell; `equal` adds the cell it compared when it knows it.
  // `identity` is the check being run: each section below sets it before it compares.
  let identity: BudgetIdentity = '总表平衡';
  const out = { push: (line: string, cell?: BudgetDifference['cell']) => found.push(cell ? { text: line, cell, identity } : { text: line, identity }) };
  const at = (tb: Table | undefined, row: number, col: number): BudgetDifference['cell'] => (tb && row >= 0 ? { table: t.表格.indexOf(tb), row, col } : undefined);
  const roles = tablesByRole(t);
  const total = roles.收支总表;
  const incomeTable = roles.收入表;
  const spendTable = roles.支出表;
  const grant = roles.财政拨款收支总表;
  const general = roles.一般公共预算支出表;
  const fund = roles.政府性基金表;
  const basic = roles.基本支出表;
  const three = roles.三公经费表;
  const final = t.种类 === '部门决算';
  /** Whether a table kind asserts an identity (src/schema/budget-tables.ts): only those are computed. */
  const asserts = (role: BudgetRole, identity: BudgetIdentity) => assertsIn(budgetSetFor(t), role, identity);
  const num = (tb: Table, r: number, c: number) => cents(tb.行[r]?.[c]);
  const equal = (where: string, what: string, left: number | undefined, right: number | undefined, cell?: BudgetDifference['cell']) => {
    if (left === undefined || right === undefined) out.push(`${where}：${what} 不是数`, cell);
    else if (left !== right) out.push(`${where}：${what}，${money(left)} ≠ ${money(right)}（差 ${money(left - right)}）`, cell);
  };
  const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  const layout = functionLayout;
  const rowOf = (tb: Table, col: number, ...labels: string[]) => {
    for (const label of labels) {
      const i = tb.行.findIndex((r) => squash(r[col] ?? '') === label);
      if (i >= 0) return i;
    }
    return -1;
  };
  const numbered = /^[一二三四五六七八九十]+、/;
  /** A table's money unit: as printed above it (“单位：元”), else as its set says, else 万元. */
  const set = budgetSetFor(t);
  const unitOf = (tb: Table): '元' | '万元' =>
    ((tb.前文 ?? []).map((l) => MONEY_UNIT_LINE.exec(l)?.[1]).find(Boolean) as '元' | '万元' | undefined) ?? set?.tables.find((e) => titleMatches(e, tb.名称))?.unit ?? '万元';
  /** A table amount (hundredths of its unit) in 万元: as a number, and in hundredths of 万元 as a 说明 prints it. */
  const wanOf = (tb: Table, c: number | undefined) => (c ?? 0) / (unitOf(tb) === '元' ? 1_000_000 : 100);
  const inWan = (tb: Table | undefined, c: number | undefined) => (c === undefined || !tb || unitOf(tb) === '万元' ? c : Math.round(c / 10_000));
  /** A 项 named in a 说明 (类, 款, 项 names): its amount in the 一般公共预算 table, else the 政府性基金 table (本年支出). */
  const itemAmount = (kind: string, section: string, item: string): { tb: Table; c: number | undefined } | undefined => {
    for (const tb of [general, fund]) {
      if (!tb) continue;
      const l = layout(tb);
      const rows = tb.行.map((r) => ({ code: l.code(r), name: l.name(r), r }));
      const k = rows.find((x) => x.code.length === 3 && x.name === kind);
      const sec = k && rows.find((x) => x.code.length === 5 && x.code.startsWith(k.code) && x.name === section);
      const it = sec && rows.find((x) => x.code.length === 7 && x.code.startsWith(sec.code) && x.name === item);
      const spendHeading = tb.行[0]!.findIndex((x) => squash(x) === '本年支出');
      if (it) return { tb, c: cents(it.r[tb === fund && spendHeading >= 0 ? spendHeading : l.first]) };
    }
    return undefined;
  };

  // 收入支出决算总表 and 财政拨款收入支出决算总表: numbered lines add up to 本年 totals; 总计 = 本年 + 结转; both sides equal.
  if (total && asserts('收支总表', '总表平衡')) {
    identity = '总表平衡';
    const w = total.名称;
    // A 预算 总表 has no 结转 lines: its 收入总计/支出总计 are the year's totals.
    // 重庆's 部门收支总体情况表 prints one 合计 row, above the lines it sums.
    const income = rowOf(total, 0, '本年收入合计', '收入总计', '合计');
    const spend = rowOf(total, 2, '本年支出合计', '支出总计', '合计');
    const grand = rowOf(total, 0, '总计', '收入总计', '合计');
    // A numbered line with “1. … 2. …” lines under it (一、财政拨款收入 → 1. 一般公共预算 …) is their sum.
    total.行.forEach((r, i) => {
      if (!numbered.test(r[0] ?? '')) return;
      const parts: (number | undefined)[] = [];
      for (let k = i + 1; k < total.行.length && /^\d+\.\s*/.test(total.行[k]![0] ?? ''); k++) parts.push(cents(total.行[k]![1]));
      if (parts.length) equal(w, `${squash(r[0]!)} 与其下各项之和`, cents(r[1]), sum(parts), at(total, i, 1));
    });
    // The lines a total sums: those above it, or, where it is printed above them, those below.
    const lines = (labelCol: number, end: number) => {
      const above = total.行.slice(0, end).filter((r) => numbered.test(r[labelCol] ?? ''));
      return (above.length ? above : total.行.slice(end + 1).filter((r) => numbered.test(r[labelCol] ?? ''))).map((r) => cents(r[labelCol + 1]));
    };
    equal(w, '本年收入合计 与各项收入之和', num(total, income, 1), sum(lines(0, income)), at(total, income, 1));
    equal(w, '本年支出合计 与各项支出之和', num(total, spend, 3), sum(lines(2, spend)), at(total, spend, 3));
    const after = (label: string, col: number) => num(total, rowOf(total, col, label), col + 1);
    equal(w, '收入总计 与 本年收入合计+使用非财政拨款结余+年初结转和结余', num(total, grand, 1), sum([num(total, income, 1), after('使用非财政拨款结余', 0), after('年初结转和结余', 0)]), at(total, grand, 1));
    equal(w, '支出总计 与 本年支出合计+结余分配+年末结转和结余', num(total, grand, 3), sum([num(total, spend, 3), after('结余分配', 2), after('年末结转和结余', 2)]), at(total, grand, 3));
    equal(w, '收入总计 与 支出总计', num(total, grand, 1), num(total, grand, 3), at(total, grand, 1));
  }

  // Tables by 功能分类 code: 类 = Σ款, 款 = Σ项, 合计 = Σ类, column by column; a row's first amount = the others' sum.
  const hierarchy = (tb: Table, rowSum: boolean | { total: string; parts: string[] }[]) => {
    const w = tb.名称;
    const { code, name, first, amounts } = layout(tb);
    const width = Math.max(...tb.行.map((r) => r.length));
    const coded = tb.行.map((r, i) => ({ code: code(r), i })).filter((x) => /^\d{3}(\d{2}){0,2}$/.test(x.code));
    if (coded.length === 0) return;
    // The 合计 row: its label in the first column, or in the name column on the 类|款|项 heading row.
    const totalRow = tb.行.findIndex((r) => (squash(r[0] ?? '') === '合计' || name(r) === '合计') && r.slice(first).some((x) => (cents(x) ?? 0) !== 0));
    identity = '款项层级';
    for (let c = amounts; c < width; c++) {
      if (!coded.some((x) => cents(tb.行[x.i]![c]) !== 0)) continue;
      for (const parent of coded) {
        const children = coded.filter((x) => x.code.length === parent.code.length + 2 && x.code.startsWith(parent.code));
        if (children.length === 0) continue;
        equal(w, `${parent.code} ${name(tb.行[parent.i]!)} 第 ${c + 1} 列 与其下各${parent.code.length === 3 ? '款' : '项'}之和`, num(tb, parent.i, c), sum(children.map((x) => num(tb, x.i, c))), at(tb, parent.i, c));
      }
      // In the 决算 fund tables the 合计 row doubles as the heading row of 本年支出 (合计 | 基本支出 | 项目支出): no total printed there.
      if (totalRow >= 0 && cents(tb.行[totalRow]![c]) !== undefined) equal(w, `合计 第 ${c + 1} 列 与各类之和`, num(tb, totalRow, c), sum(coded.filter((x) => x.code.length === 3).map((x) => num(tb, x.i, c))), at(tb, totalRow, c));
    }
    identity = '行内合计';
    const rowsSummed = [...coded.map((x) => x.i), ...(totalRow >= 0 ? [totalRow] : [])];
    // Columns named by their heading label (the first of the top rows that prints it).
    const column = (label: string) => tb.行.slice(0, 3).flatMap((r) => r.map((x, c) => (normalLabel(x) === normalLabel(label) ? c : -1))).find((c) => c >= 0) ?? -1;
    if (Array.isArray(rowSum))
      for (const { total, parts } of rowSum) {
        const [t, ps] = [column(total), parts.map(column)];
        for (const r of rowsSummed) {
          const label = r === totalRow ? '合计' : `${code(tb.行[r]!)} ${name(tb.行[r]!)}`;
          equal(w, `${label} ${total} 与 ${parts.join('+')}`, num(tb, r, t), sum(ps.map((c) => num(tb, r, c))), at(tb, r, t));
        }
      }
    else if (rowSum)
      for (const r of rowsSummed) {
        const label = r === totalRow ? '合计' : `${code(tb.行[r]!)} ${name(tb.行[r]!)}`;
        equal(w, `${label} 第 ${first + 1} 列 与其后各列之和`, num(tb, r, first), sum(tb.行[r]!.slice(first + 1).map((x) => cents(x))), at(tb, r, first));
      }
  };
  // The 决算 fund tables' columns are 结转 / 收入 / 支出 / 结转, which a row does not add up across.
  // Which tables add up across a row is the set's data: a kind's 行内合计, or a variant's rowSums (上海's 预算 fund tables).
  for (const role of ['收入表', '支出表', '财政拨款支出表', '一般公共预算支出表', '政府性基金表', '国有资本经营表'] as const) {
    const tb = roles[role];
    const entry = set?.tables.find((x) => x.role === role);
    if (tb && asserts(role, '款项层级')) hierarchy(tb, Array.isArray(entry?.rowSums) ? entry.rowSums : asserts(role, '行内合计') || entry?.rowSums === true);
  }

  // 收入支出决算总表's 支出 lines against the 支出决算表's 类 rows, by name.
  const spending = spendTable;
  if (total && spending && asserts('收支总表', '总表对支出表')) {
    identity = '总表对支出表';
    const l = layout(spending);
    total.行.forEach((r, i) => {
      if (!numbered.test(r[2] ?? '') || cents(r[3]) === 0) return;
      const name = squash(r[2]!).replace(numbered, '');
      const row = spending.行.findIndex((x) => /^\d{3}$/.test(l.code(x)) && l.name(x) === name);
      equal(`${total.名称}／${spending.名称}`, `${name}`, cents(r[3]), row < 0 ? 0 : num(spending, row, l.first), at(total, i, 3));
    });
  }

  if (grant) {
    const w = grant.名称;
    const [balance, threeColumns] = [asserts('财政拨款收支总表', '总表平衡'), asserts('财政拨款收支总表', '拨款三列')];
    const income = rowOf(grant, 0, '本年收入合计', '收入总计', '收入合计');
    const spend = rowOf(grant, 2, '本年支出合计', '支出总计', '支出合计');
    const grand = rowOf(grant, 0, '总计', '收入总计', '收入合计');
    // The 类 lines: numbered 一、二、…, or, where 一、本年支出 has （一）（二）… lines under it (重庆), those.
    const sub = /^（[一二三四五六七八九十]+）/;
    const classLine = grant.行.some((r) => sub.test(r[2] ?? '')) ? sub : numbered;
    identity = '总表平衡';
    if (balance) equal(w, '本年收入合计 与各项收入之和', num(grant, income, 1), sum(grant.行.slice(0, income).filter((r) => numbered.test(r[0] ?? '')).map((r) => cents(r[1]))), at(grant, income, 1));
    for (let c = 3; c <= 6 && balance; c++)
      equal(w, `本年支出合计 第 ${c + 1} 列 与各项支出之和`, num(grant, spend, c), sum(grant.行.slice(0, spend).filter((r) => numbered.test(r[2] ?? '')).map((r) => cents(r[c]))), at(grant, spend, c));
    identity = '拨款三列';
    grant.行.forEach((r, i) => {
      if (threeColumns && (numbered.test(r[2] ?? '') || i === spend || i === grand) && r[3] !== undefined)
        equal(w, `${squash(r[2] || r[0] || '')} 合计 与 一般公共预算+政府性基金+国有资本经营`, cents(r[3]), sum([cents(r[4]), cents(r[5]), cents(r[6])]), at(grant, i, 3));
    });
    identity = '总表平衡';
    if (balance) equal(w, '收入总计 与 本年收入合计+年初财政拨款结转和结余', num(grant, grand, 1), sum([num(grant, income, 1), num(grant, rowOf(grant, 0, '年初财政拨款结转和结余'), 1)]), at(grant, grand, 1));
    if (balance) equal(w, '支出总计 与 本年支出合计+年末财政拨款结转和结余', num(grant, grand, 3), sum([num(grant, spend, 3), num(grant, rowOf(grant, 2, '年末财政拨款结转和结余'), 3)]), at(grant, grand, 3));
    if (balance) equal(w, '收入总计 与 支出总计', num(grant, grand, 1), num(grant, grand, 3), at(grant, grand, 1));
    // Its 一般公共预算 column against the 一般公共预算 table: the total and each 类 by name.
    identity = '拨款三列';
    if (general && threeColumns) {
      const g = layout(general);
      const gTotal = general.行.findIndex((r) => squash(r[0] ?? '') === '合计');
      equal(`${w}／${general.名称}`, '一般公共预算财政拨款 本年支出合计 与 一般公共预算表合计', num(grant, spend, 4), num(general, gTotal, g.first), at(grant, spend, 4));
      grant.行.forEach((r, i) => {
        if (!classLine.test(r[2] ?? '') || cents(r[4]) === 0) return;
        const name = squash(r[2]!).replace(classLine, '');
        const row = general.行.findIndex((x) => /^\d{3}$/.test(g.code(x)) && g.name(x) === name);
        equal(`${w}／${general.名称}`, `${name} 的一般公共预算财政拨款`, cents(r[4]), row < 0 ? 0 : num(general, row, g.first), at(grant, i, 4));
      });
    }
    if (fund && threeColumns) {
      // An empty fund table prints no amount at all (its 合计 row holds only column headings): it says 0.
      // The fund table's 本年支出 合计 column: under the heading 本年支出, its first sub-column (合计 or 小计).
      const f = layout(fund);
      const heading = fund.行[0]!.findIndex((x) => squash(x) === '本年支出');
      const spendCol = heading >= 0 ? heading : f.first;
      const fTotal = fund.行.findIndex((r) => squash(r[0] ?? '') === '合计' && cents(r[spendCol]) !== undefined);
      const fundSpend = fTotal >= 0 ? num(fund, fTotal, spendCol) : sum(fund.行.filter((r) => /^\d{3}$/.test(f.code(r))).map((r) => cents(r[spendCol])));
      equal(`${w}／${fund.名称}`, '政府性基金预算财政拨款 本年支出合计 与 基金表本年支出合计', num(grant, spend, 5), fundSpend, at(grant, spend, 5));
    }
  }

  // 基本支出表 (two halves side by side): 类 = Σ款; 人员经费 = 301+303, 公用经费 = 302+310; and against the 一般公共预算表.
  identity = '基本支出构成';
  // The 预算 基本支出表 is one list with 合计 | 人员经费 | 公用经费 columns and a 合计 row.
  const basicColumns = basic?.行.some((r) => r.some((x) => squash(x) === '人员经费'));
  if (basic && basicColumns && asserts('基本支出表', '基本支出构成')) {
    const w = basic.名称;
    // Codes split in 类 | 款 columns (上海), or whole in one column with 7-digit 目 under some 款 (重庆).
    const split = basic.行.some((r) => squash(r[0] ?? '') === '类' && squash(r[1] ?? '') === '款');
    const a = split ? 3 : 2;
    const items = basic.行.map((r, i) => ({ code: squash(split ? `${r[0] ?? ''}${r[1] ?? ''}` : (r[0] ?? '')), name: squash(r[a - 1] ?? ''), i })).filter((x) => /^\d{3}(\d{2}){0,2}$/.test(x.code));
    const totalRow = rowOf(basic, 0, '合计');
    for (let c = a; c <= a + 2; c++) {
      for (const parent of items.filter((x) => x.code.length < 7)) {
        const children = items.filter((x) => x.code.length === parent.code.length + 2 && x.code.startsWith(parent.code));
        if (parent.code.length === 3 || children.length)
          equal(w, `${parent.code} ${parent.name} 第 ${c + 1} 列 与其下各${parent.code.length === 3 ? '款' : '目'}之和`, num(basic, parent.i, c), sum(children.map((x) => num(basic, x.i, c))), at(basic, parent.i, c));
      }
      equal(w, `合计 第 ${c + 1} 列 与各类之和`, num(basic, totalRow, c), sum(items.filter((x) => x.code.length === 3).map((x) => num(basic, x.i, c))), at(basic, totalRow, c));
    }
    for (const r of [...items.map((x) => x.i), totalRow]) equal(w, `${split ? `${squash(basic.行[r]![0] ?? '')}${squash(basic.行[r]![1] ?? '')}` : squash(basic.行[r]![0] ?? '')} 合计 与 人员经费+公用经费`, num(basic, r, a), sum([num(basic, r, a + 1), num(basic, r, a + 2)]), at(basic, r, a));
    if (general) {
      const gTotal = general.行.findIndex((r) => squash(r[0] ?? '') === '合计');
      equal(`${w}／${general.名称}`, '合计 与 一般公共预算表的基本支出合计', num(basic, totalRow, a), num(general, gTotal, layout(general).first + 1), at(basic, totalRow, a));
    }
  }
  if (basic && !basicColumns && asserts('基本支出表', '基本支出构成')) {
    const w = basic.名称;
    // Each half is code | name | amount, or 类 | 款 | name | amount when the code is split.
    const split = basic.行.some((r) => squash(r[0] ?? '') === '类' && squash(r[1] ?? '') === '款');
    const halves = split ? [0, 4] : [0, 3];
    const items = basic.行
      .flatMap((r, i) => halves.map((c) => (split ? { code: squash(`${r[c] ?? ''}${r[c + 1] ?? ''}`), name: squash(r[c + 2] ?? ''), value: cents(r[c + 3]), cell: at(basic, i, c + 3) } : { code: squash(r[c] ?? ''), name: squash(r[c + 1] ?? ''), value: cents(r[c + 2]), cell: at(basic, i, c + 2) })))
      .filter((x) => /^\d{3}(\d{2})?$/.test(x.code));
    const of = (code: string) => items.find((x) => x.code === code)?.value;
    for (const parent of items.filter((x) => x.code.length === 3))
      equal(w, `${parent.code} ${parent.name} 与其下各款之和`, parent.value, sum(items.filter((x) => x.code.length === 5 && x.code.startsWith(parent.code)).map((x) => x.value)), parent.cell);
    const summaryRow = rowOf(basic, 0, '人员经费合计');
    const summary = basic.行[summaryRow];
    const people = cents(summary?.[split ? 3 : 2]);
    const office = cents(summary?.[split ? 7 : 5]);
    equal(w, '人员经费合计 与 301+303', people, sum([of('301'), of('303')]), at(basic, summaryRow, split ? 3 : 2));
    equal(w, '公用经费合计 与 302+310', office, sum([of('302'), of('310')]), at(basic, summaryRow, split ? 7 : 5));
    if (general) {
      const gTotal = general.行.findIndex((r) => squash(r[0] ?? '') === '合计');
      equal(`${w}／${general.名称}`, '人员经费合计+公用经费合计 与 一般公共预算表的基本支出合计', sum([people, office]), num(general, gTotal, layout(general).first + 1));
    }
  }

  // "三公" table: 合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行, read by its headings (threePublicTable).
  const { head: threeHead, paired, cols: threeCols, value: threeValue, row: threeRow } = threePublicTable(three);
  // Side by side blocks of the same headings, one per year (重庆: “2025年预算数 | 2026年预算数”): each adds up,
  // and the 说明 speaks of this year's (its offset from the first block; 0 where there is one block).
  const threeHeading = three?.行.find((r) => r.some((x) => squash(x) === '合计')) ?? [];
  const blocks = threeHeading.flatMap((x, c) => (squash(x) === '合计' ? [c] : []));
  const sideBySide = three && !paired && blocks.length > 1 ? blocks.map((c) => [c - blocks[0]!, squash(three.行[0]![c] ?? '')] as [number, string]) : undefined;
  const thisYearsBlock = sideBySide?.find(([, label]) => label === `${t.年度}年预算数`)?.[0] ?? 0;
  if (three && asserts('三公经费表', '三公构成')) {
    identity = '三公构成';
    for (const [k, label] of (sideBySide ?? (paired ? [[0, '预算数'], [1, '决算数']] : [[0, '预算数']])) as [number, string][]) {
      const v = (name: keyof typeof threeCols) => threeValue(threeCols[name], k);
      const cell = (name: keyof typeof threeCols) => (threeCols[name] >= 0 ? at(three, threeRow, threeCols[name] + k) : undefined);
      equal(three.名称, `${label} 合计 与 出国+公务用车+接待`, v('total'), sum([v('abroad'), v('car'), v('host')]), cell('total'));
      equal(three.名称, `${label} 公务用车小计 与 购置+运行`, v('car'), sum([v('buy'), v('run')]), cell('car'));
    }
  }

  // The 说明's figures against the tables (万元, as the 说明 prints them) and its own percentages. Each
  // sentence is found by its name in the wording data (src/schema/budget-wording.ts), in any family's words;
  // a sentence no family's words find is a notice (未能核对), not a difference.
  identity = '说明对表';
  const prose = flatNote(text);
  const note = noteReader(prose, t.地区, t.年度);
  const notice = (key: NoteSentence, why?: string) => {
    const { text: line, words } = note.missing(key, why);
    found.push({ text: line, identity, notice: true, words });
  };
  /** A sentence the check needs: its slots, or a notice that it could not be read. */
  const need = (key: NoteSentence, why?: string) => {
    const m = note.find(key);
    if (!m) notice(key, why);
    return m?.slots;
  };
  const wan = (s: string) => Math.round(Number(s.replace(/[,，]/g, '')) * 100);
  const share = (part: number, whole: number) => ((part / whole) * 100).toFixed(2);
  /** A printed percentage against the computed one, at the precision printed (“98%” is right for 97.64%). */
  const pctDiffers = (printed: string, computed: string) => {
    const places = printed.split('.')[1]?.length ?? 0;
    return Number(computed).toFixed(places) !== Number(printed).toFixed(places);
  };
  const subject = (k: string, s: string, i: string) => `${k}（类）${s}（款）${i}（项）`;
  const notInTables = (where: string, k: string, s: string, i: string) => out.push(`${where}：“${subject(k, s, i)}”在一般公共预算表和政府性基金表里都找不到（按类、款、项的名称找），说明里的名称与表上的科目名称不同`);
  /** A signed stated change (增加 +, 减少 −) in hundredths of 万元. */
  const signedChange = (direction: string | undefined, amount: string | undefined) => (direction === '减少' ? -1 : 1) * wan(amount ?? '0');
  /** The column of a heading in a table's top rows (-1 when it prints none). */
  const headed = (tb: Table, ...labels: string[]) => tb.行.slice(0, 3).map((r) => r.findIndex((x) => labels.includes(squash(x)))).find((c) => c >= 0) ?? -1;
  /** 政府采购 as the 说明 states it (预算 or 决算, by contract): its 货物, 工程 and 服务 add up to its total. */
  const procurementParts = (m: Record<string, string>, what: string) => {
    const parts = wan(m.货物!) + wan(m.工程!) + wan(m.服务!);
    if (wan(m.总额!) !== parts) out.push(`说明：${what} ${m.总额} 万元，货物、工程、服务所列之和为 ${money(parts)} 万元`);
  };
  if (final && total && spendTable) {
    const grand = total.行.findIndex((r) => squash(r[0] ?? '') === '总计');
    const m = need('决算收支总计');
    if (m) equal('说明 一', `收入支出总计 ${m.总计} 万元 与 收入支出决算总表总计`, wan(m.总计!), inWan(total, num(total, grand, 1)));
    const s = need('决算支出构成');
    const st = spendTable.行.findIndex((r) => squash(r[0] ?? '') === '合计' || squash(r[3] ?? '') === '合计');
    const sf = layout(spendTable).first;
    if (s) {
      equal('说明 三', `本年支出合计 ${s.合计} 万元 与 支出决算表合计`, wan(s.合计!), inWan(spendTable, num(spendTable, st, sf)));
      equal('说明 三', `基本支出 ${s.基本} 万元 与 支出决算表合计的基本支出`, wan(s.基本!), inWan(spendTable, num(spendTable, st, sf + 1)));
      equal('说明 三', `项目支出 ${s.项目} 万元 与 支出决算表合计的项目支出`, wan(s.项目!), inWan(spendTable, num(spendTable, st, sf + 2)));
      const whole = wan(s.合计!);
      if (pctDiffers(s.基本占比!, share(wan(s.基本!), whole))) out.push(`说明 三：基本支出占 ${s.基本占比}%，按所列金额为 ${share(wan(s.基本!), whole)}%`);
      if (pctDiffers(s.项目占比!, share(wan(s.项目!), whole))) out.push(`说明 三：项目支出占 ${s.项目占比}%，按所列金额为 ${share(wan(s.项目!), whole)}%`);
    }
  }
  if (final && incomeTable) {
    const it = incomeTable.行.findIndex((r) => squash(r[0] ?? '') === '合计' || squash(r[3] ?? '') === '合计');
    const inf = layout(incomeTable).first;
    const m = need('决算收入构成');
    if (m) {
      equal('说明 二', `本年收入合计 ${m.合计} 万元 与 收入决算表合计`, wan(m.合计!), inWan(incomeTable, num(incomeTable, it, inf)));
      equal('说明 二', `财政拨款收入 ${m.财政拨款} 万元 与 收入决算表合计的财政拨款收入`, wan(m.财政拨款!), inWan(incomeTable, num(incomeTable, it, inf + 1)));
      if (pctDiffers(m.占比!, share(wan(m.财政拨款!), wan(m.合计!)))) out.push(`说明 二：财政拨款收入占 ${m.占比}%，按所列金额为 ${share(wan(m.财政拨款!), wan(m.合计!))}%`);
    }
  }
  const threeTotals = [threeValue(threeCols.total, 0), threeValue(threeCols.total, 1)];
  if (final && three && threeTotals.some((x) => (x ?? 0) !== 0)) {
    const m = need('决算三公', '“三公”表有数，说明应写出年初预算和支出决算');
    if (m) {
      equal('说明 七', `“三公”经费年初预算 ${m.预算} 万元 与 “三公”表合计预算数`, wan(m.预算!), inWan(three, threeTotals[0]));
      equal('说明 七', `“三公”经费支出决算 ${m.决算} 万元 与 “三公”表合计决算数`, wan(m.决算!), inWan(three, threeTotals[1]));
    }
  }
  if (final && grant) {
    const grand = grant.行.findIndex((r) => squash(r[0] ?? '') === '总计');
    const m = need('决算拨款总计');
    if (m) equal('说明 四', `财政拨款收入支出总计 ${m.总计} 万元 与 财政拨款收入支出决算总表总计`, wan(m.总计!), inWan(grant, num(grant, grand, 1)));
  }
  if (final && general) {
    const gl = layout(general);
    const gTotal = general.行.findIndex((r) => squash(r[0] ?? '') === '合计');
    const structure = note.find('决算结构')?.slots.段 ?? '';
    const kinds = note.all('决算按类', structure);
    if (kinds.length === 0) notice('决算按类');
    for (const { slots: m } of kinds) {
      const g = general.行.findIndex((x) => /^\d{3}$/.test(gl.code(x)) && gl.name(x) === m.类);
      equal('说明 五（二）', `${m.类}（类）${m.金额} 万元 与 一般公共预算表`, wan(m.金额!), g < 0 ? undefined : inWan(general, num(general, g, gl.first)));
      const computed = share(wan(m.金额!), inWan(general, num(general, gTotal, gl.first))!);
      if (pctDiffers(m.占比!, computed)) out.push(`说明 五（二）：${m.类}（类）占 ${m.占比}%，按表为 ${computed}%`);
    }
    // Each 年初预算/全年预算 → 支出决算 → 完成 …% sentence: the rate must follow from the two amounts.
    for (const { slots: m, text: sentence } of note.all('决算完成率')) {
      const base = wan((m.年初 !== undefined ? (m.比 === '年初' ? m.年初 : m.全年) : m.预算)!);
      const rate = base === 0 ? '—' : share(wan(m.决算!), base);
      if (rate === '—' || pctDiffers(m.完成率!, rate)) out.push(`说明 五（三）：“${sentence}”，按所列金额完成率为 ${rate === '—' ? '无法计算（预算为 0）' : `${rate}%`}`);
    }
  }
  // “类（类）款（款）项（项）X 万元” in the 决算 说明: X against the 一般公共预算 table, else the 政府性基金 table.
  if (final) {
    for (const { slots: m } of note.all('决算项')) {
      const it = itemAmount(m.类!, m.款!, m.项!);
      if (it === undefined) notInTables('说明', m.类!, m.款!, m.项!);
      else equal('说明', `${subject(m.类!, m.款!, m.项!)}${m.金额} 万元 与表`, wan(m.金额!), inWan(it.tb, it.c));
    }
    const signed = (m: Record<string, string> | undefined) => (m ? (m.方向 === '减少' ? -1 : 1) * wan(m.金额!) : 0);
    const whole = note.find('三公比上年')?.slots;
    if (whole) {
      const parts = (['三公出国比上年', '三公用车比上年', '三公接待比上年'] as const).map((key) => signed(note.find(key)?.slots));
      if (signed(whole) !== sum(parts)) out.push(`说明 七：“三公”经费比上年变动 ${money(signed(whole))} 万元，各项所列变动之和为 ${money(sum(parts))} 万元`);
    }
  }
  if (final && basic) {
    const summary = basic.行.find((r) => squash(r[0] ?? '') === '人员经费合计');
    const m = need('决算基本支出');
    if (m) {
      const split = basic.行.some((r) => squash(r[0] ?? '') === '类' && squash(r[1] ?? '') === '款');
      equal('说明 六', `人员经费 ${m.人员} 万元 与 基本支出表人员经费合计`, wan(m.人员!), inWan(basic, cents(summary?.[split ? 3 : 2])));
      equal('说明 六', `公用经费 ${m.公用} 万元 与 基本支出表公用经费合计`, wan(m.公用!), inWan(basic, cents(summary?.[split ? 7 : 5])));
      equal('说明 六', `基本支出 ${m.基本} 万元 与 人员经费+公用经费`, wan(m.基本!), wan(m.人员!) + wan(m.公用!));
      if (general) equal('说明 六', `一般公共预算财政拨款基本支出 ${m.基本} 万元 与 一般公共预算表的基本支出合计`, wan(m.基本!), inWan(general, num(general, general.行.findIndex((r) => squash(r[0] ?? '') === '合计'), layout(general).first + 1)));
    }
  }

  // 上海's 决算 sets print no 政府采购 table: the stated parts are checked against the stated total only.
  const boughtByContract = final ? note.find('决算政府采购')?.slots : undefined;
  if (boughtByContract) procurementParts(boughtByContract, '政府采购金额');

  // A 部门预算's 说明 (上海: “部门预算编制说明” and “其他相关情况说明”; 重庆, 苏州: numbered 情况说明) states 万元
  // figures, rounded from the tables' 元 where the tables print 元.
  if (!final) {
    /** A printed 万元 figure against a table amount in the table's unit, at the precision the 说明 prints. */
    const agrees = (where: string, what: string, printed: string, tb: Table, tableCents: number | undefined) => {
      const shown = printed.replace(/[,，]/g, '');
      const places = shown.split('.')[1]?.length ?? 0;
      const expected = wanOf(tb, tableCents).toFixed(places);
      if (Number(shown).toFixed(places) !== expected) out.push(`${where}：${what} ${printed} 万元，表上为 ${wanOf(tb, tableCents).toFixed(2)} 万元（按所印位数应为 ${expected}）`);
    };
    if (total) {
      const income = need('预算收入');
      if (income) {
        // 重庆 prints its total above the lines as “合计”; 重庆 and 苏州 print no “财政拨款收入” line, only its three parts.
        const grantIncome = rowOf(total, 0, '一、财政拨款收入');
        const parts = total.行.filter((r) => /^[一二三]、(一般公共预算|政府性基金预算|国有资本经营预算)/.test(squash(r[0] ?? ''))).map((r) => cents(r[1]));
        agrees('编制说明', '收入预算', income.收入!, total, num(total, rowOf(total, 0, '收入总计', '合计'), 1));
        agrees('编制说明', '财政拨款收入', income.财政拨款!, total, grantIncome >= 0 ? num(total, grantIncome, 1) : sum(parts));
      }
      const spend = need('预算支出');
      if (spend) agrees('编制说明', '支出预算', spend.支出!, total, num(total, rowOf(total, 2, '支出总计', '合计'), 3));
    }
    if (grant) {
      // The three parts as the 财政拨款 总表 prints them (一般公共预算 | 政府性基金 | 国有资本经营 columns, 支出总计
      // or 重庆's 支出合计 row); where it prints one 预算数 column (苏州 skips 拨款三列), each part's own table's 合计.
      const spend = rowOf(grant, 2, '支出总计', '支出合计');
      const threeColumns = assertsIn(set, '财政拨款收支总表', '拨款三列');
      const ownTotal = (tb: Table | undefined) => {
        if (!tb) return undefined;
        const l = layout(tb);
        const row = tb.行.findIndex((r) => squash(r[0] ?? '') === '合计' || l.name(r) === '合计');
        return { tb, c: row < 0 ? undefined : num(tb, row, l.first) };
      };
      const parts = [
        ['预算一般公共', '一般公共预算拨款支出预算', 4, general],
        ['预算基金', '政府性基金拨款支出预算', 5, fund],
        ['预算国资', '国有资本经营预算拨款支出预算', 6, roles.国有资本经营表],
      ] as const;
      for (const [key, what, col, own] of parts) {
        const m = need(key);
        const figure = threeColumns ? { tb: grant, c: num(grant, spend, col) } : ownTotal(own);
        if (m && figure) agrees('编制说明', what, m.金额!, figure.tb, figure.c);
      }
    }
    // The stated change of 财政拨款支出 against last year = the changes stated for its three parts.
    const change = (key: NoteSentence) => {
      const m = note.find(key)?.slots;
      return m ? (m.方向 === '减少' ? -1 : 1) * wan(m.变动!) : undefined;
    };
    const whole = change('预算拨款比上年');
    const parts = (['预算一般公共比上年', '预算基金比上年', '预算国资比上年'] as const).map(change);
    if (whole !== undefined && parts.every((x) => x !== undefined) && whole !== sum(parts))
      // With the sentence's words, so that validate points at its line of the 说明.
      found.push({ text: `编制说明：财政拨款支出预算比上年变动 ${money(whole)} 万元，三部分所列变动之和为 ${money(sum(parts))} 万元`, identity, words: note.find('预算拨款比上年')!.text });
    // Each listed 项 against the 一般公共预算 or 政府性基金 table, found by its 类, 款 and 项 names; and their sum.
    let listedSum = 0;
    const listed = note.all('预算项');
    for (const { slots: m } of listed) {
      const it = itemAmount(m.类!, m.款!, m.项!);
      if (it === undefined) notInTables('编制说明', m.类!, m.款!, m.项!);
      else agrees('编制说明', subject(m.类!, m.款!, m.项!), m.金额!, it.tb, it.c);
      listedSum += wan(m.金额!);
    }
    // A 说明 that lists no 项 (重庆) states no sum to compare.
    if (grant && listed.length > 0) {
      const grantTotal = wanOf(grant, num(grant, rowOf(grant, 2, '支出总计', '支出合计'), 3));
      if (listedSum / 100 !== Number(grantTotal.toFixed(2))) out.push(`编制说明：所列各项之和 ${(listedSum / 100).toFixed(2)} 万元，财政拨款支出预算 ${grantTotal.toFixed(2)} 万元`);
    }
    if (three) {
      const v = (name: keyof typeof threeCols) => threeValue(threeCols[name], thisYearsBlock);
      const same = (what: string, printed: string, tb: Table, c: number | undefined) => {
        const shown = wanOf(tb, c).toFixed(2);
        if (Number(printed.replace(/[,，]/g, '')).toFixed(2) !== shown) out.push(`其他相关情况说明：${what} ${printed} 万元，${tb === three ? '“三公”表' : tb.名称}为 ${shown} 万元`);
      };
      const items = [
        ['预算三公', '“三公”经费预算数', v('total')],
        ['预算出国', '因公出国（境）费', v('abroad')],
        ['预算用车', '公务用车购置及运行费', v('car')],
        ['预算购车', '公务用车购置费', v('buy')],
        ['预算用车运行', '公务用车运行费', v('run')],
        ['预算接待', '公务接待费', v('host')],
      ] as const;
      for (const [key, what, value] of items) {
        const m = need(key);
        if (m) same(what, m.金额!, three, value);
      }
      // 机关运行经费: a column of the "三公" table (上海), else its own table's 合计 (苏州); where no table prints it
      // (重庆) there is nothing to compare — it is not the 公用经费, which covers units it leaves out.
      const running = threeHead((x) => x.startsWith('机关运行经费'));
      const runningTable = roles.机关运行经费表;
      const runningTotal = runningTable?.行.findIndex((r) => squash(r[0] ?? '') === '合计') ?? -1;
      const figure = running >= 0 ? { tb: three, c: threeValue(running, thisYearsBlock) } : runningTable && runningTotal >= 0 ? { tb: runningTable, c: num(runningTable, runningTotal, 2) } : undefined;
      if (figure) {
        const m = need('预算机关运行');
        if (m) same('机关运行经费预算', m.金额!, figure.tb, figure.c);
      }
      // 会议费 and 培训费 where the "三公" table prints them (苏州); a figure only the 说明 states cannot be checked.
      for (const [key, label] of [['预算会议费', '会议费'], ['预算培训费', '培训费']] as const) {
        const col = threeHead((x) => x === label);
        if (col < 0) continue;
        const m = need(key);
        if (m) same(`${label}预算`, m.金额!, three, threeValue(col, thisYearsBlock));
      }
    }
    // 支出 by 功能分类 类 as the 说明 lists them (重庆, 苏州: the whole 支出预算, every fund), against the 支出表's 类 rows.
    const byKind = note.find('预算按类段')?.slots.段;
    if (byKind !== undefined && spendTable) {
      const l = layout(spendTable);
      for (const { slots: m } of note.all('预算按类', byKind)) {
        const row = spendTable.行.find((r) => /^\d{3}$/.test(l.code(r)) && l.name(r) === m.类);
        if (!row) out.push(`说明：“${m.类}（类）”在${spendTable.名称}里找不到（按类的名称找），说明里的名称与表上的科目名称不同`);
        else agrees('说明', `${m.类}（类）支出预算`, m.金额!, spendTable, cents(row[l.first]));
      }
    }
    // 支出's change against last year = the changes stated for 基本支出 and 项目支出 (重庆).
    const spendChange = note.find('预算支出比上年');
    if (spendChange) {
      const m = spendChange.slots;
      const parts = signedChange(m.基本方向, m.基本变动) + signedChange(m.项目方向, m.项目变动);
      if (signedChange(m.方向, m.变动) !== parts) found.push({ text: `说明：支出预算比上年变动 ${money(signedChange(m.方向, m.变动))} 万元，基本支出、项目支出所列变动之和为 ${money(parts)} 万元`, identity, words: spendChange.text });
    }
    if (general) {
      const gl = layout(general);
      const gRow = general.行.findIndex((r) => squash(r[0] ?? '') === '合计' || gl.name(r) === '合计');
      // The 一般公共预算's 基本支出 and 项目支出 against the table, and their stated changes against the stated change of the whole (重庆).
      const split = note.find('预算一般公共构成');
      if (split) {
        const m = split.slots;
        agrees('说明', '一般公共预算财政拨款基本支出', m.基本!, general, num(general, gRow, gl.first + 1));
        const project = headed(general, '项目支出');
        if (project >= 0) agrees('说明', '一般公共预算财政拨款项目支出', m.项目!, general, num(general, gRow, project));
        const whole = change('预算一般公共比上年');
        const parts = signedChange(m.基本方向, m.基本变动) + signedChange(m.项目方向, m.项目变动);
        if (whole !== undefined && whole !== parts) found.push({ text: `说明：一般公共预算财政拨款支出比上年变动 ${money(whole)} 万元，基本支出、项目支出所列变动之和为 ${money(parts)} 万元`, identity, words: split.text });
      }
      // A table that prints last year's budget beside this year's (重庆): the stated change is their difference.
      const stated = change('预算一般公共比上年');
      if (gl.first > gl.amounts && stated !== undefined && gRow >= 0) {
        const difference = Math.round((wanOf(general, num(general, gRow, gl.first)) - wanOf(general, num(general, gRow, gl.first - 1))) * 100);
        if (difference !== stated) out.push(`说明：一般公共预算财政拨款支出比上年变动 ${money(stated)} 万元，${general.名称}两年的合计相差 ${money(difference)} 万元`);
      }
    }
    // 人员经费 and 公用经费 of the 基本支出 (苏州 states both the 财政拨款's and the 一般公共预算's), against each table's 合计 row.
    for (const [key, role] of [['预算拨款基本支出', '财政拨款基本支出表'], ['预算基本支出', '基本支出表']] as const) {
      const m = note.find(key)?.slots;
      const tb = roles[role];
      if (!m || !tb) continue;
      const row = rowOf(tb, 0, '合计');
      for (const [what, printed, labels] of [['基本支出', m.基本!, ['合计', '总计']], ['人员经费', m.人员!, ['人员经费']], ['公用经费', m.公用!, ['公用经费']]] as const) {
        const col = headed(tb, ...labels);
        if (col >= 0 && row >= 0) agrees('说明', `${tb.名称}的${what}`, printed, tb, num(tb, row, col));
      }
    }
    // 政府采购: its parts add up; where the set has a 政府采购 table (重庆, 苏州), each against the table's 总计 column.
    const procurement = roles.政府采购表;
    const bought = procurement ? need('预算政府采购') : note.find('预算政府采购')?.slots;
    if (bought) {
      procurementParts(bought, '政府采购预算');
      const col = procurement ? headed(procurement, '总计') : -1;
      if (procurement && col >= 0) {
        // 重庆 labels its rows “A | 货物”, 苏州 “货物”; a kind it does not buy has no row (0).
        const line = (label: string) => cents(procurement.行.find((r) => squash(r[0] ?? '') === label || squash(r[1] ?? '') === label)?.[col]);
        for (const [what, printed, label] of [['政府采购预算总额', bought.总额!, '合计'], ['政府采购货物预算', bought.货物!, '货物'], ['政府采购工程预算', bought.工程!, '工程'], ['政府采购服务预算', bought.服务!, '服务']] as const)
          agrees('说明', what, printed, procurement, line(label));
      }
    }
  }
  // Every stated change against last year gives its reason (the wording of both is data: CHANGE_WORDING).
  for (const words of changesWithoutReason(prose))
    found.push({ text: `说明：“${words}”说了比上年的增减，这一句和下一句都没有写原因（如“主要原因是……”）`, identity: '增减有原因', words });
  // 科目 codes and names: one code, one name in every 功能分类 table of the document (there is no
  // authoritative code table offline; see README — so the document is checked against itself).
  identity = '科目一致';
  const named = new Map<string, { name: string; table: string }>();
  for (const { code, name, table, row } of subjectsOf(t)) {
    const tb = t.表格[table]!;
    const seen = named.get(code);
    if (!seen) named.set(code, { name, table: tb.名称 });
    else if (seen.name !== name) out.push(`${tb.名称}：科目 ${code} 名为“${name}”，${seen.table} 名为“${seen.name}”`, at(tb, row, 0));
  }
  return found;
}

/**
 * One unit over two years: what a 部门预算's 说明 says of last year's budget against that year's 部门决算 (its 说明's
 * 年初预算 of the 一般公共预算 and its "三公" table's 预算数). Returns the comparisons made and the differences found.
 */
export function lastYearDifferences(budget: BudgetDocument, budgetText: string, final: BudgetDocument, finalText: string) {
  const b = noteReader(flatNote(budgetText), budget.地区, budget.年度);
  const f = noteReader(flatNote(finalText), final.地区, final.年度);
  const wan = (s: string) => Math.round(Number(s.replace(/[,，]/g, '')) * 100);
  const out: string[] = [];
  let compared = 0;
  const y = final.年度;
  // “一般公共预算拨款支出预算 X 万元，比 Y 年预算增加/减少 Z 万元” → last year's budget X ∓ Z.
  const general = b.find('预算一般公共比上年')?.slots;
  const opening = f.find('决算年初预算')?.slots;
  if (general && opening) {
    compared++;
    const then = wan(general.金额!) - (general.方向 === '减少' ? -1 : 1) * wan(general.变动!);
    if (then !== wan(opening.预算!)) out.push(`${budget.年度}年预算说明推出的${y}年一般公共预算 ${(then / 100).toFixed(2)} 万元，${y}年决算说明的年初预算 ${opening.预算} 万元`);
  }
  // “‘三公’经费预算数为 X 万元，与 Y 年预算持平 / 比 Y 年预算增加 Z 万元” against last year's "三公" table's 预算数 合计.
  const three = b.find('预算三公比上年')?.slots;
  const table = final.表格.find((t) => t.名称.includes('三公'));
  const figures = table?.行[table.行.findIndex((r) => r[0] === '预算数') + 1];
  if (three && figures) {
    compared++;
    const then = wan(three.金额!) - (three.方向 ? (three.方向 === '减少' ? -1 : 1) * wan(three.变动!) : 0);
    if (then !== wan(figures[0] ?? '0')) out.push(`${budget.年度}年预算说明推出的${y}年“三公”预算 ${(then / 100).toFixed(2)} 万元，${y}年决算“三公”表预算数 ${figures[0]} 万元`);
  }
  return { compared, out };
}
