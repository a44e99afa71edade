import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/corpus/readers/detect-format.js';
import { readSourceFile } from '../../../src/corpus/readers/read-source-file.js';

const FORMATS = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
const ODD = fileURLToPath(new URL('../../fixtures/odd/', import.meta.url));

const lines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l !== '');

async function read(dir: string, name: string) {
  return readSourceFile(name, await readFile(dir + name));
}

describe('format detection', () => {
  it('goes by content: a web page named .doc is read as HTML, Word and PDF by their magic numbers', async () => {
    const cases: [string, string][] = [
      ['gangmen.pdf', 'pdf'], ['gangmen.docx', 'docx'], ['gangmen.doc', 'doc'], ['gangmen.html', 'html'],
      ['gangmen-site.shtml', 'html'], ['gangmen-page-named.doc', 'html'], ['gangmen.txt', 'txt'],
    ];
    for (const [name, format] of cases) expect(await detectFormat(name, await readFile(FORMATS + name))).toEqual({ ok: true, format });
    expect(await detectFormat('report.docx', await readFile(FORMATS + 'gangmen.pdf'))).toEqual({ ok: true, format: 'pdf' });
  });

  it('names the type of a file it does not read', async () => {
    const md = await detectFormat('notes.md', Buffer.from('# 笔记\n乡村振兴'));
    expect(md).toMatchObject({ ok: false, reason: expect.stringMatching(/\.md files are not read/) });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');
    expect(await detectFormat('scan.png', png)).toMatchObject({ ok: false, reason: expect.stringMatching(/image\/png/) });
    expect(await detectFormat('report.pdf', Buffer.from('plain words, not a PDF'))).toMatchObject({ ok: false, reason: expect.stringMatching(/not a pdf file/) });
  });
});

describe('every format of a report reads as the same paragraphs as its .txt', () => {
  for (const base of ['gangmen', 'nanshan']) {
    it(`${base}: .docx, .doc, .pdf and .html give the lines of ${base}.txt (up to white space)`, async () => {
      const expected = lines(await readFile(FORMATS + `${base}.txt`, 'utf8'));
      const names = (await readdir(FORMATS)).filter((f) => f.startsWith(base) && /\.(docx?|pdf|html|shtml)$/.test(f));
      expect(names.length).toBeGreaterThanOrEqual(4);
      for (const name of names) {
        const result = await read(FORMATS, name);
        if (!result.ok) throw new Error(`${name}: ${result.reason}`);
        expect(lines(result.file.text), name).toEqual(expected);
      }
    });
  }

  it('keeps Word heading styles as marked headings', async () => {
    const result = await read(FORMATS, 'gangmen.docx');
    expect(result.ok && result.file.headings).toContainEqual({ text: '一、2021年工作回顾', level: 1 });
  });
});

describe('web pages', () => {
  it('keep only the report of a government-site page: no menu, position bar, share bar, tools or footer', async () => {
    const result = await read(FORMATS, 'gangmen-site.shtml');
    if (!result.ok) throw new Error(result.reason);
    expect(result.file.encoding).toBe('GB18030');
    expect(result.file.text.split('\n')[0]).toBe('政府工作报告');
    for (const chrome of ['首页', '当前位置', '打印本页', '分享到', '版权所有', 'ICP备', '相关链接', '统计代码', '请输入关键字']) {
      expect(result.file.text).not.toContain(chrome);
    }
  });
});

describe('PDF', () => {
  it('drops running headers and page numbers and closes up the spaces between Han characters and digits', async () => {
    const result = await read(FORMATS, 'gangmen.pdf');
    if (!result.ok) throw new Error(result.reason);
    const pdfLines = result.file.text.split('\n');
    expect(pdfLines).not.toContain('港门镇人民政府');
    expect(pdfLines.some((l) => /^-\s*\d+\s*-$/.test(l))).toBe(false);
    expect(result.file.text).toContain('——2022年3月18日在港门镇');
  });

  it('says why an encrypted, a scanned or a truncated PDF cannot be read', async () => {
    expect(await read(ODD, 'encrypted.pdf')).toMatchObject({ ok: false, reason: expect.stringMatching(/encrypted/) });
    expect(await read(ODD, 'scanned.pdf')).toMatchObject({ ok: false, reason: expect.stringMatching(/no text layer.*OCR/) });
    const truncated = (await readFile(FORMATS + 'gangmen.pdf')).subarray(0, 3000);
    expect(await readSourceFile('cut.pdf', truncated)).toMatchObject({ ok: false, reason: expect.stringMatching(/PDF/) });
  });
});

describe('Word files that are not what they say', () => {
  it('reports a corrupt .docx instead of throwing', async () => {
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(60, 1)]);
    const result = await readSourceFile('broken.docx', zip);
    expect(result.ok).toBe(false);
  });
});
