import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-documents.js';
import { parseMetadataCsv } from '../../src/corpus/metadata-overrides.js';
import type { SourceFile } from '../../src/types.js';

const file = (name: string, text: string): SourceFile => ({ name, text, encoding: 'UTF-8', format: 'txt', headings: [] });
const REPORT = '政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告政府工作，请予审议，并请列席会议的同志提出意见。';

describe('metadata.csv', () => {
  it('reads corrections and reports each bad row with its line number', () => {
    const csv = '\ufefffile,report,region,year,date\na.txt,,港门镇,2022,2022年3月18日\nb.txt,x,,,\nc.txt,,,22,\n,,南山镇,,\nd.txt,2,,,2025-02-30\n';
    const { overrides, errors } = parseMetadataCsv(csv);
    expect(overrides).toEqual([{ file: 'a.txt', report: null, line: 2, values: { region: '港门镇', year: 2022, date: '2022-03-18' } }]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(errors[0].message).toMatch(/report must be/);
    expect(errors[1].message).toMatch(/year must be/);
  });

  it('names an unknown column and a broken file', () => {
    expect(parseMetadataCsv('file,regoin\na.txt,x\n').errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/unknown column regoin/) });
    expect(parseMetadataCsv('file,region\na.txt,"open\n').errors[0].message).toMatch(/cannot be parsed/);
  });

  it('overrides what extraction found, places a corrected region in the gazetteer, and says so in sources', () => {
    const { overrides } = parseMetadataCsv('file,report,region,year,speaker\nsub/a.txt,,港门镇,2022,镇长 罗允升\nb.txt,2,,2019,\nmissing.txt,,,2020,\n');
    const { documents, notes } = buildCorpus([file('sub/a.txt', REPORT), file('b.txt', `${REPORT}\n${'正文'.repeat(40)}\n某镇工作总结\n${REPORT}`)], undefined, overrides);
    expect(documents[0]).toMatchObject({ region: '港门镇', level: '镇', county: '遂溪县', year: 2022, speaker: '镇长 罗允升', sources: { region: 'metadata.csv', county: 'gazetteer', year: 'metadata.csv' } });
    expect(documents.map((d) => d.year)).toEqual([2022, null, 2019]);
    expect(notes).toContainEqual({ file: 'metadata.csv', message: 'line 4: no corpus file named missing.txt; the row is not applied' });
  });
});
