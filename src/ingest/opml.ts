import { generateOpml, parseOpml } from 'feedsmith';
import type { NewSource, Source } from '../store/sources.js';
import { SOURCE_KINDS } from '../store/sources.js';
import { xmlSafeDeep } from './xml-chars.js';

/** Our own outline attributes, kept so an export → import round trip loses nothing. */
const EXTRA = ['author', 'tier', 'kind'] as const;

export class OpmlError extends Error {
  override name = 'OpmlError';
}

/** Reads the feeds of an OPML document (nested outlines included); the category becomes nothing we need. */
export function readOpml(xml: string): NewSource[] {
  let doc;
  try {
    doc = parseOpml(xml, { extraOutlineAttributes: EXTRA });
  } catch (e) {
    throw new OpmlError(`opml: not an OPML document: ${(e as Error).message}`);
  }
  const out: NewSource[] = [];
  const walk = (outlines: Array<Record<string, unknown>> | undefined) => {
    for (const o of outlines ?? []) {
      const xmlUrl = o['xmlUrl'] as string | undefined;
      if (xmlUrl) {
        const kind = SOURCE_KINDS.includes(o['kind'] as never) ? (o['kind'] as NewSource['kind']) : undefined;
        const tier = Number(o['tier']);
        out.push({
          name: String(o['title'] ?? o['text'] ?? xmlUrl).trim() || xmlUrl,
          feedUrl: xmlUrl.trim(),
          ...(o['htmlUrl'] ? { homeUrl: String(o['htmlUrl']).trim() } : {}),
          ...(o['author'] ? { author: String(o['author']) } : {}),
          ...(kind ? { kind } : {}),
          ...(tier >= 1 && tier <= 3 ? { tier } : {}),
        });
      }
      walk(o['outlines'] as Array<Record<string, unknown>> | undefined);
    }
  };
  walk(doc.body?.outlines as Array<Record<string, unknown>> | undefined);
  return xmlSafeDeep(out);
}

export function writeOpml(sources: Source[], now: Date): string {
  // XML-safe strings: a source named with a control character must not break the whole export.
  return generateOpml(
    xmlSafeDeep({
      head: { title: 'Almanac sources', dateCreated: now },
      body: {
        outlines: sources.map((s) => ({
          text: s.name,
          title: s.name,
          type: 'rss',
          xmlUrl: s.feedUrl,
          ...(s.homeUrl ? { htmlUrl: s.homeUrl } : {}),
          ...(s.author ? { author: s.author } : {}),
          tier: String(s.tier),
          kind: s.kind,
        })),
      },
    }),
    { extraOutlineAttributes: EXTRA },
  );
}
