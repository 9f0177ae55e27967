/** What an extractor is given. */
export interface ArticleInput {
  id: string;
  title: string;
  text: string;
  url?: string;
  sourceKind?: string;
  /** Who wrote it: the speaker of an opinion piece's key quotes. */
  author?: string;
}

export const LOCAL_EXTRACTOR_VERSION = 'local-2';
