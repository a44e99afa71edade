import { describe, expect, it } from 'vitest';
import { closeUpHanSpacing, dropPageFurniture, itemsToLines, joinPdfLines, type PdfLine } from '../../../src/corpus/readers/pdf-paragraphs.js';

const line = (text: string, x: number, right: number, y = 0): PdfLine => ({ text, x, right, y, size: 16 });

describe('PDF paragraphs', () => {
  it('closes up the spaces PDF export puts between Han characters and digits, not between words', () => {
    expect(closeUpHanSpacing('——2022 年 3 月 18 日在港门镇')).toBe('——2022年3月18日在港门镇');
    expect(closeUpHanSpacing('镇长 罗允升')).toBe('镇长 罗允升');
    expect(closeUpHanSpacing('COVID 19 疫情')).toBe('COVID 19疫情');
  });

  it('joins the items of a line by position, with a space only between Latin words', () => {
    const items = [
      { str: '年', x: 50, y: 100, width: 16, size: 16 },
      { str: '2022', x: 10, y: 100.3, width: 36, size: 16 },
      { str: 'Y622', x: 70, y: 100, width: 40, size: 16 },
      { str: '线', x: 114, y: 100, width: 16, size: 16 },
      { str: '第二行', x: 10, y: 70, width: 48, size: 16 },
    ];
    expect(itemsToLines(items).map((l) => l.text)).toEqual(['2022年Y622线', '第二行']);
  });

  it('continues a line that reaches the right margin, also over a page break, unless the next one is indented', () => {
    const page1 = [line('一、工作回顾', 112, 220), line('这是一个很长的段落的第一行文字', 112, 510), line('第二行也到了右边距的位置啊啊', 80, 512)];
    const page2 = [line('第三行结束。', 80, 200), line('新段落首行缩进两个字符的位置', 112, 505), line('新段落第二行结束了。', 80, 300)];
    expect(joinPdfLines([page1, page2])).toEqual([
      '一、工作回顾',
      '这是一个很长的段落的第一行文字第二行也到了右边距的位置啊啊第三行结束。',
      '新段落首行缩进两个字符的位置新段落第二行结束了。',
    ]);
  });

  it('drops page numbers and the header repeated at the top of every page, but not body text', () => {
    const page = (n: number) => [line('港门镇人民政府', 266, 336), line(['正文开头', '中间内容', '结尾文字'][n - 1], 80, 500), line(`- ${n} -`, 280, 300)];
    const kept = dropPageFurniture([page(1), page(2), page(3)]);
    expect(kept.map((p) => p.map((l) => l.text))).toEqual([['正文开头'], ['中间内容'], ['结尾文字']]);
  });
});
