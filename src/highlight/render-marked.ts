import type { Range } from '../types.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * HTML for a text with its ranges wrapped in `<mark>`. Markup is built from offsets over escaped pieces, never
 * by replacing strings in HTML, so corpus text and queries can hold anything.
 */
export function renderMarked(text: string, highlights: readonly Range[]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of highlights) {
    if (start < at || end > text.length) continue;
    html += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}
