-- A digest: an issue of a newsletter that gathers several stories under one title (its title
-- carried the newsletter's label, taken off when the article was cleaned). An event never
-- takes a digest as its primary while a member reports the story (src/events/primary.ts).
-- Set when the article is cleaned; articles cleaned before this column existed keep 0.
ALTER TABLE articles ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
