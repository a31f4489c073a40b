// Chinese search that finds any part of a word. Pagefind splits Chinese into dictionary words, so
// a query that cuts across words (圾清运) can miss. Instead, every run of Chinese characters is
// indexed as overlapping two-character pairs (CJK bigrams, as Lucene's CJKBigramFilter does),
// each written as a plain-Latin token that no segmenter splits again; a query is turned into the
// same tokens and searched as a phrase. Shared by the indexer (Node) and the search page (browser).

const HAN = /\p{Script=Han}/u;
/** Runs of Chinese characters, or of letters and digits (words Pagefind indexes as they are). */
const SEGMENT = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/**
 * Code point as four base-36 digits (36⁴ > U+10FFFF): fixed width, so that the tokens can be read
 * back, and short, because every token is stored in the index chunks and fragments a reader
 * downloads (five hex digits made them a fifth larger).
 */
const code = (ch: string) => ch.codePointAt(0)!.toString(36).padStart(4, '0');
/** One token per Chinese character pair: 垃圾 → h0cjr 0c8e (without the space). */
const pair = (a: string, b: string) => `h${code(a)}${code(b)}`;
const single = (a: string) => `h${code(a)}`;

function normalize(text: string): string {
  // NFKC folds full-width letters and digits (２０２３ → 2023) the way readers type them.
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The text Pagefind indexes for one field. Each run of n Chinese characters gives its n−1 pairs and
 * then its last character alone: the single ends the run, so that a phrase cannot continue into the
 * next run (甲乙、乙丙 must not match 甲乙丙). Fields are indexed separately so that no pair spans two
 * fields.
 */
export function indexText(text: string): string {
  const tokens: string[] = [];
  for (const [segment] of normalize(text).matchAll(SEGMENT)) {
    if (!HAN.test(segment)) {
      tokens.push(segment);
      continue;
    }
    const chars = [...segment];
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(pair(chars[i]!, chars[i + 1]!));
    tokens.push(single(chars.at(-1)!));
  }
  return tokens.join(' ');
}

/**
 * Whether the query is one Chinese character and nothing else. Its token would be a prefix of
 * thousands of pair tokens, and Pagefind loads only the first index chunk of a prefix, so on a
 * large site it would silently miss results: the search page asks for two characters instead.
 */
export function needsTwoCharacters(query: string): boolean {
  const segments = [...normalize(query).matchAll(SEGMENT)].map(([segment]) => segment);
  return segments.length === 1 && HAN.test(segments[0]!) && [...segments[0]!].length === 1;
}

/** The tokens of a query: pairs for Chinese runs of two or more, the character itself for one. */
export function queryTokens(query: string): string[] {
  const tokens: string[] = [];
  for (const [segment] of normalize(query).matchAll(SEGMENT)) {
    if (!HAN.test(segment)) {
      tokens.push(segment);
      continue;
    }
    const chars = [...segment];
    if (chars.length === 1) tokens.push(single(chars[0]!));
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(pair(chars[i]!, chars[i + 1]!));
  }
  return tokens;
}

/** A text as the exact-match test compares it: width, case and white space folded. */
export const foldText = (text: string) => normalize(text).replace(/\s+/g, '');

/** Whether a text contains the query as written, ignoring width and case: the test for an exact match. */
export function containsQuery(text: string, query: string): boolean {
  const q = foldText(query);
  return q !== '' && foldText(text).includes(q);
}

/**
 * The token that names one page's document for “search in this project” (年度/单位编码/项目编码 →
 * k2023483001130229…): letters and digits only, so that no segmenter splits it. It is metadata,
 * and a loose search for it with the query's tokens finds only that page.
 */
export function scopeToken(scope: string): string {
  return `k${normalize(scope).replace(/[^\p{L}\p{N}]/gu, '')}`;
}
