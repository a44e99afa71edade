/**
 * Site furniture that a collection of downloaded reports repeats — a footer, licence note or banner at the top or
 * bottom of many files — found by the repetition itself. A line counts only where it stands at a file's edges in
 * at least three files and a tenth of the collection, and never when it reads as the report's own words: a title,
 * a salutation (各位代表：), a sentence or a numbered heading.
 */

/** Lines at the top and bottom of a file where furniture stands. */
const TOP = 3;
const BOTTOM = 6;

/** Lines that are the report's own words even when many reports share them. */
const OWN_WORDS = /[。！？!?：:；;]$|工作报告|工作总结|工作计划|工作要点|^各位代表|^同志们|^[一二三四五六七八九十]+[、.．]|^[（(][一二三四五六七八九十\d]+[）)]/;

/** The lines repeated at the edges of many files, to be dropped from every file. */
export function findRepeatedEdgeLines(files: readonly (readonly string[])[]): Set<string> {
  const filesWith = new Map<string, number>();
  for (const lines of files) {
    const edges = new Set([...lines.slice(0, TOP), ...lines.slice(Math.max(TOP, lines.length - BOTTOM))]);
    for (const line of edges) if (!OWN_WORDS.test(line)) filesWith.set(line, (filesWith.get(line) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(files.length / 10));
  return new Set([...filesWith].filter(([, n]) => n >= threshold).map(([line]) => line));
}
