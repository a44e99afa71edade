/**
 * Heading detection for Chinese reports. A heading has a style (一、, （一）, 1., 一是, 第一…, a year part such as
 * 2020年工作回顾, or a short unpunctuated line between paragraphs); levels are not fixed per style but follow the
 * order in which styles first appear in a document, as readers of these reports expect.
 */

/** A heading found at the start of a paragraph. */
export interface HeadingMatch {
  /** The numbering style, e.g. `cn-dun` for 一、 or `paren-cn` for （一）. */
  readonly style: string;
  /** The label shown in section paths (the heading line, or an inline heading's first sentence). */
  readonly label: string;
  /** Whether the whole paragraph is the heading (false for an inline heading followed by body text). */
  readonly whole: boolean;
}

const CN = '[一二三四五六七八九十百零〇两]+';
const MAX_HEADING = 40;

/** Numbered styles, most specific first. `inline` styles may open a long paragraph with a short first sentence. */
const NUMBERED: readonly { style: string; pattern: RegExp; inline: boolean }[] = [
  { style: 'chapter', pattern: new RegExp(`^第${CN}(?:部分|篇|编|章|节)`), inline: false },
  { style: 'cn-dun', pattern: new RegExp(`^${CN}[、.．]`), inline: true },
  { style: 'paren-cn', pattern: new RegExp(`^[（(]${CN}[）)]`), inline: true },
  { style: 'ordinal', pattern: new RegExp(`^第${CN}(?:[，,、\\s]|$)`), inline: true },
  { style: 'arabic', pattern: /^\d{1,2}(?:[、．]|\.(?!\d))/, inline: true },
  { style: 'paren-arabic', pattern: /^[（(]\d{1,2}[）)]/, inline: true },
  { style: 'yishi', pattern: new RegExp(`^${CN}是`), inline: false },
];

/** A part of the report named by a year: 2020年工作回顾, 2021年工作安排, 今年以来主要工作回顾. */
const YEAR_PART = /^(?:(?:19|20)\d{2}年?|今年|明年|去年|上半年|下半年)(?:以来)?(?:的)?(?:主要)?(?:工作)?(?:回顾|安排|打算|计划|总结|思路|任务|目标|开展情况|建议)$/;

/** Sentence-ending punctuation; a line ending in it is body text, not a heading. */
const SENTENCE_END = /[。！？!?；;：:，,、]$/;

/**
 * Recognises a heading at the start of `line`. `isBodyContext` says whether body text has begun (front matter
 * such as the speaker line is never a heading); `markedLevel` is the level the source's markup gives the line.
 */
export function detectHeading(line: string, isBodyContext: boolean, markedLevel?: number): HeadingMatch | null {
  // A heading the source's markup styles (Word's Heading 2) nests by its level, whatever its numbering.
  if (markedLevel !== undefined && line.length <= MAX_HEADING + 20) return { style: `marked-${markedLevel}`, label: stripEnd(line), whole: true };
  for (const { style, pattern, inline } of NUMBERED) {
    if (!pattern.test(line)) continue;
    if (line.length <= MAX_HEADING && !/[。！？]./.test(line)) return { style, label: stripEnd(line), whole: true };
    if (!inline) return null;
    const first = /^[^。！？]*[。！？]/.exec(line);
    if (first && first[0].length <= MAX_HEADING) return { style, label: stripEnd(first[0]), whole: false };
    return null;
  }
  if (line.length <= 24 && YEAR_PART.test(line)) return { style: 'year-part', label: line, whole: true };
  if (isBodyContext && line.length <= MAX_HEADING && !SENTENCE_END.test(line) && /\p{Script=Han}/u.test(line)) {
    return { style: 'plain', label: line, whole: true };
  }
  return null;
}

function stripEnd(text: string): string {
  return text.replace(/[。！？!?；;：:，,\s]+$/, '');
}

/**
 * Keeps the stack of open headings. A style seen before closes everything below it; a new style nests under the
 * current heading. Year parts always sit at the top.
 */
export class SectionStack {
  private readonly open: { style: string; label: string }[] = [];

  /** Opens a heading and returns the path down to it. */
  enter(heading: HeadingMatch): readonly string[] {
    const at = heading.style === 'year-part' ? 0 : this.open.findIndex((h) => h.style === heading.style);
    if (at >= 0) this.open.length = at;
    this.open.push({ style: heading.style, label: heading.label });
    return this.path();
  }

  /** The labels of the open headings, from the top down. */
  path(): readonly string[] {
    return this.open.map((h) => h.label);
  }
}
