import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { cleanText } from '../../src/corpus/clean-text.js';
import { detectHeading } from '../../src/segment/detect-heading.js';
import { splitAtSentences, splitPassages } from '../../src/segment/split-passages.js';
import { SAMPLE_CORPUS, sampleEngine } from '../helpers.js';

describe('detectHeading', () => {
  it('recognises the numbering styles of Chinese reports', () => {
    expect(detectHeading('一、抓重点项目,努力增强发展后劲', true)).toMatchObject({ style: 'cn-dun', whole: true });
    expect(detectHeading('（一）产业升级助推经济新发展', true)).toMatchObject({ style: 'paren-cn' });
    expect(detectHeading('(一)着力加快经济发展', true)).toMatchObject({ style: 'paren-cn' });
    expect(detectHeading('第一,聚焦增强新动能,着力稳增长、优结构', true)).toMatchObject({ style: 'ordinal' });
    expect(detectHeading('1.加快产业发展', true)).toMatchObject({ style: 'arabic' });
    expect(detectHeading('一是压实党建责任', true)).toMatchObject({ style: 'yishi' });
    expect(detectHeading('2020年工作回顾', true)).toMatchObject({ style: 'year-part', label: '2020年工作回顾' });
    expect(detectHeading('第一章　总则', true)).toMatchObject({ style: 'chapter' });
  });

  it('takes the first sentence of a numbered paragraph as an inline heading', () => {
    const line = '(一)聚焦基础强提升,党建引领更加凸显。把“三化”作为基层党建“一号工程”来抓,牢固树立理念。';
    expect(detectHeading(line, true)).toEqual({ style: 'paren-cn', label: '(一)聚焦基础强提升,党建引领更加凸显', whole: false });
  });

  it('does not take body sentences, 一是 inside long paragraphs, or front matter for headings', () => {
    expect(detectHeading('一是经济指标稳步发展。2020年全镇生产总值16.36亿元;其中农林牧渔业总产值比上年增长,工业总产值保持稳定增长的良好态势。', true)).toBeNull();
    expect(detectHeading('完成以上目标任务，重点抓好以下六方面工作：', true)).toBeNull();
    expect(detectHeading('港门镇人民政府镇长 罗允升', false)).toBeNull();
  });
});

describe('splitPassages', () => {
  it('gives each passage the path of headings above it', async () => {
    const nanshan = (await sampleEngine()).documents[0];
    const find = (start: string) => nanshan.passages.find((p) => p.text.startsWith(start));
    expect(find('一是经济指标稳步发展')?.section).toEqual(['2020年工作回顾', '一年来,我们坚持稳中求进,克难前行,镇域经济健康发展']);
    expect(find('二、抓乡村振兴')?.section).toEqual(['2021年工作安排', '二、抓乡村振兴,巩固脱贫攻坚成果']);
    expect(find('二、抓乡村振兴')?.heading).toBe(true);
    const gangmen = (await sampleEngine()).documents[2];
    expect(gangmen.passages.find((p) => p.text === '（二）乡村振兴续写脱贫新序章')?.section).toEqual(['二、2022年工作安排', '（二）乡村振兴续写脱贫新序章']);
  });

  it('cuts long paragraphs at sentence ends only', () => {
    const paragraph = '甲'.repeat(300) + '。' + '乙'.repeat(300) + '；' + '丙'.repeat(100) + '。';
    expect(splitAtSentences(paragraph, 500)).toEqual(['甲'.repeat(300) + '。', '乙'.repeat(300) + '；' + '丙'.repeat(100) + '。']);
  });

  it('gives back any paragraph whole when its pieces are joined (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('政', '府', '。', '；', '！', '，', '”', 'a'), { maxLength: 2000 }), fc.integer({ min: 5, max: 600 }), (chars, max) => {
        const paragraph = chars.join('');
        const pieces = splitAtSentences(paragraph, max);
        expect(pieces.join('')).toBe(paragraph);
        for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[。！？；!?;][”’」』）)]*$/);
      }),
    );
  });
});

describe('passages of the sample corpus (properties over every document)', () => {
  it('never overlap and, in order, give back the whole cleaned text: nothing is lost', async () => {
    const engine = await sampleEngine();
    for (const source of [...new Set(engine.documents.map((d) => d.source))]) {
      const raw = await readFile(path.join(SAMPLE_CORPUS, source), 'utf8');
      const docs = engine.documents.filter((d) => d.source === source);
      const rebuilt = docs.map((d) => d.passages.map((p) => p.text + (p.continues ? '' : '\n')).join('')).join('');
      expect(rebuilt).toBe(cleanText(raw).map((line) => line + '\n').join(''));
      // Every Han character of the file is still there, in order, except the page chrome that was removed.
      const han = (s: string) => s.match(/\p{Script=Han}/gu)?.join('') ?? '';
      const chrome = /^(?:\d{4}-\d{2}-\d{2}.*来源.*|扫一扫在手机打开当前页)$/;
      const kept = raw.split(/\r?\n/).filter((l) => !chrome.test(l.trim())).join('\n');
      expect(han(rebuilt)).toBe(han(kept));
    }
  });

  it('have indexes counting from 0 and ids unique and stable across rebuilds', async () => {
    const engine = await sampleEngine();
    const again = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: null });
    const ids = engine.index.passages.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(again.index.passages.map((p) => p.id)).toEqual(ids);
    for (const doc of engine.documents) doc.passages.forEach((p, i) => expect([p.index, p.docId, p.id]).toEqual([i, doc.id, `${doc.id}-p${i}`]));
  });

  it('are at most about 500 characters unless a single sentence is longer', async () => {
    for (const p of (await sampleEngine()).index.passages) {
      if (p.text.length > 500) expect(p.text.slice(0, -1)).not.toMatch(/[。！？；]/);
    }
  });

  it('split a document given as lines the same way every time', () => {
    const lines = ['标题', '各位代表：', '一、2021年工作回顾', '正文'.repeat(30) + '。'];
    expect(splitPassages('d', lines)).toEqual(splitPassages('d', lines));
  });
});
