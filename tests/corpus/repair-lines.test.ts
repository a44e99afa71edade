import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextWithRepairs } from '../../src/corpus/clean-text.js';
import { findRepeatedEdgeLines } from '../../src/corpus/find-repeated-lines.js';
import { joinBrokenTitle, wrapWidth } from '../../src/corpus/repair-lines.js';

/** A paragraph wrapped at `width` Han characters a line, as fixed-width web copies of old reports are. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines.join('\n');
}

const PARA1 = '各位代表：第一届全国人民代表大会第一次会议听取了刘少奇同志关于宪法草案的报告，讨论并通过了中华人民共和国宪法，这是我国人民政治生活中的一件大事，全国人民为此欢欣鼓舞。';
const PARA2 = '一九五四年的国家建设工作，在全国人民的努力之下，取得了很大的成绩，工业生产和农业生产都有了新的增长，人民的生活也有了改善，这是大家都看到的事情。';

describe('joining lines a line end cut inside a sentence', () => {
  it('rejoins a fixed-width file so that a quoted sentence is found whole', () => {
    const text = `政府工作报告\n${wrap(PARA1, 20)}\n${wrap(PARA2, 20)}\n一、过去一年的工作\n${wrap(PARA2, 20)}`;
    const { lines, repairs } = cleanTextWithRepairs(text);
    expect(lines).toEqual(['政府工作报告', PARA1, PARA2, '一、过去一年的工作', PARA2]);
    expect(lines.some((l) => l.includes('刘少奇同志关于宪法草案的报告'))).toBe(true);
    const cuts = (para: string) => Math.ceil(para.length / 20) - 1;
    expect(repairs.joined).toBe(cuts(PARA1) + 2 * cuts(PARA2));
  });

  it('finds the wrap width of a wrapped file and none in a file of one paragraph a line', () => {
    const layout = (text: string) => text.split('\n').map((t) => ({ text: t, blankBefore: false, indented: false }));
    expect(wrapWidth(layout(wrap(PARA1 + PARA2, 20)))).toBe(40);
    expect(wrapWidth(layout(`${PARA1}\n${PARA2}\n一、过去一年的工作\n${PARA1}`))).toBeNull();
  });

  it('never joins across a blank line, into an indented paragraph start, or into a heading', () => {
    expect(cleanText('各位代表，\n\n现在我代表镇人民政府报告工作。')).toEqual(['各位代表，', '现在我代表镇人民政府报告工作。']);
    expect(cleanText('今年的工作主要有，\n（一）抓好农业生产。')).toEqual(['今年的工作主要有，', '（一）抓好农业生产。']);
    const indented = `　　第一段写到这里没有结束，\n　　第二段是另一个段落。\n　　第三段是又一个段落，${PARA1.slice(0, -1)}，\n后面接着写完。`;
    expect(cleanText(indented)).toEqual(['第一段写到这里没有结束，', '第二段是另一个段落。', `第三段是又一个段落，${PARA1.slice(0, -1)}，后面接着写完。`]);
  });

  it('joins a line that leaves a quote or bracket open', () => {
    expect(cleanText('全面落实“六稳”“六保\n”任务，巩固拓展成果。')).toEqual(['全面落实“六稳”“六保”任务，巩固拓展成果。']);
  });

  it('keeps every character: the sample paragraphs are unchanged', () => {
    const sample = `南山镇2021年政府工作报告\n\n  政 府 工 作 报 告\n\n  ——2021年4月2日在南山镇第四届\n\n  人民代表大会第八次会议上\n`;
    expect(cleanText(sample)).toEqual(['南山镇2021年政府工作报告', '政府工作报告', '——2021年4月2日在南山镇第四届人民代表大会第八次会议上']);
  });
});

describe('other repairs', () => {
  it('joins a title broken over two lines at the top', () => {
    expect(joinBrokenTitle(['政府工作报', '告', '各位代表：'])).toEqual(['政府工作报告', '各位代表：']);
    expect(joinBrokenTitle(['2025年河北省政府', '工作报告', '各位代表：'])).toEqual(['2025年河北省政府工作报告', '各位代表：']);
    expect(joinBrokenTitle(['南山镇2021年政府工作报告', '政府工作报告'])).toEqual(['南山镇2021年政府工作报告', '政府工作报告']);
  });

  it('removes invisible characters and counts them', () => {
    const { lines, repairs } = cleanTextWithRepairs('\u200b\ufeff各位代表：\n乡村\u200b振兴\u200d战略');
    expect(lines).toEqual(['各位代表：', '乡村振兴战略']);
    expect(repairs.invisible).toBe(4);
  });

  it('joins a meeting line without its dash broken over two lines', () => {
    expect(cleanText('2025年1月13日在河北省第十四届\n人民代表大会第三次会议上')).toEqual(['2025年1月13日在河北省第十四届人民代表大会第三次会议上']);
  });
});

describe('site furniture repeated across files', () => {
  const report = (n: number, extra: string[] = []) => [`第${n}号政府工作报告`, '各位代表：', `正文第${n}段，讲了很多事情。`, ...extra];
  const footer = ['主办单位：某省人民政府办公厅', '网站标识码1300000038 冀ICP备05001001号'];

  it('is found where it stands at the edges of many files', () => {
    const files = [report(1, footer), report(2, footer), report(3, footer), report(4), report(5)];
    expect([...findRepeatedEdgeLines(files)].sort()).toEqual([...footer].sort());
  });

  it('is never the report\'s own words, nor a line only two files share', () => {
    const files = [report(1, ['谢谢大家！', '附件']), report(2, ['谢谢大家！', '附件']), report(3, ['谢谢大家！']), report(4)];
    expect(findRepeatedEdgeLines(files)).toEqual(new Set());
  });
});
