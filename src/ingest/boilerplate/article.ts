import { countWords } from '../page/sanitize.js';
import { cleanText, cleanTitle, type IsRepeated, type Removal } from './clean.js';
import { cleanHtml } from './html.js';

export interface CleanArticle {
  title: string;
  text: string;
  html: string;
  wordCount: number;
  removed: Removal[];
  /** Whether anything differs from what was given. */
  changed: boolean;
}

/** An article's title, text and HTML with its outlet's boilerplate taken out (see clean.ts). */
export function cleanArticle(
  a: { title: string; text: string; html: string; wordCount: number },
  repeated?: IsRepeated,
): CleanArticle {
  const { text, removed } = cleanText(a.text, repeated);
  const title = cleanTitle(a.title, removed, repeated);
  if (!removed.length) return { ...a, title, removed, changed: title !== a.title };
  return { title, text, html: cleanHtml(a.html, removed), wordCount: countWords(text), removed, changed: true };
}
