import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { decodeHTML } from 'entities';
import type { ChildNode } from 'domhandler';
import { adaptAtom } from './adapters/atom.js';
import { adaptJson } from './adapters/json.js';
import { adaptRdf } from './adapters/rdf.js';
import { adaptRss } from './adapters/rss.js';
import { decodeFeedBytes } from './decode.js';
import { xmlSafeDeep } from '../xml-chars.js';
import { expandDeclaredEntities, withoutDoctype, markBlankLanguages, normalizeRssShape } from './prepare.js';
import { needsRssExtras, readRssExtras } from './rss-extras.js';
import { resolveUrl } from './text.js';
import { DateReader } from './dates.js';
import type { FeedFormat, ParsedFeed } from './types.js';
import { languageOf } from './lang.js';
import type { RssExtras } from './rss-extras.js';

export class FeedError extends Error {
  override name = 'FeedError';
}

export interface ParseFeedOptions {
  /** The URL the document was fetched from: the base for relative links. */
  url?: string;
  /** The HTTP Content-Location header: when present, the base for relative links. */
  contentLocation?: string;
  /** The HTTP Content-Type, for its charset and for clearer errors. */
  contentType?: string;
  /** The HTTP Content-Language: the feed's language when the document does not say. */
  contentLanguage?: string;
}

interface Sniffed {
  format: FeedFormat | 'html' | 'unknown';
  version: string;
  root: string;
}

/** Finds the root element (past the XML declaration, comments, PIs and DOCTYPE). */
function rootElement(text: string): { name: string; tag: string } | undefined {
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|<([A-Za-z_][\w:.-]*)([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (m[1]) return { name: m[1].toLowerCase(), tag: m[0] };
  return undefined;
}

/** Detects the format from the content, never from the Content-Type header (servers lie). */
export function sniffFormat(text: string): Sniffed {
  const start = text.trimStart();
  if (start.startsWith('{')) {
    const v = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/([\d.]+)"/.exec(start.slice(0, 2000));
    return {
      format: 'json',
      version: v?.[1] === '1' ? 'json1' : v ? `json${v[1]!.replace('.', '')}` : 'json',
      root: '{',
    };
  }
  const root = rootElement(start.slice(0, 64 * 1024));
  if (!root) return { format: 'unknown', version: '', root: '' };
  const attr = (n: string) => new RegExp(`\\s${n}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root.tag)?.[1];
  const local = root.name.replace(/^.*:/, '');
  if (local === 'rss') {
    const v = (attr('version') ?? '').trim();
    const version =
      v === '0.91'
        ? /netscape/i.test(start.slice(0, 4000))
          ? 'rss091n'
          : 'rss091u'
        : v === '0.92'
          ? 'rss092'
          : v === '0.93'
            ? 'rss093'
            : v === '0.94'
              ? 'rss094'
              : v.startsWith('2')
                ? 'rss20'
                : v
                  ? `rss${v.replace('.', '')}`
                  : 'rss';
    return { format: 'rss', version, root: root.name };
  }
  if (local === 'rdf') {
    const ns090 = /xmlns(?::\w+)?\s*=\s*["']http:\/\/my\.netscape\.com\/rdf\/simple\/0\.9\/["']/i.test(
      start.slice(0, 4000),
    );
    return { format: 'rdf', version: ns090 ? 'rss090' : 'rss10', root: root.name };
  }
  if (local === 'feed') {
    const v03 = /http:\/\/purl\.org\/atom\/ns#/.test(root.tag) || attr('version') === '0.3';
    return { format: 'atom', version: v03 ? 'atom03' : 'atom10', root: root.name };
  }
  if (local === 'channel') return { format: 'rss', version: 'rss', root: root.name };
  if (local === 'html' || local === 'head' || local === 'body') return { format: 'html', version: '', root: root.name };
  return { format: 'unknown', version: '', root: root.name };
}

/**
 * Feed readers historically accept HTML entities that XML does not define (&nbsp;, &hellip;);
 * the validator would reject the whole document for them, so they are not counted as
 * ill-formedness here. Everything else the validator finds is reported as bozo.
 */
function wellFormedProblems(text: string): string[] {
  // The validator does not read DTD internal subsets (parameter entities); a DOCTYPE is legal XML, so it is set aside.
  const body = withoutDoctype(text).replace(/&[a-zA-Z][a-zA-Z0-9]*;/g, '&amp;');
  const res = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (res === true) return [];
  return [`not well-formed XML: ${res.err.msg} (line ${res.err.line})`];
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Entity references as a strict parser accepts them: HTML's named entities (&nbsp;) become
 * character references, and any other name (one a DOCTYPE declared other than as plain text,
 * which we never expand: no external entities, no billion laughs) is kept as literal text.
 */
function plainEntities(xml: string): string {
  return xml.replace(/&([a-zA-Z][a-zA-Z0-9]*);/g, (m, name: string) => {
    if (XML_ENTITIES.has(name)) return m;
    const decoded = decodeHTML(m);
    return decoded !== m ? [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('') : `&amp;${name};`;
  });
}

/**
 * Rebuilds a well-formed document from ill-formed XML (unclosed tags, stray closers, a
 * truncated end, a DOCTYPE with entity declarations). The XML declaration and DOCTYPE are
 * dropped first: the text is decoded already, and the serializer does not write them back intact.
 */
function repairXml(xml: string): string {
  const body = withoutDoctype(xml).replace(/^\s*<\?xml[\s\S]*?\?>/, '');
  const doc = parseDocument(plainEntities(body), { xmlMode: true, decodeEntities: false });
  // Text is kept raw (entities undecoded), so a stray < or & in it (a cut-off tag, "AT&T") is escaped here.
  const escapeText = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text')
        n.data = n.data
          .replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;');
      else if ('children' in n) escapeText(n.children);
    }
  };
  escapeText(doc.children);
  return render(doc, { xmlMode: true, decodeEntities: false });
}

function emptyFeed(
  format: FeedFormat,
  version: string,
  url: string | undefined,
): Omit<ParsedFeed, 'encoding' | 'bozo' | 'bozoReasons'> {
  return {
    format,
    version,
    title: '',
    titleHtml: '',
    subtitle: '',
    subtitleHtml: '',
    rightsHtml: '',
    link: url ?? null,
    feedUrl: null,
    language: null,
    updated: null,
    image: null,
    authors: [],
    generator: null,
    rights: null,
    items: [],
  };
}

/**
 * Atom 0.3 named some elements differently; renaming them to their Atom 1.0 names lets one
 * adapter read both (copyright→rights, tagline→subtitle, modified→updated, issued→published),
 * and its mode="escaped" content is what 1.0 calls type="html".
 */
function upgradeAtom03(xml: string): string {
  const names: Record<string, string> = {
    copyright: 'rights',
    tagline: 'subtitle',
    modified: 'updated',
    issued: 'published',
    homepage: 'uri',
  };
  return xml
    .replace(
      /<(content|summary|title|copyright|tagline|info)\b([^>]*?)\smode=["']base64["']([^>]*)>([\s\S]*?)<\/\1>/gi,
      (_m, tag: string, a: string, b: string, body: string) => {
        const decoded = Buffer.from(body.replace(/<!\[CDATA\[|\]\]>/g, '').trim(), 'base64').toString('utf8');
        return `<${tag}${a}${b}>${decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${tag}>`;
      },
    )
    .replace(
      /<(\/?)(copyright|tagline|modified|issued|homepage)(?=[\s>\/])/gi,
      (_m, slash: string, n: string) => `<${slash}${names[n.toLowerCase()]}`,
    )
    .replace(/(<(?:content|summary|title|rights|subtitle)\b[^>]*?)\smode=["']escaped["']/gi, (_m, head: string) =>
      /\stype=/.test(head) ? head.replace(/\stype=["'][^"']*["']/, ' type="html"') : `${head} type="html"`,
    );
}

/**
 * Parses a feed document (bytes or text) in any supported format into the normalized
 * shape. Never throws for content that is merely ill-formed: it reads what it can and
 * marks the result bozo. Throws FeedError when the document is not a feed at all.
 */
export function parseFeed(input: Uint8Array | string, opts: ParseFeedOptions = {}): ParsedFeed {
  const decoded =
    typeof input === 'string'
      ? { text: input, encoding: 'utf-8', problems: [] as string[] }
      : decodeFeedBytes(input, opts.contentType);
  const text = decoded.text;
  const where = opts.url ? ` at ${opts.url}` : '';
  const sniff = sniffFormat(text);
  if (sniff.format === 'html')
    throw new FeedError(`feeds: not a feed (got HTML${opts.contentType ? `, ${opts.contentType}` : ''})${where}`);
  if (sniff.format === 'unknown') {
    const what = sniff.root ? `root element <${sniff.root}>` : text.trim() ? 'no XML or JSON found' : 'empty document';
    throw new FeedError(`feeds: not a feed (${what}${opts.contentType ? `, ${opts.contentType}` : ''})${where}`);
  }
  const problems = [...decoded.problems];
  const dates = new DateReader();
  let base: Omit<ParsedFeed, 'encoding' | 'bozo' | 'bozoReasons'>;
  let extras: RssExtras | undefined;
  const docBase = opts.contentLocation ? (resolveUrl(opts.contentLocation, opts.url) ?? opts.url) : opts.url;
  // The HTTP Content-Language speaks for the whole document only where the document itself is silent.
  const headerLang = languageOf(opts.contentLanguage?.split(',')[0]);
  // Characters XML 1.0 forbids (a raw U+0001, an &#1;, a JSON "\u0001") are dropped here, before anything stores or republishes them.
  const finish = (parsed: typeof base): ParsedFeed => {
    const b = xmlSafeDeep(parsed);
    return {
      ...b,
      language: b.language ?? headerLang,
      items: headerLang ? b.items.map((i) => (i.language ? i : { ...i, language: headerLang })) : b.items,
      encoding: decoded.encoding,
      bozo: problems.length > 0,
      bozoReasons: problems,
    };
  };
  try {
    if (sniff.format === 'json') {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new FeedError(`feeds: invalid JSON Feed: ${(e as Error).message}${where}`);
      }
      // Any JSON object is not a feed (an API's error, a config file): a JSON Feed says its version or has items.
      const obj = json as { version?: unknown; items?: unknown } | null;
      if (
        !obj ||
        typeof obj !== 'object' ||
        Array.isArray(obj) ||
        (!/jsonfeed\.org\/version\//.test(String(obj.version ?? '')) && !Array.isArray(obj.items))
      ) {
        const keys = obj && typeof obj === 'object' ? Object.keys(obj).slice(0, 5).join(', ') : typeof obj;
        throw new FeedError(
          `feeds: not a feed: JSON without a JSON Feed version or items (it has: ${keys || 'nothing'})${where}`,
        );
      }
      base = adaptJson(parseJsonFeed(json) as never, sniff.version, opts.url, dates);
    } else {
      problems.push(...wellFormedProblems(text));
      let xml = markBlankLanguages(expandDeclaredEntities(text));
      if (sniff.version === 'atom03') xml = upgradeAtom03(xml);
      if (sniff.format === 'rss') xml = normalizeRssShape(xml, sniff.root);
      extras = sniff.format === 'rss' && needsRssExtras(xml) ? readRssExtras(xml) : undefined;
      const read = (doc: string) =>
        sniff.format === 'rss'
          ? adaptRss(parseRssFeed(doc) as never, sniff.version, docBase, extras, dates)
          : sniff.format === 'atom'
            ? adaptAtom(parseAtomFeed(doc) as never, sniff.version, docBase, dates)
            : adaptRdf(parseRdfFeed(doc) as never, sniff.version, docBase, dates);
      try {
        base = read(xml);
      } catch (e) {
        if ((e as Error).name !== 'MalformedError') throw e;
        // Ill-formed XML: let a forgiving parser rebuild a well-formed tree, then read that.
        problems.push(
          `repaired ill-formed XML: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`,
        );
        base = read(repairXml(xml));
      }
    }
  } catch (e) {
    if (e instanceof FeedError) throw e;
    // feedsmith refuses a feed in which it found nothing it knows; for us that is a valid, empty feed.
    // What only the extras pass found (a channel <author>, items holding only a <body>) still counts.
    if ((e as Error).name === 'ParseError' || (e as Error).name === 'DetectError') {
      return finish(
        extras
          ? adaptRss({} as never, sniff.version, docBase, extras)
          : emptyFeed(sniff.format, sniff.version, opts.url),
      );
    }
    throw new FeedError(`feeds: could not read this ${sniff.format} feed: ${(e as Error).message}${where}`);
  }
  problems.push(...dates.unreadable.map((d) => `unreadable date "${d}": left out`));
  return finish(base);
}
