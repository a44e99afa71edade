import type { DocumentMeta, MetaField, MetaSource } from '../types.js';
import type { MetadataOverride } from './metadata-overrides.js';
import { resolveRegion } from './resolve-region.js';

/**
 * A report's metadata with the user's corrections from `metadata.csv` laid over it. A corrected region is placed
 * by the gazetteer again, so that level, county, city, province and code follow it.
 */
export function applyOverrides(meta: DocumentMeta, rows: readonly MetadataOverride[], text: string): DocumentMeta {
  if (rows.length === 0) return meta;
  const values = Object.assign({}, ...rows.map((r) => r.values)) as MetadataOverride['values'];
  const sources: Partial<Record<MetaField, MetaSource>> = { ...meta.sources };
  const out: { -readonly [K in keyof DocumentMeta]: DocumentMeta[K] } = { ...meta };
  for (const field of ['year', 'date', 'speaker', 'title', 'kind'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    (out as Record<string, unknown>)[field] = value;
    sources[field] = 'metadata.csv';
  }
  if (values.region !== undefined) {
    const place = resolveRegion([{ name: values.region, source: 'metadata.csv' }], text, null);
    out.region = place.region ?? values.region;
    sources.region = 'metadata.csv';
    const derived = { level: place.level, county: place.county, city: place.city, province: place.level === '省' ? null : place.province, code: place.code };
    for (const [field, value] of Object.entries(derived) as [keyof typeof derived, string | null][]) {
      (out as Record<string, unknown>)[field] = value;
      if (value === null) delete sources[field];
      else sources[field] = place.fromGazetteer ? 'gazetteer' : 'metadata.csv';
    }
  }
  out.sources = sources;
  return out;
}
