/**
 * Rebuilds paragraphs from the lines of PDF pages: running headers, footers and page numbers go; a line that runs
 * to the right margin continues into the next one (also across a page break) unless the next one is indented, as a
 * paragraph's first line is in Chinese typesetting.
 */

/** A line of text on a PDF page, in page units (y grows upwards, as PDF has it). */
export interface PdfLine {
  readonly text: string;
  /** Left edge of the first character. */
  readonly x: number;
  /** Right edge of the last character. */
  readonly right: number;
  /** Baseline. */
  readonly y: number;
  /** Font size (height of the characters). */
  readonly size: number;
}

/** A page number alone on a line: 3, - 3 -, —3—, 第3页, 第 3 页 共 10 页, 3/10. */
const PAGE_NUMBER = /^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:[\/／]|共)\s*\d{1,4}\s*页?)?[-—–－\s]*$/;

/** Characters of a line that the header test ignores: digits (page numbers inside headers) and spaces. */
const headerKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Drops page numbers and the lines repeated at the top or bottom of most pages (running headers and footers). */
export function dropPageFurniture(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
  const edgeCount = new Map<string, number>();
  for (const page of pages) {
    for (const line of edgeLines(page)) edgeCount.set(headerKey(line.text), (edgeCount.get(headerKey(line.text)) ?? 0) + 1);
  }
  const repeated = (line: PdfLine) => pages.length >= 2 && (edgeCount.get(headerKey(line.text)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((page) => {
    const edges = new Set(edgeLines(page));
    return page.filter((line) => !(edges.has(line) && (PAGE_NUMBER.test(line.text) || repeated(line))));
  });
}

/** The two top and two bottom lines of a page, where headers and footers stand. */
function edgeLines(page: readonly PdfLine[]): PdfLine[] {
  return page.length <= 4 ? [...page] : [...page.slice(0, 2), ...page.slice(-2)];
}

/**
 * The paragraphs of the pages' lines, one a string. The margins are the document's: the left one is where most
 * lines start, the right one where full lines end (the 80th percentile of line ends, since justified text and
 * hanging punctuation scatter them by a character or so).
 */
export function joinPdfLines(pages: readonly (readonly PdfLine[])[]): string[] {
  const lines = pages.flat();
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.x));
  const ends = lines.filter((l) => l.text.length >= 8).map((l) => l.right).sort((a, b) => a - b);
  const right = ends.length > 0 ? ends[Math.floor(0.8 * (ends.length - 1))] : Math.max(...lines.map((l) => l.right));
  const paragraphs: string[] = [];
  let current = '';
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const indented = line.x > left + 0.8 * line.size;
    const continues = previous !== null && !indented && previous.right >= right - 1.5 * previous.size;
    if (continues) {
      current += /[A-Za-z]$/.test(current) && /^[A-Za-z]/.test(line.text) ? ` ${line.text}` : line.text;
    } else {
      if (current !== '') paragraphs.push(current);
      current = line.text;
    }
    previous = line;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

/** One text item of a page as PDF.js gives it. */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/**
 * Groups a page's text items into lines, top to bottom, and joins each line's items. A space is kept only between
 * Latin letters or digits: the spaces PDF export puts between Han characters and digits (2022 年) are artefacts.
 */
export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - item.y) < 0.5 * Math.max(item.size, line[0].size)) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    for (const [i, item] of line.entries()) {
      const gap = i > 0 ? item.x - (line[i - 1].x + line[i - 1].width) : 0;
      text += i > 0 && gap > 0.2 * item.size && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(item.str) ? ` ${item.str}` : item.str;
    }
    const last = line[line.length - 1];
    return { text: closeUpHanSpacing(text.trim()), x: line[0].x, right: last.x + last.width, y: line[0].y, size: Math.max(...line.map((i) => i.size)) };
  });
}

/** Removes spaces between a Han character (or Chinese punctuation) and a digit or Latin letter: 2022 年 → 2022年. */
export function closeUpHanSpacing(text: string): string {
  return text
    .replace(/([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]+(?=[A-Za-z0-9%])/gu, '$1')
    .replace(/([A-Za-z0-9%])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '$1');
}
