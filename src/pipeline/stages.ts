import { extractPage } from '../ingest/page/extract.js';
import { getArticle, updateArticleBody } from '../store/articles.js';
import { getSource } from '../store/sources.js';
import type { Deps } from './deps.js';

/** What a stage says of one article: done (maybe with a note), or it throws to record a failure. */
export interface StageResult {
  note?: string;
}

export interface Stage {
  name: string;
  run(articleId: number, deps: Deps): Promise<StageResult>;
}

/**
 * Full text: when the feed carried a teaser (or the source asks for it), fetch the
 * article's page through the same polite client and keep the extracted body if it is
 * longer than what the feed gave.
 */
export const fullTextStage: Stage = {
  name: 'fulltext',
  async run(articleId, deps) {
    const a = getArticle(deps.db, articleId);
    if (!a) return { note: 'article gone' };
    const source = getSource(deps.db, a.sourceId);
    const mode = source?.fulltext ?? 'auto';
    if (mode === 'never') return { note: 'source says never' };
    if (mode === 'auto' && !a.truncated) return { note: 'feed had full text' };
    if (!a.url) return { note: 'no page URL' };
    const res = await deps.http.get(a.url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', allowPrivate: source?.allowPrivate });
    const page = extractPage(new TextDecoder().decode(res.body), res.url);
    if (page.wordCount <= a.wordCount) return { note: `page gave ${page.wordCount} words, feed ${a.wordCount}: kept the feed's` };
    updateArticleBody(deps.db, articleId, { html: page.html, text: page.text, wordCount: page.wordCount, author: page.author, image: page.image, lang: page.lang, at: deps.clock.now().toISOString() });
    return { note: `page gave ${page.wordCount} words` };
  },
};

/** The stages in the order every article passes through them. */
export const STAGES: readonly Stage[] = [fullTextStage];
export const STAGE_NAMES = STAGES.map((s) => s.name);
