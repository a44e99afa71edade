import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/corpus/build-documents.js';
import { readSourceFile } from '../../src/corpus/readers/read-source-file.js';
import { createEngine } from '../../src/engine.js';
import type { PolicyDocument } from '../../src/types.js';
import { recordingLogger, tempDir } from '../helpers.js';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const ODD = fileURLToPath(new URL('../fixtures/odd/', import.meta.url));

async function documentsOf(name: string): Promise<PolicyDocument[]> {
  const read = await readSourceFile(name, await readFile(FORMATS + name));
  if (!read.ok) throw new Error(`${name}: ${read.reason}`);
  return buildDocuments(read.file);
}

/** The metadata a format must not change (the source file name aside). */
const meta = ({ title, region, level, county, city, province, code, year, date, speaker, kind }: PolicyDocument) => ({ title, region, level, county, city, province, code, year, date, speaker, kind });
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('every format of a report gives the metadata and passages of its .txt', () => {
  for (const base of ['gangmen', 'nanshan']) {
    it(`${base}`, async () => {
      const [expected] = await documentsOf(`${base}.txt`);
      expect(expected.region).toBe(base === 'gangmen' ? '港门镇' : '南山镇');
      const names = (await readdir(FORMATS)).filter((f) => f.startsWith(base) && !f.endsWith('.txt') && !f.endsWith('.ts'));
      for (const name of names) {
        const docs = await documentsOf(name);
        expect(docs, name).toHaveLength(1);
        expect(meta(docs[0]), name).toEqual(meta(expected));
        // PDF text is compared up to white space, which its layout does not keep.
        const texts = (d: PolicyDocument) => d.passages.map((p) => (name.endsWith('.pdf') ? squeeze(p.text) : p.text));
        expect(texts(docs[0]), name).toEqual(texts(expected));
      }
    });
  }
});

describe('a folder of mixed formats', () => {
  it('reads every report, lists every file it cannot read with the reason, and applies metadata.csv', async () => {
    const dir = await tempDir();
    for (const name of ['gangmen.docx', 'nanshan.pdf', 'gangmen-site.shtml']) await copyFile(FORMATS + name, path.join(dir, name));
    await copyFile(FORMATS + 'gangmen-page-named.doc', path.join(dir, '2022年港门镇政府工作报告.doc'));
    for (const name of ['encrypted.pdf', 'scanned.pdf']) await copyFile(ODD + name, path.join(dir, name));
    await writeFile(path.join(dir, 'notes.md'), '# 笔记');
    await writeFile(path.join(dir, 'metadata.csv'), 'file,report,year,speaker\ngangmen.docx,,2023,\nnanshan.pdf,,,镇长 某某\nnowhere.txt,,2020,\nbad,x,,\n');
    const logger = recordingLogger();
    const engine = await createEngine({ corpusDir: dir, cacheDir: null, logger });
    expect(engine.documents.map((d) => [d.source, d.region, d.year, d.county])).toEqual([
      ['2022年港门镇政府工作报告.doc', '港门镇', 2022, '遂溪县'],
      ['gangmen-site.shtml', '港门镇', 2022, '遂溪县'],
      ['gangmen.docx', '港门镇', 2023, '遂溪县'],
      ['nanshan.pdf', '南山镇', 2021, '徐闻县'],
    ]);
    expect(engine.documents[3]).toMatchObject({ speaker: '镇长 某某', sources: { speaker: 'metadata.csv' } });
    expect(engine.skipped.map((s) => s.name)).toEqual(['encrypted.pdf', 'notes.md', 'scanned.pdf']);
    expect(engine.skipped.every((s) => s.reason.length > 10)).toBe(true);
    expect(logger.lines.join('\n')).toMatch(/metadata\.csv:5: report must be/);
    expect(logger.lines.join('\n')).toMatch(/no corpus file named nowhere\.txt/);
  });
});
