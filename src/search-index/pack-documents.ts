import type { Passage, PolicyDocument } from '../types.js';
import { passageId } from '../segment/split-passages.js';

/**
 * The cached form of documents: what a passage can derive (its id, document id, index) is left out, and the
 * section paths a document repeats for every passage are stored once per document and referred to by number.
 */

/** A passage as cached: text, section number, heading and continuation flags. */
type PackedPassage = [text: string, section: number, heading: 0 | 1, continues: 0 | 1];

/** A document as cached. */
export interface PackedDocument {
  readonly meta: Omit<PolicyDocument, 'passages'>;
  readonly sections: readonly (readonly string[])[];
  readonly passages: readonly PackedPassage[];
}

/** Packs documents for the cache. */
export function packDocuments(documents: readonly PolicyDocument[]): PackedDocument[] {
  return documents.map(({ passages, ...meta }) => {
    const sections: (readonly string[])[] = [];
    const numbers = new Map<string, number>();
    const packed = passages.map((p): PackedPassage => {
      const key = p.section.join('\u0000');
      let n = numbers.get(key);
      if (n === undefined) {
        n = sections.length;
        numbers.set(key, n);
        sections.push(p.section);
      }
      return [p.text, n, p.heading ? 1 : 0, p.continues ? 1 : 0];
    });
    return { meta, sections, passages: packed };
  });
}

/**
 * Restores packed documents; passages of one section share one section array. Fields are listed one by one:
 * objects spread from parsed JSON fell into V8's slow dictionary mode, which made every query's pass over the
 * documents twenty times slower after a cache load than after a build.
 */
export function unpackDocuments(packed: readonly PackedDocument[]): PolicyDocument[] {
  return packed.map(({ meta, sections, passages }) => ({
    id: meta.id,
    title: meta.title,
    region: meta.region,
    level: meta.level,
    county: meta.county,
    city: meta.city,
    province: meta.province,
    code: meta.code,
    year: meta.year,
    date: meta.date,
    meeting: meta.meeting,
    speaker: meta.speaker,
    kind: meta.kind,
    source: meta.source,
    sources: meta.sources,
    passages: passages.map(([text, section, heading, continues], index): Passage => ({
      id: passageId(meta.id, index),
      docId: meta.id,
      index,
      section: sections[section],
      heading: heading === 1,
      text,
      continues: continues === 1,
    })),
  }));
}
