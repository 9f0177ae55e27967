import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { isTag, isText, type AnyNode, type ParentNode, type Text } from 'domhandler';
import type { Removal } from './clean.js';

/**
 * The same removals made in the stored HTML (what the article page shows): each removed
 * text is found in the HTML's text (across tags, spaces aside) and cut from the text nodes
 * that hold it; an element left with neither text nor media goes with it.
 */
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'source', 'br', 'hr']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function cleanHtml(html: string, removed: readonly Removal[]): string {
  if (!html || !removed.length) return html;
  const doc = parseDocument(html);
  const nodes: Text[] = [];
  const walk = (n: AnyNode) => {
    if (isText(n)) nodes.push(n);
    else if ('children' in n) for (const c of (n as ParentNode).children) walk(c);
  };
  walk(doc);
  const joined = nodes.map((n) => n.data).join('');
  const cut = new Uint8Array(joined.length);
  for (const r of removed) {
    const words = r.text.split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    const re = new RegExp(words.map(escapeRe).join('\\s*'), 'g');
    let found: RegExpExecArray | undefined;
    for (let m = re.exec(joined); m; m = re.exec(joined)) {
      if (cut.subarray(m.index, m.index + m[0].length).some((x) => x)) continue;
      found = m;
      if (!r.fromEnd) break;
    }
    if (found) cut.fill(1, found.index, found.index + found[0].length);
  }
  let at = 0;
  const touched = new Set<ParentNode>();
  for (const n of nodes) {
    const from = at;
    at += n.data.length;
    if (!cut.subarray(from, at).some((x) => x)) continue;
    n.data = [...n.data].filter((_, i) => !cut[from + i]).join('');
    if (n.parent) touched.add(n.parent);
  }
  if (!touched.size) return html;
  for (const p of touched) prune(p);
  return render(doc, { encodeEntities: 'utf8' });
}

const hasContent = (n: AnyNode): boolean =>
  isText(n) ? n.data.trim().length > 0 : isTag(n) ? MEDIA.has(n.name) || n.children.some(hasContent) : false;

/** Removes the element, then its ancestors in turn, while it holds nothing left to show. */
function prune(start: ParentNode): void {
  let p: ParentNode | null = start;
  while (p && isTag(p) && !hasContent(p)) {
    const up: ParentNode | null = p.parent;
    // (An element already taken out by an earlier prune is no longer among its parent's children.)
    const at = up ? up.children.indexOf(p) : -1;
    if (at < 0) return;
    up!.children.splice(at, 1);
    p = up;
  }
}
