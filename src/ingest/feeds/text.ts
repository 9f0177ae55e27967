import { escapeHtml, htmlToText, sanitizeHtmlFragment } from '../page/sanitize.js';

/** A piece of text from a feed as both sanitized HTML and plain text. */
export interface TextValue {
  html: string;
  text: string;
}

export const EMPTY_TEXT: TextValue = { html: '', text: '' };

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;

/**
 * Reads a feed text construct. Atom says what it holds (text, html, xhtml, a MIME type);
 * RSS does not, so markup is detected the way readers have always done it.
 */
export function readText(value: string | undefined, type: string | undefined, base: string | undefined): TextValue {
  if (value === undefined || value === null) return EMPTY_TEXT;
  const v = String(value);
  const t = (type ?? '').toLowerCase();
  // Atom (RFC 4287 4.1.3.3): a MIME type that is neither text nor XML means base64-encoded content.
  if (t.includes('/') && !t.startsWith('text/') && !/[+/]xml$/.test(t)) {
    const decoded = Buffer.from(v.replace(/\s+/g, ''), 'base64').toString('utf8').trim();
    return { html: escapeHtml(decoded), text: decoded };
  }
  const isText = t === 'text' || t === 'text/plain' || (t === '' ? !LOOKS_LIKE_HTML.test(v) : !/html|xml/.test(t));
  if (isText) return { html: escapeHtml(v.trim()), text: v.trim() };
  const html = sanitizeHtmlFragment(v, base).trim();
  // The plain text is made when asked for: item summaries and contents are stored as HTML only.
  let text: string | undefined;
  return {
    html,
    get text() {
      return (text ??= htmlToText(html));
    },
  };
}

/** A one-line plain title; markup in titles is dropped, entities decoded. */
export function readTitle(value: string | undefined, type: string | undefined, base: string | undefined): TextValue {
  const t = readText(value, type, base);
  return { html: t.html, text: t.text.replace(/\s+/g, ' ').trim() };
}

/** Resolves a possibly relative URL against a base; returns null for empty or unusable values. */
export function resolveUrl(url: string | undefined | null, base: string | undefined | null): string | null {
  if (!url || !url.trim()) return null;
  try {
    return new URL(url.trim(), base ?? undefined).href;
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(url.trim()) ? url.trim() : null;
  }
}

/** Joins a chain of xml:base values, each relative to the one above it. */
export function chainBase(...bases: Array<string | undefined | null>): string | undefined {
  let out: string | undefined;
  for (const b of bases) if (b) out = resolveUrl(b, out) ?? out;
  return out;
}

/** Parses an author string such as "jane@example.com (Jane Doe)" or "Jane Doe <jane@example.com>". */
export function parsePersonString(s: string | undefined): { name?: string; email?: string } {
  if (!s) return {};
  const v = s.trim();
  let m = /^([^\s()<>]+@[^\s()<>]+)\s*\(([^)]*)\)$/.exec(v);
  if (m) return { email: m[1], name: m[2]!.trim() || undefined };
  m = /^(.*?)\s*\(([^\s()<>]+@[^\s()<>]+)\)$/.exec(v);
  if (m) return { name: m[1]!.trim() || undefined, email: m[2] };
  m = /^(.*?)\s*<([^\s<>]+@[^\s<>]+)>$/.exec(v);
  if (m) return { name: m[1]!.trim() || undefined, email: m[2] };
  if (/^[^\s@]+@[^\s@]+$/.test(v)) return { email: v };
  return { name: v };
}
