// Chinese search that finds any part of a word. Pagefind splits Chinese into dictionary words, so
// a query that cuts across words (圾清运) can miss. Instead, every run of Chinese characters is
// indexed as overlapping two-character pairs (CJK bigrams, as Lucene's CJKBigramFilter does),
// each written as a plain-Latin token that no segmenter splits again; a query is turned into the
// same tokens and searched as a phrase. Shared by the indexer (Node) and the search page (browser).

const HAN = /\p{Script=Han}/u;
/** Runs of Chinese characters, or of letters and digits (words Pagefind indexes as they are). */
const SEGMENT = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** Code point as five hex digits: fixed width, so a one-character token is a prefix of its pairs. */
const hex = (ch: string) => ch.codePointAt(0)!.toString(16).padStart(5, '0');
/** One token per Chinese character pair: 垃圾 → h0578305 73e (without the space). */
const pair = (a: string, b: string) => `h${hex(a)}${hex(b)}`;
const single = (a: string) => `h${hex(a)}`;

function normalize(text: string): string {
  // NFKC folds full-width letters and digits (２０２３ → 2023) the way readers type them.
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The text Pagefind indexes for one field. Each run of n Chinese characters gives its n−1 pairs and
 * then its last character alone, so that a one-character query (a prefix) still finds every
 * occurrence. Fields are indexed separately so that no pair spans two fields.
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

/** Whether a text contains the query as written, ignoring width and case: the test for an exact match. */
export function containsQuery(text: string, query: string): boolean {
  const q = normalize(query).replace(/\s+/g, '');
  return q !== '' && normalize(text).replace(/\s+/g, '').includes(q);
}
