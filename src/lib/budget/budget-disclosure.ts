// The 公开情况 of a county year (issue 22 item 6): per unit, each thing the law and the province's set
// require of its 部门预算 and 部门决算 — every table of the set (present, missing, or empty with a note
// naming the right fund), the 情况说明, every identity its tables assert and the 说明's figures (what the
// checker finds, and what the file records as 原表如此), and the days from 批复 to first publication
// against the 20-day rule — each row with the rule it applies. `npm run check:disclosure` prints it and
// writes its CSV; the 公开情况 page shows the same rows.
import { BUDGET_IDENTITIES, BUDGET_TABLE_KINDS, budgetSetFor, titleMatches, type BudgetIdentity } from '../../schema/budget-tables.ts';
import { budgetDifferences, lastYearDifferences, type BudgetDifference } from './budget-check.ts';
import { isEmptyTable, type BudgetFile } from './budget-validate.ts';

/** The rules each row cites. */
export const DISCLOSURE_RULES = {
  公开时限:
    '《中华人民共和国预算法》第十四条、《中华人民共和国预算法实施条例》第六条：经本级政府财政部门批复的部门预算、决算及报表，应当在批复后二十日内由各部门向社会公开',
  报表: '《中华人民共和国预算法》第十四条：经本级政府财政部门批复的部门预算、决算及报表，应当由各部门向社会公开',
  说明: '《中华人民共和国预算法》第十四条：部门预算、决算公开时，对机关运行经费的安排、使用情况等重要事项作出说明',
  空表: '财预〔2016〕143号《地方预决算公开操作规程》：没有数的表也要公开，并在表下说明为什么没有数',
} as const;

/** Days allowed from 批复 to 公开 (预算法 第十四条). */
export const DISCLOSURE_DAYS = 20;

export type DisclosureResult = '符合' | '已公开' | '缺少' | '空表，有说明' | '空表，说明不当' | '空表，无说明' | '不符' | '原表如此' | '未能核对' | '逾期' | '无法计算' | '尚未公开';

export interface DisclosureRow {
  年度: number;
  单位: string;
  /** The unit folder (content/<year>/<unit>/). */
  单位文件夹: string;
  种类: '部门预算' | '部门决算';
  /** What is checked: a table's title, 情况说明, an identity's name, 公开时限. */
  项目: string;
  结果: DisclosureResult;
  /** Whether it meets the rule: false fails `npm run check:disclosure`. */
  通过: boolean;
  /** What was found, in sentences (each difference, the dates). */
  情况: string;
  依据: string;
}

/** Whole days from one date (YYYY-MM-DD) to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface DisclosureOptions {
  /** The day a file was first published (YYYY-MM-DD, China time), from the git history; undefined when not committed. */
  firstPublished: (file: string) => string | undefined;
  /** Today (YYYY-MM-DD): a file not yet published past its deadline is late. Absent on pages (their output cannot depend on the day they are built). */
  today?: string;
}

/** The rows of every budget file given, unit by unit (files ordered by year, unit folder, 种类). */
/** What the report reads of a budget file (the validator's BudgetFile has it, and so has the site's reading). */
export type DisclosureFile = Pick<BudgetFile, 'file' | 'noteFile' | 'noteText' | 'data' | 'unit'>;

export function disclosureRows(files: readonly DisclosureFile[], options: DisclosureOptions): DisclosureRow[] {
  const sorted = [...files].sort((a, b) => a.data.年度 - b.data.年度 || a.unit.localeCompare(b.unit) || a.data.种类.localeCompare(b.data.种类));
  return sorted.flatMap((f) => fileRows(f, files, options));
}

function fileRows(f: DisclosureFile, files: readonly DisclosureFile[], options: DisclosureOptions): DisclosureRow[] {
  const doc = f.data;
  const base = { 年度: doc.年度, 单位: doc.单位, 单位文件夹: f.unit, 种类: doc.种类 };
  const rows: DisclosureRow[] = [];
  const row = (项目: string, 结果: DisclosureResult, 通过: boolean, 情况: string, 依据: string) => rows.push({ ...base, 项目, 结果, 通过, 情况, 依据 });

  // Each table of the set.
  const set = budgetSetFor(doc);
  // The law requires the 报表; which tables they are is the set's (named, its provenance in budget-tables.ts).
  const ruleOfSet = set ? `${DISCLOSURE_RULES.报表}；应公开的表按“${set.name}”表套` : DISCLOSURE_RULES.报表;
  if (!set) row('表套', '无法计算', false, `没有适用于“${doc.地区}”的${doc.种类}表套，请在“表套”写明`, '');
  for (const entry of set?.tables ?? []) {
    const title = entry.title.replace('{年度}', String(doc.年度));
    const table = doc.表格.find((t) => titleMatches(entry, t.名称));
    if (!table) {
      if (entry.required) row(title, '缺少', false, '没有这张表', ruleOfSet);
      continue;
    }
    if (!isEmptyTable(table)) {
      row(title, '已公开', true, '', ruleOfSet);
      continue;
    }
    const notes = (table.后文 ?? []).join(' ').trim();
    const fund = BUDGET_TABLE_KINDS[entry.role].fund;
    if (notes === '') row(title, '空表，无说明', false, '表中没有数，表下没有说明', DISCLOSURE_RULES.空表);
    else if (fund && !notes.includes(fund)) row(title, '空表，说明不当', false, `表下的说明没有提到${fund}：“${notes}”`, DISCLOSURE_RULES.空表);
    else row(title, '空表，有说明', true, notes, DISCLOSURE_RULES.空表);
  }
  row('情况说明', f.noteText.trim() === '' ? '缺少' : '已公开', f.noteText.trim() !== '', f.noteText.trim() === '' ? `没有 ${f.noteFile}` : '', DISCLOSURE_RULES.说明);

  // Every identity its tables assert, and the 说明 against the tables (and last year's 决算 for a 预算).
  const lastFinal = files.find((g) => g.unit === f.unit && g.data.种类 === '部门决算' && g.data.年度 === doc.年度 - 1);
  const found: BudgetDifference[] = [
    ...budgetDifferences(doc, f.noteText),
    ...(doc.种类 === '部门预算' && lastFinal ? lastYearDifferences(doc, f.noteText, lastFinal.data, lastFinal.noteText).out.map((text) => ({ text, identity: '说明对表' as const })) : []),
  ];
  const present = (set?.tables ?? []).filter((e) => doc.表格.some((t) => titleMatches(e, t.名称)));
  const identities = new Set<BudgetIdentity>([...present.flatMap((e) => [...BUDGET_TABLE_KINDS[e.role].identities.filter((i) => !e.skips?.includes(i)), ...(e.rowSums ? (['行内合计'] as const) : [])]), '说明对表', '增减有原因']);
  const recorded = doc.原表如此 ?? [];
  for (const identity of Object.keys(BUDGET_IDENTITIES) as BudgetIdentity[]) {
    if (!identities.has(identity)) continue;
    const mine = found.filter((d) => !d.notice && (d.identity ?? '说明对表') === identity);
    const open = mine.filter((d) => !recorded.some((r) => r.差异 === d.text));
    const kept = mine.filter((d) => recorded.some((r) => r.差异 === d.text));
    const rule = identity === '说明对表' || identity === '增减有原因' ? `${DISCLOSURE_RULES.说明}；${BUDGET_IDENTITIES[identity]}` : BUDGET_IDENTITIES[identity];
    const said = [...open.map((d) => d.text), ...kept.map((d) => `${d.text}（原表如此：${recorded.find((r) => r.差异 === d.text)!.原表如此}）`)].join('；');
    row(identity, open.length ? '不符' : kept.length ? '原表如此' : '符合', open.length === 0, said, rule);
    // Sentences no known wording reads: listed, not failed (a 说明 in another province's words is not wrong).
    const unread = found.filter((d) => d.notice && (d.identity ?? '说明对表') === identity);
    if (unread.length) row(identity, '未能核对', true, unread.map((d) => d.text).join('；'), rule);
  }

  // The days from 批复 to first publication.
  const published = doc.公开日期 ?? options.firstPublished(f.file);
  const how = doc.公开日期 ? '公开日期（文件所记）' : '首次发布（git 记录）';
  if (!doc.批复日期) row('公开时限', '无法计算', false, `文件没有写批复日期，无法核对是否在批复后 ${DISCLOSURE_DAYS} 日内公开：请照批复文件填写“批复日期”${published ? `；${how} ${published}` : ''}`, DISCLOSURE_RULES.公开时限);
  else if (!published) {
    const late = options.today !== undefined && daysBetween(doc.批复日期, options.today) > DISCLOSURE_DAYS;
    row('公开时限', late ? '逾期' : '尚未公开', !late, `批复日期 ${doc.批复日期}，尚未发布（文件没有提交到 git，也没有写公开日期）${late ? `，至今已 ${daysBetween(doc.批复日期, options.today!)} 日` : ''}`, DISCLOSURE_RULES.公开时限);
  } else {
    const days = daysBetween(doc.批复日期, published);
    const late = days > DISCLOSURE_DAYS;
    const early = days < 0;
    row('公开时限', late ? '逾期' : early ? '无法计算' : '符合', !late && !early, `批复日期 ${doc.批复日期}，${how} ${published}，相隔 ${days} 日${early ? '：公开早于批复，请核对两个日期' : late ? `，超过 ${DISCLOSURE_DAYS} 日` : ''}`, DISCLOSURE_RULES.公开时限);
  }
  return rows;
}

/** The report's columns, in the order the CSV and the page print them. */
export const DISCLOSURE_COLUMNS = ['年度', '单位', '种类', '项目', '结果', '情况', '依据'] as const;
export const disclosureCells = (r: DisclosureRow) => DISCLOSURE_COLUMNS.map((c) => String(r[c]));
