import { BLANK_LANGUAGE } from './prepare.js';

/**
 * The language of a feed element from its candidates, nearest first (the element's own
 * xml:lang, then its parents'). A candidate that is absent defers to the next; one that is
 * present but blank (xml:lang="") means "unknown" and stops the search, as XML says.
 * Tags are written the BCP 47 way (en_US → en-US).
 */
export function languageOf(...candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    if (c === undefined) continue;
    if (c === null) return null;
    const tag = c.trim().replace(/_/g, '-');
    return tag && tag !== BLANK_LANGUAGE ? tag : null;
  }
  return null;
}
