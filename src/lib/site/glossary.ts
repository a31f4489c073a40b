// The 名词解释 of content/about.md, for explaining terms where they appear in tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from './content-layout.ts';
import { readOnce } from './file-cache.ts';
import { glossaryOf, type GlossaryTerm } from './markdown.ts';

export const ABOUT_FILE = 'about.md';
export function glossary(): Map<string, GlossaryTerm> {
  return readOnce(join(CONTENT_DIR, ABOUT_FILE), (file) => new Map(glossaryOf(readFileSync(file, 'utf8')).map((t) => [t.term, t])));
}

/** The explained terms among the given words, in the order given, without repeats. */
export function termsIn(words: string[]): GlossaryTerm[] {
  const g = glossary();
  return [...new Set(words)].flatMap((w) => (g.has(w) ? [g.get(w)!] : []));
}
