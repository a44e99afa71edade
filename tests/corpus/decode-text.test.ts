import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/corpus/decode-text.js';

const TEXT = '南山镇2021年政府工作报告\r\n我代表镇人民政府，向大会报告政府工作。';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: TEXT, encoding: 'UTF-8' });
  });

  it('reads GBK/GB18030 files', () => {
    const result = decodeText(iconv.encode(TEXT, 'gbk'));
    expect(result).toEqual({ ok: true, text: TEXT, encoding: 'GB18030' });
  });

  it('reads UTF-16 little- and big-endian files with a BOM', () => {
    expect(decodeText(iconv.encode(TEXT, 'utf-16le', { addBOM: true }))).toMatchObject({ ok: true, text: TEXT, encoding: 'UTF-16LE' });
    expect(decodeText(iconv.encode(TEXT, 'utf-16be', { addBOM: true }))).toMatchObject({ ok: true, text: TEXT, encoding: 'UTF-16BE' });
  });

  it('refuses a binary file with a reason', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const result = decodeText(png);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/binary/);
  });

  it('refuses bytes that are neither UTF-8 nor a Chinese encoding', () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0xff : 0x80 + ((i * 37) % 0x7f))));
    const result = decodeText(noise);
    expect(!result.ok && result.reason).toMatch(/cannot decode/);
  });

  it('keeps a UTF-8 file cut in the middle of its last character as UTF-8', () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const result = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(result).toMatchObject({ ok: true, encoding: 'UTF-8' });
    expect(result.ok && result.text.startsWith('南山镇2021年政府工作报告')).toBe(true);
  });
});
