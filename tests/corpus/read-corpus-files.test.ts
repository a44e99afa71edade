import iconv from 'iconv-lite';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpusFiles } from '../../src/corpus/read-corpus-files.js';
import { tempDir } from '../helpers.js';

describe('readCorpusFiles', () => {
  it('reads text files recursively in a stable order, whatever their encoding, and lists every other file with a reason', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'b.txt'), '港门镇政府工作报告\n', 'utf8');
    await writeFile(path.join(dir, 'sub', 'a.txt'), iconv.encode('留庄镇工作报告\r\n', 'gbk'));
    await writeFile(path.join(dir, 'c.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]));
    await writeFile(path.join(dir, 'notes.md'), '# not corpus');
    await writeFile(path.join(dir, '.DS_Store'), 'hidden');
    await writeFile(path.join(dir, 'metadata.csv'), 'file,region\n');
    const { files, skipped } = await readCorpusFiles(dir);
    expect(files.map((f) => [f.name, f.encoding])).toEqual([
      ['b.txt', 'UTF-8'],
      ['sub/a.txt', 'GB18030'],
    ]);
    expect(files[1].text).toBe('留庄镇工作报告\r\n');
    expect(skipped).toEqual([
      { name: 'c.txt', reason: expect.stringMatching(/unsupported type: application\/zip/) },
      { name: 'notes.md', reason: expect.stringMatching(/\.md files are not read/) },
    ]);
  });
});

describe('readCorpusFiles with the memo of earlier reads', () => {
  const FORMATS = fileURLToPath(new URL('../fixtures/formats', import.meta.url));

  it('takes a file whose bytes it has read before from the memo, under any name, and reads changed files again', async () => {
    const dir = await tempDir();
    await copyFile(path.join(FORMATS, 'nanshan.docx'), path.join(dir, 'a.docx'));
    await writeFile(path.join(dir, 'b.txt'), '港门镇政府工作报告\n', 'utf8');
    const first = await readCorpusFiles(dir);
    expect(first.reused).toBe(0);
    // Plain text is not kept (decoding it is faster than loading it); the .docx is, without its name.
    const hashes = Object.keys(first.reads);
    expect(hashes).toHaveLength(1);
    const entry = first.reads[hashes[0]];
    expect(entry.ok && entry.file.format).toBe('docx');
    expect(entry.ok && entry.file.text).toBe(first.files[0].text);

    // A memo whose entry says something else shows that the entry, not the reader, made the file.
    await rename(path.join(dir, 'a.docx'), path.join(dir, 'renamed.docx'));
    const marked = { [hashes[0]]: { ok: true as const, file: { ...(entry.ok ? entry.file : first.files[0]), text: '南山镇（来自备忘）\n' } } };
    const second = await readCorpusFiles(dir, () => {}, marked);
    expect(second.reused).toBe(1);
    expect(second.files.map((f) => [f.name, f.text])).toEqual([
      ['b.txt', '港门镇政府工作报告\n'],
      ['renamed.docx', '南山镇（来自备忘）\n'],
    ]);

    await copyFile(path.join(FORMATS, 'gangmen.docx'), path.join(dir, 'renamed.docx'));
    const third = await readCorpusFiles(dir, () => {}, marked);
    expect(third.reused).toBe(0);
    expect(third.files[1].text).toContain('港门');
    expect(Object.keys(third.reads)).not.toContain(hashes[0]);
  });

  it('keeps the reasons of skipped files too, so that an unreadable PDF is not tried again', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'broken.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0x20)]));
    const first = await readCorpusFiles(dir);
    expect(first.skipped).toHaveLength(1);
    expect(Object.values(first.reads)).toEqual([{ ok: false, reason: first.skipped[0].reason }]);
    const second = await readCorpusFiles(dir, () => {}, first.reads);
    expect(second.reused).toBe(1);
    expect(second.skipped).toEqual(first.skipped);
  });
});
