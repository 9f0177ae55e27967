/**
 * Longest sentence kept whole; a longer one is cut into pieces at token boundaries. Apart from
 * bound-text.ts, which loads the NLP model: the web pages split sentences with it too, and a web
 * worker has no use for the model (tens of megabytes of heap, seconds of start).
 */
export const MAX_SENTENCE_CHARS = 600;
