import iconv from 'iconv-lite';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
