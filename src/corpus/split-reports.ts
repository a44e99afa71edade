/**
 * Splits a file's clean lines into reports. Exports often paste several reports into one file, each starting
 * with its title line; a title repeated before any body text (南山镇2021年政府工作报告 / 政府工作报告) is a subtitle.
 */

/** A title line: short, no sentence punctuation, ending in a report kind (…政府工作报告, …工作总结和2021年工作打算). */
const TITLE_LINE = /^[^。；！？，,:：]{0,40}(?:工作报告|工作总结|工作打算|工作计划|工作要点)$/;

/** A numbered line (三、2021年工作打算, （一）…) is a section of a report, never the title of a new one. */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十]+)/;

/** A line long enough to be body text rather than front matter. */
const BODY_LINE_LENGTH = 60;

/** Whether a line reads as a report's title. */
export function isTitleLine(line: string): boolean {
  return line.length <= 48 && TITLE_LINE.test(line) && !NUMBERED.test(line);
}

/** Groups lines into reports: a title line that follows body text starts a new report. */
export function splitReports(lines: readonly string[]): string[][] {
  const reports: string[][] = [];
  let current: string[] = [];
  let hasBody = false;
  for (const line of lines) {
    if (hasBody && isTitleLine(line)) {
      reports.push(current);
      current = [];
      hasBody = false;
    }
    current.push(line);
    if (line.length >= BODY_LINE_LENGTH) hasBody = true;
  }
  if (current.length > 0) reports.push(current);
  return reports;
}
