import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** A heading the markup marks as one (`<h2>`, a Word Heading 2 style): its text and level 1–6. */
export interface MarkedHeading {
  readonly text: string;
  readonly level: number;
}

/** Text of a document, one paragraph a line, with the lines its markup marks as headings. */
export interface MarkupLines {
  readonly text: string;
  readonly headings: readonly MarkedHeading[];
}

/** White space as HTML collapses it: not the no-break space (&nbsp;), which a page uses to keep spaces. */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** Elements that end a line before and after them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'body', 'html',
]);
/** Elements whose content is never text of the page. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'head', 'select', 'button', 'input', 'textarea']);

/**
 * Lines of an HTML fragment or page: `<p>`, `<br>`, `<div>`, `<li>`… end lines; `<pre>` keeps its line ends.
 * `literalSpaces` keeps runs of spaces as written (HTML made from a Word file, where they are the author's).
 */
export function htmlToLines(html: string, literalSpaces = false): MarkupLines {
  const $ = cheerio.load(html);
  return nodesToLines($('body').length ? $('body').toArray() : $.root().toArray(), literalSpaces);
}

/** Lines of the given nodes, in document order. */
export function nodesToLines(nodes: readonly AnyNode[], literalSpaces = false): MarkupLines {
  const lines: string[] = [];
  const headings: MarkedHeading[] = [];
  let current = '';
  const flush = () => {
    const line = (literalSpaces ? current : current.replace(HTML_SPACE, ' ')).trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: AnyNode, pre: boolean): void => {
    if (node.type === 'text') {
      const data = (node as { data: string }).data;
      if (!pre) current += literalSpaces ? data.replace(/[\r\n]+/g, ' ') : data.replace(HTML_SPACE, ' ');
      else data.split(/\r\n|\r|\n/).forEach((part, i) => (i > 0 ? (flush(), (current = part)) : (current += part)));
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const el = node as Element;
    const name = el.name?.toLowerCase() ?? '';
    if (NEVER_TEXT.has(name)) return;
    if (name === 'br') return flush();
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of el.children) walk(child, pre || name === 'pre');
    if (block) {
      const level = /^h([1-6])$/.exec(name);
      if (level && current.trim() !== '') headings.push({ text: current.replace(/\s+/g, ' ').trim(), level: Number(level[1]) });
      flush();
    }
  };
  for (const node of nodes) walk(node, false);
  flush();
  return { text: lines.join('\n'), headings };
}
