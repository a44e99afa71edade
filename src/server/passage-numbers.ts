import type { Engine } from '../engine.js';

/**
 * A passage's number in the index from its id (`<docId>-p<index>`), for the views that link passages to analyses.
 * The id names its document and its place there, and a document's passages are consecutive numbers from
 * `docStart`; so only the documents are looked up by id (a few thousand), not the passages: a map of every
 * passage id, made on the first search page after each swap, held the server 0.23 s on the laws corpus.
 */
const documentNumbers = new WeakMap<object, Map<string, number>>();

/** The number of the passage with this id, or undefined. */
export function passageNumber(engine: Pick<Engine, 'index'>, id: string): number | undefined {
  const { index } = engine;
  const cut = id.lastIndexOf('-p');
  if (cut < 0) return undefined;
  const position = id.slice(cut + 2);
  if (!/^\d+$/.test(position)) return undefined;
  let byId = documentNumbers.get(index);
  if (!byId) documentNumbers.set(index, (byId = new Map(index.documents.map((d, k) => [d.id, k]))));
  const d = byId.get(id.slice(0, cut));
  if (d === undefined) return undefined;
  const p = index.docStart[d] + Number(position);
  return p < index.docStart[d + 1] && index.passages[p].id === id ? p : undefined;
}
