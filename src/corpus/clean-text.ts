import { joinBrokenLines, joinBrokenTitle, stripInvisible, type LayoutLine } from './repair-lines.js';

/**
 * Turns a raw web or Word export into clean paragraph lines: what is not the report (page chrome, Word bookmarks,
 * decorative spacing, padding) goes; every character of the report itself stays.
 */

/** Whole lines that belong to the web page, not the report (来源: 政府办, 扫一扫在手机打开当前页…). */
const CHROME_LINES: readonly RegExp[] = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源[:：].*)?$/,
  /^(?:信息)?来源[:：]/,
  /^发布(?:时间|日期)[:：]/,
  /^(?:浏览|阅读|点击)(?:次数|量)?[:：]\s*\d*$/,
  /^扫一扫在手机(?:上)?打开当前页$/,
  /^(?:【?\s*(?:打印本页|关闭窗口|打印|关闭)\s*】?\s*)+$/,
  /^(?:【\s*)?字[体号][:：]?\s*[大中小\s【】]*$/,
  /^分享到[:：]?/,
];

/** Word artifacts inside lines: [bookmark: _GoBack] and the like. */
const WORD_ARTIFACT = /\[bookmark:[^\]]*\]/g;

/** Whitespace that pads lines in exports: ASCII, no-break space, ideographic space, BOMs. */
const PADDING = /^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g;

/** A line of single Han characters spread out with spaces: 政 府 工 作 报 告. */
const SPACED_TITLE = /^(?:[\u4e00-\u9fff][\s\u00a0\u3000]+){2,}[\u4e00-\u9fff]$/;

/** Cleans one line; returns '' for a line that is not part of the report. */
export function cleanLine(line: string): string {
  // A no-break space is layout (&nbsp; in web pages), not a different character: it becomes a plain space.
  const text = line.replace(WORD_ARTIFACT, '').replace(PADDING, '').replace(/\u00a0/g, ' ');
  if (CHROME_LINES.some((pattern) => pattern.test(text))) return '';
  if (SPACED_TITLE.test(text)) return text.replace(/[\s\u00a0\u3000]+/g, '');
  return text;
}

/**
 * The meeting line (——2021年4月2日在南山镇第四届 / 人民代表大会第八次会议上, with or without the dash) is sometimes broken over two lines;
 * it is one statement and is searched as one.
 */
export function joinMeetingLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (/^(?:——|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在)/.test(line) && !/会议/.test(line) && next !== undefined && next.length <= 30 && /会议[上中]?$/.test(next)) {
      out.push(line + next);
      i++;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** What cleaning repaired in a file, for the log. */
export interface TextRepairs {
  /** Invisible characters removed (U+200B, U+FEFF…). */
  readonly invisible: number;
  /** Lines joined because a line end cut a sentence. */
  readonly joined: number;
}

/** Cleans a whole file: the report's paragraphs, one a line, without blank lines; and what was repaired. */
export function cleanTextWithRepairs(text: string): { lines: string[]; repairs: TextRepairs } {
  const visible = stripInvisible(text);
  const layout: LayoutLine[] = [];
  let blankBefore = false;
  for (const raw of visible.text.split(/\r\n|\r|\n/)) {
    const line = cleanLine(raw);
    if (line === '') {
      blankBefore = true;
      continue;
    }
    layout.push({ text: line, blankBefore, indented: /^[\s\u00a0\u3000]/.test(raw) });
    blankBefore = false;
  }
  const broken = joinBrokenLines(layout);
  const lines = joinBrokenTitle(joinMeetingLines(broken.lines.map((l) => l.text)));
  return { lines, repairs: { invisible: visible.removed, joined: broken.joined } };
}

/** Cleans a whole file: the report's paragraphs, one a line, without blank lines. */
export function cleanText(text: string): string[] {
  return cleanTextWithRepairs(text).lines;
}
