/**
 * What to cut from a page before Readability looks at it: boilerplate that survives
 * Readability on news sites (share bars, newsletter boxes, "related articles", comment
 * prompts), and per-site rules for the sources of our catalog, as a plain map of host →
 * selectors. A rule only removes small blocks (under `maxChars` of text), so a selector
 * that happens to match an article's container cannot take the article with it.
 */
export interface SiteRule {
  /** Where the article is, when the site marks it reliably. */
  content?: string;
  /** Blocks to drop. */
  remove?: string[];
}

export const BOILERPLATE: readonly string[] = [
  '[class*="share-bar"]',
  '[class*="social-share"]',
  '[class*="sharing"]',
  '[class*="share-buttons"]',
  '[class*="newsletter"]',
  '[class*="subscribe"]',
  '[class*="signup"]',
  '[id*="newsletter"]',
  '[class*="related-"]',
  '[class*="recommended"]',
  '[class*="read-more"]',
  '[class*="more-stories"]',
  '[class*="comments"]',
  '[id*="comments"]',
  '[class*="promo"]',
  '[class*="advert"]',
  '[class*="ad-slot"]',
  '[aria-label="Share"]',
  '[role="complementary"]',
];

/** Our catalog's hosts (src/ingest/catalog/ai.ts). Substack posts keep the body in .available-content. */
export const SITE_RULES: Readonly<Record<string, SiteRule>> = {
  'www.interconnects.ai': {
    content: '.available-content',
    remove: ['.subscription-widget-wrap', '.captioned-button-wrap', '.post-footer'],
  },
  'importai.substack.com': {
    content: '.available-content',
    remove: ['.subscription-widget-wrap', '.captioned-button-wrap', '.post-footer'],
  },
  'jack-clark.net': { content: '.entry-content', remove: ['.sharedaddy', '.jp-relatedposts'] },
  'www.deeplearning.ai': { content: 'main article', remove: ['[class*="subscribe"]'] },
  'huggingface.co': { content: '.blog-content', remove: ['.not-prose'] },
  'simonwillison.net': { content: '.entry', remove: ['.entryFooter', '.recent-articles'] },
};

export const MAX_REMOVED_CHARS = 600;

export function ruleFor(url: string | undefined): SiteRule | undefined {
  if (!url) return undefined;
  try {
    return SITE_RULES[new URL(url).hostname];
  } catch {
    return undefined;
  }
}
