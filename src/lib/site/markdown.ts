// Markdown pages from content/ (说明, 名词解释) rendered with remark/unified. Raw HTML in the
// Markdown is dropped and the result sanitized, so nothing a content file says can run a script.
import type { Root as HastRoot, Element } from 'hast';
import type { Root as MdastRoot, Heading, Paragraph, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';

/** Heading anchors: `### 产出指标` → `id="产出指标"`, so tables can link to a glossary term. */
export const headingId = (text: string) => text.trim().replace(/\s+/g, '-');

function textOf(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => textOf(c as never)).join('');
}

function headingIds() {
  return (tree: HastRoot) => {
    const visit = (node: HastRoot | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (/^h[1-6]$/.test(child.tagName)) child.properties.id = headingId(textOf(child as never));
        visit(child);
      }
    };
    visit(tree);
  };
}

/**
 * A line indented by four spaces is a paragraph's indent, not code: the 情况说明 of a 部门预算/决算 is
 * transcribed from a PDF whose paragraphs start indented, and as an indented code block such a line
 * showed in monospace on one line far past a phone's screen.
 */
function noIndentedCode(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented'] } });
}

const processorOf = (prose: boolean) =>
  unified()
    .use(remarkParse)
    .use(prose ? [noIndentedCode] : [])
    .use(remarkGfm)
    .use(remarkRehype) // allowDangerousHtml is off: raw HTML in Markdown never reaches the page
    .use(headingIds)
    // ids are set by us from heading text; an empty clobber prefix keeps them linkable.
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: '' })
    .use(rehypeStringify);
const processor = processorOf(false);
const proseProcessor = processorOf(true);

/** `prose`: a document's text, where an indented line is an indented paragraph (noIndentedCode). */
export function renderMarkdown(markdown: string, { prose = false } = {}): string {
  return String((prose ? proseProcessor : processor).processSync(markdown));
}

/** The page title: the text of the first level-1 heading. */
export function titleOf(markdown: string): string | undefined {
  const tree = unified().use(remarkParse).parse(markdown) as MdastRoot;
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return h1 ? textOf(h1 as never) : undefined;
}

export interface GlossaryTerm {
  term: string;
  /** Plain text of the first paragraph under the term. */
  explanation: string;
  anchor: string;
}

/**
 * The 名词解释: every `###` heading under the `## 名词解释` heading, with its first paragraph.
 * The Markdown page is the one place a term is explained; tables show the same words.
 */
export function glossaryOf(markdown: string): GlossaryTerm[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const terms: GlossaryTerm[] = [];
  let inGlossary = false;
  let current: GlossaryTerm | undefined;
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading') {
      const text = textOf(node as never).trim();
      if (node.depth <= 2) inGlossary = text === '名词解释';
      if (inGlossary && node.depth === 3) {
        current = { term: text, explanation: '', anchor: headingId(text) };
        terms.push(current);
      } else current = undefined;
    } else if (current && node.type === 'paragraph' && current.explanation === '') {
      current.explanation = textOf(node as Paragraph as never).replace(/\s+/g, ' ').trim();
    }
  }
  return terms;
}

export interface MarkdownSection {
  /** The heading's text ('' for what comes before the first heading). */
  heading: string;
  /** The heading's id on the rendered page (headingId); undefined before the first heading. */
  anchor?: string;
  /** Each paragraph, list item, quote or table row under the heading, as plain text (its line breaks kept, for the caller to read). */
  texts: string[];
}

/**
 * A Markdown text cut at every heading, each part with the anchor its heading gets when rendered
 * (renderMarkdown), and its text as plain lines: what the search indexes of a 情况说明.
 */
export function sectionsOf(markdown: string): MarkdownSection[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdastRoot;
  const sections: MarkdownSection[] = [{ heading: '', texts: [] }];
  const blocks = (node: RootContent, into: string[]) => {
    if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'code') {
      const text = textOf(node as never).trim();
      if (text !== '') into.push(text);
    } else if ('children' in node) {
      // A table row is one line: its cells joined, as the row reads.
      if (node.type === 'tableRow') {
        const cells: string[] = [];
        for (const child of node.children) blocks(child, cells);
        if (cells.length > 0) into.push(cells.join(' '));
      } else for (const child of node.children as RootContent[]) blocks(child, into);
    }
  };
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading') {
      const heading = textOf(node as never).trim();
      sections.push({ heading, anchor: headingId(heading), texts: [] });
    } else blocks(node, sections.at(-1)!.texts);
  }
  return sections.filter((s) => s.anchor !== undefined || s.texts.length > 0);
}
