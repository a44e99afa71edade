import { extractFigures, type Figure } from './extract-figures.js';
import { readUnit, UNIT_PATTERN } from './figure-units.js';
import { NUMBER_PATTERN, parseNumber } from './parse-number.js';
import { indicatorGroup, type IndicatorGroups } from './indicator-synonyms.js';

/**
 * Every figure of a corpus with the passage it stands in, and the figures of each indicator group: what `/figures`,
 * its API and figure queries (`财政收入 >1亿元`) read.
 */

/** A figure and the passage it stands in (its number in the index). */
export interface FigureRecord extends Figure {
  readonly passage: number;
}

/** The figures of a corpus, grouped by indicator (synonyms listed under one name). */
export interface FigureTable {
  readonly records: readonly FigureRecord[];
  /** Group name → the records' positions in `records`. */
  readonly byGroup: ReadonlyMap<string, readonly number[]>;
  /** Passage number → the records' positions. */
  readonly byPassage: ReadonlyMap<number, readonly number[]>;
  /** The group of each record, in order. */
  readonly groups: readonly string[];
}

/** The figures of every passage (a job process runs this once per index). */
export function collectFigures(passages: readonly { readonly text: string; readonly section: readonly string[] }[]): FigureRecord[] {
  return passages.flatMap((p, passage) => extractFigures(p.text, p.section).map((f) => ({ ...f, passage })));
}

/** The table of the records, grouped with the synonym list. */
export function figureTable(records: readonly FigureRecord[], synonyms: IndicatorGroups): FigureTable {
  const groups = records.map((r) => indicatorGroup(synonyms, r.indicator));
  const byGroup = new Map<string, number[]>();
  const byPassage = new Map<number, number[]>();
  records.forEach((r, k) => {
    (byGroup.get(groups[k]) ?? byGroup.set(groups[k], []).get(groups[k])!).push(k);
    (byPassage.get(r.passage) ?? byPassage.set(r.passage, []).get(r.passage)!).push(k);
  });
  return { records, byGroup, byPassage, groups };
}

/** A comparison of a figure query: `>1亿元` → normalised 1e8 in 元. */
export interface FigureComparison {
  readonly op: '>' | '>=' | '<' | '<=' | '=';
  readonly normalized: number;
  readonly baseUnit: string;
  /** As typed, for messages. */
  readonly text: string;
}

/** Whether a figure satisfies a comparison: the same base unit, and its value (its upper end for a range) compared. */
export function satisfies(f: Pick<Figure, 'normalized' | 'baseUnit' | 'valueTo' | 'value'>, c: FigureComparison): boolean {
  if (f.baseUnit !== c.baseUnit) return false;
  const v = f.normalized;
  switch (c.op) {
    case '>': return v > c.normalized;
    case '>=': return v >= c.normalized;
    case '<': return v < c.normalized;
    case '<=': return v <= c.normalized;
    default: return Math.abs(v - c.normalized) < 1e-9 * Math.max(1, Math.abs(c.normalized));
  }
}

const COMPARISON = new RegExp(`^(>=|<=|≥|≤|>|<|＞|＜|=)\\s*(${NUMBER_PATTERN})\\s*(${UNIT_PATTERN})?$`);

/** Reads `>1亿元`, `≥5000万元`, `<3%`, `=2801人` (a number without a unit is in the base unit given); null if it is none. */
export function parseComparison(text: string): FigureComparison | null {
  const m = COMPARISON.exec(text.trim());
  const value = m ? parseNumber(m[2]) : null;
  if (!m || value === null || !m[3]) return null;
  const unit = readUnit(m[3]);
  if (!unit) return null;
  const op = ({ '≥': '>=', '≤': '<=', '＞': '>', '＜': '<' } as Record<string, FigureComparison['op']>)[m[1]] ?? (m[1] as FigureComparison['op']);
  return { op, normalized: value * unit.factor, baseUnit: unit.base, text: text.trim() };
}
