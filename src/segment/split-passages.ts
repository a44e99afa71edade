import type { Passage } from '../types.js';
import { detectHeading, SectionStack } from './detect-heading.js';

/** Options of passage splitting. */
export interface SplitOptions {
  /** A paragraph longer than this (in characters) is cut at sentence ends into passages of about this size. */
  readonly maxPassageLength: number;
}

export const defaultSplitOptions: SplitOptions = { maxPassageLength: 500 };

/** Paragraph lines shorter than this do not start the body (title, meeting line, speaker). */
const BODY_START_LENGTH = 40;

/** The stable id of a passage: its document's id and its position (`000_91bac9b46b5f3c10-p12`). */
export function passageId(docId: string, index: number): string {
  return `${docId}-p${index}`;
}

/** Cuts a paragraph into pieces at sentence ends (。！？；), never inside a sentence; the pieces join back to it. */
export function splitAtSentences(paragraph: string, maxLength: number): string[] {
  if (paragraph.length <= maxLength) return [paragraph];
  const sentences = paragraph.match(/[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)/g)?.filter((s) => s !== '') ?? [paragraph];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length > maxLength) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Turns a report's paragraph lines into passages with section paths. Headings are passages too, so that they can
 * be found and cited; an inline heading (（一）聚焦…。body…) names the section of its own paragraph. `marked`
 * holds the lines the source's markup styles as headings (Word's Heading 1–6), with their levels.
 */
export function splitPassages(
  docId: string,
  paragraphs: readonly string[],
  options: SplitOptions = defaultSplitOptions,
  marked: ReadonlyMap<string, number> = new Map(),
): Passage[] {
  const passages: Passage[] = [];
  const sections = new SectionStack();
  let inBody = false;
  for (const [i, paragraph] of paragraphs.entries()) {
    // The title line is never a section heading, and the body starts at the first long paragraph.
    const heading = i === 0 ? null : detectHeading(paragraph, inBody, marked.get(paragraph));
    const section = heading ? sections.enter(heading) : sections.path();
    if (paragraph.length >= BODY_START_LENGTH || heading) inBody = true;
    const pieces = splitAtSentences(paragraph, options.maxPassageLength);
    for (const [k, text] of pieces.entries()) {
      const index = passages.length;
      passages.push({
        id: passageId(docId, index),
        docId,
        index,
        section,
        heading: heading?.whole === true,
        text,
        continues: k < pieces.length - 1,
      });
    }
  }
  return passages;
}
