/**
 * Finding a model's quote in the article, verbatim up to whitespace and quote marks:
 * both sides are normalised (curly quotes and apostrophes to straight, dashes kept, runs
 * of space to one), the quote is searched in the normalised article, and the match is
 * mapped back to offsets in the original text. A quote not found is not a quote.
 */
function normalizeChar(c: string): string {
  if (/[“”„‟″]/.test(c)) return '"';
  if (/[‘’‚‛′]/.test(c)) return "'";
  return c;
}

interface Normalized {
  text: string;
  /** For each character of `text`, its index in the original. */
  map: number[];
}

function normalize(s: string): Normalized {
  let text = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      if (!space && text.length) {
        text += ' ';
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    text += normalizeChar(c);
    map.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  return { text, map };
}

export function locateVerbatim(article: string, quote: string, from = 0): { start: number; end: number } | undefined {
  const q = normalize(quote.replace(/^[\s"“”'‘’]+|[\s"“”'‘’]+$/g, '')).text;
  if (q.length < 8) return undefined;
  const a = normalize(article);
  const fromN = a.map.findIndex((i) => i >= from);
  const at = a.text.indexOf(q, Math.max(0, fromN));
  if (at < 0) return undefined;
  return { start: a.map[at]!, end: a.map[at + q.length - 1]! + 1 };
}
