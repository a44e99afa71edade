import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import iconv from 'iconv-lite';
import { decodeText } from '../decode-text.js';
import { nodesToLines, type MarkupLines } from './html-to-lines.js';

/**
 * Reads a web page as published by a government site: decoded by its BOM, its `<meta charset>` or detection, and
 * reduced to the report — the one block that holds most of the page's own text — without menus, navigation,
 * scripts, share bars and footers. The article's heading, which such pages set above the content block, is kept
 * as the first line.
 */
export function readHtml(bytes: Uint8Array): { ok: true; lines: MarkupLines; encoding: string } | { ok: false; reason: string } {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return decoded;
  const $ = cheerio.load(decoded.text);
  $('script, style, noscript, template, iframe, object, embed, svg, nav, aside, form, select, button, input, textarea').remove();
  $('*').filter((_, el) => CHROME_CLASS.test(['class', 'id', 'title'].map((a) => $(el).attr(a) ?? '').join(' '))).remove();
  const body = $('body')[0] ?? $.root()[0];
  const content = mainContent(body as Element);
  const lines = nodesToLines([content]);
  const heading = content === body ? null : headingBefore($, content);
  if (heading && !lines.text.startsWith(heading)) {
    return { ok: true, encoding: decoded.encoding, lines: { text: `${heading}\n${lines.text}`, headings: [{ text: heading, level: 1 }, ...lines.headings] } };
  }
  return { ok: true, encoding: decoded.encoding, lines };
}

/**
 * Class, id or title words of page furniture (导航, 页眉, 页脚, 分享, 面包屑…) as sites name them; Word and
 * LibreOffice mark a page's running header and footer the same way (`<div title="footer">`).
 */
const CHROME_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|header|footer|foot|breadcrumb|crumbs?|share|banner|sidebar|side|copyright|related|toolbar|tools|search|logo|topbar|position|location|weizhi|dqwz)(?:[\s_-]|\d|$)/i;

/**
 * The page's text as a string: BOM, then valid UTF-8 (pages that declare gb2312 but were saved as UTF-8 are common,
 * and GBK text is almost never valid UTF-8), then the declared charset, then GB18030/Big5 detection.
 */
function decodeHtml(bytes: Uint8Array): { ok: true; text: string; encoding: string } | { ok: false; reason: string } {
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1];
  if (!hasBom && declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared)) {
    // gb2312 pages routinely hold GBK characters; GB18030 is a superset of both.
    const encoding = /^(?:gb2312|gbk|gb18030|x-gbk)$/i.test(declared) ? 'GB18030' : declared;
    return { ok: true, text: iconv.decode(Buffer.from(bytes), encoding), encoding };
  }
  const text = decodeText(bytes);
  return text.ok ? { ok: true, text: text.text, encoding: text.encoding } : { ok: false, reason: text.reason };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Han characters outside links: the measure of a block's own text (a menu is all links). */
function ownText(node: AnyNode): number {
  if (node.type === 'text') return countHan((node as { data: string }).data);
  if (node.type !== 'tag') return 0;
  const el = node as Element;
  if (el.name === 'a') return 0;
  let n = 0;
  for (const child of el.children) n += ownText(child);
  return n;
}

function countHan(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** Descends from the body while one child block holds at least 80% of the text: that block is the article. */
function mainContent(body: Element): Element {
  let node = body;
  for (;;) {
    const total = ownText(node);
    const children = node.children.filter((c): c is Element => c.type === 'tag');
    const best = children.find((c) => ownText(c) >= 0.8 * total);
    if (!best || total === 0) return node;
    node = best;
  }
}

/** The nearest heading before the content block (`<h1>`…, or an element whose class names a title). */
function headingBefore($: cheerio.CheerioAPI, content: Element): string | null {
  const candidates = $('h1, h2, h3, [class*="title"], [id*="title"]').toArray();
  let found: string | null = null;
  for (const el of candidates) {
    if ($(el).find(content).length || $(content).find(el).length || el === content) continue;
    if (compareOrder(el, content) > 0) break;
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (text !== '' && text.length <= 60) found = text;
  }
  return found;
}

/** Negative when `a` comes before `b` in document order. */
function compareOrder(a: Element, b: Element): number {
  const path = (n: AnyNode): number[] => {
    const out: number[] = [];
    for (let cur: AnyNode | null = n; cur?.parent; cur = cur.parent) out.unshift(cur.parent.children.indexOf(cur as never));
    return out;
  };
  const pa = path(a);
  const pb = path(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return pa.length - pb.length;
}
