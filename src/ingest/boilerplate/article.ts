import { countWords } from '../page/sanitize.js';
import { cleanTitleAndDigest, cleanText, type IsRepeated, type Removal } from './clean.js';
import { cleanHtml } from './html.js';
import { endBylinedHeadlines } from './digest-byline.js';
import { endRunInHeadline } from './run-in-headline.js';

export interface CleanArticle {
  title: string;
  text: string;
  html: string;
  wordCount: number;
  removed: Removal[];
  /** An issue of a newsletter: its title carried the newsletter's label (see clean.ts). */
  digest: boolean;
  /** Whether anything differs from what was given. */
  changed: boolean;
  /** The sentence the feed cut, taken out of `text` (see clean.ts); '' for none. */
  cutTail: string;
}

/**
 * The text the clusterer reads of a cleaned article: what a reader sees, then the sentence the
 * feed cut (not shown, but it names what the story is about).
 */
export const clusterText = (a: { text: string; cutTail?: string }): string =>
  a.cutTail ? `${a.text} ${a.cutTail}` : a.text;

/** An article's title, text and HTML with its outlet's boilerplate taken out (see clean.ts). */
export function cleanArticle(
  a: { title: string; text: string; html: string; wordCount: number },
  repeated?: IsRepeated,
): CleanArticle {
  const cleaned = cleanText(a.text, repeated);
  const { removed } = cleaned;
  const { title, digest } = cleanTitleAndDigest(a.title, removed, repeated);
  if (!removed.length) return { ...a, title, removed, digest, changed: title !== a.title, cutTail: '' };
  // A digest's text opens with its first story's headline, run into the lead or into the writer's byline.
  const text = digest ? endRunInHeadline(endBylinedHeadlines(cleaned.text)) : cleaned.text;
  return {
    title,
    text,
    html: cleanHtml(a.html, removed),
    wordCount: countWords(text),
    removed,
    digest,
    changed: true,
    cutTail: cleaned.cutTail,
  };
}
