import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { extractFigures, type Figure } from '../../src/figures/extract-figures.js';
import { sampleEngine } from '../helpers.js';
import { FIGURE_GOLD, FIGURE_HELD_OUT } from './figure-gold.js';

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
});

const asMention = (f: Figure) => `${f.indicator}|${f.value}|${f.unit}`;

/** Matches found mentions to the hand-checked ones, each used once; `same` decides whether two indicators agree. */
function score(same: (found: string, gold: string) => boolean, set: Readonly<Record<string, readonly string[]>> = FIGURE_GOLD) {
  let [found, gold, correct] = [0, 0, 0];
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const [id, mentions] of Object.entries(set)) {
    const passage = engine.index.passages.find((p) => p.id === id)!;
    const left = [...mentions];
    const figures = extractFigures(passage.text, passage.section).map(asMention);
    found += figures.length;
    gold += mentions.length;
    for (const f of figures) {
      const [indicator, value, unit] = f.split('|');
      const k = left.findIndex((g) => {
        const [gi, gv, gu] = g.split('|');
        return gv === value && gu === unit && same(indicator, gi);
      });
      if (k >= 0) {
        correct++;
        left.splice(k, 1);
      } else wrong.push(`${id}: ${f}`);
    }
    misses.push(...left.map((g) => `${id}: ${g}`));
  }
  return { precision: correct / found, recall: correct / gold, found, gold, correct, misses, wrong };
}

describe('figures extracted from the sample reports, against 165 hand-checked mentions', () => {
  it('reach precision ≥ 0.95 and recall ≥ 0.85 (printed, with the strict figures beside)', () => {
    const strict = score((a, b) => a === b);
    // An indicator naming the same thing with words more or fewer around it (社保增减员 for 医保、社保增减员).
    const lenient = score((a, b) => a.includes(b) || b.includes(a));
    console.log(`figures: precision ${lenient.precision.toFixed(3)}, recall ${lenient.recall.toFixed(3)} (${lenient.correct} of ${lenient.found} found, ${lenient.gold} hand-checked); indicator exactly as annotated: precision ${strict.precision.toFixed(3)}, recall ${strict.recall.toFixed(3)}`);
    if (process.env.FIGURE_DETAILS) console.log(['wrong:', ...lenient.wrong, 'missed:', ...lenient.misses].join('\n'));
    expect(lenient.precision).toBeGreaterThanOrEqual(0.95);
    expect(lenient.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('do as well on three passages annotated after the rules were first written (printed)', () => {
    const lenient = score((a, b) => a.includes(b) || b.includes(a), FIGURE_HELD_OUT);
    const strict = score((a, b) => a === b, FIGURE_HELD_OUT);
    console.log(`figures, later passages: precision ${lenient.precision.toFixed(3)}, recall ${lenient.recall.toFixed(3)} (${lenient.correct} of ${lenient.found} found, ${lenient.gold} hand-checked); exact indicator: precision ${strict.precision.toFixed(3)}, recall ${strict.recall.toFixed(3)}`);
    if (process.env.FIGURE_DETAILS) console.log(['wrong:', ...lenient.wrong, 'missed:', ...lenient.misses].join('\n'));
    expect(lenient.precision).toBeGreaterThanOrEqual(0.9);
    expect(lenient.recall).toBeGreaterThanOrEqual(0.8);
  });
});
