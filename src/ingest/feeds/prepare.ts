/**
 * Text-level repairs made before a feed document is parsed: each one turns a document
 * that real readers accept into the shape the parser expects, and each is cheap when it
 * does not apply (one bounded regex test).
 */

/** A DOCTYPE declaration with its internal subset, if any (sticky: matched where it starts). */
const DOCTYPE = /<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/iy;

/**
 * The DOCTYPE of the prolog (never one quoted in a CDATA section further on). Only the
 * prolog, before the first element, is searched: every feed passes here, and most have none.
 */
export function findDoctype(xml: string): { index: number; end: number } | undefined {
  const root = xml.search(/<[A-Za-z_]/);
  const index = (root < 0 ? xml : xml.slice(0, root)).search(/<!DOCTYPE/i);
  if (index < 0) return undefined;
  DOCTYPE.lastIndex = index;
  const m = DOCTYPE.exec(xml);
  return m ? { index, end: index + m[0].length } : undefined;
}

/** The document without its DOCTYPE. */
export function withoutDoctype(xml: string): string {
  const d = findDoctype(xml);
  return d ? xml.slice(0, d.index) + xml.slice(d.end) : xml;
}

/** At most this many characters are added by expanding declared entities. */
const EXPANSION_BUDGET = 1_000_000;

/**
 * Expands general entities that the DOCTYPE's internal subset declares as plain literal
 * text (`<!ENTITY id "tag:example.com,">`). Only values without markup or references are
 * used, so nothing nests (no billion laughs), external entities (SYSTEM, PUBLIC) and
 * parameter entities are never read, and the whole expansion is capped. The internal
 * subset is then dropped: the parser expands nothing, and some parsers stumble on
 * parameter entities that are legal XML.
 */
export function expandDeclaredEntities(xml: string): string {
  if (!/<!DOCTYPE[^>[]*\[/i.test(xml.slice(0, 4096))) return xml;
  const doctype = findDoctype(xml);
  if (!doctype) return xml;
  const values = new Map<string, string>();
  for (const m of xml
    .slice(doctype.index, doctype.end)
    .matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^"'&%<]{0,1000})\2\s*>/g))
    if (!values.has(m[1]!)) values.set(m[1]!, m[3]!);
  let budget = EXPANSION_BUDGET;
  const rest = xml.slice(doctype.end).replace(/&([A-Za-z_][\w.-]*);/g, (ref, name: string) => {
    const v = values.get(name);
    if (v === undefined || (budget -= v.length) < 0) return ref;
    return v.replace(/>/g, '&gt;');
  });
  return xml.slice(0, doctype.index) + rest;
}

/**
 * RSS written with its elements in a prefixed namespace (`<r:rss xmlns:r="…/rss2">`) has
 * the prefix removed, so `<r:item>` reads as `<item>` while module elements keep theirs;
 * and RSS whose items sit directly under `<rss>` with no `<channel>` gets one.
 */
export function normalizeRssShape(xml: string, root: string): string {
  let out = xml;
  const colon = root.indexOf(':');
  if (colon > 0) {
    const prefix = root.slice(0, colon).replace(/[.-]/g, '\\$&');
    out = out.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
  }
  if (root.endsWith('rss') && !/<channel[\s>]/.test(out)) {
    const open = /<rss\b[^>]*>/.exec(out);
    const close = out.lastIndexOf('</rss>');
    if (open && !open[0].endsWith('/>') && close > open.index) {
      const at = open.index + open[0].length;
      out = `${out.slice(0, at)}<channel>${out.slice(at, close)}</channel>${out.slice(close)}`;
    }
  }
  return out;
}

/**
 * xml:lang="" means "no language" and stops inheritance (XML 1.0, 2.12), but the parser
 * drops empty attributes, which would let the parent's language through; a sentinel
 * keeps the statement, and languageOf reads it as null.
 */
export const BLANK_LANGUAGE = 'x-blank';

export function markBlankLanguages(xml: string): string {
  return xml.includes('xml:lang=""') || xml.includes("xml:lang=''")
    ? xml.replace(/xml:lang=(?:""|'')/g, `xml:lang="${BLANK_LANGUAGE}"`)
    : xml;
}
