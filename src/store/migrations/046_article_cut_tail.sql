-- The sentence a feed cut mid-way ("… The largest buyer has said it will […]"), taken out of
-- the text a reader sees when the article is cleaned (src/ingest/boilerplate/clean.ts) but kept
-- here: it names what the story is about, and the clusterer reads it with the text. Articles
-- cleaned before this column keep ''.
ALTER TABLE articles ADD COLUMN cut_tail TEXT NOT NULL DEFAULT '';
