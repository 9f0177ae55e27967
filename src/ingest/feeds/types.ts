/** The one shape every feed format is normalized into. HTML fields are sanitized. */
export interface Person {
  name?: string;
  email?: string;
  url?: string;
}

export interface Category {
  term: string;
  scheme?: string;
  label?: string;
}

export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

export interface ParsedItem {
  /** The feed's own id for the item (RSS guid, Atom id, JSON Feed id), or null. */
  guid: string | null;
  /** The item's web page, resolved against the feed's base. */
  url: string | null;
  /** Plain text title (markup stripped, entities decoded). */
  title: string;
  /** The title as sanitized HTML, when the feed gave markup in it. */
  titleHtml: string;
  summaryHtml: string;
  contentHtml: string;
  authors: Person[];
  /** ISO 8601 UTC, or null when the feed gave no date (or one we could not read). */
  published: string | null;
  updated: string | null;
  categories: Category[];
  enclosures: Enclosure[];
  image: string | null;
  language: string | null;
  comments: string | null;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  /** Finer version: rss090, rss091, rss092, rss20, rss10, atom03, atom10, json1, json11. */
  version: string;
  /** The character encoding the document was read in. */
  encoding: string;
  /** True when the document was not well-formed; the reasons say why. We still read what we could. */
  bozo: boolean;
  bozoReasons: string[];
  title: string;
  titleHtml: string;
  subtitle: string;
  subtitleHtml: string;
  link: string | null;
  feedUrl: string | null;
  language: string | null;
  updated: string | null;
  image: string | null;
  authors: Person[];
  generator: string | null;
  rights: string | null;
  rightsHtml: string;
  items: ParsedItem[];
}
