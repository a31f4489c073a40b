// Reading a 情况说明 by the wording data of src/schema/budget-wording.ts: the one mechanism that turns a
// family's variants into patterns, finds a sentence by any family (the document's own first), says in plain
// Chinese what was looked for when nothing matched, and finds each stated change against last year that
// gives no reason. The checks in budget-check.ts ask it for sentences by name, never by pattern.
import { CHANGE_WORDING, NOTE_SENTENCES, WORDING_FAMILIES, wordingFamiliesFor, type NoteSentence, type WordingFamily } from '../../schema/budget-wording.ts';

/** What each slot kind matches (src/schema/budget-wording.ts lists them); an untyped slot is an amount. */
const SLOT_KINDS: Record<string, string> = {
  金额: '\\d[\\d,，]*(?:\\.\\d+)?',
  名称: '[^（(、：:，,。；;“”"＂]+?',
  // A 类 named without “（类）” (重庆): every 功能分类 类 name ends in 支出, and has no digits.
  类名: '[^（(、：:，,。；;“”"＂\\d]+?支出',
  文: '.*?',
  增减: '增加|减少',
  变动: '增加|减少|增长|下降|上升',
  年初全年: '年初|全年',
  年: '\\d{4}',
  序号: '\\d+[.．、]?',
  中文序号: '[一二三四五六七八九十]+',
};
/** Printed punctuation that comes in full and half width. */
const PUNCTUATION: Record<string, string> = { '（': '[（(]', '(': '[（(]', '）': '[）)]', ')': '[）)]', '：': '[：:]', '，': '[，,]', '；': '[；;]', '%': '[%％]', '“': '[“"]', '”': '[”"＂]' };

/** A variant as a pattern: `{名}`, `{名:种类}`, `{上年}`, `…` as the wording file describes. */
export function variantPattern(variant: string, year: number): RegExp {
  let source = '';
  for (const part of variant.split(/(\{[^}]+\}|…)/)) {
    if (part === '…') source += '.*?';
    else if (part === '{上年}') source += String(year - 1);
    else if (part === '{本年}') source += String(year);
    else if (part.startsWith('{')) {
      const [name, kind = '金额'] = part.slice(1, -1).split(':');
      const body = SLOT_KINDS[kind!];
      if (body === undefined) throw new Error(`说明写法“${variant}”里的“${part}”：没有“${kind}”这种填空（可用：${Object.keys(SLOT_KINDS).join('、')}）`);
      source += `(?<${name}>${body})`;
    } else source += [...part].map((ch) => PUNCTUATION[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
  }
  return new RegExp(source, 'g');
}

/** Patterns by variant and year: a county's documents read the same variants many times. */
const patterns = new Map<string, RegExp>();
function compiled(variant: string, year: number): RegExp {
  const key = `${year}\u0000${variant}`;
  let re = patterns.get(key);
  if (!re) patterns.set(key, (re = variantPattern(variant, year)));
  return re;
}

/** A sentence found: its slots as printed, the text it matched and where. */
export interface Found {
  slots: Record<string, string>;
  text: string;
  index: number;
}

/** The 说明 as the checks read it: comments and whitespace (the PDF's line breaks) removed. */
export const flatNote = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, '');

export interface NoteReader {
  /** The first sentence of this kind, by any family's variant (the document's family first). */
  find(key: NoteSentence, within?: string): Found | undefined;
  /** Every sentence of this kind in order; where variants overlap, the earlier variant's reading wins. */
  all(key: NoteSentence, within?: string): Found[];
  /** The notice when a sentence is not found: what was looked for, in which section, what to do. */
  missing(key: NoteSentence, why?: string): { text: string; words: string };
}

/** Quotes inside quotes are printed ‘’, as Chinese text nests them. */
const inner = (s: string) => s.replace(/“/g, '‘').replace(/”/g, '’');

/** Reads one document's 说明 (flat text) for its 地区 and 年度. */
export function noteReader(prose: string, 地区: string, 年度: number): NoteReader {
  const families = wordingFamiliesFor(地区);
  /** Each variant of a sentence, in family order, with its family's heading pattern when it has one (标题). */
  const variants = (key: NoteSentence) =>
    families.flatMap((f) => {
      const sentence = f.sentences[key];
      const heading = sentence?.标题 ? compiled(sentence.标题, 年度) : undefined;
      return (sentence?.写法 ?? []).map((v) => ({ re: compiled(v, 年度), heading }));
    });
  const found = (m: RegExpMatchArray, heading?: RegExpMatchArray): Found => ({ slots: { ...heading?.groups, ...m.groups }, text: m[0], index: m.index! });
  /** A variant's matches in order; under a heading pattern, each takes the last heading's slots before it (none before it: not read). */
  const matches = ({ re, heading }: { re: RegExp; heading?: RegExp }, within: string): Found[] => {
    if (!heading) return [...within.matchAll(re)].map((m) => found(m));
    const heads = [...within.matchAll(heading)];
    return [...within.matchAll(re)].flatMap((m) => {
      const h = heads.findLast((x) => x.index! < m.index!);
      return h ? [found(m, h)] : [];
    });
  };
  return {
    find(key, within = prose) {
      for (const v of variants(key)) {
        const m = matches(v, within)[0];
        if (m) return m;
      }
      return undefined;
    },
    all(key, within = prose) {
      const out: Found[] = [];
      for (const v of variants(key)) for (const m of matches(v, within)) if (!out.some((x) => m.index < x.index + x.text.length && x.index < m.index + m.text.length)) out.push(m);
      return out.sort((a, b) => a.index - b.index);
    },
    missing(key, why) {
      const own = families[0]!;
      const section = (own.sentences[key] ?? families.find((f) => f.sentences[key])?.sentences[key])?.章节 ?? '';
      return {
        text:
          `说明里没有找到“${NOTE_SENTENCES[key].说的是}”这样的句子（应在“${inner(section)}”中），这一项未能核对` +
          `${why ? `（${why}）` : ''}。说明没有写这一项的，请照原件核对；写了但说法不同的，不算错误，` +
          `请维护人员把这种说法加进 src/schema/budget-wording.ts（现有写法：${WORDING_FAMILIES.map((f) => f.name).join('、')}）`,
        words: section.split(/\s+/).pop() ?? section,
      };
    },
  };
}

// One pattern for a list of variants: their slots unnamed (a name may not repeat in one pattern).
const alternatives = (variants: readonly string[]) => new RegExp(variants.map((v) => variantPattern(v, 0).source.replace(/\(\?<[^>]+>/g, '(?:')).join('|'));
const COMPARISON = alternatives(CHANGE_WORDING.比较);
const CHANGE = alternatives(CHANGE_WORDING.变动);
const REASON = alternatives(CHANGE_WORDING.原因);

/**
 * Each sentence of the 说明 that states a change against last year with an amount and gives no reason in
 * itself or in the next sentence — where the next is the first after a run of such sentences, as in
 * “收入……比上年增加……。支出……比上年增加……。收支增加的主要原因是……”. A change stated inside a reason
 * (after 主要原因) is part of that reason. Returns the words that state each change (its clause, with the
 * clause before it when it begins with the comparison).
 */
/**
 * The words of a clause after the last heading run into it: a PDF's text layer joins page headers and
 * headings (“第三部分…情况说明一、收支预算总体情况说明”) to the sentence that follows them, with no
 * full stop between, and the quoted change should start where its sentence does.
 */
const sinceHeading = (clause: string) => clause.replace(/^.*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|情况说明)/, '');

export function changesWithoutReason(prose: string): string[] {
  const sentences = prose.split(/(?<=[。！？])/);
  const before = (s: string) => s.slice(0, REASON.exec(s)?.index ?? s.length);
  const isChange = (s: string) => COMPARISON.test(before(s)) && CHANGE.test(before(s));
  const out: string[] = [];
  sentences.forEach((s, i) => {
    if (!isChange(s) || REASON.test(s)) return;
    let next = i + 1;
    while (next < sentences.length && isChange(sentences[next]!) && !REASON.test(sentences[next]!)) next++;
    if (next < sentences.length && REASON.test(sentences[next]!)) return;
    // Clauses end at full-width punctuation (a half-width comma is a thousands separator: 328,661).
    const clauses = before(s).split(/[，；;：:。]/);
    const at = clauses.findIndex((c) => CHANGE.test(c));
    const clause = clauses[at] ?? before(s);
    out.push(/^(比|较|与|同比)/.test(clause) && at > 0 ? `${sinceHeading(clauses[at - 1]!)}，${clause}` : clause);
  });
  return out;
}

/** Every family's every variant, for the wording tests: each must compile and give its sentence's slots. */
export function familyVariants(): { family: WordingFamily; key: NoteSentence; variant: string; heading?: string }[] {
  return WORDING_FAMILIES.flatMap((family) =>
    (Object.entries(family.sentences) as [NoteSentence, { 写法: string[]; 标题?: string }][]).flatMap(([key, s]) => s.写法.map((variant) => ({ family, key, variant, heading: s.标题 }))),
  );
}
