import type { Engine } from '../engine.js';

/** A passage's number in the index from its id (`000_…-p12`), for the views that link passages to analyses. */

const numbers = new WeakMap<object, Map<string, number>>();

/** The number of the passage with this id, or undefined. */
export function passageNumber(engine: Engine, id: string): number | undefined {
  const byId = numbers.get(engine.index) ?? numbers.set(engine.index, new Map(engine.index.passages.map((p, k) => [p.id, k]))).get(engine.index)!;
  return byId.get(id);
}
