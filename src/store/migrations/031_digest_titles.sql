-- Articles cleaned before 030 lost their newsletter label without being marked digests, and
-- kept what followed the label as it was, in lower case ("meet RFK Jr's right-hand man, and
-- inside OpenAI"). A title opening with a lower-case word is such an issue (a name written in
-- lower case has a capital or a digit second: "iPhone", "xAI", "a16z"): on the AI-news stream
-- the 101 stored titles that open so are all newsletter issues. They are marked, and open with a capital as
-- a cleaned digest's title now does; an event titled by one takes its new title here, and its
-- new primary when it is next refreshed (`almanac recluster --since` refreshes them all).
-- Running it again changes nothing: the titles it changed open with a capital.
UPDATE articles SET digest = 1, title = upper(substr(title, 1, 1)) || substr(title, 2)
WHERE upper(substr(title, 1, 1)) <> substr(title, 1, 1) AND lower(substr(title, 2, 1)) = substr(title, 2, 1)
  AND substr(title, 2, 1) NOT IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
UPDATE events SET title = upper(substr(title, 1, 1)) || substr(title, 2)
WHERE upper(substr(title, 1, 1)) <> substr(title, 1, 1) AND lower(substr(title, 2, 1)) = substr(title, 2, 1)
  AND substr(title, 2, 1) NOT IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
