/**
 * HTML written as strings, for the pages and fragments every request renders (hono/jsx builds
 * and walks an object per node, which cost more than the event page's SQL). These escape
 * exactly as hono/jsx does, so a fragment written either way reads the same, byte for byte.
 */

const SPECIAL = /[&<>'"]/;
const SPECIALS = /[&<>'"]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text or an attribute value, escaped. */
export function esc(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITIES[c]!) : s;
}

/** A JSX child as hono/jsx writes it: a string escaped, a number as is, nothing for null, undefined or a boolean. */
export function text(v: string | number | boolean | null | undefined): string {
  return typeof v === 'string' ? esc(v) : typeof v === 'number' ? String(v) : '';
}

/** An attribute as hono/jsx writes it: ` name="value"`, escaped, or nothing for null and undefined. */
export function attr(name: string, v: string | number | null | undefined): string {
  return v == null ? '' : ` ${name}="${typeof v === 'number' ? v : esc(v)}"`;
}

/** What a whole sentence ends with, before any space: its stop, or a closing quotation mark or bracket after it. */
const SENTENCE_ENDS = new Set(['.', '!', '?', '…', '"', '”', '’', "'", ')', ']']);

/**
 * A summary as shown: one its feed cut mid-sentence ("… describe the Pixel 10 phones in") ends
 * in "…", so a reader knows the rest was not given rather than reading a sentence that stops.
 * Its last character is read directly: a regular expression anchored at the end tried every
 * position of the text, a sixth of an event page's writing.
 */
export function shownSummary(s: string): string {
  const t = s.trimEnd();
  return t && !SENTENCE_ENDS.has(t[t.length - 1]!) ? `${t}…` : s;
}

/** The same, escaped (nothing for none). */
export const summaryText = (s: string | null | undefined): string => (s ? esc(shownSummary(s)) : '');
