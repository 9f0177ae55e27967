-- Where the local extractor's summary sentences stand in the article text (a JSON array of
-- {start, end}), so the summary, like the quotes and claims, points at the article's own
-- words. NULL for older rows and for a model's summary, which is its own wording.
ALTER TABLE extractions ADD COLUMN summary_spans TEXT;
