/**
 * Repairs of the line structure that web copies, PDF exports and fixed-width text files break: a sentence cut by
 * a line end, a title over two lines, invisible characters. Each repair only joins lines or drops characters that
 * carry nothing; no character of the report is lost.
 */

/** A line as it stood in the file: its clean text, and the layout around it. */
export interface LayoutLine {
  readonly text: string;
  /** Whether a blank line stood before it (a paragraph break in every format). */
  readonly blankBefore: boolean;
  /** Whether it started with indentation (spaces, U+3000), as paragraphs' first lines do. */
  readonly indented: boolean;
}

/** Characters that carry nothing and break searches: zero-width space, joiners, word joiner, BOM. */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

/** Removes invisible characters; says how many there were. */
export function stripInvisible(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(INVISIBLE, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** A sentence (or clause introducing a list) ends here: 。！？；： also before closing quotes or brackets. */
const SENTENCE_END = /[。！？!?；;：:…][”’」』）)】〕]*$/;
/** A line that opens a numbered heading, the meeting line or a list item: never the rest of a sentence. */
const OPENS_BLOCK = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|第[一二三四五六七八九十百]+[章节条部分篇编，,、\s]|[一二三四五六七八九十]+是|——|各位代表|同志们)/;
/** Report kinds a title ends with. */
const TITLE_END = /(?:工作报告|工作总结|工作打算|工作计划|工作要点)$/;

/** Terminal width: Han and full-width characters take two columns, as in the fixed-width files that wrap them. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * The width a fixed-width file wraps its lines at, or null. Wrapped text has many lines of one width (±1 column)
 * that end mid-sentence; a file with a paragraph a line has no such width.
 */
export function wrapWidth(lines: readonly LayoutLine[]): number | null {
  const open = lines.filter((l) => !SENTENCE_END.test(l.text)).map((l) => displayWidth(l.text)).filter((w) => w >= 30);
  const long = lines.filter((l) => displayWidth(l.text) >= 30).length;
  const counts = new Map<number, number>();
  for (const w of open) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const w of counts.keys()) {
    const near = (counts.get(w - 1) ?? 0) + (counts.get(w) ?? 0) + (counts.get(w + 1) ?? 0);
    if (near > bestCount || (near === bestCount && best !== null && w > best)) [best, bestCount] = [w, near];
  }
  return best !== null && bestCount >= Math.max(5, 0.3 * long) ? best : null;
}

/** Whether an opening quote or bracket on the line is still open at its end (“…, （…, 《…). */
function hasOpenPair(text: string): boolean {
  for (const [open, close] of [['“', '”'], ['（', '）'], ['《', '》'], ['(', ')']]) {
    if (text.lastIndexOf(open) > text.lastIndexOf(close)) return true;
  }
  return false;
}

/**
 * Joins lines that a line end cut inside a sentence. Two lines are one when nothing separates them (no blank
 * line, no indent where the file indents its paragraphs), the first does not end a sentence, the second does not
 * open a heading or list item, and the cut is visible: the first runs to the file's wrap width, ends in ，、 or
 * leaves a quote or bracket open.
 */
export function joinBrokenLines(lines: readonly LayoutLine[]): { lines: LayoutLine[]; joined: number } {
  const width = wrapWidth(lines);
  // Indentation tells paragraphs apart only in a file that indents some lines and not others.
  const indented = lines.filter((l) => l.indented).length;
  const indentsParagraphs = indented >= 0.1 * lines.length && indented < lines.length;
  const out: LayoutLine[] = [];
  let joined = 0;
  for (const line of lines) {
    const prev = out[out.length - 1];
    const cut =
      prev !== undefined &&
      !line.blankBefore &&
      !(indentsParagraphs && line.indented) &&
      !SENTENCE_END.test(prev.text) &&
      !OPENS_BLOCK.test(line.text) &&
      ((width !== null && displayWidth(prev.text) >= width - 2) || /[，、,]$/.test(prev.text) || hasOpenPair(prev.text));
    if (cut) {
      out[out.length - 1] = { ...prev, text: prev.text + line.text };
      joined++;
    } else {
      out.push(line);
    }
  }
  return { lines: out, joined };
}

/** Joins a title broken over two short lines at the top (政府工作报 / 告; 2025年河北省政府 / 工作报告). */
export function joinBrokenTitle(lines: readonly string[]): string[] {
  for (let i = 0; i < Math.min(3, lines.length - 1); i++) {
    const [a, b] = [lines[i], lines[i + 1]];
    if (a.length <= 30 && b.length <= 12 && !TITLE_END.test(a) && TITLE_END.test(a + b) && !/[。！？：:，,]$/.test(a)) {
      return [...lines.slice(0, i), a + b, ...lines.slice(i + 2)];
    }
  }
  return [...lines];
}
