import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { escapeHtml } from '../page/sanitize.js';
import { parseFeed } from './parse.js';
import type { ParsedFeed, ParsedItem, Person } from './types.js';
import { htmlToText } from '../page/sanitize.js';

/**
 * Runs our feed parser over the test documents of Python's feedparser
 * (../shared/data/feeds, see its README) and scores it per category.
 *
 * The expectations name feedparser's result keys; they are mapped onto our normalized
 * shape below. A case is "not applicable" only when one of its checks names a concept
 * our model does not keep (per-field xml:base/type details, iTunes/GeoRSS/PSC
 * extensions, the feed's own links list, contributors): those are counted and listed.
 *
 * Our model keeps both a plain-text and a sanitized-HTML form of titles and summaries;
 * a text field check passes when either form equals feedparser's value.
 */

interface Check {
  bozo?: boolean;
  path?: Array<string | number>;
  op?: string;
  value?: unknown;
}

interface Case {
  file: string;
  category: string;
  class: string;
  expect: string;
  description: string;
  headers?: Record<string, string>;
  checks?: Check[];
}

export type Outcome = 'pass' | 'fail' | 'crash' | 'n/a';

export interface CaseResult {
  file: string;
  category: string;
  outcome: Outcome;
  detail?: string;
}

const NA = Symbol('not applicable');
type Value = unknown | typeof NA;

function personString(p: Person | undefined): string | undefined {
  if (!p) return undefined;
  if (p.name && p.email) return `${p.name} (${p.email})`;
  return p.name ?? p.email;
}

function timeTuple(iso: string | null): number[] | null {
  if (!iso) return null;
  const d = new Date(iso);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - start) / 86_400_000) + 1;
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    (d.getUTCDay() + 6) % 7,
    yday,
    0,
  ];
}

/** Candidate values of ours for one feedparser field of a feed or an entry. */
function fieldOf(obj: ParsedFeed | ParsedItem, isEntry: boolean, key: string, rest: Array<string | number>): Value[] {
  const f = obj as ParsedFeed;
  const i = obj as ParsedItem;
  const sub = rest[0];
  switch (key) {
    case 'title':
      return [obj.title, obj.titleHtml];
    case 'title_detail':
      return sub === 'value' ? [obj.title, obj.titleHtml] : [NA];
    case 'description':
    case 'summary':
    case 'tagline':
    case 'subtitle':
    case 'summary_detail':
    case 'tagline_detail':
    case 'subtitle_detail':
      if (key.endsWith('_detail') && sub !== 'value') return [NA];
      // feedparser gives a text construct's value unescaped; we keep HTML, so its text is the counterpart (as title and titleHtml are).
      return isEntry
        ? [
            i.summaryHtml,
            htmlToText(i.summaryHtml),
            i.summaryHtml ? undefined : '',
            i.contentHtml && !i.summaryHtml ? i.contentHtml : undefined,
          ]
        : [f.subtitle, f.subtitleHtml];
    case 'content':
      if (!isEntry) return [NA];
      if (rest[1] === 'value') return [i.contentHtml, htmlToText(i.contentHtml)];
      if (rest[1] === 'language') return [i.language];
      return [NA];
    case 'link':
      return [isEntry ? i.url : f.link];
    case 'id':
    case 'guid':
      return isEntry ? [i.guid] : [NA];
    case 'language':
      return isEntry ? [i.language] : [f.language];
    case 'author':
      return [personString(obj.authors[0])];
    case 'author_detail':
      if (sub === 'name') return [obj.authors[0]?.name];
      if (sub === 'email') return [obj.authors[0]?.email];
      if (sub === 'url' || sub === 'href') return [obj.authors[0]?.url];
      return [NA];
    case 'authors':
      if (typeof sub === 'number' && rest[1] === 'name') return [obj.authors[sub]?.name];
      if (typeof sub === 'number' && rest[1] === 'email') return [obj.authors[sub]?.email];
      if (typeof sub === 'number' && (rest[1] === 'url' || rest[1] === 'href')) return [obj.authors[sub]?.url];
      return [NA];
    case 'tags':
    case 'category': {
      if (!isEntry) return [NA];
      if (key === 'category') return [i.categories[0]?.term];
      const c = typeof sub === 'number' ? i.categories[sub] : undefined;
      if (rest[1] === 'term') return [c?.term];
      if (rest[1] === 'scheme') return [c?.scheme ?? null];
      if (rest[1] === 'label') return [c?.label ?? null];
      return [NA];
    }
    case 'updated_parsed':
    case 'modified_parsed':
      return [timeTuple(isEntry ? (i.updated ?? i.published) : f.updated)];
    case 'published_parsed':
    case 'issued_parsed':
      return isEntry ? [timeTuple(i.published)] : [NA];
    case 'copyright':
    case 'rights':
      return isEntry ? [NA] : [f.rights, f.rightsHtml];
    case 'generator':
      return isEntry ? [NA] : [f.generator];
    case 'image':
      return sub === 'href' || sub === 'url' ? [isEntry ? i.image : f.image] : [NA];
    case 'comments':
      return isEntry ? [i.comments] : [NA];
    case 'enclosures': {
      if (!isEntry || typeof sub !== 'number') return [NA];
      const e = i.enclosures[sub];
      if (rest[1] === 'href' || rest[1] === 'url') return [e?.url];
      if (rest[1] === 'type') return [e?.type];
      if (rest[1] === 'length') return [e?.length === undefined ? undefined : String(e.length), e?.length];
      return [NA];
    }
    default:
      return [NA];
  }
}

const EMPTY_ITEM: ParsedItem = {
  guid: null,
  url: null,
  title: '',
  titleHtml: '',
  summaryHtml: '',
  contentHtml: '',
  authors: [],
  published: null,
  updated: null,
  categories: [],
  enclosures: [],
  image: null,
  language: null,
  comments: null,
};

function resolvePath(feed: ParsedFeed, path: Array<string | number>): Value[] {
  const [head, ...rest] = path;
  if (head === 'encoding') return [feed.encoding];
  if (head === 'version') return [feed.version];
  if (head === 'feed' || head === 'channel') {
    const [key, ...more] = rest;
    return fieldOf(feed, false, String(key), more);
  }
  if (head === 'entries' || head === 'items') {
    const [idx, key, ...more] = rest;
    const item = feed.items[Number(idx)];
    // A field we have no counterpart for is not applicable whether or not the entry was read.
    if (!item) return fieldOf(EMPTY_ITEM, true, String(key), more).includes(NA) ? [NA] : [undefined];
    return fieldOf(item, true, String(key), more);
  }
  return [NA];
}

/**
 * Compares HTML by meaning, not by serialization: feedparser writes `&#38;` where we write
 * `&amp;`, and keeps Atom's xhtml wrapper <div> that the Atom spec says is not content.
 */
function canonicalHtml(s: string): string {
  let out = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        out += `<${name}${Object.keys(attrs)
          .sort()
          .map((k) => ` ${k}="${escapeHtml(attrs[k]!)}"`)
          .join('')}>`;
      },
      onclosetag(name, implied) {
        if (!implied || !VOID.has(name)) out += VOID.has(name) ? '' : `</${name}>`;
      },
      ontext(t) {
        out += escapeHtml(t);
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(s);
  parser.end();
  out = out.replace(/\s+/g, ' ').trim();
  const wrapped = /^<div>([\s\S]*)<\/div>$/.exec(out);
  return wrapped && !/<\/?div/.test(wrapped[1]!) ? wrapped[1]!.trim() : out;
}
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'source', 'area', 'col', 'wbr']);

const norm = (v: unknown) => (typeof v === 'string' ? canonicalHtml(v) : JSON.stringify(v));

function caseHeader(c: Case, name: string): string | undefined {
  const h = c.headers ?? {};
  const k = Object.keys(h).find((x) => x.toLowerCase() === name);
  return k ? h[k] : undefined;
}

export function runCase(root: string, c: Case): CaseResult {
  const base = { file: c.file, category: c.category };
  if (!c.checks) return { ...base, outcome: 'n/a', detail: `expectation needs hand translation (${c.class})` };
  const bytes = readFileSync(join(root, c.file.replace(/^tests\//, '')));
  let feed: ParsedFeed;
  try {
    // The upstream harness served each file from http://127.0.0.1:8097/<path>.
    feed = parseFeed(bytes, {
      url: 'http://127.0.0.1:8097/' + c.file,
      contentType: caseHeader(c, 'content-type'),
      contentLocation: caseHeader(c, 'content-location'),
      contentLanguage: caseHeader(c, 'content-language'),
    });
  } catch (e) {
    const isOurError = (e as Error).name === 'FeedError';
    // Refusing a document that is not a feed is a clean result, not a crash.
    if (isOurError && c.checks.some((k) => k.bozo === true))
      return { ...base, outcome: 'pass', detail: 'refused as not a feed' };
    return { ...base, outcome: isOurError ? 'fail' : 'crash', detail: (e as Error).message };
  }
  for (const check of c.checks) {
    if (check.bozo !== undefined) {
      if (feed.bozo !== check.bozo)
        return {
          ...base,
          outcome: 'fail',
          detail: `bozo ${feed.bozo} (${feed.bozoReasons.join('; ')}), expected ${check.bozo}`,
        };
      continue;
    }
    if (!check.path) continue;
    const values = resolvePath(feed, check.path);
    if (values.includes(NA)) return { ...base, outcome: 'n/a', detail: `no counterpart for ${check.path.join('.')}` };
    const want = norm(check.value);
    if (!values.some((v) => v !== undefined && norm(v) === want)) {
      return {
        ...base,
        outcome: 'fail',
        detail:
          `${check.path.join('.')}: got ` +
          `${JSON.stringify(values.filter((v) => v !== undefined)).slice(0, 200)}, expected ` +
          `${JSON.stringify(check.value).slice(0, 200)}`,
      };
    }
  }
  return { ...base, outcome: 'pass' };
}

export interface SuiteReport {
  results: CaseResult[];
  byCategory: Map<string, Record<Outcome, number>>;
}

export function runFeedSuite(dataDir: string, filter?: (c: Case) => boolean): SuiteReport {
  const spec = JSON.parse(readFileSync(join(dataDir, 'feedparser-expectations.json'), 'utf8')) as { cases: Case[] };
  const root = join(dataDir, 'feedparser');
  const results: CaseResult[] = [];
  for (const c of spec.cases) {
    if (filter && !filter(c)) continue;
    if (c.file.endsWith('.json')) {
      results.push({
        file: c.file,
        category: c.category,
        outcome: 'n/a',
        detail: 'test header kept in a __TEST__ key',
      });
      continue;
    }
    // Microsoft's Channel Definition Format (1997): a <CHANNEL> root, not one of the formats we read.
    if (
      /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<channel\b/i.test(
        readFileSync(join(root, c.file.replace(/^tests\//, '')), 'latin1'),
      )
    ) {
      results.push({
        file: c.file,
        category: c.category,
        outcome: 'n/a',
        detail: 'CDF (Channel Definition Format), not a format we read',
      });
      continue;
    }
    results.push(runCase(root, c));
  }
  const byCategory = new Map<string, Record<Outcome, number>>();
  for (const r of results) {
    const row = byCategory.get(r.category) ?? { pass: 0, fail: 0, crash: 0, 'n/a': 0 };
    row[r.outcome]++;
    byCategory.set(r.category, row);
  }
  return { results, byCategory };
}

/** Pass rate over applicable cases. */
export function passRate(rows: Iterable<Record<Outcome, number>>): { pass: number; applicable: number; rate: number } {
  let pass = 0;
  let applicable = 0;
  for (const r of rows) {
    pass += r.pass;
    applicable += r.pass + r.fail + r.crash;
  }
  return { pass, applicable, rate: applicable ? pass / applicable : 0 };
}
