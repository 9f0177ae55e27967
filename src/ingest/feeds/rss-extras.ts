import { Parser } from 'htmlparser2';

/**
 * RSS in the wild carries elements that no specification names but that readers have
 * always honoured: a channel <author> or <dc:author>, an item <body> (XHTML) or <fullitem>
 * (escaped HTML) holding the full text, an item <summary> beside <description>, a
 * comma-separated <tags>, item-level iTunes categories and images written with url= or as
 * <itunes:link rel="image">. feedsmith reads the standard elements only, so this one
 * streaming pass (htmlparser2's tokenizer, no tree) collects the rest. It runs only when a
 * cheap scan of the document says one of these elements is there (needsRssExtras).
 */
export interface RssItemExtras {
  /** The item has an element feedsmith reads, so feedsmith kept it (it drops empty items). */
  known: boolean;
  dcAuthors: string[];
  /** Inner markup of <body> or <xhtml:body>, namespace prefix removed. */
  bodyHtml?: string;
  /** Decoded text of <fullitem>: escaped HTML. */
  fullitemHtml?: string;
  /** xml:lang in force on the item's full-text element (body, fullitem, content:encoded); null when blank. */
  contentLang?: string | null;
  summary?: string;
  /** Whether <summary> came before <description>: the first one is the summary, the other the content. */
  summaryFirst: boolean;
  tags: string[];
  itunesCategories: string[];
  image?: string;
}

export interface RssExtras {
  authors: string[];
  image?: string;
  items: RssItemExtras[];
}

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.
const TRIGGER = new RegExp(
  String.raw`<(?:[\w.-]+:)?body[\s>]|<fullitem[\s>]|<dc:author[\s>]|<summary[\s>]|<tags[\s>]|` +
    String.raw`<itunes:(?:category|link)[\s>/]|<itunes:image\s[^>]*\burl\s*=|<content:encoded\s[^>]*xml:lang`,
);

/** True when the document may hold an element only this pass reads. */
export function needsRssExtras(text: string): boolean {
  if (TRIGGER.test(text)) return true;
  const firstItem = text.search(/<(?:[\w.-]+:)?item[\s>]/);
  return /<(?:[\w.-]+:)?author[\s>]/.test(firstItem < 0 ? text : text.slice(0, firstItem));
}

/** Item children feedsmith ignores: an item holding only these is dropped by it. */
function unknownToFeedsmith(name: string, attrs: Record<string, string>): boolean {
  return (
    name === 'dc:author' ||
    name === 'fullitem' ||
    name === 'summary' ||
    name === 'tags' ||
    name === 'itunes:category' ||
    name === 'itunes:link' ||
    /^(?:[\w.-]+:)?body$/.test(name) ||
    (name === 'itunes:image' && !attrs['href'])
  );
}

const newItem = (): RssItemExtras => ({
  known: false,
  dcAuthors: [],
  summaryFirst: false,
  tags: [],
  itunesCategories: [],
});

export function readRssExtras(text: string): RssExtras {
  const out: RssExtras = { authors: [], items: [] };
  const stack: string[] = [];
  const langs: Array<string | undefined> = [];
  let item: RssItemExtras | undefined;
  let itemDepth = -1;
  let sawDescription = false;
  // The element whose text is being collected, and for <body> where its inner markup starts.
  let capture: { name: string; depth: number; text: string; start: number; prefix: string } | undefined;
  const lang = (): string | null | undefined => {
    for (let i = langs.length - 1; i >= 0; i--) if (langs[i] !== undefined) return langs[i]!.trim() || null;
    return undefined;
  };
  const parser = new Parser(
    {
      onopentag(raw, attrs) {
        const name = raw.toLowerCase();
        const parent = stack[stack.length - 1];
        stack.push(name);
        langs.push(attrs['xml:lang']);
        if (capture) return;
        const local = name.replace(/^.*:/, '');
        if (local === 'item') {
          item = newItem();
          itemDepth = stack.length;
          sawDescription = false;
          out.items.push(item);
          return;
        }
        if (item && stack.length === itemDepth + 1) {
          if (!unknownToFeedsmith(name, attrs)) item.known = true;
          if (name === 'description') sawDescription = true;
          if (name === 'summary') item.summaryFirst = !sawDescription;
          if (name === 'content:encoded' || name === 'fullitem' || local === 'body') item.contentLang = lang();
        }
        if (name === 'itunes:category' && item && attrs['text']) item.itunesCategories.push(attrs['text'].trim());
        else if (
          (name === 'itunes:image' && attrs['url']) ||
          (name === 'itunes:link' && attrs['rel'] === 'image' && attrs['href'])
        ) {
          const href = (attrs['url'] ?? attrs['href'])!.trim();
          if (item) item.image ??= href;
          else if (parent === 'channel') out.image ??= href;
        } else if (
          item &&
          stack.length === itemDepth + 1 &&
          (local === 'body' || ['dc:author', 'fullitem', 'summary', 'tags'].includes(name))
        ) {
          capture = {
            name,
            depth: stack.length,
            text: '',
            start: parser.endIndex + 1,
            prefix: name.includes(':') ? name.slice(0, name.indexOf(':')) : '',
          };
        } else if (!item && parent === 'channel' && (name === 'author' || name === 'dc:author')) {
          capture = { name, depth: stack.length, text: '', start: parser.endIndex + 1, prefix: '' };
        }
      },
      ontext(t) {
        if (capture) capture.text += t;
      },
      onclosetag(raw) {
        const depth = stack.length;
        stack.pop();
        langs.pop();
        if (capture && depth === capture.depth) {
          const c = capture;
          capture = undefined;
          const value = c.text.trim();
          if (!item) {
            if (value) out.authors.push(value);
          } else if (c.name.endsWith('body')) {
            let inner = text.slice(c.start, parser.startIndex);
            if (c.prefix) inner = inner.replace(new RegExp(`<(/?)${c.prefix}:`, 'g'), '<$1');
            item.bodyHtml = inner.trim();
          } else if (c.name === 'fullitem') item.fullitemHtml = value;
          else if (c.name === 'summary') item.summary = value;
          else if (c.name === 'dc:author' && value) item.dcAuthors.push(value);
          else if (c.name === 'tags')
            item.tags.push(
              ...value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            );
        }
        if (item && depth === itemDepth && raw.toLowerCase().replace(/^.*:/, '') === 'item') {
          item = undefined;
          itemDepth = -1;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return out;
}

/**
 * Pairs feedsmith's items with the extras read from the same document. feedsmith drops
 * items in which it found nothing it reads, so when the counts differ the items that have
 * a known element are paired in order and the rest stand alone; when even that does not
 * line up the extras are left out rather than attached to the wrong item.
 */
export function pairItems<T>(
  parsed: T[],
  extras: RssItemExtras[] | undefined,
): Array<{ item?: T; extra?: RssItemExtras }> {
  if (!extras) return parsed.map((item) => ({ item }));
  if (extras.length === parsed.length) return parsed.map((item, i) => ({ item, extra: extras[i] }));
  if (extras.filter((e) => e.known).length !== parsed.length) return parsed.map((item) => ({ item }));
  let next = 0;
  return extras.map((extra) => (extra.known ? { item: parsed[next++], extra } : { extra }));
}
