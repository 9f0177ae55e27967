/**
 * Characters XML 1.0 forbids anywhere in a document, even as &#n; references: the C0
 * controls but tab, LF and CR; unpaired surrogates; U+FFFE and U+FFFF. One of them in a
 * title makes a whole Atom feed or OPML file unreadable, so they are dropped when a feed is
 * read and again when we write XML (a store filled before this, or by another path).
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, '');
}

/** A copy of plain data (objects, arrays, strings) with every string made XML-safe; Dates and other values kept. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}
