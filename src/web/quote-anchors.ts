import render from 'dom-serializer';
import { Element, Text, type ChildNode, type ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Elements that break the text: a quote's words meet across them only with a space between. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'figure',
  'figcaption',
  'hr',
  'dd',
  'dt',
]);

/** One character of the article's flattened text: where it sits (a text node and an offset), or null for a break between blocks. */
type At = { node: Text; offset: number } | null;

/**
 * The article's HTML with each quote wrapped in <span class="quote" id="qN"> (N counted from
 * 1 in the order given), so that a link to #qN scrolls to the quote in any browser; URL text
 * fragments (#:~:text=) are followed by Chromium only. A quote is found by its words,
 * whitespace aside, across inline tags; one not found (or overlapping one found before) gets
 * no anchor, and `anchored` says which got one. The HTML was sanitized before it was stored;
 * this adds only spans, and the text is escaped again as it is written out.
 */
export function anchorQuotes(html: string, quotes: readonly string[]): { html: string; anchored: Set<number> } {
  const doc = parseDocument(html);
  const chars: At[] = [];
  let flat = '';
  const push = (c: string, at: At) => {
    if (/\s/.test(c)) {
      if (flat === '' || flat.endsWith(' ')) return;
      c = ' ';
    }
    flat += c;
    chars.push(at);
  };
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n instanceof Text) for (let i = 0; i < n.data.length; i++) push(n.data[i]!, { node: n, offset: i });
      else if (n instanceof Element) {
        const block = BLOCK.has(n.name);
        if (block) push(' ', null);
        walk(n.children);
        if (block) push(' ', null);
      }
    }
  };
  walk(doc.children);

  // Per text node, the stretches to wrap: [from, to) and the id the first stretch of a quote carries.
  const cuts = new Map<Text, Array<{ from: number; to: number; id?: string }>>();
  const taken: Array<[number, number]> = [];
  const anchored = new Set<number>();
  quotes.forEach((q, i) => {
    const needle = q.replace(/\s+/g, ' ').trim();
    const start = needle ? flat.indexOf(needle) : -1;
    if (start < 0) return;
    const end = start + needle.length;
    if (taken.some(([a, b]) => start < b && a < end)) return;
    taken.push([start, end]);
    anchored.add(i);
    // The stretch being grown: this quote's, in the text node it is in now.
    let current: { node: Text; cut: { from: number; to: number; id?: string } } | undefined;
    for (let k = start; k < end; k++) {
      const at = chars[k];
      if (!at) continue;
      if (current?.node === at.node && current.cut.to === at.offset) {
        current.cut.to++;
        continue;
      }
      const cut = { from: at.offset, to: at.offset + 1, ...(current ? {} : { id: `q${i + 1}` }) };
      (cuts.get(at.node) ?? cuts.set(at.node, []).get(at.node)!).push(cut);
      current = { node: at.node, cut };
    }
  });

  for (const [node, list] of cuts) {
    const parent = node.parent as ParentNode | null;
    if (!parent) continue;
    const parts: ChildNode[] = [];
    let pos = 0;
    for (const c of list.sort((a, b) => a.from - b.from)) {
      if (c.from > pos) parts.push(new Text(node.data.slice(pos, c.from)));
      parts.push(
        new Element('span', { class: 'quote', ...(c.id ? { id: c.id } : {}) }, [
          new Text(node.data.slice(c.from, c.to)),
        ]),
      );
      pos = c.to;
    }
    if (pos < node.data.length) parts.push(new Text(node.data.slice(pos)));
    const at = parent.children.indexOf(node);
    parent.children.splice(at, 1, ...parts);
    parts.forEach((p, j) => {
      p.parent = parent;
      p.prev = parts[j - 1] ?? parent.children[at - 1] ?? null;
      p.next = parts[j + 1] ?? parent.children[at + parts.length] ?? null;
    });
    for (const child of parts) if (child instanceof Element) for (const t of child.children) t.parent = child;
  }
  return { html: render(doc, { encodeEntities: 'utf8' }), anchored };
}
