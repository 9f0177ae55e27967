/**
 * Generators of the inputs that stalled extraction (issue 43): texts of 12-25 KB made of long
 * runs of URL-like tokens, of one punctuation mark, of abbreviations, or of words with no
 * sentence end; and pages of a few thousand nested elements. Deterministic (a seeded
 * generator), so a failure names the input that caused it. The words are made up.
 */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const LEAD = 'The lab published a note about its new model. ';

/** Each text class: a name and a generator of about `chars` characters. */
export const TEXT_CLASSES: Record<string, (chars: number) => string> = {
  /** URL-like tokens, spaced, then glued into one token with no space at all (the tokenizer's cost is quadratic in it). */
  'URL-like tokens': (chars) => {
    const rnd = seeded(1);
    const part = () => Math.floor(rnd() * 36 ** 6).toString(36);
    let s = LEAD;
    while (s.length < chars / 4) s += `www.${part()}.${part()}.com/${part()}.${part()}/${part()}.html `;
    while (s.length < chars) s += `https://${part()}.${part()}.example/${part()}.${part()}?id=${part()}`;
    return s;
  },
  /** One mark: a run of "-" thousands long inside a sentence (the summary kept it whole), then a run of "!". */
  'one punctuation mark': (chars) =>
    `${LEAD}It said ${'-'.repeat(Math.floor(chars * 0.7))} and then${'!'.repeat(Math.floor(chars * 0.3))}`,
  /** Abbreviations, spaced ("Dr. U.S. e.g."), then glued ("U.S.U.S.…"). */
  abbreviations: (chars) => {
    const rnd = seeded(2);
    const ab = ['Dr.', 'Mr.', 'U.S.', 'e.g.', 'i.e.', 'Inc.', 'Corp.', 'Jr.', 'St.', 'Prof.', 'etc.', 'vs.', 'No.'];
    let s = LEAD;
    while (s.length < chars / 4) s += `${ab[Math.floor(rnd() * ab.length)]} `;
    return s + 'U.S.'.repeat(Math.ceil((chars - s.length) / 4));
  },
  /** Words and no sentence end: one "sentence" as long as the text. */
  'one endless sentence': (chars) => {
    const rnd = seeded(3);
    let s = LEAD;
    while (s.length < chars)
      s += `${Math.floor(rnd() * 36 ** 5)
        .toString(36)
        .replace(/\d/g, '')} `;
    return s;
  },
};

/** A page of about `bytes` bytes whose body is elements nested thousands deep (lists, tables, divs in turn). */
export function nestedPage(bytes: number, title = 'A page nested deep'): string {
  const open = ['<div>', '<ul><li>', '<table><tr><td>', '<section>'];
  const close = ['</div>', '</li></ul>', '</td></tr></table>', '</section>'];
  let head = '';
  let tail = '';
  for (let i = 0; head.length + tail.length < bytes - 400; i++) {
    head += open[i % open.length];
    tail = close[i % close.length] + tail;
  }
  return `<!doctype html><html><head><title>${title}</title></head><body>${head}<p>The lab published a note about its new model.</p>${tail}</body></html>`;
}
